/**
 * The line markers' drawing (review/lineOverlay.ts) on a recording 2D context: where markers
 * and labels go at a given z, which labels are left out, and nothing drawn when hidden.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import uPlot from 'uplot';
import { LineOverlay, type MarkerLine } from '../../../src-renderer/review/lineOverlay';

interface Recorded {
  markers: number[];
  labels: Array<{ text: string; x: number; y: number }>;
}

let drawn: Recorded;
/** The transform's x offset, CSS px: the overlay draws whole pixels and lets the transform add the half. */
let tx = 0;
const ctx = {
  font: '',
  setTransform: (ratio: number, _b: number, _c: number, _d: number, e: number) => void (tx = e / ratio),
  clearRect: () => {},
  setLineDash: (() => {}) as (dash: number[]) => void,
  beginPath: () => {},
  stroke: () => {},
  lineTo: () => {},
  moveTo: (x: number) => void drawn.markers.push(x + tx),
  fillText: (text: string, x: number, y: number) => void drawn.labels.push({ text, x: x + tx, y }),
  // 6 px a character, as long as the label font is set.
  measureText: (text: string) => ({ width: ctx.font === '11px system-ui, sans-serif' ? text.length * 6 : 0 }),
};

beforeAll(() => {
  // uPlot sets its pixel ratio from the window when loaded in a page; here one CSS px is one canvas px.
  vi.spyOn(uPlot, 'pxRatio', 'get').mockReturnValue(1);
  vi.stubGlobal('window', { devicePixelRatio: 1 });
  vi.stubGlobal('document', { createElement: () => ({ style: {}, getContext: () => ctx, remove: () => {} }) });
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  drawn = { markers: [], labels: [] };
});

/** A plot 1000 px wide showing 4000–6000 Å: 0.5 px per Å. */
const plot = {
  over: { appendChild: () => {} },
  bbox: { left: 0, top: 0, width: 1000, height: 300 },
  scales: { x: { min: 4000, max: 6000 } },
  valToPos: (v: number) => (v - 4000) / 2,
} as unknown as uPlot;

const LINES: MarkerLine[] = [
  { name: 'Hβ', vacuum: 4862 },
  { name: '[O III]', vacuum: 4960 },
  { name: '[O III]', vacuum: 5008 },
  { name: 'A', vacuum: 5400 },
  { name: 'B', vacuum: 5402 },
  { name: 'C', vacuum: 5404 },
  { name: 'D', vacuum: 5406 },
  { name: 'Hα', vacuum: 6564 },
];

describe('line markers', () => {
  it('marks every line in view at (1+z)·λ, naming a doublet once and filling three label rows', () => {
    const overlay = new LineOverlay(plot, LINES);
    drawn = { markers: [], labels: [] };
    overlay.draw();
    expect(drawn.markers).toEqual([431.5, 480.5, 504.5, 700.5, 701.5, 702.5, 703.5]);
    expect(drawn.labels).toEqual([
      { text: 'Hβ', x: 433.5, y: 10 },
      { text: '[O III]', x: 482.5, y: 10 },
      // The second [O III] starts under the first's label: named once. A–C take the three
      // rows; D would print over all of them and is left out, its marker drawn all the same.
      { text: 'A', x: 702.5, y: 10 },
      { text: 'B', x: 703.5, y: 22 },
      { text: 'C', x: 704.5, y: 34 },
    ]);
  });

  it('moves with z and redraws the same way every time', () => {
    const overlay = new LineOverlay(plot, LINES);
    overlay.set(0.1, true);
    const first = drawn;
    // 1.1·λ: Hα leaves the view, the rest shift right by λ/20 px.
    expect(first.markers).toEqual([674.5, 728.5, 754.5, 970.5, 971.5, 972.5, 973.5]);
    expect(first.labels.map((l) => l.text)).toEqual(['Hβ', '[O III]', 'A', 'B', 'C']);
    expect(first.labels[0]).toEqual({ text: 'Hβ', x: 676.5, y: 10 });
    drawn = { markers: [], labels: [] };
    overlay.draw();
    expect(drawn).toEqual(first);
  });

  it('draws nothing when hidden', () => {
    const overlay = new LineOverlay(plot, LINES);
    overlay.set(0, false);
    expect(drawn).toEqual({ markers: [], labels: [] });
  });
});

describe('line marker styles', () => {
  it('draws emission lines solid and absorption lines dashed, and takes a new list without a new overlay', () => {
    const dashes: number[][] = [];
    const strokes: number[][] = [];
    const saved = { setLineDash: ctx.setLineDash, stroke: ctx.stroke };
    ctx.setLineDash = (d: number[]) => void dashes.push([...d]);
    ctx.stroke = () => void strokes.push(drawn.markers.splice(0));
    try {
      const overlay = new LineOverlay(plot, [{ name: 'Hβ', vacuum: 4862 }]);
      overlay.setLines([
        { name: 'Ca K', vacuum: 4400, absorption: true },
        { name: '[O III]', vacuum: 5008 },
        { name: 'Na D', vacuum: 5892, absorption: true },
      ]);
      strokes.length = 0;
      dashes.length = 0;
      drawn.markers = [];
      overlay.draw();
      // One solid path with the emission line, one dashed path with the two absorption lines.
      expect(dashes).toEqual([[], [4, 3]]);
      expect(strokes).toEqual([[504.5], [200.5, 946.5]]);
      expect(drawn.labels.map((l) => l.text)).toEqual(['Ca K', '[O III]', 'Na D']);
    } finally {
      Object.assign(ctx, saved);
    }
  });
});

describe('line labels never overlap', () => {
  it('with every class list at any z, no two labels in a row share pixels', async () => {
    const { LINES_BY_CLASS } = await import('../../../shared/lines');
    const wide = { ...plot, scales: { x: { min: 3700, max: 9100 } }, valToPos: (v: number) => ((v - 3700) / 5400) * 1000 } as unknown as uPlot;
    for (const lines of Object.values(LINES_BY_CLASS)) {
      const overlay = new LineOverlay(wide, lines);
      for (const z of [0, 0.05, 0.1, 0.3, 1, 2.5]) {
        overlay.set(z, true);
        drawn = { markers: [], labels: [] };
        overlay.draw();
        const byRow = new Map<number, Array<{ from: number; to: number }>>();
        for (const l of drawn.labels) {
          const row = byRow.get(l.y) ?? [];
          for (const other of row) expect(l.x >= other.to || l.x + l.text.length * 6 <= other.from, `${l.text} at z=${z}`).toBe(true);
          row.push({ from: l.x, to: l.x + l.text.length * 6 });
          byRow.set(l.y, row);
        }
      }
    }
  });
});
