/** The period of the progress table and the states the problems list shows, changed by keys or fields. */
import { PROBLEM_STATE_FILTERS } from '../../shared/desk';
import { reload } from './deskActions';
import { getDesk, setDesk, type DeskState } from './deskState';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export function toggleProgressView(): void {
  const p = getDesk().period;
  setDesk({ period: { ...p, by: p.by === 'reviewer' ? 'batch' : 'reviewer' }, cursor: 0 });
  void reload();
}

/** Moves the period by its own length, earlier (-1) or later (+1). */
export function shiftPeriod(direction: 1 | -1): void {
  const p = getDesk().period;
  const length = dayOf(p.to) - dayOf(p.from) + DAY;
  setDesk({ period: { ...p, from: isoOf(dayOf(p.from) + direction * length), to: isoOf(dayOf(p.to) + direction * length) }, cursor: 0 });
  void reload();
}

export function setPeriod(change: Partial<Pick<DeskState['period'], 'from' | 'to'>>): void {
  setDesk({ period: { ...getDesk().period, ...change } });
  void reload();
}

export function cycleProblemState(): void {
  const f = getDesk().problemFilter;
  const next = PROBLEM_STATE_FILTERS[(PROBLEM_STATE_FILTERS.indexOf(f.state) + 1) % PROBLEM_STATE_FILTERS.length]!;
  setDesk({ problemFilter: { ...f, state: next }, cursor: 0 });
  void reload();
}

export function setProblemDates(change: Partial<Pick<DeskState['problemFilter'], 'from' | 'to'>>): void {
  setDesk({ problemFilter: { ...getDesk().problemFilter, ...change } });
  void reload();
}
