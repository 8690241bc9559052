/**
 * The browse grid (stars): a page of thumbnails in batch order (date → plan → spectrograph →
 * fibre), as many as the window holds, with a cursor. Only the page on screen and its
 * neighbours are decoded and kept (virtualised), so a batch of thousands costs what one page does.
 */
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { fitPage, stopFits, usePageFits } from '../assistant/pageFits';
import { ThumbnailStore } from '../spectra/thumbnailStore';
import { hintKeys, type Keymap, type ReviewAction } from '../../shared/keymap';
import { modeHintKeys, type BrowseAction, type ModeKeymap } from '../../shared/modeKeys';
import { useApp } from '../state/store';
import { KeyHints, type KeyHint } from '../review/KeyHints';
import { ZEntry } from '../review/ZEntry';
import { pageSizeOf, useBrowse } from './browseState';
import { Thumb } from './Thumb';

/** Smallest thumbnail: 5 × 4 of them at 1280 × 800, more on a larger screen. */
const CELL_WIDTH = 236;
const CELL_HEIGHT = 150;
const GAP = 6;

/** The grid's hint line, from the keys as the reviewer has bound them. */
function browseHints(k: Keymap, b: ModeKeymap<BrowseAction>): KeyHint[] {
  const first = (kind: ReviewAction['kind']) => hintKeys(k, kind).split(' ')[0]!;
  return [
    [`${first('prev')} ${first('next')} ${modeHintKeys(b, (a) => a.kind === 'row')}`, 'cursor'],
    [modeHintKeys(b, (a) => a.kind === 'page' && a.step > 0), 'page seen, next'],
    [modeHintKeys(b, (a) => a.kind === 'page' && a.step < 0), 'back'],
    [modeHintKeys(b, (a) => a.kind === 'open'), 'open'],
    [hintKeys(k, 'setClass', 'nudgeZ', 'typeZ'), 'correct'],
    [hintKeys(k, 'setQuality'), 'quality, saves'],
    [hintKeys(k, 'undo'), 'undo'],
    [hintKeys(k, 'back'), 'batches'],
    [hintKeys(k, 'help'), 'all keys'],
  ];
}

export const thumbnails = new ThumbnailStore();

export function BrowseScreen() {
  const review = useApp((s) => s.review)!;
  const keymap = useApp((s) => s.keymap);
  const browseKeymap = useApp((s) => s.browseKeymap);
  const hints = useMemo(() => browseHints(keymap, browseKeymap), [keymap, browseKeymap]);
  const { top, cols, rows } = useBrowse();
  const size = pageSizeOf({ cols, rows });
  const grid = useGridShape();
  const version = useThumbnailArrivals();
  const { items, index, batch } = review;
  const page = useMemo(() => items.slice(top, top + size), [items, top, size]);

  const fits = usePageFits((s) => s.byObsid);
  useEffect(() => {
    // The page first, then the next one (PgDn is the usual key), then the one before.
    const around = [...items.slice(top, top + 2 * size), ...items.slice(Math.max(0, top - size), top)];
    thumbnails.want(around.map((it) => it.obsid));
    // Opening a spectrum (or paging on) stops the loads not yet started; those kept stay.
    return () => thumbnails.stopLoading();
  }, [items, top, size]);

  // The assistant's fit of each spectrum on the page: a ≠fit mark where it disagrees with the
  // pipeline, started once the page's thumbnails are in (after the want above). A page left
  // (or the grid left for the single view) stops being fitted: its fits would take the main
  // thread's reads from the spectrum now on screen.
  useEffect(() => {
    fitPage(page, thumbnails);
    return stopFits;
  }, [page]);

  const ready = page.every((it) => thumbnails.get(it.obsid) !== undefined);
  useLayoutEffect(() => {
    // The thumbnails drew in their own layout effects, before this one: the page is painted.
    if (ready) performance.mark('browse-page-drawn', { detail: { top, count: page.length } });
  }, [ready, top, page.length, version]);

  const bookmark = batch.bookmark ?? 0;
  const done = items.filter((it) => it.position < bookmark || it.verdict !== null).length;
  const pages = Math.max(1, Math.ceil(items.length / size));
  return (
    <section className="browse" data-testid="browse">
      <header className="browse-header">
        <strong>{batch.name}</strong>
        <span data-testid="browse-page">
          page {Math.floor(top / size) + 1} of {pages} · spectra {top + 1}–{Math.min(items.length, top + size)} of {items.length}
        </span>
        <span data-testid="browse-done">
          done {done} of {items.length} (seen up to {bookmark})
        </span>
      </header>
      <div className="browse-grid" ref={grid} style={{ gridTemplateColumns: `repeat(${cols}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}>
        {/* Keyed by place on the page, not by spectrum: paging on redraws the same 20 canvases
            instead of making 20 new ones (a canvas, its 2D context and backing store each). */}
        {page.map((it, slot) => (
          <Thumb
            key={slot}
            item={it}
            shown={thumbnails.get(it.obsid)}
            cursor={it.position === index}
            draft={it.position === index ? review.draft : null}
            seen={it.position < bookmark}
            fit={fits.get(it.obsid)}
          />
        ))}
      </div>
      <ZEntry />
      <KeyHints hints={hints} />
    </section>
  );
}

/** Measures the grid's box and sets how many columns and rows of thumbnails fit. */
function useGridShape() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const cols = Math.max(1, Math.floor((el.clientWidth + GAP) / (CELL_WIDTH + GAP)));
      const rows = Math.max(1, Math.floor((el.clientHeight + GAP) / (CELL_HEIGHT + GAP)));
      const b = useBrowse.getState();
      if (b.cols !== cols || b.rows !== rows) useBrowse.setState({ cols, rows });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** Re-renders when a thumbnail arrives; returns a counter that changes each time. */
function useThumbnailArrivals(): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => thumbnails.subscribe(bump), []);
  return version;
}
