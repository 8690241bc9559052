/**
 * Routes key presses through the keymap to review actions (and menu commands from Electron).
 * Mounted once for the whole frame, so ? and Esc work on the batch list too.
 */
import { useEffect } from 'react';
import { chordOf } from '../../shared/keymap';
import { runAction, runSync, signOut } from './actions';
import { api } from '../api';
import { notYetAvailable, reviewActionFor } from './menuCommands';
import { getState, setState } from '../state/store';
import { keyStarted } from '../state/timing';

/** Whether a key belongs to the element it was typed into rather than to the review keys. */
export function keyBelongsToTarget(e: Pick<KeyboardEvent, 'key'>, t: HTMLElement | null): boolean {
  if (!t || t === document.body) return false;
  // Typing in a field (sign-in, comment) is text, not review commands.
  if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable) return true;
  // Enter and Space press whatever control has the focus, as everywhere else on a page.
  const presses = e.key === 'Enter' || e.key === ' ';
  return presses && t.closest('button, a[href], [role="button"], [role="dialog"], dialog') !== null;
}

/** The review keys are the reviewer's (`keymap` in the store: the defaults with their rebindings). */
export function useReviewKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The sign-in is modal: behind it nothing is reviewed (it closes itself on Escape).
      // The settings panel is modal too: it is where a key is being rebound.
      if (e.isComposing || getState().showSignIn || getState().showSettings) return;
      // An open field (z, subclass, flags, comment) takes every key until it closes.
      if (getState().field !== null) return;
      if (keyBelongsToTarget(e, e.target as HTMLElement | null)) return;
      // No batch open: the batch list's keys (cursor, open, sync), as rebound too.
      const action = (getState().review ? getState().keymap : getState().batchListKeymap)[chordOf(e)];
      if (!action) return;
      e.preventDefault();
      keyStarted(action.kind);
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    const offMenu = api.on('menu', ({ command }) => {
      const action = reviewActionFor(command);
      if (action) {
        if (!getState().showSignIn) runAction(action);
      } else if (command === 'sync') void runSync();
      else if (command === 'sign-out') void signOut();
      else if (command === 'sign-in') setState({ showSignIn: true });
      else notYetAvailable(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);
}
