/**
 * The desk's keys (deskKeys.ts), listened to before the review keys (capture phase) while no
 * batch is open: on the batch list only the keys that open a desk screen are taken; inside a
 * screen every key is the screen's, so s (sync on the batch list) means "star" in a recheck
 * case. ? (the batch list's help key, as rebound) still opens the key help. Typing in a field (a note, a date) is text.
 */
import { useEffect } from 'react';
import { chordOf } from '../../shared/keymap';
import { showError } from '../review/notify';
import { keyBelongsToTarget } from '../review/useReviewKeys';
import { getState } from '../state/store';
import { deskKeysNow } from './deskKeys';
import { getDesk } from './deskState';

export function useDeskKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = getState();
      // The settings panel takes every key while open: it is where a key is being rebound.
      if (e.isComposing || s.showSignIn || s.showSettings || s.showHelp || s.review !== null) return;
      if (keyBelongsToTarget(e, e.target as HTMLElement | null)) return;
      const chord = chordOf(e);
      const key = deskKeysNow(getDesk().member, s.keymap, s.screenKeys).find((k) => k.keys.includes(chord));
      if (!key && (getDesk().screen === null || s.batchListKeymap[chord]?.kind === 'help')) return;
      e.preventDefault();
      e.stopPropagation();
      if (key) Promise.resolve(key.run(chord)).catch(showError);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
