/**
 * Verdicts per day over the period as a uPlot chart: the total with the busiest five rows
 * (reviewers or batches), or one line per row — `o` switches. Every day of the period is on the
 * axis, a day without verdicts at zero, so a quiet week reads as one.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useDesk, type ProgressPlot } from './deskState';

/** Lines the "each" plot draws at most: more are not readable, the table has them all. */
export const MAX_LINES = 12;
const TOP = 5;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#393b79', '#637939'];
const DAY = 86_400_000;

export interface PlotRow {
  label: string;
  verdicts: number;
  perDay: { day: string; verdicts: number }[];
}

export interface PlotLines {
  days: string[];
  lines: { label: string; values: number[]; total: boolean }[];
  /** Rows with verdicts that the plot leaves out (the table lists them). */
  leftOut: number;
}

/** The period's days and the lines to draw for them. */
export function plotLines(from: string, to: string, rows: readonly PlotRow[], mode: ProgressPlot): PlotLines {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  const at = new Map(days.map((d, i) => [d, i]));
  const valuesOf = (r: PlotRow) => {
    const v = days.map(() => 0);
    for (const d of r.perDay) if (at.has(d.day)) v[at.get(d.day)!] = d.verdicts;
    return v;
  };
  const busy = rows.filter((r) => r.verdicts > 0).sort((a, b) => b.verdicts - a.verdicts);
  const shown = busy.slice(0, mode === 'top' ? TOP : MAX_LINES);
  const lines = shown.map((r) => ({ label: r.label, values: valuesOf(r), total: false }));
  if (mode === 'top') {
    const total = days.map(() => 0);
    for (const r of busy) valuesOf(r).forEach((v, i) => (total[i]! += v));
    lines.unshift({ label: 'total', values: total, total: true });
  }
  return { days, lines, leftOut: busy.length - shown.length };
}

export function DeskProgressPlot({ from, to, rows }: { from: string; to: string; rows: readonly PlotRow[] }) {
  const mode = useDesk((s) => s.plot);
  const box = useRef<HTMLDivElement>(null);
  const { days, lines, leftOut } = plotLines(from, to, rows, mode);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const size = () => ({ width: Math.max(300, el.clientWidth), height: 200 });
    const plot = new uPlot(
      {
        ...size(),
        scales: { x: { time: true } },
        axes: [{}, { label: 'verdicts', size: 56 }],
        series: [
          { label: 'day', value: (_u, v) => (v === null ? '—' : new Date(v * 1000).toISOString().slice(0, 10)) },
          ...lines.map((l, i) => ({ label: l.label, stroke: l.total ? '#111' : COLOURS[(i - (lines[0]?.total ? 1 : 0)) % COLOURS.length]!, width: l.total ? 2.5 : 1.5 })),
        ],
      },
      [days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000), ...lines.map((l) => l.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize(size()));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // Rebuilt when what it shows changes (a few dozen points: cheaper than diffing series).
  }, [JSON.stringify(days), JSON.stringify(lines)]); // eslint-disable-line react-hooks/exhaustive-deps
  if (lines.length === 0) return null;
  return (
    <figure className="desk-plot" data-testid="desk-progress-plot" data-lines={lines.map((l) => l.label).join('|')}>
      <figcaption>
        verdicts per day — {mode === 'top' ? `total and the busiest ${Math.min(TOP, lines.length - 1)}` : 'one line each'}
        {leftOut > 0 && <span className="hint"> ({leftOut} more in the table)</span>}
      </figcaption>
      <div ref={box} />
    </figure>
  );
}
