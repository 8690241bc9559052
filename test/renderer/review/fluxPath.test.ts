/**
 * The chart's lines drawn straight onto the canvas (review/fluxPath.ts), on a recording context:
 * each screen column keeps the lowest and highest pixel of the data in it, the line breaks at
 * NaN (and at the model's null gaps), and uPlot is given no path to stroke.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import uPlot from 'uplot';
import { directLine, strokeColumns, type LineTransform } from '../../../src-renderer/review/fluxPath';

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

/** n pixels at 0.3 canvas px apart (≈ 3.3 per column, as a spectrum at 1280 px), with a wiggle. */
function spectrum(n: number) {
  const xs = Float64Array.from({ length: n }, (_, i) => i * 0.3);
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
  it('draws each column from the lowest to the highest pixel of the data in it, as one line', () => {
    const { xs, ys } = spectrum(400);
    const pen = recorder();
    strokeColumns(pen, xs, ys, 0, xs.length - 1, ONE_TO_ONE);
    expect(pen.stretches).toHaveLength(1);
    const data = columnsOf(Array.from(xs, (x, i) => [x, ys[i]!] as const));
    expect(columnsOf(pen.stretches[0]!)).toEqual(data);
    // At most two vertices a column: fewer than the data's 400.
    expect(pen.stretches[0]!.length).toBeLessThanOrEqual(2 * data.size);
    expect(pen.stretches[0]!.length).toBeLessThan(xs.length);
  });

  it('keeps each column’s extremes in the order they come, at their own x', () => {
    // One column: 5 at x 0.1, the high 9 at 0.4, the low 1 at 0.6, then 4 at 0.8; the next column one pixel.
    const xs = Float64Array.from([0.1, 0.4, 0.6, 0.8, 1.5]);
    const ys = Float32Array.from([5, 9, 1, 4, 3]);
    const pen = recorder();
    strokeColumns(pen, xs, ys, 0, 4, ONE_TO_ONE);
    expect(pen.stretches).toEqual([
      [
        [xs[1], 9],
        [xs[2], 1],
        [xs[4], 3],
      ],
    ]);
  });

  it('zoomed in (a pixel a column or fewer) draws every pixel, in order', () => {
    const xs = Float64Array.from({ length: 20 }, (_, i) => i * 2.5);
    const ys = Float32Array.from({ length: 20 }, (_, i) => (i * 37) % 11);
    const pen = recorder();
    strokeColumns(pen, xs, ys, 0, 19, ONE_TO_ONE);
    expect(pen.stretches).toEqual([Array.from(xs, (x, i) => [x, ys[i]])]);
  });

  it('breaks the line at NaN and draws nothing there', () => {
    const { xs, ys } = spectrum(200);
    ys.fill(NaN, 90, 100);
    const pen = recorder();
    strokeColumns(pen, xs, ys, 0, 199, ONE_TO_ONE);
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
    strokeColumns(pen, xs, new Array<null>(10).fill(null), 0, 9, ONE_TO_ONE);
    expect(pen.stretches).toEqual([]);
    strokeColumns(pen, xs, [1, 2, null, 4, 5, null, null, 8, 9, 10], 0, 9, ONE_TO_ONE);
    expect(pen.stretches.map((s) => s.map(([, y]) => y))).toEqual([[1, 2], [4, 5], [8, 9, 10]]);
  });

  it('maps data to the canvas with the transform (y grows downwards on a canvas)', () => {
    const pen = recorder();
    strokeColumns(pen, [10, 20], [0, 1], 0, 1, { ax: 2, bx: 5, ay: -100, by: 300 });
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
