/** The reviewer's batches; opening one starts reviewing at its bookmark. */
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
  if (batches === null) return <p className="placeholder">Loading your batches…</p>;
  if (batches.length === 0) {
    return <p className="placeholder">No batches assigned to you. Press Sync to fetch them from the server.</p>;
  }
  return (
    <section className="batch-list">
      <h1>Your batches</h1>
      {origin === 'demo' && (
        <p className="hint">
          This is the built-in demo survey: real FITS spectra on your disk, no server needed. Open a batch and review with the
          keyboard (press ? for the keys).
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>batch</th>
            <th>mode</th>
            <th>spectra</th>
            <th>reviewed</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <BatchRow key={b.id} batch={b} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BatchRow({ batch }: { batch: BatchSummary }) {
  const open = () => void openBatch(batch.id);
  return (
    <tr className={batch.state === 'cancelled' ? 'cancelled' : undefined} data-testid="batch-row">
      <td>
        <button type="button" className="link" onClick={open}>
          {batch.name}
        </button>
      </td>
      <td>{MODE_TEXT[batch.mode]}</td>
      <td>{batch.itemCount}</td>
      <td>
        {batch.reviewedCount} / {batch.itemCount}
      </td>
      <td>
        <button type="button" onClick={open}>
          {batch.bookmark !== null ? 'Continue' : 'Start'}
        </button>
      </td>
    </tr>
  );
}
