/**
 * The problems list's filters, each on a key: f state, o origin, y type cycle through their
 * values; p plan, s spectrograph and d nights are typed in the line under the list (empty:
 * any); c clears them all. Every change reloads the list from the server.
 */
import { PROBLEM_STATE_FILTERS } from '../../shared/desk';
import { PROBLEM_ORIGINS, SPECTROGRAPHS } from '../../shared/model';
import { PROBLEM_TYPES } from '../../shared/problemTypes';
import { reload } from './deskActions';
import { askLine, getDesk, NO_PROBLEM_FILTER, setDesk, type ProblemFilterState } from './deskState';

function setFilter(change: Partial<ProblemFilterState>): void {
  setDesk({ problemFilter: { ...getDesk().problemFilter, ...change }, cursor: 0, failure: null });
  void reload();
}

function next<T>(values: readonly T[], now: T): T {
  return values[(values.indexOf(now) + 1) % values.length]!;
}

export const cycleProblemState = () => setFilter({ state: next(PROBLEM_STATE_FILTERS, getDesk().problemFilter.state) });
export const cycleProblemOrigin = () => setFilter({ origin: next(['', ...PROBLEM_ORIGINS] as const, getDesk().problemFilter.origin) });
export const cycleProblemType = () => setFilter({ type: next(['', ...PROBLEM_TYPES.map((t) => t.id)], getDesk().problemFilter.type) });
export const clearProblemFilters = () => setFilter(NO_PROBLEM_FILTER);

export function setProblemDates(change: Partial<Pick<ProblemFilterState, 'from' | 'to'>>): void {
  setFilter(change);
}

/** A typed filter: `read` turns the text into the change or throws the one line that says why not. */
function ask(label: string, text: string, read: (text: string) => Partial<ProblemFilterState>): void {
  askLine(label, text, (typed) => setFilter(read(typed)));
}

export const askProblemPlan = () => ask('plan (empty: any plan)', getDesk().problemFilter.planid, (t) => ({ planid: t.trim() }));

export function askProblemSpectrograph(): void {
  const now = getDesk().problemFilter.spid;
  ask(`spectrograph 1–${SPECTROGRAPHS} (empty: any)`, now === null ? '' : String(now), (t) => {
    if (t.trim() === '') return { spid: null };
    const spid = Number(t);
    if (!Number.isInteger(spid) || spid < 1 || spid > SPECTROGRAPHS) throw new RangeError(`a spectrograph is a number 1–${SPECTROGRAPHS}, got "${t.trim()}"`);
    return { spid };
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function askProblemNights(): void {
  const { from, to } = getDesk().problemFilter;
  ask('nights: FROM TO as YYYY-MM-DD (one date: that night; empty: any)', [from, to].filter(Boolean).join(' '), (t) => {
    const dates = t.trim().split(/[\s–—]+|\s-\s/).filter(Boolean);
    if (dates.length > 2 || dates.some((d) => !DATE.test(d))) throw new RangeError(`nights are one or two dates YYYY-MM-DD, got "${t.trim()}"`);
    const [a = '', b = a] = dates;
    if (a && b && a > b) throw new RangeError(`${a} is after ${b}: give the earlier night first`);
    return { from: a, to: b };
  });
}
