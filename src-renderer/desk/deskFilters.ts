/** The period and view of the progress screen, changed by keys or fields (the problems list's filters: problemFilters.ts). */
import { DESK_PROGRESS_VIEWS, type DeskProgressView } from '../../shared/deskConstants';
import { reload } from './deskActions';
import { getDesk, setDesk, type DeskState } from './deskState';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Shows progress per reviewer, batch, plan or night; without one, the next in that order. */
export function showProgressView(by?: DeskProgressView): void {
  const p = getDesk().period;
  const next = by ?? DESK_PROGRESS_VIEWS[(DESK_PROGRESS_VIEWS.indexOf(p.by) + 1) % DESK_PROGRESS_VIEWS.length]!;
  setDesk({ period: { ...p, by: next }, cursor: 0 });
  void reload();
}

export function toggleProgressPlot(): void {
  setDesk({ plot: getDesk().plot === 'top' ? 'each' : 'top' });
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
