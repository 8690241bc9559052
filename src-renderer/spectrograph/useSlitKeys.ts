/**
 * The spectrograph view's keys (shared/modeKeys.ts SPECTROGRAPH_KEYMAP, as rebound), listened to before
 * the review keys (capture phase) while a spectrograph batch is open. The review keys that
 * judge one spectrum mean nothing here and are held back; ? and Esc keep their meaning (Esc
 * first drops a selection of several fibres, then goes back to the batch list).
 */
import { useEffect } from 'react';
import { chordOf } from '../../shared/keymap';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import type { SpectrographAction } from '../../shared/modeKeys';
import { keyBelongsToTarget } from '../review/useReviewKeys';
import { getState } from '../state/store';
import { closeForm, openForm } from './reports';
import { moveCursor, useSlit } from './slitState';

function run(a: SpectrographAction): void {
  const s = useSlit.getState();
  if (a.kind === 'fibre') moveCursor(s.cursor + a.step, a.extend);
  else if (a.kind === 'end') moveCursor(a.which === 'first' ? 1 : FIBERS_PER_SPECTROGRAPH, false);
  else if (a.kind === 'overview') useSlit.setState({ overview: !s.overview });
  else openForm();
}

export function useSlitKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const app = getState();
      if (e.isComposing || app.showSignIn || app.showSettings || app.review?.batch.mode !== 'spectrograph') return;
      if (keyBelongsToTarget(e, e.target as HTMLElement | null)) return;
      const chord = chordOf(e);
      if (useSlit.getState().form) {
        // The form is open but not focused: nothing behind it acts; Esc closes it.
        if (chord === 'Escape') closeForm();
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const passOn = app.keymap[chord]?.kind;
      if (chord === 'Escape' && !app.showHelp && useSlit.getState().anchor !== null) {
        useSlit.setState({ anchor: null });
      } else if (passOn === 'help' || passOn === 'back') {
        return;
      } else {
        const action = app.showHelp ? undefined : app.slitKeymap[chord];
        if (!action && !passOn) return;
        if (action) run(action);
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
