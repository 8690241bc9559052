/**
 * The spectrograph view (the 2D check): every fibre of one spectrograph of one plan in fibre
 * order, compact plots on one wavelength axis (each on its own robust range), with the median flux and
 * median S/N strip beside them, so stray light, negative flux or a dead block of fibres shows
 * at a glance. Select a range (keys, or click first and last) and `p` reports it.
 */
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/model';
import { problemTypeLabel } from '../../shared/problemTypes';
import { ThumbnailStore } from '../spectra/thumbnailStore';
import type { Thumbnail } from '../spectra/thumbnail';
import { useApp } from '../state/store';
import { KeyHints, type KeyHint } from '../review/KeyHints';
import { AXIS_HEIGHT, drawSlit, LABEL_WIDTH, STRIP_WIDTH, type SlitScene } from './drawSlit';
import { loadProblems } from './reports';
import { ReportForm } from './ReportForm';
import { clickFibre, selection, useSlit } from './slitState';
import { slitScales } from './slitScales';

const HINTS: readonly KeyHint[] = [
  ['↑ ↓ j k', 'fibre'],
  ['⇧↑ ⇧↓', 'extend'],
  ['click', 'first and last'],
  ['PgUp PgDn Home End', 'move'],
  ['o', 'all 250'],
  ['p', 'report'],
  ['Esc', 'batches'],
  ['?', 'all keys'],
];

/** A readable row; `o` fits all 250 in the window instead. */
const ROW_HEIGHT = 20;

export const slitThumbnails = new ThumbnailStore();

export function SpectrographScreen() {
  const review = useApp((s) => s.review)!;
  const slit = useSlit();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => slitThumbnails.subscribe(bump), []);
  const items = review.items;

  useEffect(() => {
    useSlit.setState({ cursor: 1, anchor: null, first: 1, picked: false, form: null, problems: [] });
    // Every fibre: the view is about the slit as a whole (the strip needs them all).
    slitThumbnails.want(items.map((it) => it.obsid));
    void loadProblems();
  }, [items]);

  const byFibre = useMemo(() => {
    const out: (Thumbnail | undefined)[] = new Array(FIBERS_PER_SPECTROGRAPH + 1);
    for (const it of items) {
      const t = slitThumbnails.get(it.obsid);
      if (t?.state === 'ready') out[it.fiberid] = t.thumb;
    }
    return out;
    // version: a thumbnail arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, version]);
  const hasItem = useMemo(() => {
    const out: boolean[] = new Array(FIBERS_PER_SPECTROGRAPH + 1).fill(false);
    for (const it of items) out[it.fiberid] = true;
    return out;
  }, [items]);
  const scales = useMemo(() => slitScales(byFibre), [byFibre]);
  const loaded = byFibre.filter(Boolean).length;

  const { from, to } = selection(slit);
  const first = items[0]!;
  return (
    <section className="slit" data-testid="slit">
      <header className="slit-header">
        <strong>
          {first.planid} · spectrograph {first.spid} · lmjd {first.lmjd}
        </strong>
        <span data-testid="slit-selection">
          fibres {from}–{to} selected
        </span>
        <span>
          spectra {loaded} of {items.length}
          {slit.overview ? ' · all 250 fibres' : ''}
        </span>
        <span className="legend">F flux standard · · no spectrum (sky or unused)</span>
      </header>
      <div className="slit-columns" style={{ paddingLeft: LABEL_WIDTH }}>
        <span className="plots-title">spectrum per fibre, each on its own scale (red line: zero flux)</span>
        <span style={{ width: STRIP_WIDTH }}>median flux</span>
        <span style={{ width: STRIP_WIDTH }}>median S/N</span>
      </div>
      <SlitCanvas scene={{ byFibre, hasItem, first: slit.overview ? 1 : slit.first, rows: slit.overview ? FIBERS_PER_SPECTROGRAPH : slit.visible, cursor: slit.cursor, from, to, problems: slit.problems, ...scales }} />
      <SlitReports />
      <ReportForm />
      <KeyHints hints={HINTS} />
    </section>
  );
}

/** The reports filed on this spectrograph, in words (the canvas draws them over their fibres). */
function SlitReports() {
  const problems = useSlit((s) => s.problems);
  return (
    <ul className="slit-reports" data-testid="slit-reports">
      {problems.map((p) => (
        <li key={p.id} data-testid="slit-report">
          fibres {p.fiberFrom}–{p.fiberTo}: {problemTypeLabel(p.type)}, {p.origin === 'raw' ? 'raw data' : '2D processing'} — {p.state}
          {p.pushed ? '' : ' (not pushed yet)'}
        </li>
      ))}
    </ul>
  );
}

function SlitCanvas({ scene }: { scene: SlitScene }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [, resized] = useReducer((n: number) => n + 1, 0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      const visible = Math.max(5, Math.floor((el.clientHeight - AXIS_HEIGHT) / ROW_HEIGHT));
      // The report form takes room from the rows: the cursor's fibre stays in view.
      const { cursor, first } = useSlit.getState();
      useSlit.setState({ visible, first: cursor >= first + visible ? cursor - visible + 1 : first });
      resized();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const c = ref.current;
    const el = box.current;
    if (!c || !el) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const w = el.clientWidth;
    const h = scene.rows === FIBERS_PER_SPECTROGRAPH ? el.clientHeight : scene.rows * ROW_HEIGHT + AXIS_HEIGHT;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawSlit(ctx, w, h, scene);
    performance.measure('slit-drawn', { start: t0, detail: { rows: scene.rows } });
  });

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const rowH = (rect.height - AXIS_HEIGHT) / scene.rows;
    const row = Math.floor((e.clientY - rect.top) / rowH);
    if (row >= 0 && row < scene.rows) clickFibre(Math.min(FIBERS_PER_SPECTROGRAPH, scene.first + row));
  };
  const onWheel = (e: React.WheelEvent) => {
    const s = useSlit.getState();
    const step = Math.sign(e.deltaY) * 3;
    useSlit.setState({ first: Math.max(1, Math.min(FIBERS_PER_SPECTROGRAPH - s.visible + 1, s.first + step)) });
  };
  return (
    <div className="slit-canvas" ref={box} onWheel={onWheel}>
      <canvas ref={ref} onClick={onClick} data-testid="slit-canvas" />
    </div>
  );
}
