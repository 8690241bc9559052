/**
 * Progress for a period. Per reviewer or per batch: verdicts per day as a plot, then done /
 * total, verdicts, median time per spectrum and open batches (or the batch's state). Per plan
 * or per night: the share of spectra checked and of those corrected, by pipeline class
 * (DeskShareTable). The view, the plot and the period move by keys (deskKeys.ts).
 */
import type { DeskProgress } from '../../shared/desk';
import { setPeriod } from './deskFilters';
import { DeskProgressPlot, type PlotRow } from './DeskProgressPlot';
import { DeskShareTable } from './DeskShareTable';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk } from './deskState';

const seconds = (s: number | null) => (s === null ? '—' : `${s.toFixed(0)} s`);
const VIEW_TEXT = { reviewer: 'per reviewer', batch: 'per batch', plan: 'per plan', night: 'per night' } as const;

type WorkReport = Extract<DeskProgress, { by: 'reviewer' | 'batch' }>;

export function DeskProgressTable() {
  const period = useDesk((s) => s.period);
  const report = useDesk((s) => s.progress);
  return (
    <>
      <p className="desk-filters">
        <label>
          from <input type="date" value={period.from} onChange={(e) => setPeriod({ from: e.target.value })} />
        </label>{' '}
        <label>
          to <input type="date" value={period.to} onChange={(e) => setPeriod({ to: e.target.value })} />
        </label>{' '}
        <strong data-testid="desk-progress-view">{VIEW_TEXT[period.by]}</strong>
        <span className="hint">
          {period.by === 'plan' || period.by === 'night' ? ' — nights observed in the period, checked by now' : ' — verdicts made in the period'}
        </span>
      </p>
      {report && report.rows.length === 0 && <p className="placeholder">No work in this period.</p>}
      {report && report.rows.length > 0 && (report.by === 'plan' || report.by === 'night' ? <DeskShareTable report={report} /> : <WorkTable report={report} />)}
    </>
  );
}

function WorkTable({ report }: { report: WorkReport }) {
  const cursor = useDesk((s) => s.cursor);
  const label = (r: WorkReport['rows'][number]) => ('openBatches' in r ? r.reviewer : `${r.name} (${r.assignee})`);
  const plotRows: PlotRow[] = report.rows.map((r) => ({ label: label(r), verdicts: r.verdicts, perDay: r.perDay }));
  const verdicts = report.rows.reduce((n, r) => n + r.verdicts, 0);
  const open = report.by === 'reviewer' ? report.rows.reduce((n, r) => n + r.openBatches, 0) : 0;
  return (
    <>
      <p data-testid="desk-progress-summary">
        <strong>{verdicts}</strong> verdicts in the period by <strong>{report.rows.filter((r) => r.verdicts > 0).length}</strong>{' '}
        {report.by === 'reviewer' ? 'reviewers' : 'batches'}
        {report.by === 'reviewer' && (
          <>
            {' '}
            · <strong>{open}</strong> open {open === 1 ? 'batch' : 'batches'}
          </>
        )}
      </p>
      <DeskProgressPlot from={report.from} to={report.to} rows={plotRows} />
      <table>
        <TableHead columns={[report.by, 'done', 'verdicts', 'median / spectrum', report.by === 'reviewer' ? 'open batches' : 'state']} />
        <tbody>
          {report.rows.map((r, i) => (
            <CursorRow key={'openBatches' in r ? r.reviewer : r.id} atCursor={i === cursor} testId="desk-progress">
              <td>{label(r)}</td>
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
    </>
  );
}
