/**
 * The thin χ²(z) strip under the chart: the curve of the candidate's class, the candidates of
 * that class as ticks, the one on screen and the draft's z as lines. Drawn on a canvas of its
 * own, redrawn when the fit, the candidate or z changes, or the strip's width.
 */
import { useEffect, useRef } from 'react';
import type { ClassCurve, FitSuccess } from '../../shared/fit';

const HEIGHT = 56;

export function Chi2Strip({ fit, candidate, z }: { fit: FitSuccess; candidate: number; z: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strip = useRef<Chi2Canvas | null>(null);
  const c = fit.candidates[candidate] ?? fit.best;
  useEffect(() => {
    const s = new Chi2Canvas(canvas.current!);
    strip.current = s;
    return () => {
      s.destroy();
      strip.current = null;
    };
  }, []);
  useEffect(() => strip.current?.set(fit, candidate, z), [fit, candidate, z]);
  return (
    <div className="chi2-strip" data-testid="chi2-strip" data-class={c.class}>
      <span className="chi2-label">
        χ²(z) {c.class}, z {range(fit, c.class)} · candidate {candidate + 1}/{fit.candidates.length} (j k)
      </span>
      <canvas ref={canvas} height={HEIGHT} />
    </div>
  );
}

/**
 * The strip's canvas. Its width comes from a ResizeObserver, not from `clientWidth` in the draw
 * (a forced layout inside the key's task), and the canvas is resized only when that changes:
 * setting `width` clears it and reallocates its pixels.
 */
class Chi2Canvas {
  private width = 0;
  private fit: FitSuccess | null = null;
  private candidate = 0;
  private z = 0;
  private readonly resize: ResizeObserver;

  constructor(private readonly el: HTMLCanvasElement) {
    // Called after layout and before the paint, so the first frame with the strip shows it drawn.
    this.resize = new ResizeObserver((entries) => this.setWidth(entries[0]!.contentRect.width));
    this.resize.observe(el);
  }

  set(fit: FitSuccess, candidate: number, z: number): void {
    this.fit = fit;
    this.candidate = candidate;
    this.z = z;
    this.draw();
  }

  destroy(): void {
    this.resize.disconnect();
  }

  private setWidth(cssWidth: number): void {
    const width = Math.max(200, Math.round(cssWidth));
    if (width === this.width) return;
    this.width = this.el.width = width;
    this.draw();
  }

  private draw(): void {
    const g = this.el.getContext('2d');
    if (!g || !this.fit || this.width === 0) return;
    g.clearRect(0, 0, this.width, HEIGHT);
    drawStrip(g, this.width, this.fit, this.candidate, this.z);
  }
}

const SOLID: number[] = [];
const DASHED = [3, 3];

function drawStrip(g: CanvasRenderingContext2D, width: number, fit: FitSuccess, candidate: number, zDraft: number): void {
  const shown = fit.candidates[candidate] ?? fit.best;
  const curve = curveOf(fit, shown.class);
  if (!curve || curve.z.length < 2) return;
  const z0 = curve.z[0]!;
  const z1 = curve.z[curve.z.length - 1]!;
  // x = ax·z + bx across the canvas; low χ² at the bottom: minima point down, like the dips a reviewer looks for.
  const ax = (width - 1) / (z1 - z0);
  const bx = -z0 * ax;
  const [lo, hi] = finiteRange(curve.chi2);
  const ay = (HEIGHT - 8) / (hi - lo || 1);
  const by = HEIGHT - 4 + lo * ay;
  g.strokeStyle = '#555';
  g.lineWidth = 1;
  g.beginPath();
  let pen = false;
  for (let i = 0; i < curve.z.length; i++) {
    const v = curve.chi2[i]!;
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    if (pen) g.lineTo(ax * curve.z[i]! + bx, by - ay * v);
    else g.moveTo(ax * curve.z[i]! + bx, by - ay * v);
    pen = true;
  }
  g.stroke();
  for (let i = 0; i < fit.candidates.length; i++) {
    const c = fit.candidates[i]!;
    if (c.class !== shown.class) continue;
    g.fillStyle = i === candidate ? '#d9480f' : '#1f4e9c';
    g.fillRect(ax * c.z + bx - 2, 0, 4, 8);
  }
  vertical(g, ax * shown.z + bx, '#d9480f', SOLID);
  if (zDraft >= z0 && zDraft <= z1) vertical(g, ax * zDraft + bx, '#2b8a3e', DASHED);
}

function vertical(g: CanvasRenderingContext2D, at: number, color: string, dash: number[]): void {
  g.strokeStyle = color;
  g.setLineDash(dash);
  g.beginPath();
  g.moveTo(at, 0);
  g.lineTo(at, HEIGHT);
  g.stroke();
  g.setLineDash(SOLID);
}

function curveOf(fit: FitSuccess, cls: string): ClassCurve | undefined {
  for (const k of fit.curves) if (k.class === cls) return k;
  return undefined;
}

function finiteRange(a: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of a) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function range(fit: FitSuccess, cls: string): string {
  const curve = curveOf(fit, cls);
  if (!curve || curve.z.length === 0) return '';
  const digits = cls === 'STAR' ? 4 : 2;
  return `${curve.z[0]!.toFixed(digits)} … ${curve.z[curve.z.length - 1]!.toFixed(digits)}`;
}
