/**
 * The browse grid's own keys (shared/modeKeys.ts BROWSE_KEYMAP, as rebound), listened to before the review
 * keys (capture phase) and only while a browse batch is open: a chord found here is handled and
 * stopped; every other key goes on to the review keys, so s g q u, 0–4, [ ], z, ← → and Ctrl+Z
 * act on the thumbnail under the cursor. In the single view Esc comes back to the grid.
 */
import { useEffect } from 'react';
import type { BrowseAction } from '../../shared/modeKeys';
import { chordOf } from '../../shared/keymap';
import { keyBelongsToTarget } from '../review/useReviewKeys';
import { getState, useApp } from '../state/store';
import { useBrowse } from './browseState';
import { followCursor, moveRow, openOrPageOn, pageBack, pageOn } from './paging';

function run(a: BrowseAction): void {
  if (a.kind === 'row') moveRow(a.step);
  else if (a.kind === 'page') (a.step > 0 ? pageOn : pageBack)();
  else openOrPageOn(a.orPageOn);
}

export function useBrowseKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = getState();
      if (e.isComposing || s.showSignIn || s.showSettings || s.review?.batch.mode !== 'browse') return;
      if (keyBelongsToTarget(e, e.target as HTMLElement | null)) return;
      const chord = chordOf(e);
      if (useBrowse.getState().single) {
        if (chord !== 'Escape' || s.showHelp || s.field !== null) return;
        e.preventDefault();
        e.stopPropagation();
        useBrowse.setState({ single: false });
        return;
      }
      const action = s.showHelp || s.field !== null ? undefined : s.browseKeymap[chord];
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    // A browse batch opens as a grid whose first page starts at the bookmark; any move of the
    // cursor (a key here, → in the review keys, a save moving on) keeps its page on screen.
    const offMoves = useApp.subscribe((now, before) => {
      const r = now.review;
      if (r?.batch.mode !== 'browse') return;
      if (r.batch.id !== before.review?.batch.id) useBrowse.setState({ top: r.index, single: false });
      else if (r.index !== before.review.index) followCursor();
    });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      offMoves();
    };
  }, []);
}
