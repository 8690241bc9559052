/** The 2D team's list of reported fibre ranges, filtered by state and night: a r x handle one with a note. */
import { setProblemDates } from './deskFilters';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk } from './deskState';

export function DeskProblems() {
  const problems = useDesk((s) => s.problems);
  const cursor = useDesk((s) => s.cursor);
  const filter = useDesk((s) => s.problemFilter);
  const quiet = useDesk((s) => s.failure !== null || s.loading);
  return (
    <>
      <p className="desk-filters">
        state <strong data-testid="desk-problem-state">{filter.state}</strong> (f changes it) · nights{' '}
        <label>
          from <input type="date" value={filter.from} onChange={(e) => setProblemDates({ from: e.target.value })} />
        </label>{' '}
        <label>
          to <input type="date" value={filter.to} onChange={(e) => setProblemDates({ to: e.target.value })} />
        </label>
      </p>
      {problems.length === 0 && !quiet && (
        <p className="placeholder" data-testid="desk-empty">
          No {filter.state === 'all' ? '' : `${filter.state} `}problem reports{filter.from || filter.to ? ' in these nights' : ''}: all is handled.
        </p>
      )}
      {problems.length > 0 && (
        <table>
          <TableHead columns={['night', 'plan · sp', 'fibres', 'type', 'reporter', 'state', 'note']} />
          <tbody>
            {problems.map((p, i) => (
              <CursorRow key={p.id} atCursor={i === cursor} testId="desk-problem">
                <td>{p.obsdate ?? p.lmjd}</td>
                <td>
                  {p.planid} · {p.spid}
                </td>
                <td>
                  {p.fiberFrom}–{p.fiberTo}
                </td>
                <td title={p.text}>{p.type}</td>
                <td>{p.reporter}</td>
                <td data-testid="desk-problem-state-cell">{p.state}</td>
                <td>{p.note ?? '—'}</td>
              </CursorRow>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
