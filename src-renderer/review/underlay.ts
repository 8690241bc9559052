/**
 * What the chart draws under the flux, on uPlot's own canvas in its drawClear hook: masked
 * pixels (or-mask ≠ 0) as light-grey vertical spans, the bright sky regions hatched, and the
 * 1σ error band as a light fill. A NaN pixel ends a band segment, so gaps stay gaps.
 *
 * draw() runs on every redraw (a zoom, a smoothing key), so it allocates nothing: the sky list
 * is unpacked once, its labels measured once, and the hatch pattern made once.
 */
import uPlot from 'uplot';
import type { SkyRegion } from '../../shared/skyLines';
import { drawBand } from './errorBand';

const MASK_FILL = 'rgba(90, 90, 90, 0.13)';
const SKY_TINT = 'rgba(0, 128, 128, 0.06)';
const SKY_LABEL = 'rgba(0, 100, 100, 0.75)';

export interface UnderlayData {
  wavelength: Float64Array;
  flux: Float32Array;
  sigma: Float32Array | null;
  orMask: Int32Array;
}

export class Underlay {
  private data: UnderlayData | null = null;
  private showBand = true;
  private readonly skyFrom: Float64Array;
  private readonly skyTo: Float64Array;
  private readonly skyNames: readonly string[];
  private hatch: CanvasPattern | null | undefined;
  /** Each sky label's width at `skyFont`, measured once: a TextMetrics per label per draw is garbage on Blink's heap. */
  private skyWidths = new Float64Array(0);
  private skyFont = '';

  constructor(sky: readonly SkyRegion[]) {
    this.skyFrom = Float64Array.from(sky, (r) => r.from);
    this.skyTo = Float64Array.from(sky, (r) => r.to);
    this.skyNames = sky.map((r) => (r.source === null ? r.name : 'sky'));
  }

  set(data: UnderlayData | null, showBand: boolean): void {
    this.data = data;
    this.showBand = showBand;
  }

  /** uPlot's drawClear hook: after the canvas is cleared, before the axes and the flux. */
  draw(u: uPlot): void {
    const { min, max } = u.scales.x;
    if (min == null || max == null) return;
    const { ctx, bbox } = u;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    this.drawSky(u, ctx, min, max);
    const d = this.data;
    if (d && d.wavelength.length > 1) {
      const [i0, i1] = visibleIdxs(u, d.wavelength.length);
      this.drawMasks(u, ctx, d, i0, i1);
      if (this.showBand && d.sigma) drawBand(u, ctx, d.wavelength, d.flux, d.sigma, i0, i1);
    }
    ctx.restore();
  }

  private drawSky(u: uPlot, ctx: CanvasRenderingContext2D, min: number, max: number): void {
    const { bbox } = u;
    const { skyFrom, skyTo, skyNames } = this;
    // uPlot's ratio, not the element's width: reading that would force a layout mid-draw.
    const pxRatio = uPlot.pxRatio;
    const font = `${Math.round(10 * pxRatio)}px system-ui, sans-serif`;
    ctx.font = font;
    if (font !== this.skyFont) {
      this.skyFont = font;
      this.skyWidths = Float64Array.from(skyNames, (n) => ctx.measureText(n).width);
    }
    // uPlot leaves the axes' alignment on the context: set ours.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    // A label that would print over the previous one (Na D's two lines) is left out.
    let labelEnd = -Infinity;
    for (let i = 0; i < skyFrom.length; i++) {
      const from = skyFrom[i]!;
      const to = skyTo[i]!;
      if (to < min || from > max) continue;
      const x0 = u.valToPos(Math.max(from, min), 'x', true);
      const x1 = u.valToPos(Math.min(to, max), 'x', true);
      const w = Math.max(2, x1 - x0);
      ctx.fillStyle = SKY_TINT;
      ctx.fillRect(x0, bbox.top, w, bbox.height);
      const hatch = this.hatchPattern(ctx);
      if (hatch) {
        ctx.fillStyle = hatch;
        ctx.fillRect(x0, bbox.top, w, bbox.height);
      }
      const name = skyNames[i]!;
      const labelX = x0 + 2 * pxRatio;
      if (labelX < labelEnd) continue;
      ctx.fillStyle = SKY_LABEL;
      ctx.fillText(name, labelX, bbox.top + bbox.height - 4 * pxRatio);
      labelEnd = labelX + this.skyWidths[i]! + 4 * pxRatio;
    }
  }

  /** Runs of masked pixels as spans from the midpoint before the first to the one after the last. */
  private drawMasks(u: uPlot, ctx: CanvasRenderingContext2D, d: UnderlayData, i0: number, i1: number): void {
    const { wavelength: w, orMask } = d;
    const n = w.length;
    const { bbox } = u;
    ctx.fillStyle = MASK_FILL;
    let i = i0;
    while (i <= i1) {
      if (orMask[i] === 0) {
        i++;
        continue;
      }
      const start = i;
      while (i + 1 <= i1 && orMask[i + 1] !== 0) i++;
      const left = start > 0 ? (w[start - 1]! + w[start]!) / 2 : w[start]! - (w[1]! - w[0]!) / 2;
      const right = i < n - 1 ? (w[i]! + w[i + 1]!) / 2 : w[i]! + (w[n - 1]! - w[n - 2]!) / 2;
      const x0 = u.valToPos(left, 'x', true);
      const x1 = u.valToPos(right, 'x', true);
      ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0), bbox.height);
      i++;
    }
  }

  /** A diagonal hatch, made once per chart (null where the canvas cannot make patterns). */
  private hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
    if (this.hatch !== undefined) return this.hatch;
    const tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    const t = tile.getContext('2d');
    if (t) {
      t.strokeStyle = 'rgba(0, 128, 128, 0.22)';
      t.lineWidth = 1;
      t.beginPath();
      t.moveTo(0, 8);
      t.lineTo(8, 0);
      t.stroke();
    }
    this.hatch = t ? ctx.createPattern(tile, 'repeat') : null;
    return this.hatch;
  }
}

/** The first and last index in view: uPlot's own window, else the whole spectrum. */
function visibleIdxs(u: uPlot, n: number): [number, number] {
  const idxs = u.series[0]?.idxs;
  const i0 = idxs ? Math.max(0, idxs[0] - 1) : 0;
  const i1 = idxs ? Math.min(n - 1, idxs[1] + 1) : n - 1;
  return [i0, i1];
}
