/**
 * The thin χ²(z) strip under the chart: the curve of the candidate's class, the candidates of
 * that class as ticks, the one on screen and the draft's z as lines. Drawn on a canvas of its
 * own, redrawn only when the fit, the candidate or z changes.
 */
import { useEffect, useRef } from 'react';
import type { FitSuccess } from '../../shared/fit';

const HEIGHT = 56;

export function Chi2Strip({ fit, candidate, z }: { fit: FitSuccess; candidate: number; z: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const c = fit.candidates[candidate] ?? fit.best;
  useEffect(() => {
    const el = canvas.current;
    if (el) draw(el, fit, candidate, z);
  }, [fit, candidate, z]);
  return (
    <div className="chi2-strip" data-testid="chi2-strip" data-class={c.class}>
      <span className="chi2-label">
        χ²(z) {c.class}, z {range(fit, c.class)} · candidate {candidate + 1}/{fit.candidates.length} (j k)
      </span>
      <canvas ref={canvas} height={HEIGHT} />
    </div>
  );
}

function draw(el: HTMLCanvasElement, fit: FitSuccess, candidate: number, zDraft: number): void {
  const width = (el.width = Math.max(200, el.clientWidth));
  const g = el.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, width, HEIGHT);
  const shown = fit.candidates[candidate] ?? fit.best;
  const curve = fit.curves.find((k) => k.class === shown.class);
  if (!curve || curve.z.length < 2) return;
  const z0 = curve.z[0]!;
  const z1 = curve.z[curve.z.length - 1]!;
  const [lo, hi] = finiteRange(curve.chi2);
  const x = (z: number) => ((z - z0) / (z1 - z0)) * (width - 1);
  // Low χ² at the bottom: minima point down, like the dips a reviewer looks for.
  const y = (v: number) => 4 + ((v - lo) / (hi - lo || 1)) * (HEIGHT - 8);
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
    if (pen) g.lineTo(x(curve.z[i]!), HEIGHT - y(v));
    else g.moveTo(x(curve.z[i]!), HEIGHT - y(v));
    pen = true;
  }
  g.stroke();
  fit.candidates.forEach((c, i) => {
    if (c.class !== shown.class) return;
    g.fillStyle = i === candidate ? '#d9480f' : '#1f4e9c';
    g.fillRect(x(c.z) - 2, 0, 4, 8);
  });
  vertical(g, x(shown.z), '#d9480f', []);
  if (zDraft >= z0 && zDraft <= z1) vertical(g, x(zDraft), '#2b8a3e', [3, 3]);
}

function vertical(g: CanvasRenderingContext2D, at: number, color: string, dash: number[]): void {
  g.strokeStyle = color;
  g.setLineDash(dash);
  g.beginPath();
  g.moveTo(at, 0);
  g.lineTo(at, HEIGHT);
  g.stroke();
  g.setLineDash([]);
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
  const curve = fit.curves.find((k) => k.class === cls);
  if (!curve || curve.z.length === 0) return '';
  const digits = cls === 'STAR' ? 4 : 2;
  return `${curve.z[0]!.toFixed(digits)} … ${curve.z[curve.z.length - 1]!.toFixed(digits)}`;
}
