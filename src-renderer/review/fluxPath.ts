/**
 * The chart's lines (the flux, the fit model) stroked straight onto uPlot's canvas by a series
 * `paths` builder of our own. uPlot's linear builder makes a new Path2D per series per draw and
 * its draw adds a Path2D clip; each is an object on Blink's garbage-collected heap, and their
 * sweep landed inside the → key's task (docs/app.md, "Renderer design, for speed"). Returning
 * null tells uPlot there is nothing for it to stroke, so a draw here makes no object at all.
 *
 * The line is the one uPlot drew — every pixel, or with 4 or more to a device-pixel column (a
 * spectrum's ~3,900 in the ~900 px plot at 1280 × 800), uPlot's min/max decimation — so the
 * chart looks as it did. One difference: a pixel that is not a finite number (NaN in the flux, null in the
 * model's gaps) ends the line, where uPlot's path silently joined across a NaN.
 */
import uPlot from 'uplot';

/** The line's pixel-to-canvas transform: x = ax·λ + bx, y = ay·flux + by (the chart's scales are linear). */
export interface LineTransform {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

type YValues = ArrayLike<number | null | undefined>;

/** One transform, filled in per draw: a draw allocates nothing. */
const transform: LineTransform = { ax: 0, bx: 0, ay: 0, by: 0 };
const NO_DASH: number[] = [];

/** uPlot's builder for a series drawn by `strokeLine`; the series' stroke and width style it. */
export const directLine: uPlot.Series.PathBuilder = (u, seriesIdx, idx0, idx1) => {
  const { min: x0, max: x1 } = u.scales.x;
  const { min: y0, max: y1 } = u.scales.y;
  const xs = u.data[0] as ArrayLike<number>;
  const ys = u.data[seriesIdx] as YValues | undefined;
  if (x0 == null || x1 == null || y0 == null || y1 == null || x1 === x0 || y1 === y0 || !ys) return null;
  const series = u.series[seriesIdx]!;
  const { ctx, bbox } = u;
  const width = Math.round((series.width ?? 1) * uPlot.pxRatio * 1000) / 1000;
  transform.ax = bbox.width / (x1 - x0);
  transform.bx = bbox.left - x0 * transform.ax;
  transform.ay = -bbox.height / (y1 - y0);
  transform.by = bbox.top + bbox.height - y0 * transform.ay;
  // Inside save/restore: uPlot caches the context's style it set and must find it unchanged.
  ctx.save();
  // As uPlot clips a series: the plot area, widened by half the line so an edge stays whole.
  ctx.beginPath();
  ctx.rect(bbox.left - width / 2, bbox.top - width / 2, bbox.width + width, bbox.height + width);
  ctx.clip();
  const stroke = series.stroke;
  ctx.strokeStyle = typeof stroke === 'function' ? stroke(u, seriesIdx) : (stroke ?? '#000');
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  ctx.setLineDash(NO_DASH);
  ctx.beginPath();
  strokeLine(ctx, xs, ys, idx0, idx1, transform, bbox.width);
  ctx.stroke();
  ctx.restore();
  return null;
};

/**
 * Adds the line through ys[i0 … i1] to the context's path, as uPlot's linear builder draws it:
 * every pixel, or — 4 or more pixels to a device-pixel column — each column (1 px from its
 * first pixel's x) as one vertical run there: in, lowest, highest, out. A value that is not a finite number
 * breaks the line.
 */
export function strokeLine(ctx: Pen, xs: ArrayLike<number>, ys: YValues, i0: number, i1: number, t: LineTransform, columns: number): void {
  if (i1 - i0 >= columns * 4) strokeColumns(ctx, xs, ys, i0, i1, t);
  else strokePoints(ctx, xs, ys, i0, i1, t);
}

type Pen = Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo'>;

function finite(y: number | null | undefined): y is number {
  return typeof y === 'number' && y === y && y !== Infinity && y !== -Infinity;
}

function strokePoints(ctx: Pen, xs: ArrayLike<number>, ys: YValues, i0: number, i1: number, t: LineTransform): void {
  let pen = false;
  for (let i = i0; i <= i1; i++) {
    const y = ys[i];
    if (!finite(y)) {
      pen = false;
      continue;
    }
    const x = t.ax * xs[i]! + t.bx;
    if (pen) ctx.lineTo(x, t.ay * y + t.by);
    else ctx.moveTo(x, t.ay * y + t.by);
    pen = true;
  }
}

/** The column being walked (uPlot's: from its first pixel's x, 1 px wide): that x, and its first, lowest, highest and last value. */
const at = { x: NaN, inY: 0, lo: 0, hi: 0, outY: 0 };

function strokeColumns(ctx: Pen, xs: ArrayLike<number>, ys: YValues, i0: number, i1: number, t: LineTransform): void {
  let pen = false;
  at.x = NaN;
  for (let i = i0; i <= i1; i++) {
    const y = ys[i];
    if (!finite(y)) {
      if (at.x === at.x) endColumn(ctx, t);
      // A gap: the next finite value starts the line again.
      pen = false;
      at.x = NaN;
      continue;
    }
    const x = t.ax * xs[i]! + t.bx;
    if (x < at.x + 1) {
      if (y < at.lo) at.lo = y;
      else if (y > at.hi) at.hi = y;
      at.outY = y;
      continue;
    }
    if (at.x === at.x) endColumn(ctx, t);
    if (pen) ctx.lineTo(x, t.ay * y + t.by);
    else ctx.moveTo(x, t.ay * y + t.by);
    pen = true;
    at.x = x;
    at.inY = at.lo = at.hi = at.outY = y;
  }
  if (at.x === at.x) endColumn(ctx, t);
}

/** The rest of a column's vertical run after its first value (uPlot's drawAcc): lowest, highest, last. */
function endColumn(ctx: Pen, t: LineTransform): void {
  const { x, inY, lo, hi, outY } = at;
  if (lo === hi) return;
  if (inY !== lo && outY !== lo) ctx.lineTo(x, t.ay * lo + t.by);
  if (inY !== hi && outY !== hi) ctx.lineTo(x, t.ay * hi + t.by);
  ctx.lineTo(x, t.ay * outY + t.by);
}
