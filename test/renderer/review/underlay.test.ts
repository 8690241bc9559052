/**
 * What is drawn under the flux (review/underlay.ts) on a recording canvas: masked pixels as
 * spans, sky regions where they are, and the error band split at NaN gaps.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import uPlot from 'uplot';
import { Underlay } from '../../../src-renderer/review/underlay';
import type { SkyRegion } from '../../../shared/skyLines';

interface Rect {
  x: number;
  w: number;
  fill: unknown;
}
let rects: Rect[];
let polygons: number[][];
/** The y of each moveTo / lineTo, per subpath (the band's lines). */
let ys: number[][];
let strokes: number;
let labels: string[];
const ctx = {
  fillStyle: '' as unknown,
  font: '',
  save: () => {},
  restore: () => {},
  clip: () => {},
  rect: () => {},
  beginPath: () => void (polygons = []),
  moveTo: (x: number, y: number) => void (polygons.push([x]), ys.push([y])),
  lineTo: (x: number, y: number) => void (polygons.at(-1)!.push(x), ys.at(-1)!.push(y)),
  closePath: () => {},
  fill: () => {},
  stroke: () => void strokes++,
  strokeStyle: '',
  lineWidth: 0,
  lineCap: '',
  setLineDash: () => {},
  fillRect: (x: number, _y: number, w: number) => void rects.push({ x, w, fill: ctx.fillStyle }),
  textAlign: '',
  textBaseline: '',
  fillText: (t: string) => void labels.push(t),
  measureText: (t: string) => ({ width: t.length * 6 }),
  createPattern: () => 'hatch',
};

beforeAll(() => {
  // uPlot sets its pixel ratio from the window when loaded in a page; here one CSS px is one canvas px.
  vi.spyOn(uPlot, 'pxRatio', 'get').mockReturnValue(1);
  vi.stubGlobal('document', { createElement: () => ({ getContext: () => ({ beginPath() {}, moveTo() {}, lineTo() {}, stroke() {} }) }) });
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  rects = [];
  polygons = [];
  ys = [];
  strokes = 0;
  labels = [];
});

/** 10 pixels at 5000, 5001 … 5009 Å; 1 px per Å on a canvas starting at x = 0 for 5000 Å. */
const plot = (min = 4990, max = 5020) =>
  ({
    ctx,
    bbox: { left: 0, top: 0, width: 300, height: 100 },
    scales: { x: { min, max } },
    series: [{ idxs: [0, 9] }],
    valToPos: (v: number, scale: string) => (scale === 'x' ? v - 5000 : v),
  }) as unknown as uPlot;

const wavelength = Float64Array.from({ length: 10 }, (_, i) => 5000 + i);
const SKY: SkyRegion[] = [{ name: 'x', from: 5003, to: 5005, source: 5004 }, { name: 'OH forest', from: 7600, to: 11000, source: null }];

describe('under the flux', () => {
  it('shades runs of masked pixels from midpoint to midpoint', () => {
    const orMask = Int32Array.from([0, 0, 4, 4, 0, 0, 0, 1, 0, 0]);
    const u = new Underlay([]);
    u.set({ wavelength, flux: new Float32Array(10), sigma: null, orMask }, true);
    u.draw(plot());
    expect(rects.map((r) => [r.x, r.w])).toEqual([
      [1.5, 2],
      [6.5, 1],
    ]);
  });

  it('marks the sky regions in view, named, and leaves out those outside', () => {
    const u = new Underlay(SKY);
    u.draw(plot());
    // Tint and hatch over 5003–5005 Å; the OH forest is outside the view.
    expect(rects.map((r) => [r.x, r.w])).toEqual([
      [3, 2],
      [3, 2],
    ]);
    expect(rects[1]!.fill).toBe('hatch');
    expect(labels).toEqual(['sky']);
  });

  it('leaves out a sky label that would print over the one before (the Na D pair)', () => {
    const u = new Underlay([
      { name: 'a', from: 5001, to: 5002, source: 5001.5 },
      { name: 'b', from: 5006, to: 5007, source: 5006.5 },
      { name: 'c', from: 5030, to: 5031, source: 5030.5 },
    ]);
    u.draw(plot(4990, 5040));
    // "sky" is 18 px wide here: the one at 5006 Å starts 5 px after the first and is left out.
    expect(labels).toEqual(['sky', 'sky']);
    expect(ctx.textAlign).toBe('left');
  });

  it('draws flux ± σ as one polygon per run of finite pixels: a NaN gap stays a gap', () => {
    const flux = Float32Array.from([1, 1, 1, NaN, NaN, 1, 1, 1, 1, 1]);
    const sigma = Float32Array.from([1, 1, 1, 1, 1, 1, NaN, 1, 1, 1]);
    const u = new Underlay([]);
    u.set({ wavelength, flux, sigma, orMask: new Int32Array(10) }, true);
    u.draw(plot());
    // x of the upper edge forward then the lower edge back, per run: 0–2, 5, 7–9.
    expect(polygons).toEqual([
      [0, 1, 2, 2, 1, 0],
      [5, 5],
      [7, 8, 9, 9, 8, 7],
    ]);
  });

  it('draws the band of a dense view as one 1-px line per screen column, in one stroke', () => {
    const flux = new Float32Array(10).fill(1);
    const sigma = new Float32Array(10).fill(1);
    const u = new Underlay([]);
    u.set({ wavelength, flux, sigma, orMask: new Int32Array(10) }, true);
    // 4 pixels a column: x = 0, 0.25, … 2.25; each line through its column's pixel centre, from flux − σ to flux + σ.
    const dense = { ...plot(), valToPos: (v: number, scale: string) => (scale === 'x' ? (v - 5000) / 4 : 100 - v) } as unknown as uPlot;
    u.draw(dense);
    expect(polygons).toEqual([
      [0.5, 0.5],
      [1.5, 1.5],
      [2.5, 2.5],
    ]);
    expect(ys).toEqual([
      [100, 98],
      [100, 98],
      [100, 98],
    ]);
    expect(strokes).toBe(1);
  });

  it('draws no band when it is switched off', () => {
    const u = new Underlay([]);
    u.set({ wavelength, flux: new Float32Array(10), sigma: new Float32Array(10).fill(1), orMask: new Int32Array(10) }, false);
    u.draw(plot());
    expect(polygons).toEqual([]);
  });
});
