/** Where the wavelength axis goes for a zoom key (`+` `-`, Shift+← →); `r` and a drag are uPlot's. */
import type { ZoomOp } from '../../shared/keymap';

export interface Range {
  min: number;
  max: number;
}

/** A view never narrower than this (Å): a few LAMOST pixels, so `+` held down stops somewhere useful. */
export const MIN_SPAN = 20;
const PAN = 0.25;

/**
 * The new view for `op`: in halves the width around the centre, out doubles it, left/right move
 * it by a quarter of its width. The view stays inside the data and keeps its width when it
 * meets an end (a pan at the edge stops there).
 */
export function zoomed(view: Range, data: Range, op: ZoomOp): Range {
  const full = data.max - data.min;
  const span = view.max - view.min;
  const centre = (view.min + view.max) / 2;
  let width = span;
  let mid = centre;
  if (op === 'in') width = Math.max(Math.min(MIN_SPAN, full), span / 2);
  else if (op === 'out') width = Math.min(full, span * 2);
  else mid = centre + (op === 'left' ? -PAN : PAN) * span;
  let min = mid - width / 2;
  let max = mid + width / 2;
  if (min < data.min) [min, max] = [data.min, data.min + width];
  if (max > data.max) [min, max] = [data.max - width, data.max];
  return { min, max };
}
