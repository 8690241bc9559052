/** Routes key presses through the keymap to review actions (and menu commands from Electron). */
import { useEffect } from 'react';
import { chordOf, DEFAULT_KEYMAP, type Keymap } from '../../shared/keymap';
import { runAction, runSync, signOut } from './actions';
import { api } from '../api';
import { notYetAvailable, reviewActionFor } from './menuCommands';
import { setState } from '../state/store';

export function useReviewKeys(keymap: Keymap = DEFAULT_KEYMAP): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Typing in a field (sign-in, comment) is text, not review commands.
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      const action = keymap[chordOf(e)];
      if (!action) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    const offMenu = api.on('menu', ({ command }) => {
      const action = reviewActionFor(command);
      if (action) runAction(action);
      else if (command === 'sync') void runSync();
      else if (command === 'sign-out') void signOut();
      else if (command === 'sign-in') setState({ showSignIn: true });
      else notYetAvailable(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [keymap]);
}
