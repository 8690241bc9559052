/**
 * Line markers at (1+z)·λ on their own canvas over the plot, so a z key redraws only these
 * few lines (≈0.2 ms) and never the spectrum (docs/architecture.md, "Renderer speed").
 */
import type uPlot from 'uplot';

export interface MarkerLine {
  name: string;
  /** Rest wavelength in vacuum, Å. */
  vacuum: number;
}

const LABEL_GAP = 3;

export class LineOverlay {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private z = 0;
  private visible = true;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly plot: uPlot,
    private readonly lines: readonly MarkerLine[],
  ) {
    this.canvas.className = 'line-overlay';
    this.ctx = this.canvas.getContext('2d')!;
    plot.over.appendChild(this.canvas);
  }

  set(z: number, visible: boolean): void {
    if (z === this.z && visible === this.visible) return;
    this.z = z;
    this.visible = visible;
    this.draw();
  }

  /** Called from uPlot's draw hook (resize, zoom, new data) and when z or visibility change. */
  draw(): void {
    const { canvas, ctx, plot } = this;
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
    if (!this.visible || min == null || max == null) return;
    const shift = 1 + this.z;
    ctx.strokeStyle = 'rgba(214, 69, 65, 0.75)';
    ctx.fillStyle = 'rgb(170, 40, 36)';
    ctx.font = '11px system-ui, sans-serif';
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    const rowEnds = [-Infinity, -Infinity, -Infinity];
    let named = { name: '', end: -Infinity };
    for (const line of this.lines) {
      const observed = line.vacuum * shift;
      if (observed < min || observed > max) continue;
      const x = Math.round(plot.valToPos(observed, 'x')) + 0.5;
      ctx.moveTo(x, 14);
      ctx.lineTo(x, height);
      // Three label rows, so neighbours (Hβ / [O III]) both get a name; a label that would
      // still print over another is left out — its marker is drawn all the same.
      // A doublet ([O II] 3726/3729) is named once.
      const left = x + 2;
      if (line.name === named.name && left < named.end) continue;
      const row = rowEnds.findIndex((end) => left >= end + LABEL_GAP);
      if (row < 0) continue;
      ctx.fillText(line.name, left, 10 + 12 * row);
      rowEnds[row] = left + this.labelWidth(line.name);
      named = { name: line.name, end: rowEnds[row] };
    }
    ctx.stroke();
  }

  /** Measured once per name: the font never changes, and a z key redraws every label. */
  private labelWidth(name: string): number {
    let w = this.widths.get(name);
    if (w === undefined) {
      w = this.ctx.measureText(name).width;
      this.widths.set(name, w);
    }
    return w;
  }

  destroy(): void {
    this.canvas.remove();
  }
}
