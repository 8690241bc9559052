/**
 * The 2D team's list of reported fibre ranges, filtered by state, nights, plan, spectrograph,
 * type and origin (each a chip with its key; plan, spectrograph and type open a list of the
 * values reported under their chip): a r x handle one with a note, Enter opens it on its
 * spectrograph (DeskProblemOpen.tsx).
 */
import { problemTypeLabel } from '../../shared/problemTypes';
import { narrow, TypeAheadList } from '../review/TypeAheadList';
import { closeProblemPick, setProblemDates } from './problemFilters';
import { CursorRow, TableHead } from './DeskTable';
import { DeskProblemOpen } from './DeskProblemOpen';
import { useDesk, type ProblemFilterState, type ProblemPick } from './deskState';

export function DeskProblems() {
  const problems = useDesk((s) => s.problems);
  const cursor = useDesk((s) => s.cursor);
  const filter = useDesk((s) => s.problemFilter);
  const open = useDesk((s) => s.openProblem);
  const quiet = useDesk((s) => s.failure !== null || s.loading);
  if (open) return <DeskProblemOpen open={open} />;
  return (
    <>
      <ProblemFilterChips filter={filter} />
      {problems.length === 0 && !quiet && (
        <p className="placeholder" data-testid="desk-empty">
          No {filter.state === 'all' ? '' : `${filter.state} `}problem reports{narrowed(filter) ? ' that match these filters' : ''}: all is handled.
        </p>
      )}
      {problems.length > 0 && (
        <table>
          <TableHead columns={['night', 'plan · sp', 'fibres', 'type', 'origin', 'reporter', 'state', 'note']} />
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
                <td title={p.text}>{problemTypeLabel(p.type)}</td>
                <td>{p.origin}</td>
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

const narrowed = (f: ProblemFilterState) => Boolean(f.from || f.to || f.planid || f.spid !== null || f.type || f.origin);

/** Each filter as a chip naming its key; the nights also as date fields. */
function ProblemFilterChips({ filter: f }: { filter: ProblemFilterState }) {
  return (
    <p className="desk-filters desk-chips" data-testid="desk-problem-filters">
      <Chip k="f" name="state" value={f.state} testId="desk-problem-state" />
      <span className={f.from || f.to ? 'chip set' : 'chip'}>
        <kbd>d</kbd> nights{' '}
        <input type="date" aria-label="nights from" value={f.from} onChange={(e) => setProblemDates({ from: e.target.value })} /> –{' '}
        <input type="date" aria-label="nights to" value={f.to} onChange={(e) => setProblemDates({ to: e.target.value })} />
      </span>
      <Chip k="p" name="plan" value={f.planid} pick="planid" />
      <Chip k="s" name="spectrograph" value={f.spid === null ? '' : String(f.spid)} pick="spid" />
      <Chip k="y" name="type" value={f.type && problemTypeLabel(f.type)} pick="type" />
      <Chip k="o" name="origin" value={f.origin} />
      <span className="hint">
        <kbd>c</kbd> clears
      </span>
    </p>
  );
}

function Chip({ k, name, value, testId, pick }: { k: string; name: string; value: string; testId?: string; pick?: ProblemPick['field'] }) {
  const open = useDesk((s) => (pick && s.problemPick?.field === pick ? s.problemPick : null));
  return (
    <span className={value ? 'chip set' : 'chip'} data-testid={`desk-chip-${name}`}>
      <kbd>{k}</kbd> {name} <strong data-testid={testId}>{value || 'any'}</strong>
      {open && <PickList name={name} pick={open} />}
    </span>
  );
}

/** A filter's values as reported, under its chip; typing narrows them, '' (any) clears the filter. */
function PickList({ name, pick }: { name: string; pick: ProblemPick }) {
  const show = pick.field === 'type' ? problemTypeLabel : undefined;
  return (
    <TypeAheadList
      label={name}
      initial=""
      blank="any"
      show={show}
      match={(typed) => narrow(pick.values, typed, show)}
      onPick={closeProblemPick}
      onClose={() => closeProblemPick(null)}
      noMatch={(typed) => `no report has ${name} "${typed}"; pick one from the list, or Esc`}
      none={pick.values.length === 0 ? `no reports under the other filters` : `no ${name} reported matches`}
      listLabel={`${name}s reported`}
      testId="desk-pick"
      hint="↑ ↓ pick · Enter sets · Esc closes"
    />
  );
}
