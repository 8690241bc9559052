/**
 * Paging through a browse batch. Paging on (PgDn, Space on the last thumbnail, or the cursor
 * moving past the page) records the page as seen: the bookmark moves past it at once. Seen and
 * not corrected is the spectrum's acceptance, so an untouched star needs no verdict row; the
 * done count is "has a verdict, or lies before the bookmark" (SqliteCache.listBatches).
 */
import { getState, setState } from '../state/store';
import { refreshBatches } from '../review/actions';
import { bookmarkAfterPaint, reviewAt } from '../review/navigation';
import { showInfo } from '../review/notify';
import { pageSizeOf, useBrowse } from './browseState';

/** Marks everything before `end` as seen: the batch's bookmark never moves back (stored once the key's frame is painted). */
function markSeen(end: number): void {
  const r = getState().review;
  if (!r || end <= (r.batch.bookmark ?? 0)) return;
  setState({ review: { ...r, batch: { ...r.batch, bookmark: end } } });
  void bookmarkAfterPaint(r.batch.id, end).then(refreshBatches);
}

/** PgDn: this page is seen; the next one shows with the cursor on its first thumbnail. */
export function pageOn(): void {
  const r = getState().review;
  if (!r) return;
  const b = useBrowse.getState();
  const end = Math.min(r.items.length, b.top + pageSizeOf(b));
  markSeen(end);
  if (end >= r.items.length) {
    showInfo(`end of batch: all ${r.items.length} seen — Esc for the list`);
    return;
  }
  useBrowse.setState({ top: end });
  setState({ review: reviewAt(getState().review!, end) });
}

/** PgUp: the page before, cursor on its first thumbnail (the bookmark stays). */
export function pageBack(): void {
  const r = getState().review;
  if (!r) return;
  const b = useBrowse.getState();
  const top = Math.max(0, b.top - pageSizeOf(b));
  useBrowse.setState({ top });
  if (top !== r.index) setState({ review: reviewAt(r, top) });
}

/**
 * Keeps the page around the cursor after any move (arrow keys, a saved verdict moving on, the
 * single view's → and ←): moving past the page's end pages on, and that counts as seen.
 */
export function followCursor(): void {
  const r = getState().review;
  if (!r) return;
  const b = useBrowse.getState();
  const size = pageSizeOf(b);
  let top = b.top;
  while (r.index >= top + size) {
    markSeen(top + size);
    top += size;
  }
  while (r.index < top) top = Math.max(0, top - size);
  if (top !== b.top) useBrowse.setState({ top });
}

/** Space / Enter: the cursor's spectrum in single mode, or (Space on the page's last one) the next page. */
export function openOrPageOn(orPageOn: boolean): void {
  const r = getState().review;
  if (!r) return;
  const b = useBrowse.getState();
  const last = Math.min(r.items.length, b.top + pageSizeOf(b)) - 1;
  if (orPageOn && r.index === last) pageOn();
  else useBrowse.setState({ single: true });
}

/** The grid's cursor one row up or down (past the page's end: the next page). */
export function moveRow(step: 1 | -1): void {
  const r = getState().review;
  if (!r) return;
  const { cols } = useBrowse.getState();
  const next = r.index + step * cols;
  if (next < 0 || next >= r.items.length) return;
  setState({ review: reviewAt(r, next) });
  followCursor();
}
