/** Every key of the active keymap, with what it does (the ? key), in the order they are learnt. */
import { useMemo } from 'react';
import { helpRows, type HelpRow, type Keymap } from '../../shared/keymap';
import { lineNames, LINES_BY_CLASS } from '../../shared/lines';
import { setState, useApp } from '../state/store';

interface KeyHelpProps {
  /** The open view's own keys (browse grid, spectrograph view), listed first under their title. */
  modeRows?: { title: string; rows: HelpRow[] } | undefined;
}

export function KeyHelp({ modeRows }: KeyHelpProps) {
  const keymap = useApp((s) => s.keymap);
  const listKeymap = useApp((s) => s.batchListKeymap);
  const show = useApp((s) => s.showHelp);
  const cls = useApp((s) => s.review?.draft.class ?? null);
  const reviewing = useApp((s) => s.review !== null);
  // The batch list's keys first there, the review keys after them (what opening a batch gives).
  const rows = useMemo(() => (reviewing ? helpRows(keymap) : listThenReview(listKeymap, keymap)), [keymap, listKeymap, reviewing]);
  if (!show) return null;
  return (
    <div className="key-help" role="dialog" aria-label="review keys" onClick={() => setState({ showHelp: false })}>
      {modeRows && (
        <>
          <h2 className="key-help-title">{modeRows.title}</h2>
          <KeyRows rows={modeRows.rows} testid="mode-keys" />
          <h2 className="key-help-title">{reviewing ? 'Review keys' : 'Batch list keys, then the review keys'}{modeRows.title === 'Browse grid' ? ' (on the thumbnail under the cursor)' : ''}</h2>
        </>
      )}
      <KeyRows rows={rows} />
      {cls && (
        <p className="lines-in-use" data-testid="lines-in-use">
          Lines marked for {cls} (solid emission, dashed absorption): {lineNames(LINES_BY_CLASS[cls])}
        </p>
      )}
      <p>Press ? again, Esc or click to close.</p>
    </div>
  );
}

function KeyRows({ rows, testid }: { rows: HelpRow[]; testid?: string }) {
  return (
    <ul className={testid === 'mode-keys' ? 'key-rows mode-rows' : 'key-rows'} data-testid={testid}>
      {rows.map((row) => (
        <li key={row.text}>
          <span className="keys">
            {row.keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </span>
          <span>{row.text}</span>
        </li>
      ))}
    </ul>
  );
}

function listThenReview(listKeymap: Keymap, keymap: Keymap): HelpRow[] {
  const list = helpRows(listKeymap);
  const said = new Set(list.map((r) => r.text));
  return [...list, ...helpRows(keymap).filter((r) => !said.has(r.text))];
}
