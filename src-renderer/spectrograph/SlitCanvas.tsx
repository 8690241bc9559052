/**
 * The spectrograph view's canvas and what it draws from: the fibres' thumbnails in fibre
 * order with their scales. Shared by the reviewer's spectrograph batch and the 2D team's
 * opened problem report (read-only there: a click does nothing).
 */
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import type { Thumbnail } from '../spectra/thumbnail';
import type { ThumbnailStore } from '../spectra/thumbnailStore';
import { AXIS_HEIGHT, drawSlit, FIT_WIDTH, LABEL_WIDTH, STRIP_WIDTH, type SlitScene } from './drawSlit';
import { clickFibre, useSlit } from './slitState';
import { slitScales } from './slitScales';

/** A readable row; `o` fits all 250 in the window instead. */
const ROW_HEIGHT = 20;

/** The fibres' thumbnails as the scene wants them, redrawn as each arrives. */
export function useFibreThumbnails(items: readonly { obsid: number; fiberid: number }[], store: ThumbnailStore) {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => store.subscribe(bump), [store]);
  const byFibre = useMemo(() => {
    const out: (Thumbnail | undefined)[] = new Array(FIBERS_PER_SPECTROGRAPH + 1);
    for (const it of items) {
      const t = store.get(it.obsid);
      if (t?.state === 'ready') out[it.fiberid] = t.thumb;
    }
    return out;
    // version: a thumbnail arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, store, version]);
  const hasItem = useMemo(() => {
    const out: boolean[] = new Array(FIBERS_PER_SPECTROGRAPH + 1).fill(false);
    for (const it of items) out[it.fiberid] = true;
    return out;
  }, [items]);
  const scales = useMemo(() => slitScales(byFibre), [byFibre]);
  /** The first spectrum that could not be shown, in words (null: none failed). */
  const failure = useMemo(() => {
    for (const it of items) {
      const t = store.get(it.obsid);
      if (t?.state === 'error') return t.message;
    }
    return null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, store, version]);
  const loaded = byFibre.filter(Boolean).length;
  return { byFibre, hasItem, scales, loaded, failure };
}

/** The column titles over the canvas (`fit`: the assistant's column, as the scene has fitMarks). */
export function SlitColumns({ fit = false }: { fit?: boolean }) {
  return (
    <div className="slit-columns" style={{ paddingLeft: LABEL_WIDTH }}>
      <span className="plots-title">spectrum per fibre, each on its own scale (red line: zero flux)</span>
      <span style={{ width: STRIP_WIDTH }}>median flux</span>
      <span style={{ width: STRIP_WIDTH }}>median S/N</span>
      {fit && (
        <span style={{ width: FIT_WIDTH }} title="the assistant's fit against the pipeline: ≠fit disagrees, = agrees, – no fit">
          fit
        </span>
      )}
    </div>
  );
}

export function SlitCanvas({ scene, readOnly = false }: { scene: SlitScene; readOnly?: boolean }) {
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
    if (readOnly) return;
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
