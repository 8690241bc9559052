/** Progress for a period, per reviewer or per batch: done / total, verdicts, median time, open batches. */
import { setPeriod } from './deskFilters';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk } from './deskState';

const seconds = (s: number | null) => (s === null ? '—' : `${s.toFixed(0)} s`);

export function DeskProgressTable() {
  const period = useDesk((s) => s.period);
  const report = useDesk((s) => s.progress);
  const cursor = useDesk((s) => s.cursor);
  return (
    <>
      <p className="desk-filters">
        <label>
          from <input type="date" value={period.from} onChange={(e) => setPeriod({ from: e.target.value })} />
        </label>{' '}
        <label>
          to <input type="date" value={period.to} onChange={(e) => setPeriod({ to: e.target.value })} />
        </label>{' '}
        per <strong>{period.by}</strong>
      </p>
      {report && report.rows.length === 0 && <p className="placeholder">No work in this period.</p>}
      {report && report.rows.length > 0 && (
        <table>
          <TableHead columns={[report.by, 'done', 'verdicts', 'median / spectrum', report.by === 'reviewer' ? 'open batches' : 'state']} />
          <tbody>
            {report.rows.map((r, i) => (
              <CursorRow key={'openBatches' in r ? r.reviewer : r.id} atCursor={i === cursor} testId="desk-progress">
                <td>{'openBatches' in r ? r.reviewer : `${r.name} (${r.assignee})`}</td>
                <td className="done">
                  <progress max={Math.max(1, r.total)} value={r.done} /> {r.done} / {r.total}
                </td>
                <td>{r.verdicts}</td>
                <td>{seconds(r.medianSeconds)}</td>
                <td>{'openBatches' in r ? r.openBatches : r.state}</td>
              </CursorRow>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
