/** The keys a view needs most, in one line under it (`?` shows them all). */
import { Fragment } from 'react';

/** Each pair stays on one line; the separators are where a narrow window may wrap. */
export type KeyHint = readonly [keys: string, what: string];

export function KeyHints({ hints }: { hints: readonly KeyHint[] }) {
  return (
    <footer className="key-hint" data-testid="key-hint">
      {hints.map(([keys, what], i) => (
        <Fragment key={keys}>
          {i > 0 && ' · '}
          <span>
            <kbd>{keys}</kbd> {what}
          </span>
        </Fragment>
      ))}
    </footer>
  );
}
