/**
 * The chart's lines (the flux, the fit model) stroked straight onto uPlot's canvas by a series
 * `paths` builder of our own. uPlot's linear builder makes a new Path2D per series per draw and
 * its draw adds a Path2D clip; each is an object on Blink's garbage-collected heap, and their
 * sweep landed inside the → key's task (docs/app.md, "The next spectrum's frame"). Returning
 * null tells uPlot there is nothing for it to stroke, so a draw here makes no object at all.
 *
 * A spectrum has ~3.4 pixels per screen column at 1280 px: each device-pixel column is drawn as
 * its lowest and highest pixel, in the order they come (uPlot's own decimation, with fewer
 * vertices), which covers the same pixels with about 60 % of the line's vertices. A pixel that
 * is not a finite number (NaN in the flux, null in the model's gaps) ends the line; the next
 * finite one starts a new stretch.
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

/** uPlot's builder for a series drawn by `strokeColumns`; the series' stroke and width style it. */
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
  strokeColumns(ctx, xs, ys, idx0, idx1, transform);
  ctx.stroke();
  ctx.restore();
  return null;
};

/** The column being walked: its extremes so far, where (x, canvas) and how high (y, data units), and which came first. */
const at = { col: NaN, loX: 0, loY: 0, hiX: 0, hiY: 0, loFirst: true };

/**
 * Adds the line through ys[i0 … i1] to the context's path: per device-pixel column its lowest and
 * highest value in the order they come; a value that is not a finite number breaks the line.
 */
export function strokeColumns(ctx: Pen, xs: ArrayLike<number>, ys: YValues, i0: number, i1: number, t: LineTransform): void {
  let pen = false;
  at.col = NaN;
  for (let i = i0; i <= i1; i++) {
    const y = ys[i];
    if (typeof y !== 'number' || y !== y || y === Infinity || y === -Infinity) {
      if (at.col === at.col) column(ctx, pen, t);
      // A gap: the next finite value starts the line again.
      pen = false;
      at.col = NaN;
      continue;
    }
    const x = t.ax * xs[i]! + t.bx;
    const c = Math.floor(x);
    if (c !== at.col) {
      if (at.col === at.col) pen = column(ctx, pen, t);
      at.col = c;
      at.loX = at.hiX = x;
      at.loY = at.hiY = y;
      at.loFirst = true;
    } else if (y < at.loY) {
      at.loX = x;
      at.loY = y;
      at.loFirst = false;
    } else if (y > at.hiY) {
      at.hiX = x;
      at.hiY = y;
      at.loFirst = true;
    }
  }
  if (at.col === at.col) column(ctx, pen, t);
}

type Pen = Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo'>;

/** The column's vertices (one when its extremes are one pixel), joined to the line before unless the pen is up; returns true: the pen is down. */
function column(ctx: Pen, pen: boolean, t: LineTransform): boolean {
  const { loX, loY, hiX, hiY, loFirst } = at;
  const firstX = loFirst ? loX : hiX;
  const firstY = t.ay * (loFirst ? loY : hiY) + t.by;
  if (pen) ctx.lineTo(firstX, firstY);
  else ctx.moveTo(firstX, firstY);
  if (loY !== hiY || loX !== hiX) ctx.lineTo(loFirst ? hiX : loX, t.ay * (loFirst ? hiY : loY) + t.by);
  return true;
}
