/**
 * The key help (`?`): the keys of the screen on view, grouped by purpose in columns, read
 * without scrolling; Tab turns to every other screen's keys (keyHelpPages.ts). As rebound.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import type { HelpRow } from '../../shared/keymap';
import { lineNames, LINES_BY_CLASS } from '../../shared/lines';
import { useBrowse } from '../browse/browseState';
import { deskKeysNow, deskScopeNow } from '../desk/deskKeys';
import { useDesk } from '../desk/deskState';
import { setState, useApp } from '../state/store';
import { columnsFor, helpPages, intoColumns, type BoundKeys, type HelpGroup, type ScreenId } from './keyHelpPages';

export function KeyHelp() {
  const show = useApp((s) => s.showHelp);
  // Mounted afresh on each opening, so it always opens on the screen's own keys.
  return show ? <KeyHelpDialog /> : null;
}

/** Which screen's keys are live: a batch's view, else the desk scope (the batch list's own when no desk screen is open). */
function useScreenOnView(): ScreenId {
  const mode = useApp((s) => s.review?.batch.mode ?? null);
  const single = useBrowse((b) => b.single);
  // Subscribed so the page follows a case or report opening under it, and the export's cursor keys coming and going.
  useDesk((d) => `${d.screen} ${d.openCase !== null} ${d.openProblem !== null} ${d.exportForm.by}`);
  if (mode === 'spectrograph') return 'spectrograph';
  if (mode === 'browse' && !single) return 'browse';
  if (mode) return 'review';
  const scope = deskScopeNow();
  return scope === 'home' ? 'batchList' : scope;
}

/** The two pages, as the reviewer has bound the keys (built while the help is open only: a few dozen rows). */
function useHelpPages() {
  const here = useScreenOnView();
  const b: BoundKeys = {
    keymap: useApp((s) => s.keymap),
    listKeymap: useApp((s) => s.batchListKeymap),
    browseKeymap: useApp((s) => s.browseKeymap),
    slitKeymap: useApp((s) => s.slitKeymap),
    screenKeys: useApp((s) => s.screenKeys),
    member: useDesk((d) => d.member),
  };
  const onDesk = here !== 'batchList' && here !== 'review' && here !== 'browse' && here !== 'spectrograph';
  return helpPages(here, b, onDesk ? deskKeysNow(b.member, b.keymap, b.screenKeys) : undefined);
}

/** Keeps the keyboard focus where it was when a tab is clicked (Enter must not press the tab). */
const keepFocus = { onMouseDown: (e: { preventDefault(): void }) => e.preventDefault() };

function KeyHelpDialog() {
  const pages = useHelpPages();
  const cls = useApp((s) => s.review?.draft.class ?? null);
  const [page, setPage] = useState<'here' | 'others'>('here');
  useEffect(() => {
    // While the help is open no screen takes Tab (the desk's keys wait): it turns the page.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      setPage((p) => (p === 'here' ? 'others' : 'here'));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
  const cols = page === 'here' ? columnsFor(pages.here.groups) : 3;
  const tab = (which: typeof page, label: string) => (
    <button type="button" role="tab" aria-selected={page === which} {...keepFocus} onClick={(e) => {
        e.stopPropagation();
        setPage(which);
      }}>
      {label}
    </button>
  );
  return (
    <div className="key-help" role="dialog" aria-label="review keys" style={{ '--cols': cols } as CSSProperties} onClick={() => setState({ showHelp: false })}>
      <div className="key-help-tabs" role="tablist" aria-label="whose keys">
        {tab('here', `Here: ${pages.here.title}`)}
        {tab('others', 'Other screens')}
        {page === 'here' && pages.here.note && <span className="key-help-note">({pages.here.note})</span>}
      </div>
      <div className="key-help-page" role="tabpanel" data-testid="key-help-page" data-page={page}>
        {page === 'here' ? (
          <Columns groups={pages.here.groups} n={cols} />
        ) : (
          pages.others.map((s) => (
            <section key={s.id} data-testid={`key-help-${s.id}`}>
              <h2 className="key-help-title">
                {s.title}
                {s.note && <span className="key-help-note"> ({s.note})</span>}
              </h2>
              <Columns groups={s.groups} n={cols} />
            </section>
          ))
        )}
      </div>
      {page === 'here' && cls && (
        <p className="lines-in-use" data-testid="lines-in-use">
          Lines marked for {cls} (solid emission, dashed absorption): {lineNames(LINES_BY_CLASS[cls])}
        </p>
      )}
      <p>
        <kbd>Tab</kbd> {page === 'here' ? 'other screens’ keys' : 'back to this screen’s keys'}. Press ? again, Esc or click to close.
      </p>
    </div>
  );
}

function Columns({ groups, n }: { groups: readonly HelpGroup[]; n: number }) {
  return (
    <div className="key-columns">
      {intoColumns(groups, n).map((column, i) => (
        <div className="key-column" key={i}>
          {column.map((g) => (
            <section className="key-group" key={g.title}>
              <h3>{g.title}</h3>
              <KeyRows rows={g.rows} testid={g.own ? 'mode-keys' : undefined} />
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}

function KeyRows({ rows, testid }: { rows: HelpRow[]; testid?: string | undefined }) {
  return (
    <ul className="key-rows" data-testid={testid}>
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
