/**
 * The one spectrum chart: a uPlot created once on mount; each new spectrum, smoothing or zoom
 * goes in with setData / setScale (≈1.5 ms) — never a new chart. Under the flux: masks, sky
 * regions and the error band (underlay.ts); over it: the line markers (lineOverlay.ts) and,
 * in a recheck case, the other answers' markers (markerSets.ts).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SKY_REGIONS } from '../../shared/skyLines';
import { RobustRange } from '../spectra/robustRange';
import type { PlotSpectrum } from '../spectra/plotSpectrum';
import type { ZoomRequest } from '../state/store';
import { LabelRows } from './labelRows';
import { LineOverlay, type MarkerLine } from './lineOverlay';
import { MarkerSetsOverlay, type MarkerSet } from './markerSets';
import { Smoother } from './smooth';
import { FrameAxis } from './frameAxis';
import { Underlay } from './underlay';
import { directLine } from './fluxPath';
import { fluxLabel } from './fluxLabel';
import { zoomed } from './zoom';
import { drawn } from '../state/timing';
import type { NextSpectrum } from './nextSpectrum';

interface Props {
  spectrum: PlotSpectrum | null;
  z: number;
  showLines: boolean;
  lines: readonly MarkerLine[];
  smoothing: number;
  showErrors: boolean;
  zoom: ZoomRequest;
  /** The rest frame of this z on the axis (frameAxis.ts); null: observed. */
  restZ: number | null;
  /** The feature clicked on this spectrum, observed Å; null when none. */
  feature: number | null;
  /** A click (not a drag) on the plot, at this observed wavelength. */
  onFeature: (wavelength: number) => void;
  /** The assistant's model on the spectrum's pixels, drawn over the flux; null: none. */
  model?: Float32Array | null;
  /** Other answers' markers, each in its colour (a recheck case), and which one stands out. */
  sets?: { sets: readonly MarkerSet[]; emphasised: number } | null;
  /** Where a z key's new z comes from before React renders it (draftZ.ts), so its markers are drawn first; the `z` prop then finds them drawn. */
  followZ?: (draw: (z: number) => void) => () => void;
  /** Where a → key's next spectrum comes from before React renders it (nextSpectrum.ts): drawn at once, the props then find it drawn. */
  follow?: (show: (next: NextSpectrum) => void) => () => void;
}

let firstPaintMarked = false;

const EMPTY: uPlot.AlignedData = [new Float64Array(0), new Float32Array(0)];
/** The assistant's model over the flux (docs/assistant.md). */
const MODEL_SERIES: uPlot.Series = { label: 'fit model', stroke: '#d9480f', width: 1.5, points: { show: false }, paths: directLine };

interface Parts {
  plot: uPlot;
  overlay: LineOverlay;
  sets: MarkerSetsOverlay;
  underlay: Underlay;
  smoother: Smoother;
  whole: WholeRange;
  /** What the chart was last given: an effect whose props match (a → key's spectrum drawn ahead of React) does nothing. */
  given: Given;
  /** The axis follows the frame: relabelled and redrawn (never re-fed) on a toggle or, in the rest frame, a z change. */
  setFrame(restZ: number | null): void;
}

interface Given {
  lines: readonly MarkerLine[] | null;
  smoothing: number;
  showErrors: boolean;
  showLines: boolean;
  model: Float32Array | null;
}

export function SpectrumChart({ spectrum, z, showLines, lines, smoothing, showErrors, zoom, restZ, feature, onFeature, model = null, sets = null, followZ, follow }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<Parts | null>(null);
  const painted = useRef<number | null>(null);
  const shown = useRef<PlotSpectrum | null>(null);

  useEffect(() => {
    const chart = createChart(host.current!, painted);
    parts.current = chart;
    return () => {
      chart.destroy();
      parts.current = null;
    };
  }, []);
  useEffect(() => {
    const plot = parts.current?.plot;
    return plot ? onPlotClick(plot, onFeature) : undefined;
  }, [onFeature]);

  useEffect(() => parts.current?.overlay.setFeature(feature), [feature]);

  useEffect(() => {
    const p = parts.current;
    if (!p || p.given.lines === lines) return;
    p.given.lines = lines;
    p.overlay.setLines(lines);
    p.overlay.draw();
  }, [lines]);

  useEffect(() => followZ?.((next) => parts.current?.overlay.setZ(next)), [followZ]);

  useEffect(() => follow?.((next) => parts.current && showNext(parts.current, next, shown, painted)), [follow]);

  // Before the data: with a new spectrum, its z is drawn by the chart redraw that follows, not twice.
  useEffect(() => {
    const p = parts.current;
    if (!p) return;
    p.given.showLines = showLines;
    p.overlay.set(z, showLines, shown.current !== spectrum);
  }, [z, showLines, spectrum]);

  // A new spectrum shows whole; a smoothing, band or model change keeps the zoom.
  useEffect(() => {
    const p = parts.current;
    if (!p) return;
    const isNew = shown.current !== spectrum;
    const g = p.given;
    if (!isNew && g.smoothing === smoothing && g.showErrors === showErrors && g.model === model) return;
    g.smoothing = smoothing;
    g.showErrors = showErrors;
    g.model = model;
    shown.current = spectrum;
    painted.current = spectrum?.obsid ?? null;
    // One redraw for the series switch and the data: a draw in between would mark the new
    // obsid painted over the old pixels.
    p.plot.batch(() => showData(p, spectrum, isNew, { smoothing, showErrors, model }));
  }, [spectrum, smoothing, showErrors, model]);

  useEffect(() => parts.current?.sets.set(sets?.sets ?? [], sets?.emphasised ?? -1), [sets]);

  useEffect(() => parts.current?.setFrame(restZ), [restZ]);

  useEffect(() => {
    const plot = parts.current?.plot;
    const x = plot?.data[0];
    if (!plot || !x || x.length === 0) return;
    const data = { min: x[0]!, max: x[x.length - 1]! };
    const { min, max } = plot.scales.x;
    if (zoom.op === 'reset' || min == null || max == null) plot.setScale('x', data);
    else plot.setScale('x', zoomed({ min, max }, data, zoom.op));
  }, [zoom]);

  return <div className="spectrum-chart" ref={host} data-testid="spectrum-chart" data-frame="observed" />;
}

/**
 * A → key's spectrum with its z, line list, frame, feature and model, all in one redraw, with
 * the smoothing, band and marker visibility the chart has (a key that moves changes none of them).
 */
function showNext(p: Parts, next: NextSpectrum, shown: { current: PlotSpectrum | null }, painted: { current: number | null }): void {
  shown.current = next.spectrum;
  painted.current = next.spectrum.obsid;
  const g = p.given;
  if (g.lines !== next.lines) {
    g.lines = next.lines;
    p.overlay.setLines(next.lines);
  }
  p.overlay.setFeature(next.feature);
  p.overlay.set(next.z, g.showLines, true);
  g.model = next.model;
  p.plot.batch(() => {
    p.setFrame(next.restZ);
    showData(p, next.spectrum, true, { smoothing: g.smoothing, showErrors: g.showErrors, model: next.model });
  });
}

/** Puts a spectrum (or none) into the chart with its smoothing, error band and fit model. */
function showData(p: Parts, spectrum: PlotSpectrum | null, isNew: boolean, o: { smoothing: number; showErrors: boolean; model: Float32Array | null }): void {
  const { plot, underlay } = p;
  if (!spectrum) {
    underlay.set(null, o.showErrors);
    plot.setData(plot.series.length === 3 ? [...EMPTY, new Float32Array(0)] : EMPTY);
    return;
  }
  const s = p.smoother.apply(spectrum.flux, spectrum.sigma, o.smoothing);
  p.whole.flux = s.flux === spectrum.flux ? spectrum.flux : null;
  p.whole.lo = spectrum.yMin;
  p.whole.hi = spectrum.yMax;
  underlay.set({ wavelength: spectrum.wavelength, flux: s.flux, sigma: s.sigma, orMask: spectrum.orMask }, o.showErrors);
  // A model of another length (a stale fit) is not drawn. Its series is added with the first
  // model (a hidden third series from the start left the first paint's y range at [0, 1]) and
  // then kept, all gaps while there is no model (delSeries fails with the cursor points off).
  const fitted = o.model !== null && o.model.length === s.flux.length ? o.model : null;
  if (fitted && plot.series.length === 2) plot.addSeries(MODEL_SERIES, 2);
  const data: uPlot.AlignedData =
    plot.series.length === 3 ? [spectrum.wavelength, s.flux, fitted ?? noModel(s.flux.length)] : [spectrum.wavelength, s.flux];
  if (isNew) {
    plot.setData(data);
    return;
  }
  const { min, max } = plot.scales.x;
  plot.setData(data, false);
  // Setting x again re-ranges y over the visible pixels and redraws.
  if (min != null && max != null) plot.setScale('x', { min, max });
}

let gaps: null[] = [];

/** The model series' data while there is no model: all gaps, one array kept per length (a new one per key was garbage). */
function noModel(n: number): null[] {
  if (gaps.length !== n) gaps = new Array<null>(n).fill(null);
  return gaps;
}

/** The chart and what it draws with, made once per review screen; destroy() undoes all. */
function createChart(el: HTMLDivElement, painted: { current: number | null }): Parts & { destroy(): void } {
  const underlay = new Underlay(SKY_REGIONS);
  const frame = new FrameAxis();
  let overlay: LineOverlay | null = null;
  const whole: WholeRange = { flux: null, lo: 0, hi: 1 };
  const opts = chartOptions(el, underlay, frame, whole, (u) => {
    // The other answers' markers follow (their labels go around the reviewer's).
    overlay?.draw();
    // What the axis shows, once drawn, for the browser tests.
    el.dataset.ticks = frame.ticks.join(' ');
    el.dataset.frame = frame.rest ? 'rest' : 'observed';
    el.dataset.paintedObsid = painted.current === null ? '' : String(painted.current);
    drawn('chart', painted.current);
    // The wavelength range in view, for the browser tests (and anyone inspecting the page).
    const { min, max } = u.scales.x;
    el.dataset.view = min == null || max == null ? '' : `${Math.round(min)}-${Math.round(max)}`;
    if (painted.current !== null && !firstPaintMarked) {
      // For the cold-start benchmark: navigation start → first spectrum on screen.
      firstPaintMarked = true;
      performance.mark('specvet:first-spectrum');
    }
  });
  const plot = new uPlot(opts, EMPTY, el);
  // One set of label rows for every marker set drawn, so no two labels print over each other.
  const labels = new LabelRows();
  const lines = new LineOverlay(plot, [], labels, () => sets.draw());
  // Made second, its canvas over the reviewer's markers (as before the rows were shared).
  const sets = new MarkerSetsOverlay(plot, labels);
  overlay = lines;
  const resize = new ResizeObserver(() => plot.setSize(sizeOf(el)));
  resize.observe(el);
  return {
    plot,
    overlay: lines,
    sets,
    underlay,
    smoother: new Smoother(),
    whole,
    given: { lines: null, smoothing: 0, showErrors: false, showLines: true, model: null },
    setFrame(restZ) {
      if (!frame.set(restZ)) return;
      plot.axes[0]!.label = frame.label();
      // recalcAxes: the ticks depend on the frame, not only on the scale.
      plot.redraw(false, true);
    },
    destroy() {
      resize.disconnect();
      lines.destroy();
      sets.destroy();
      plot.destroy();
    },
  };
}

/** Calls back with the wavelength under a click; a drag (uPlot's zoom) is not a click. */
function onPlotClick(plot: uPlot, cb: (wavelength: number) => void): () => void {
  let downX = NaN;
  const down = (e: MouseEvent) => (downX = e.clientX);
  const click = (e: MouseEvent) => {
    if (Math.abs(e.clientX - downX) > 3) return;
    const left = plot.over.getBoundingClientRect().left;
    cb(plot.posToVal(e.clientX - left, 'x'));
  };
  plot.over.addEventListener('mousedown', down);
  plot.over.addEventListener('click', click);
  return () => {
    plot.over.removeEventListener('mousedown', down);
    plot.over.removeEventListener('click', click);
  };
}

function sizeOf(el: HTMLElement): { width: number; height: number } {
  return { width: Math.max(200, el.clientWidth), height: Math.max(160, el.clientHeight) };
}

/**
 * The whole unsmoothed spectrum's robust range, as the decode worker worked it out ahead
 * (plotSpectrum.ts): a new spectrum on screen needs no sort of its pixels in the key's draw.
 */
interface WholeRange {
  flux: Float32Array | null;
  lo: number;
  hi: number;
}

/** The y range: robust (0.5–99.5 %) over the pixels in view, recomputed on every zoom, padded 6 %. */
function visibleYRange(robust: RobustRange, whole: WholeRange): uPlot.Range.Function {
  return (u) => {
    const flux = u.data[1] as unknown as Float32Array | undefined;
    const idxs = u.series[0]?.idxs;
    if (!flux || flux.length === 0) return [0, 1];
    const all = flux === whole.flux && (!idxs || (idxs[0] === 0 && idxs[1] === flux.length - 1));
    const [lo, hi] = all ? [whole.lo, whole.hi] : idxs ? robust.of(flux, idxs[0], idxs[1]) : robust.of(flux);
    const pad = (hi - lo) * 0.06 || 1;
    return [lo - pad, hi + pad];
  };
}

function chartOptions(el: HTMLElement, underlay: Underlay, frame: FrameAxis, whole: WholeRange, onDraw: (u: uPlot) => void): uPlot.Options {
  return {
    ...sizeOf(el),
    pxAlign: false,
    legend: { show: false },
    cursor: { drag: { x: true, y: false }, points: { show: false } },
    scales: {
      x: { time: false },
      y: { range: visibleYRange(new RobustRange(), whole) },
    },
    axes: [
      { label: frame.label(), labelSize: 20, size: 36, stroke: '#444', grid: { stroke: '#eee' }, ...frame.axis() },
      { label: 'flux', labelSize: 20, size: 64, stroke: '#444', grid: { stroke: '#eee' }, values: (_u, splits) => splits.map(fluxLabel) },
    ],
    series: [{}, { label: 'flux', stroke: '#1f4e9c', width: 1, points: { show: false }, paths: directLine }],
    hooks: { drawClear: [(u) => underlay.draw(u)], draw: [onDraw] },
  };
}
