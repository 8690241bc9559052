/**
 * Draws the spectrograph view on one canvas: per fibre a row with its number and type, its
 * spectrum on the shared wavelength axis and flux scale, and at the right the strip of median
 * flux and median S/N, and (with the assistant) the fit column: ≠fit where the fit disagrees
 * with the pipeline; the selection, the cursor and the filed reports over their fibres.
 * Allocation-free per frame: the thumbnails are reduced once, the loops only read them.
 */
import type { ProblemReport, ProblemState } from '../../shared/model';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import { problemTypeLabel } from '../../shared/problemTypes';
import { strokeThumbnail, type PlotBox, type Thumbnail } from '../spectra/thumbnail';

export const LABEL_WIDTH = 52;
export const STRIP_WIDTH = 72;
export const AXIS_HEIGHT = 18;
export const FIT_WIDTH = 34;

/** A fibre's fit: not yet, failed (no spectrum to fit, cannot fit), agrees or disagrees with the pipeline. */
export type FitMark = 'pending' | 'none' | 'agrees' | 'disagrees';

export interface SlitScene {
  /** Thumbnail by fibre (index = fiberid); undefined: no spectrum, or not decoded yet. */
  byFibre: readonly (Thumbnail | undefined)[];
  /** Fibres with an item in the batch (the rest are sky or unused fibres, with no spectrum). */
  hasItem: readonly boolean[];
  first: number;
  rows: number;
  cursor: number;
  from: number;
  to: number;
  /** Reports drawn over their fibres. */
  problems: readonly Pick<ProblemReport, 'fiberFrom' | 'fiberTo' | 'type' | 'state'>[];
  /** The median-flux strip's scale and the S/N strip's top (slitScales.ts). */
  medSoft: number;
  medLo: number;
  medHi: number;
  snrHi: number;
  /** By fibre; absent: no fit column (the 2D team's read-only view). */
  fitMarks?: readonly FitMark[];
}

const STATE_COLOUR: Readonly<Record<ProblemState, string>> = {
  open: 'rgba(217, 72, 15, 0.18)',
  acknowledged: 'rgba(230, 160, 0, 0.2)',
  resolved: 'rgba(47, 125, 50, 0.16)',
  discarded: 'rgba(120, 120, 120, 0.2)',
};

export function drawSlit(ctx: CanvasRenderingContext2D, width: number, height: number, sc: SlitScene): void {
  const rowH = (height - AXIS_HEIGHT) / sc.rows;
  const plotX = LABEL_WIDTH;
  const plotW = width - LABEL_WIDTH - 2 * STRIP_WIDTH - 8 - (sc.fitMarks ? FIT_WIDTH + 4 : 0);
  const medX = plotX + plotW + 4;
  const snrX = medX + STRIP_WIDTH + 4;
  const fitX = snrX + STRIP_WIDTH + 4;
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${Math.min(12, Math.max(8, rowH - 4))}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const last = Math.min(FIBERS_PER_SPECTROGRAPH, sc.first + sc.rows - 1);
  const zeroMed = medX + (-sc.medLo / (sc.medHi - sc.medLo || 1)) * STRIP_WIDTH;
  for (let f = sc.first; f <= last; f++) {
    const y = (f - sc.first) * rowH;
    if (f >= sc.from && f <= sc.to) {
      ctx.fillStyle = 'rgba(31, 95, 191, 0.12)';
      ctx.fillRect(0, y, width, rowH);
    }
    if (f % 2 === 0) {
      ctx.fillStyle = 'rgba(0, 0, 0, 0.025)';
      ctx.fillRect(plotX, y, plotW, rowH);
    }
    const t = sc.byFibre[f];
    const type = t?.fibertype ?? null;
    const mark = !sc.hasItem[f] ? '·' : type === 'FStd' ? 'F' : type === 'Sky' ? 'S' : '';
    ctx.fillStyle = mark === 'F' ? '#7b3fa0' : '#5b6672';
    if (rowH >= 7) ctx.fillText(`${f} ${mark}`, 4, y + rowH / 2);
    const fit = sc.fitMarks?.[f];
    if (fit) drawFitMark(ctx, fit, fitX, y, rowH);
    if (!t) continue;
    ctx.strokeStyle = type === 'FStd' ? '#7b3fa0' : '#1f5fbf';
    ctx.lineWidth = 1;
    drawFibre(ctx, t, { x: plotX, y: y + 1, width: plotW, height: Math.max(1, rowH - 2) });
    drawStrip(ctx, t, medX, snrX, zeroMed, y, rowH, sc);
  }
  drawReports(ctx, sc, rowH, plotX, plotW);
  if (sc.cursor >= sc.first && sc.cursor <= last) {
    ctx.strokeStyle = '#d9480f';
    ctx.lineWidth = 2;
    ctx.strokeRect(1, (sc.cursor - sc.first) * rowH + 1, width - 2, Math.max(2, rowH - 2));
  }
  drawAxis(ctx, sc, plotX, plotW, height);
}

/** One fibre on its own robust range, with zero in it: below the faint zero line is negative flux. */
function drawFibre(ctx: CanvasRenderingContext2D, t: Thumbnail, box: PlotBox): void {
  const lo = Math.min(0, t.yMin);
  const hi = t.yMax > lo ? t.yMax : lo + 1;
  if (lo < 0) {
    const y0 = box.y + box.height - ((0 - lo) / (hi - lo)) * box.height;
    ctx.fillStyle = 'rgba(192, 57, 43, 0.5)';
    ctx.fillRect(box.x, y0, box.width, 1);
  }
  strokeThumbnail(ctx, t, box, lo, hi);
}

function drawStrip(ctx: CanvasRenderingContext2D, t: Thumbnail, medX: number, snrX: number, zeroMed: number, y: number, rowH: number, sc: SlitScene): void {
  const h = Math.max(1, rowH - 2);
  if (t.medianFlux === t.medianFlux) {
    const v = Math.asinh(t.medianFlux / sc.medSoft);
    const x = medX + ((Math.max(sc.medLo, Math.min(sc.medHi, v)) - sc.medLo) / (sc.medHi - sc.medLo || 1)) * STRIP_WIDTH;
    ctx.fillStyle = t.medianFlux < 0 ? '#c0392b' : '#4a6b8a';
    ctx.fillRect(Math.min(x, zeroMed), y + 1, Math.max(1, Math.abs(x - zeroMed)), h);
  }
  if (t.medianSnr !== null && t.medianSnr === t.medianSnr) {
    ctx.fillStyle = '#2f7d32';
    ctx.fillRect(snrX, y + 1, Math.max(1, (Math.max(0, Math.min(sc.snrHi, t.medianSnr)) / (sc.snrHi || 1)) * STRIP_WIDTH), h);
  }
}

const FIT_TEXT: Readonly<Record<FitMark, string>> = { pending: '', none: '–', agrees: '=', disagrees: '≠fit' };

/** ≠fit in red; '=' and '–' (no fit) faint; with rows too low for text, a red bar for ≠ alone. */
function drawFitMark(ctx: CanvasRenderingContext2D, fit: FitMark, x: number, y: number, rowH: number): void {
  if (rowH < 9) {
    if (fit !== 'disagrees') return;
    ctx.fillStyle = '#c92a2a';
    ctx.fillRect(x, y, FIT_WIDTH, Math.max(1, rowH - 0.5));
    return;
  }
  ctx.fillStyle = fit === 'disagrees' ? '#c92a2a' : '#9aa5b1';
  const font = ctx.font;
  if (fit === 'disagrees') ctx.font = `bold ${font}`;
  ctx.fillText(FIT_TEXT[fit], x + 2, y + rowH / 2);
  ctx.font = font;
}

function drawReports(ctx: CanvasRenderingContext2D, sc: SlitScene, rowH: number, plotX: number, plotW: number): void {
  const last = sc.first + sc.rows - 1;
  for (const p of sc.problems) {
    if (p.fiberTo < sc.first || p.fiberFrom > last) continue;
    const top = (Math.max(p.fiberFrom, sc.first) - sc.first) * rowH;
    const bottom = (Math.min(p.fiberTo, last) - sc.first + 1) * rowH;
    ctx.fillStyle = STATE_COLOUR[p.state];
    ctx.fillRect(plotX, top, plotW, bottom - top);
    ctx.strokeStyle = 'rgba(120, 40, 0, 0.7)';
    ctx.lineWidth = 1;
    ctx.strokeRect(plotX + 0.5, top + 0.5, plotW - 1, bottom - top - 1);
    ctx.fillStyle = '#6b2200';
    ctx.textAlign = 'right';
    ctx.fillText(`${p.fiberFrom}–${p.fiberTo} ${problemTypeLabel(p.type)} · ${p.state}`, plotX + plotW - 6, top + Math.min(rowH, bottom - top) / 2);
    ctx.textAlign = 'left';
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, sc: SlitScene, plotX: number, plotW: number, height: number): void {
  const t = sc.byFibre.find((x) => x !== undefined);
  if (!t) return;
  const y = height - AXIS_HEIGHT;
  ctx.strokeStyle = '#9aa5b1';
  ctx.beginPath();
  ctx.moveTo(plotX, y + 0.5);
  ctx.lineTo(plotX + plotW, y + 0.5);
  ctx.stroke();
  ctx.fillStyle = '#5b6672';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  // LAMOST's grid is uniform in log λ: a tick sits where its wavelength falls on it.
  const span = Math.log(t.wlMax / t.wlMin);
  for (let wl = 4000; wl <= 9000; wl += 1000) {
    if (wl < t.wlMin || wl > t.wlMax) continue;
    const x = plotX + (Math.log(wl / t.wlMin) / span) * plotW;
    ctx.fillText(`${wl} Å`, x, y + AXIS_HEIGHT / 2 + 1);
  }
  ctx.textAlign = 'left';
}
