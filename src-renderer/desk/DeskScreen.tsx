/**
 * The frame of a desk screen: its title, why it shows nothing (offline, denied) in one line,
 * the screen's table, the line being typed (a note, a reviewer), and its keys.
 */
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { DeskBatches } from './DeskBatches';
import { DeskExport } from './DeskExport';
import { DeskNewBatch } from './DeskNewBatch';
import { DeskProblems } from './DeskProblems';
import { DeskProgressTable } from './DeskProgressTable';
import { DeskRecheck } from './DeskRecheck';
import { DeskTraceSearch } from './DeskTraceSearch';
import { deskKeysNow, DESK_SCREENS, keyLabel } from './deskKeys';
import { useApp } from '../state/store';
import { setDesk, useDesk, type DeskEntry, type DeskScreen as Screen } from './deskState';

const BODY: Record<Screen, () => ReactNode> = {
  batches: () => <DeskBatches />,
  newBatch: () => <DeskNewBatch />,
  progress: () => <DeskProgressTable />,
  recheck: () => <DeskRecheck />,
  problems: () => <DeskProblems />,
  trace: () => <DeskTraceSearch />,
  export: () => <DeskExport />,
};

export function DeskScreen({ screen }: { screen: Screen }) {
  const failure = useDesk((s) => s.failure);
  const loading = useDesk((s) => s.loading);
  const entry = useDesk((s) => s.entry);
  const title = DESK_SCREENS.find((d) => d.screen === screen)!.title;
  return (
    <section className="batch-list desk" data-testid={`desk-screen-${screen}`}>
      <h1>
        {title} {loading && <span className="hint">loading…</span>}
      </h1>
      {failure && (
        <p className="desk-failure" role="alert" data-testid="desk-failure">
          {failure}
        </p>
      )}
      {BODY[screen]()}
      {entry && <EntryLine entry={entry} />}
      <KeyLine />
    </section>
  );
}

/** The line typed under the list; Enter sends it, Esc drops it. A refused send keeps the text. */
function EntryLine({ entry }: { entry: DeskEntry }) {
  const [text, setText] = useState(entry.text);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Focused on opening, and again after a refused send (the field was disabled while sending).
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy]);
  const send = async () => {
    if ((!text.trim() && !entry.allowEmpty) || busy) return;
    setBusy(true);
    try {
      await entry.submit(text.trim());
      setDesk({ entry: null });
    } catch {
      // The one line is on screen already (deskActions.change); the text stays to fix and send again.
      setBusy(false);
    }
  };
  return (
    <label className="desk-entry">
      {entry.label}:{' '}
      <input
        ref={input}
        value={text}
        disabled={busy}
        aria-label={entry.label}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void send();
          if (e.key === 'Escape') setDesk({ entry: null });
          e.stopPropagation();
        }}
      />{' '}
      <span className="hint">Enter sends, Esc drops it</span>
    </label>
  );
}

function KeyLine() {
  const member = useDesk((s) => s.member);
  const keymap = useApp((s) => s.keymap);
  const screenKeys = useApp((s) => s.screenKeys);
  // The keys in force follow the screen and whether a case or a report is open.
  useDesk((s) => s.screen);
  useDesk((s) => s.openCase !== null);
  useDesk((s) => s.openProblem !== null);
  const keys = deskKeysNow(member, keymap, screenKeys);
  return (
    <p className="hint desk-keys" data-testid="desk-keys">
      {keys.map((k) => (
        <span key={k.keys.join()}>
          <kbd>{k.keys.map(keyLabel).join(' ')}</kbd> {k.text}
        </span>
      ))}
    </p>
  );
}
