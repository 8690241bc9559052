/**
 * The reviewer's batches, keyboard first: ↑/↓ (j/k) move the cursor, Enter opens the batch at
 * its bookmark, s syncs (BATCH_LIST_KEYMAP); a click on a name or button does the same. Each row:
 * name, mode, done / total with a bar, the due date the coordinator set (marked when past and
 * not done), when it was last opened.
 */
import { useEffect, useRef } from 'react';
import type { BatchSummary, ReviewMode } from '../../shared/model';
import { openBatch } from '../review/actions';
import { useApp } from '../state/store';

const MODE_TEXT: Record<ReviewMode, string> = {
  single: 'single spectrum',
  browse: 'browse (stars)',
  spectrograph: 'spectrograph',
};

export function BatchList() {
  const batches = useApp((s) => s.batches);
  const origin = useApp((s) => s.status?.origin.kind);
  const cursor = useApp((s) => s.batchCursor);
  if (batches === null) return <p className="placeholder">Loading your batches…</p>;
  if (batches.length === 0) {
    return <p className="placeholder">No batches assigned to you. Press s or Sync to fetch them from the server.</p>;
  }
  const at = Math.min(cursor, batches.length - 1);
  return (
    <section className="batch-list">
      <h1>Your batches</h1>
      {origin === 'demo' && (
        <p className="hint">
          This is the built-in demo survey: real FITS spectra on your disk, no server needed. ↑ ↓ pick a batch, Enter opens it,
          then review with the keyboard (press ? for the keys).
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>batch</th>
            <th>mode</th>
            <th>done</th>
            <th>due</th>
            <th>last opened</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {batches.map((b, i) => (
            <BatchRow key={b.id} batch={b} atCursor={i === at} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BatchRow({ batch, atCursor }: { batch: BatchSummary; atCursor: boolean }) {
  const open = () => void openBatch(batch.id);
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (atCursor) row.current?.scrollIntoView({ block: 'nearest' });
  }, [atCursor]);
  const classes = [batch.state === 'cancelled' ? 'cancelled' : '', atCursor ? 'at-cursor' : ''].filter(Boolean).join(' ');
  return (
    <tr ref={row} className={classes || undefined} aria-current={atCursor ? 'true' : undefined} data-testid="batch-row">
      <td>
        <button type="button" className="link" onClick={open}>
          {batch.name}
        </button>
      </td>
      <td>{MODE_TEXT[batch.mode]}</td>
      <td className="done" data-testid="batch-done">
        <progress max={batch.itemCount} value={batch.reviewedCount} aria-label={`${batch.name} done`} /> {batch.reviewedCount} / {batch.itemCount}
      </td>
      <DueCell batch={batch} />
      <td data-testid="batch-last-opened">{batch.lastOpened === null ? 'never' : lastOpenedText(batch.lastOpened)}</td>
      <td>
        <button type="button" onClick={open}>
          {batch.bookmark !== null ? 'Continue' : 'Start'}
        </button>
      </td>
    </tr>
  );
}

/** Past its due date and not done: the reviewer's own calendar day decides. */
export function isOverdue(batch: Pick<BatchSummary, 'dueDate' | 'reviewedCount' | 'itemCount'>, now = new Date()): boolean {
  return batch.dueDate !== null && batch.dueDate < localDay(now) && batch.reviewedCount < batch.itemCount;
}

function DueCell({ batch }: { batch: BatchSummary }) {
  const overdue = isOverdue(batch);
  return (
    <td data-testid="batch-due" className={overdue ? 'overdue' : undefined}>
      {batch.dueDate ?? '—'}
      {overdue && <strong> overdue</strong>}
    </td>
  );
}

/** "2026-11-28 14:05", in the reviewer's own time zone. */
export function lastOpenedText(iso: string): string {
  const d = new Date(iso);
  return `${localDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
