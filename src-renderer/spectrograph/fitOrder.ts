/** Pure helpers of the spectrograph view's fits (slitFits.ts): the order to fit in, the marks to draw. */
import type { ThumbFit } from '../assistant/pageFits';
import type { Item } from '../../shared/model';
import type { FitMark } from './drawSlit';

/** The fibres' items in the order worth fitting: the cursor's, the rest in view, then by distance from the view. */
export function fitOrder(items: readonly Item[], first: number, rows: number, cursor: number): Item[] {
  const last = first + rows - 1;
  const distance = (f: number) => (f === cursor ? -1 : f < first ? first - f : f > last ? f - last : 0);
  return [...items].sort((a, b) => distance(a.fiberid) - distance(b.fiberid) || a.fiberid - b.fiberid);
}

/** What the canvas draws in the fit column. */
export function fitMarks(fits: readonly (ThumbFit | undefined)[]): FitMark[] {
  return Array.from(fits, (f) => (!f ? 'pending' : !f.fitted ? 'none' : f.disagrees ? 'disagrees' : 'agrees'));
}
