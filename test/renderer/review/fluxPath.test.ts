/**
 * The chart's lines drawn straight onto the canvas (review/fluxPath.ts), on a recording context:
 * every pixel at a spectrum's usual density; packed 4 or more to a screen column, each column
 * keeps the lowest and highest pixel of the data in it; the line breaks at NaN (and at the
 * model's null gaps), and uPlot is given no path to stroke.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import uPlot from 'uplot';
import { directLine, strokeLine, type LineTransform } from '../../../src-renderer/review/fluxPath';

/** Each stretch of line as its vertices [x, y]; moveTo starts a new stretch. */
function recorder() {
  const stretches: [number, number][][] = [];
  return {
    stretches,
    moveTo: (x: number, y: number) => void stretches.push([[x, y]]),
    lineTo: (x: number, y: number) => void stretches.at(-1)!.push([x, y]),
  };
}

/** 1 canvas px per unit of x, y as given (so drawn y is the data's y). */
const ONE_TO_ONE: LineTransform = { ax: 1, bx: 0, ay: 1, by: 0 };

/** Plot columns for `strokeLine`: the spectrum below is dense (5 pixels a column) in 80 of them. */
const NARROW = 80;
/** A wide plot: the same pixels fewer than 4 a column. */
const WIDE = 1000;

/** n pixels 1/5 canvas px apart (5 a column, a spectrum zoomed out on a narrow window), with a wiggle. */
function spectrum(n: number) {
  const xs = Float64Array.from({ length: n }, (_, i) => i / 5);
  const ys = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 10 + (i % 7));
  return { xs, ys };
}

function columnsOf(points: Iterable<readonly [number, number]>): Map<number, { lo: number; hi: number }> {
  const cols = new Map<number, { lo: number; hi: number }>();
  for (const [x, y] of points) {
    const c = cols.get(Math.floor(x));
    if (!c) cols.set(Math.floor(x), { lo: y, hi: y });
    else {
      c.lo = Math.min(c.lo, y);
      c.hi = Math.max(c.hi, y);
    }
  }
  return cols;
}

describe('the line, column by column', () => {
  it('packed 4 or more to a column, draws each column from the lowest to the highest pixel of the data in it, as one line', () => {
    const { xs, ys } = spectrum(400);
    const pen = recorder();
    strokeLine(pen, xs, ys, 0, xs.length - 1, ONE_TO_ONE, NARROW);
    expect(pen.stretches).toHaveLength(1);
    const data = columnsOf(Array.from(xs, (x, i) => [x, ys[i]!] as const));
    expect(columnsOf(pen.stretches[0]!)).toEqual(data);
    // At most four vertices a column: fewer than the data's 400.
    expect(pen.stretches[0]!.length).toBeLessThanOrEqual(4 * data.size);
    expect(pen.stretches[0]!.length).toBeLessThan(xs.length);
  });

  it('draws a packed column as uPlot does: in, lowest, highest, out, at its first pixel’s x', () => {
    // Columns are 1 px from their first pixel: 0.1–1.1 holds in 5, high 9, low 1, out 4; 1.5 holds 3 alone; 2.6 three 2s (8 pixels ≥ 4 × 1 column).
    const xs = Float64Array.from([0.1, 0.4, 0.6, 0.8, 1.5, 2.6, 2.7, 2.8]);
    const ys = Float32Array.from([5, 9, 1, 4, 3, 2, 2, 2]);
    const pen = recorder();
    strokeLine(pen, xs, ys, 0, 7, ONE_TO_ONE, 1);
    expect(pen.stretches).toEqual([
      [
        [xs[0], 5],
        [xs[0], 1],
        [xs[0], 9],
        [xs[0], 4],
        [xs[4], 3],
        [xs[5], 2],
      ],
    ]);
  });

  it('fewer than 4 pixels a column (a spectrum at 1280 px has ~3.4) draws every pixel, in order, as uPlot did', () => {
    const { xs, ys } = spectrum(400);
    const pen = recorder();
    strokeLine(pen, xs, ys, 0, 399, ONE_TO_ONE, WIDE);
    expect(pen.stretches).toEqual([Array.from(xs, (x, i) => [x, ys[i]])]);
  });

  it('breaks the line at NaN and draws nothing there', () => {
    const { xs, ys } = spectrum(200);
    ys.fill(NaN, 90, 100);
    const pen = recorder();
    strokeLine(pen, xs, ys, 0, 199, ONE_TO_ONE, NARROW);
    expect(pen.stretches).toHaveLength(2);
    const [before, after] = pen.stretches as [[number, number][], [number, number][]];
    expect(Math.max(...before.map(([x]) => x))).toBeLessThanOrEqual(xs[89]!);
    expect(Math.min(...after.map(([x]) => x))).toBeGreaterThanOrEqual(xs[100]!);
    expect(pen.stretches.flat().every(([, y]) => Number.isFinite(y))).toBe(true);
    // Either side of the gap, the same columns as the data.
    expect(columnsOf(before)).toEqual(columnsOf(Array.from(xs.subarray(0, 90), (x, i) => [x, ys[i]!] as const)));
  });

  it('draws nothing for a model that is all gaps, and the model’s stretches between nulls', () => {
    const xs = Float64Array.from({ length: 10 }, (_, i) => i * 3);
    const pen = recorder();
    strokeLine(pen, xs, new Array<null>(10).fill(null), 0, 9, ONE_TO_ONE, WIDE);
    expect(pen.stretches).toEqual([]);
    strokeLine(pen, xs, [1, 2, null, 4, 5, null, null, 8, 9, 10], 0, 9, ONE_TO_ONE, WIDE);
    expect(pen.stretches.map((s) => s.map(([, y]) => y))).toEqual([[1, 2], [4, 5], [8, 9, 10]]);
  });

  it('maps data to the canvas with the transform (y grows downwards on a canvas)', () => {
    const pen = recorder();
    strokeLine(pen, [10, 20], [0, 1], 0, 1, { ax: 2, bx: 5, ay: -100, by: 300 }, WIDE);
    expect(pen.stretches).toEqual([
      [
        [25, 300],
        [45, 200],
      ],
    ]);
  });
});

describe('as uPlot’s paths builder', () => {
  beforeAll(() => void vi.spyOn(uPlot, 'pxRatio', 'get').mockReturnValue(2));
  afterAll(() => vi.restoreAllMocks());

  it('strokes the series in its colour and width inside the plot area, and hands uPlot no path', () => {
    const calls: string[] = [];
    const ctx = {
      save: () => calls.push('save'),
      restore: () => calls.push('restore'),
      beginPath: () => calls.push('begin'),
      rect: (x: number, y: number, w: number, h: number) => calls.push(`rect ${x} ${y} ${w} ${h}`),
      clip: () => calls.push('clip'),
      setLineDash: (d: number[]) => calls.push(`dash ${d.join(',')}`),
      moveTo: (x: number, y: number) => calls.push(`move ${x} ${y}`),
      lineTo: (x: number, y: number) => calls.push(`line ${x} ${y}`),
      stroke: () => calls.push(`stroke ${ctx.strokeStyle} ${ctx.lineWidth}`),
      strokeStyle: '',
      lineWidth: 0,
      lineJoin: '',
      lineCap: '',
    };
    const u = {
      ctx,
      bbox: { left: 100, top: 20, width: 1000, height: 400 },
      scales: { x: { min: 0, max: 10 }, y: { min: 0, max: 4 } },
      data: [Float64Array.from([0, 10]), Float32Array.from([0, 4])],
      series: [{}, { stroke: () => '#1f4e9c', width: 1.5 }],
    } as unknown as uPlot;
    expect(directLine(u, 1, 0, 1)).toBeNull();
    expect(calls).toEqual(['save', 'begin', 'rect 98.5 18.5 1003 403', 'clip', 'dash ', 'begin', 'move 100 420', 'line 1100 20', 'stroke #1f4e9c 3', 'restore']);
  });
});
