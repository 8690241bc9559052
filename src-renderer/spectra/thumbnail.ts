/**
 * Small plots of many spectra at once (the browse grid, the spectrograph view). A decoded
 * spectrum is reduced once to a fixed number of bins (light smoothing: each bin is the mean of
 * its finite pixels) plus the figures the views print; the full arrays are then let go, so a
 * page of 100 or a slit of 250 holds a few kB each. Drawing reuses the bins and allocates nothing.
 */
import type { PlotSpectrum } from './plotSpectrum';

/** Bins per thumbnail: wider than any thumbnail or row is drawn, so no detail a pixel could show is lost. */
export const THUMB_BINS = 400;

export interface Thumbnail {
  obsid: number;
  /** Mean flux per bin, NaN where the bin has no finite pixel. */
  bins: Float32Array;
  /** First and last wavelength, Å. */
  wlMin: number;
  wlMax: number;
  /** The robust flux range of the whole spectrum (0.5–99.5 percentile), as the single view uses. */
  yMin: number;
  yMax: number;
  /** Median of the finite flux. */
  medianFlux: number;
  /** Median of flux / σ over pixels that have a σ; null without one. */
  medianSnr: number | null;
  fibertype: string | null;
}

let scratch = new Float32Array(0);

export function thumbnailOf(s: PlotSpectrum): Thumbnail {
  const n = s.flux.length;
  const bins = new Float32Array(THUMB_BINS);
  for (let b = 0; b < THUMB_BINS; b++) {
    const from = Math.floor((b * n) / THUMB_BINS);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / THUMB_BINS));
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const f = s.flux[i]!;
      if (f === f && f !== Infinity && f !== -Infinity) {
        sum += f;
        count++;
      }
    }
    bins[b] = count > 0 ? sum / count : NaN;
  }
  return {
    obsid: s.obsid,
    bins,
    wlMin: s.wavelength[0] ?? 0,
    wlMax: s.wavelength[n - 1] ?? 0,
    yMin: s.yMin,
    yMax: s.yMax,
    medianFlux: medianOf(s.flux, null),
    medianSnr: s.sigma ? medianOf(s.flux, s.sigma) : null,
    fibertype: s.fibertype,
  };
}

/** Median of flux (or of flux/σ where σ is given and finite); NaN when nothing is finite. */
function medianOf(flux: Float32Array, sigma: Float32Array | null): number {
  if (scratch.length < flux.length) scratch = new Float32Array(flux.length);
  let k = 0;
  for (let i = 0; i < flux.length; i++) {
    const v = sigma ? flux[i]! / sigma[i]! : flux[i]!;
    if (v === v && v !== Infinity && v !== -Infinity) scratch[k++] = v;
  }
  if (k === 0) return NaN;
  return scratch.subarray(0, k).sort()[k >> 1]!;
}

export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Strokes a thumbnail's bins into `box`, y from `lo` (bottom) to `hi` (top), clipped to the
 * box; a NaN bin breaks the line. The caller sets strokeStyle and lineWidth.
 */
export function strokeThumbnail(ctx: CanvasRenderingContext2D, t: Thumbnail, box: PlotBox, lo: number, hi: number): void {
  const { bins } = t;
  const sx = box.width / (bins.length - 1);
  const sy = box.height / (hi - lo || 1);
  const bottom = box.y + box.height;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.beginPath();
  let pen = false;
  for (let b = 0; b < bins.length; b++) {
    const v = bins[b]!;
    if (v !== v) {
      pen = false;
      continue;
    }
    const x = box.x + b * sx;
    const y = bottom - (v - lo) * sy;
    if (pen) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    pen = true;
  }
  ctx.stroke();
  ctx.restore();
}
