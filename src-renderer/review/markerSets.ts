/**
 * Several answers' line markers over one plot, each in its own colour (a recheck case: every
 * reviewer's z and the pipeline's). One set is emphasised — thick, named lines, drawn last —
 * the others thin and dashed, so where they part is seen without their labels colliding.
 * Its own canvas over the plot, beside the reviewer's own markers (lineOverlay.ts).
 */
import type uPlot from 'uplot';
import type { MarkerLine } from './lineOverlay';

export interface MarkerSet {
  /** Who gave this answer (the legend names it). */
  name: string;
  colour: string;
  z: number;
  lines: readonly MarkerLine[];
}

const LABEL_FONT = '11px system-ui, sans-serif';
const THIN_DASH = [3, 4];

export class MarkerSetsOverlay {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private sets: readonly MarkerSet[] = [];
  private emphasised = -1;

  constructor(private readonly plot: uPlot) {
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
    const { ctx, plot, canvas } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = plot.over.clientWidth;
    const height = plot.over.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { min, max } = plot.scales.x;
    if (min == null || max == null) return;
    // Last set first (a case lists the pipeline last): a reviewer who agrees with it stays seen.
    // Each thin set's dashes start elsewhere, so two at one z interleave rather than hide.
    for (let i = this.sets.length - 1; i >= 0; i--) if (i !== this.emphasised) this.drawSet(this.sets[i]!, false, height, min, max, i);
    const top = this.sets[this.emphasised];
    if (top) this.drawSet(top, true, height, min, max, 0);
  }

  private drawSet(s: MarkerSet, emphasised: boolean, height: number, min: number, max: number, index: number): void {
    const { ctx, plot } = this;
    ctx.strokeStyle = s.colour;
    ctx.fillStyle = s.colour;
    ctx.lineWidth = emphasised ? 2 : 1;
    ctx.setLineDash(emphasised ? [] : THIN_DASH);
    ctx.lineDashOffset = index * 3;
    ctx.font = LABEL_FONT;
    ctx.beginPath();
    let labelEnd = -Infinity;
    for (const line of s.lines) {
      const observed = line.vacuum * (1 + s.z);
      if (observed < min || observed > max) continue;
      const x = Math.round(plot.valToPos(observed, 'x')) + (emphasised ? 0 : 0.5);
      ctx.moveTo(x, emphasised ? 30 : 44);
      ctx.lineTo(x, height);
      // Names on the emphasised set only, in one row below the reviewer's own labels; a name
      // that would print over the previous one is left out.
      if (emphasised && x + 3 > labelEnd) {
        ctx.fillText(line.name, x + 3, 40);
        labelEnd = x + 3 + ctx.measureText(line.name).width + 4;
      }
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }

  destroy(): void {
    this.canvas.remove();
  }
}
