/**
 * Line markers at (1+z)·λ on their own canvas over the plot, so a z key redraws only these
 * few lines (≈0.2 ms) and never the spectrum (docs/architecture.md, "Renderer speed").
 */
import type uPlot from 'uplot';
import { fitOverlay, type OverlaySize } from './overlayCanvas';
import { drawn } from '../state/timing';
import { LabelRows } from './labelRows';

export interface MarkerLine {
  name: string;
  /** Rest wavelength in vacuum, Å. */
  vacuum: number;
  /** Drawn dashed (an absorption line) rather than solid (emission). */
  absorption?: boolean;
}

const LABEL_FONT = '11px system-ui, sans-serif';
const DASH: readonly number[] = [4, 3];
const SOLID: readonly number[] = [];
/** Label rows, so neighbours (Hβ / [O III]) both get a name; the row under them is the other answers' (labelRows.ts). */
const ROWS = 3;

/**
 * A z key redraws this at key-repeat rate, so draw() allocates nothing: the line list is
 * unpacked once into typed arrays and label widths, the rows are the shared, reused
 * LabelRows, and the loop uses no closures or iterators (the way uPlot keeps its own hot paths).
 * Its labels are placed first; `after` then redraws the answers' markers, whose labels go around them.
 */
export class LineOverlay {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private z = 0;
  private visible = true;
  private vacuum = new Float64Array(0);
  private names: readonly string[] = [];
  private absorption = new Uint8Array(0);
  /** Measured once per line list (the font never changes), in whole px, rounded up. */
  private labelWidths = new Float64Array(0);
  /** Each drawn marker's x, whole px (-1 when out of view); reused. */
  private markerX = new Int32Array(0);
  /** The clicked feature's observed wavelength (Å), NaN when none, and its label. */
  private feature = NaN;
  private featureLabel = '';
  /** The canvas's size, refitted on each draw into this same object. */
  private readonly size: OverlaySize = { width: 0, height: 0, ratio: 1 };
  constructor(
    private readonly plot: uPlot,
    lines: readonly MarkerLine[],
    private readonly labels = new LabelRows(),
    private readonly after: () => void = () => undefined,
  ) {
    this.canvas.className = 'line-overlay';
    this.ctx = this.canvas.getContext('2d')!;
    plot.over.appendChild(this.canvas);
    this.setLines(lines);
  }

  /** A new line list (the class under review changed): unpacked once here, not per draw. */
  setLines(lines: readonly MarkerLine[]): void {
    this.vacuum = Float64Array.from(lines, (l) => l.vacuum);
    this.names = lines.map((l) => l.name);
    this.absorption = Uint8Array.from(lines, (l) => (l.absorption ? 1 : 0));
    this.ctx.font = LABEL_FONT;
    this.labelWidths = Float64Array.from(lines, (l) => Math.ceil(this.ctx.measureText(l.name).width));
    this.markerX = new Int32Array(lines.length);
  }

  /** A new z of the spectrum on screen (a z key), drawn now with the markers as they are shown or hidden. */
  setZ(z: number): void {
    this.set(z, this.visible);
  }

  /** A new z or visibility, drawn now — or, with `drawLater`, by the chart redraw about to come. */
  set(z: number, visible: boolean, drawLater = false): void {
    if (z === this.z && visible === this.visible) return;
    this.z = z;
    this.visible = visible;
    if (!drawLater) this.draw();
  }

  /** The feature clicked on this spectrum (drawn even with the line markers off); null clears it. */
  setFeature(wavelength: number | null): void {
    const w = wavelength ?? NaN;
    if (w === this.feature || (w !== w && this.feature !== this.feature)) return;
    this.feature = w;
    this.featureLabel = w === w ? `${w.toFixed(0)} Å` : '';
    this.draw();
  }

  /** Called from uPlot's draw hook (resize, zoom, new data) and when z or visibility change. */
  draw(): void {
    this.labels.clear();
    this.paint();
    this.after();
  }

  private paint(): void {
    const { ctx, plot } = this;
    const { width, height, ratio } = fitOverlay(this.canvas, plot, this.size);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { min, max } = plot.scales.x;
    if (min == null || max == null) return;
    // Every x below is a whole pixel and the transform adds the half that makes a 1 px line
    // crisp: a whole number goes to the canvas as a small integer, a fraction as a new heap
    // number on each call (≈1.8 kB of garbage a z key, in the heap sampling profile).
    ctx.setTransform(ratio, 0, 0, ratio, ratio / 2, 0);
    // uPlot's x scale is linear: its valToPos, taken at the ends once rather than per line.
    const x0 = plot.valToPos(min, 'x');
    const pxPerAngstrom = (plot.valToPos(max, 'x') - x0) / (max - min);
    this.drawFeature(height, min, max, x0, pxPerAngstrom);
    if (!this.visible) return;
    const shift = 1 + this.z;
    ctx.strokeStyle = 'rgba(214, 69, 65, 0.75)';
    ctx.fillStyle = 'rgb(170, 40, 36)';
    ctx.font = LABEL_FONT;
    const { vacuum, names, labelWidths, labels, markerX } = this;
    // The last line that got a label: a doublet ([O II] 3726/3729) is named once.
    let namedLine = -1;
    let namedEnd = -Infinity;
    for (let i = 0; i < vacuum.length; i++) {
      const observed = vacuum[i]! * shift;
      markerX[i] = -1;
      if (observed < min || observed > max) continue;
      const x = Math.round(x0 + (observed - min) * pxPerAngstrom);
      markerX[i] = x;
      // A label that would still print over another is left out; its marker is drawn all the same.
      const left = x + 2;
      if (namedLine >= 0 && names[i] === names[namedLine] && left < namedEnd) continue;
      const row = labels.place(left, labelWidths[i]!, 0, ROWS);
      if (row < 0) continue;
      ctx.fillText(names[i]!, left, LabelRows.baseline(row));
      namedEnd = left + labelWidths[i]!;
      namedLine = i;
    }
    this.strokeMarkers(height, 0, SOLID);
    this.strokeMarkers(height, 1, DASH);
    drawn('markers');
  }

  private drawFeature(height: number, min: number, max: number, x0: number, pxPerAngstrom: number): void {
    const f = this.feature;
    if (f !== f || f < min || f > max) return;
    const { ctx } = this;
    const x = Math.round(x0 + (f - min) * pxPerAngstrom);
    ctx.setLineDash(SOLID as number[]);
    ctx.strokeStyle = 'rgba(20, 130, 60, 0.9)';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillStyle = 'rgb(20, 110, 50)';
    ctx.font = LABEL_FONT;
    ctx.fillText(this.featureLabel, x + 3, height - 18);
    ctx.strokeStyle = 'rgba(214, 69, 65, 0.75)';
    ctx.fillStyle = 'rgb(170, 40, 36)';
  }

  /** The markers of one style (emission solid, absorption dashed) as one path. */
  private strokeMarkers(height: number, absorption: number, dash: readonly number[]): void {
    const { ctx, markerX } = this;
    ctx.setLineDash(dash as number[]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i < markerX.length; i++) {
      const x = markerX[i]!;
      if (x < 0 || this.absorption[i] !== absorption) continue;
      ctx.moveTo(x, 14);
      ctx.lineTo(x, height);
    }
    ctx.stroke();
  }

  destroy(): void {
    this.canvas.remove();
  }
}
