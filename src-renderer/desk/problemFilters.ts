/**
 * The problems list's filters, each on a key: f state and o origin cycle through their values;
 * p plan, s spectrograph and y type open a list of the values the reports have (under the other
 * filters), picked by type-ahead, ↑ ↓ and Enter (DeskProblems.tsx); d nights are typed in the
 * line under the list (empty: any); c clears them all. Every change reloads the list from the server.
 */
import type { DeskProblem } from '../../shared/desk';
import { PROBLEM_STATE_FILTERS } from '../../shared/deskConstants';
import { PROBLEM_ORIGINS } from '../../shared/modelConstants';
import { PROBLEM_TYPES } from '../../shared/problemTypes';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { problemQuery, reload } from './deskActions';
import { askLine, getDesk, NO_PROBLEM_FILTER, setDesk, type ProblemFilterState, type ProblemPick } from './deskState';

function setFilter(change: Partial<ProblemFilterState>): void {
  setDesk({ problemFilter: { ...getDesk().problemFilter, ...change }, cursor: 0, failure: null });
  void reload();
}

function next<T>(values: readonly T[], now: T): T {
  return values[(values.indexOf(now) + 1) % values.length]!;
}

export const cycleProblemState = () => setFilter({ state: next(PROBLEM_STATE_FILTERS, getDesk().problemFilter.state) });
export const cycleProblemOrigin = () => setFilter({ origin: next(['', ...PROBLEM_ORIGINS] as const, getDesk().problemFilter.origin) });
export const clearProblemFilters = () => setFilter(NO_PROBLEM_FILTER);

export function setProblemDates(change: Partial<Pick<ProblemFilterState, 'from' | 'to'>>): void {
  setFilter(change);
}

/** Each picked filter: its field in the filter, and its values as the reports give them. */
const PICKED: Record<ProblemPick['field'], { clear: Partial<ProblemFilterState>; of: (p: DeskProblem) => string; order: (a: string, b: string) => number }> = {
  planid: { clear: { planid: '' }, of: (p) => p.planid, order: (a, b) => a.localeCompare(b) },
  spid: { clear: { spid: null }, of: (p) => String(p.spid), order: (a, b) => Number(a) - Number(b) },
  type: { clear: { type: '' }, of: (p) => p.type, order: (a, b) => typeRank(a) - typeRank(b) },
};

/** The known types in their list's order; any other after them. */
function typeRank(id: string): number {
  const i = PROBLEM_TYPES.findIndex((t) => t.id === id);
  return i < 0 ? PROBLEM_TYPES.length : i;
}

/** Opens the list of one filter's values: those of the reports the other filters leave (this one cleared). */
async function openPick(field: ProblemPick['field']): Promise<void> {
  const { problemFilter } = getDesk();
  try {
    const reports = await api.problemList(problemQuery({ ...problemFilter, ...PICKED[field].clear }));
    const values = [...new Set(reports.map(PICKED[field].of))].sort(PICKED[field].order);
    setDesk({ problemPick: { field, values }, failure: null });
  } catch (err) {
    setDesk({ failure: messageOf(err) });
  }
}

export const pickProblemPlan = () => openPick('planid');
export const pickProblemSpectrograph = () => openPick('spid');
export const pickProblemType = () => openPick('type');

/** The list's answer ('': any), or null when it was closed without one. */
export function closeProblemPick(value: string | null): void {
  const pick = getDesk().problemPick;
  setDesk({ problemPick: null });
  if (!pick || value === null) return;
  if (pick.field === 'spid') setFilter({ spid: value === '' ? null : Number(value) });
  else setFilter({ [pick.field]: value });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function askProblemNights(): void {
  const { from, to } = getDesk().problemFilter;
  askLine('nights: FROM TO as YYYY-MM-DD (one date: that night; empty: any)', [from, to].filter(Boolean).join(' '), (t) => {
    const dates = t.trim().split(/[\s–—]+|\s-\s/).filter(Boolean);
    if (dates.length > 2 || dates.some((d) => !DATE.test(d))) throw new RangeError(`nights are one or two dates YYYY-MM-DD, got "${t.trim()}"`);
    const [a = '', b = a] = dates;
    if (a && b && a > b) throw new RangeError(`${a} is after ${b}: give the earlier night first`);
    setFilter({ from: a, to: b });
  });
}
