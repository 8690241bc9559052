/**
 * Several answers' line markers over one plot, each in its own colour (a recheck case: every
 * reviewer's z and the pipeline's). One set is emphasised — thick, named lines, drawn last —
 * the others thin and dashed under the label rows, so where they part is seen without clutter.
 * Its own canvas over the plot, beside the reviewer's own markers (lineOverlay.ts), whose
 * labels are placed first: the emphasised set's go in the rows around them (labelRows.ts).
 */
import type uPlot from 'uplot';
import { LabelRows } from './labelRows';
import type { MarkerLine } from './lineOverlay';
import { fitOverlay, type OverlaySize } from './overlayCanvas';

export interface MarkerSet {
  /** Who gave this answer (the legend names it). */
  name: string;
  colour: string;
  z: number;
  lines: readonly MarkerLine[];
}

const LABEL_FONT = '11px system-ui, sans-serif';
const THIN_DASH = [3, 4];
const SOLID: number[] = [];

export class MarkerSetsOverlay {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private sets: readonly MarkerSet[] = [];
  private emphasised = -1;
  /** Nothing is on the canvas: with no sets, a redraw (every z key in single mode) has nothing to do. */
  private blank = true;
  private readonly size: OverlaySize = { width: 0, height: 0, ratio: 1 };

  constructor(
    private readonly plot: uPlot,
    private readonly labels: LabelRows,
  ) {
    this.canvas.className = 'marker-sets';
    this.ctx = this.canvas.getContext('2d')!;
    plot.over.appendChild(this.canvas);
  }

  set(sets: readonly MarkerSet[], emphasised: number): void {
    this.sets = sets;
    this.emphasised = emphasised;
    this.draw();
  }

  draw(): void {
    const { ctx, plot, canvas, labels } = this;
    labels.clear(1);
    if (this.sets.length === 0 && this.blank) return;
    const { width, height, ratio } = fitOverlay(canvas, plot, this.size);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.blank = this.sets.length === 0;
    const { min, max } = plot.scales.x;
    if (min == null || max == null) return;
    // Last set first (a case lists the pipeline last): a reviewer who agrees with it stays seen.
    // Each thin set's dashes start elsewhere, so two at one z interleave rather than hide.
    for (let i = this.sets.length - 1; i >= 0; i--) if (i !== this.emphasised) this.drawSet(this.sets[i]!, false, height, min, max, i);
    const top = this.sets[this.emphasised];
    if (top) this.drawSet(top, true, height, min, max, 0);
    canvas.dataset.labels = labels.describe();
  }

  private drawSet(s: MarkerSet, emphasised: boolean, height: number, min: number, max: number, index: number): void {
    const { ctx, plot } = this;
    ctx.strokeStyle = s.colour;
    ctx.fillStyle = s.colour;
    ctx.lineWidth = emphasised ? 2 : 1;
    ctx.setLineDash(emphasised ? SOLID : THIN_DASH);
    ctx.lineDashOffset = index * 3;
    ctx.font = LABEL_FONT;
    ctx.beginPath();
    // The last name printed and where it ends: a doublet ([O II] 3726/3729) is named once.
    let named = '';
    let namedEnd = -Infinity;
    for (const line of s.lines) {
      const observed = line.vacuum * (1 + s.z);
      if (observed < min || observed > max) continue;
      const x = Math.round(plot.valToPos(observed, 'x')) + (emphasised ? 0 : 0.5);
      // From the top beside its name, as the reviewer's own markers; the thin ones under the label rows.
      ctx.moveTo(x, emphasised ? 14 : LabelRows.below);
      ctx.lineTo(x, height);
      if (!emphasised || (line.name === named && x + 3 < namedEnd)) continue;
      // A name that would print over any label already placed, of any set, is left out.
      const width = ctx.measureText(line.name).width;
      const row = this.labels.place(x + 3, width, 1);
      if (row < 0) continue;
      ctx.fillText(line.name, x + 3, LabelRows.baseline(row));
      named = line.name;
      namedEnd = x + 3 + width;
    }
    ctx.stroke();
    ctx.setLineDash(SOLID);
  }

  destroy(): void {
    this.canvas.remove();
  }
}
