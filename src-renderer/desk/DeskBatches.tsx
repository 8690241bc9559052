/** Every reviewer's active batches with done / total, the coordinator's: x cancels, a reassigns, d dates, n builds a new one. */
import { useDesk } from './deskState';
import { CursorRow, TableHead } from './DeskTable';

export function DeskBatches() {
  const batches = useDesk((s) => s.batches);
  const cursor = useDesk((s) => s.cursor);
  const confirm = useDesk((s) => s.confirmCancel);
  const quiet = useDesk((s) => s.failure !== null || s.loading);
  if (batches.length === 0) return quiet ? null : <p className="placeholder">No active batches. Press n to build one.</p>;
  return (
    <table>
      <TableHead columns={['batch', 'reviewer', 'mode', 'done', 'due']} />
      <tbody>
        {batches.map((b, i) => (
          <CursorRow key={b.id} atCursor={i === cursor} testId="desk-batch">
            <td>{b.name}</td>
            <td>{b.assignee}</td>
            <td>{b.mode}</td>
            <td className="done">
              <progress max={Math.max(1, b.total)} value={b.done} aria-label={`${b.name} ${b.assignee} done`} /> {b.done} / {b.total}
            </td>
            <td>
              {b.due ?? '—'}
              {confirm === b.id && <strong className="desk-confirm"> press x again to cancel it</strong>}
            </td>
          </CursorRow>
        ))}
      </tbody>
    </table>
  );
}
