/**
 * The 1σ error band (flux ± σ) under the flux, on uPlot's canvas; a pixel that is not finite
 * ends a run, so gaps stay gaps. Allocates nothing per draw.
 *
 * The whole spectrum in view (~3.4 pixels to a device column at 1280 px) is drawn as one 1-px
 * vertical line per column, all in one stroke: a filled polygon along a noisy spectrum cost the
 * software rasterizer ≈ 60 % of the chart canvas's raster at the end of a → key's task (traced:
 * ≈ 3.4 of 5.6 ms CPU), because every scanline crosses its edges hundreds of times; a 1-px line
 * is a hairline, drawn in time proportional to its length. Zoomed in (a device column or more
 * between pixels) the band is the polygon, as a line per column would leave gaps.
 */
import type uPlot from 'uplot';

const BAND_FILL = 'rgba(31, 78, 156, 0.18)';
const NO_DASH: number[] = [];

/** Grown, never shrunk: the band's columns of one run (x, upper and lower edge), reused by every draw. */
let colX = new Float64Array(0);
let colHigh = new Float64Array(0);
let colLow = new Float64Array(0);

/** Flux ± σ of pixels i0 … i1 (wavelengths `w`). */
export function drawBand(u: uPlot, ctx: CanvasRenderingContext2D, w: Float64Array, flux: Float32Array, sigma: Float32Array, i0: number, i1: number): void {
  if (colX.length < i1 - i0 + 1) {
    colX = new Float64Array(i1 - i0 + 1);
    colHigh = new Float64Array(i1 - i0 + 1);
    colLow = new Float64Array(i1 - i0 + 1);
  }
  const lines = dense(u, w, i0, i1);
  if (lines) {
    ctx.strokeStyle = BAND_FILL;
    ctx.lineWidth = 1;
    ctx.lineCap = 'butt';
    ctx.setLineDash(NO_DASH);
  } else ctx.fillStyle = BAND_FILL;
  ctx.beginPath();
  let i = i0;
  while (i <= i1) {
    if (!finitePair(flux[i]!, sigma[i]!)) {
      i++;
      continue;
    }
    const [n, next] = columnsOfRun(u, w, flux, sigma, i, i1);
    i = next;
    if (lines) runAsLines(u, ctx, n);
    else runAsPolygon(u, ctx, n);
  }
  if (lines) ctx.stroke();
  else ctx.fill();
}

/** Whether every device column in view holds a pixel: pixels less than 1 px apart at both ends (LAMOST's are log-spaced). */
function dense(u: uPlot, w: Float64Array, i0: number, i1: number): boolean {
  if (i1 - i0 < 2) return false;
  const first = u.valToPos(w[i0 + 1]!, 'x', true) - u.valToPos(w[i0]!, 'x', true);
  const last = u.valToPos(w[i1]!, 'x', true) - u.valToPos(w[i1 - 1]!, 'x', true);
  return first < 1 && last < 1;
}

/**
 * The run of finite pixels from `i`, one column per device pixel column — the first pixel's x,
 * the highest upper and lowest lower edge of its pixels — into colX / colHigh / colLow; returns
 * the number of columns and the index after the run.
 */
function columnsOfRun(u: uPlot, w: Float64Array, flux: Float32Array, sigma: Float32Array, i: number, i1: number): [number, number] {
  let n = 0;
  let col = NaN;
  for (; i <= i1 && finitePair(flux[i]!, sigma[i]!); i++) {
    const x = u.valToPos(w[i]!, 'x', true);
    if (Math.floor(x) !== col) {
      col = Math.floor(x);
      colX[n] = x;
      colHigh[n] = -Infinity;
      colLow[n++] = Infinity;
    }
    colHigh[n - 1] = Math.max(colHigh[n - 1]!, flux[i]! + sigma[i]!);
    colLow[n - 1] = Math.min(colLow[n - 1]!, flux[i]! - sigma[i]!);
  }
  return [n, i];
}

/** Each column's upper edge forward, its lower edge back: one closed polygon. */
function runAsPolygon(u: uPlot, ctx: CanvasRenderingContext2D, n: number): void {
  for (let k = 0; k < n; k++) {
    const y = u.valToPos(colHigh[k]!, 'y', true);
    if (k === 0) ctx.moveTo(colX[k]!, y);
    else ctx.lineTo(colX[k]!, y);
  }
  for (let k = n - 1; k >= 0; k--) ctx.lineTo(colX[k]!, u.valToPos(colLow[k]!, 'y', true));
  ctx.closePath();
}

/**
 * A vertical line through each column's pixel centre from its lowest lower to its highest upper
 * edge: the ink of the polygon's slanted edges between two columns, put in the columns themselves
 * (at 1 px a column, the same band to the eye; screenshots compared).
 */
function runAsLines(u: uPlot, ctx: CanvasRenderingContext2D, n: number): void {
  for (let k = 0; k < n; k++) {
    const x = Math.floor(colX[k]!) + 0.5;
    ctx.moveTo(x, u.valToPos(colLow[k]!, 'y', true));
    ctx.lineTo(x, u.valToPos(colHigh[k]!, 'y', true));
  }
}

function finitePair(f: number, s: number): boolean {
  return f === f && s === s && f !== Infinity && f !== -Infinity && s !== Infinity;
}
