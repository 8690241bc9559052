/** The keys a view needs most, in one line under it (`?` shows them all). */
import { memo } from 'react';

/** Each pair stays whole: a pair that does not fit is left out, never wrapped onto a second line. */
export type KeyHint = readonly [keys: string, what: string];

/** The last pairs (the way back and `?`) are always shown; the others, in order, as far as the width allows. */
const PINNED = 2;

/** Memo: its screen re-renders on every key, the hints change only with the keymap. */
export const KeyHints = memo(function KeyHints({ hints }: { hints: readonly KeyHint[] }) {
  const cut = Math.max(0, hints.length - PINNED);
  return (
    <footer className="key-hint" data-testid="key-hint">
      <span className="key-pairs">{hints.slice(0, cut).map(pair)}</span>
      <span className="key-pinned">{hints.slice(cut).map(pair)}</span>
    </footer>
  );
});

function pair([keys, what]: KeyHint) {
  return (
    <span key={keys} className="key-pair">
      <kbd>{keys}</kbd> {what}
    </span>
  );
}
