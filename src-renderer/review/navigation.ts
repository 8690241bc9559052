/**
 * Moving through the open batch: each spectrum's unsaved draft is kept while the batch is
 * open, the end of the batch is said out loud, and the bookmark follows (a moment later, not
 * on every key of a run — but at once when the batch is closed, so reopening resumes here).
 */
import { api } from '../api';
import { afterPaint } from '../state/afterPaint';
import { draftOf, getState, sameAnswer, setState, type Draft, type ReviewState } from '../state/store';
import { showError, showInfo } from './notify';

/** The drafts with the one on screen kept — or dropped, when it only repeats the spectrum's saved (or pipeline) answer. */
export function stashDraft(r: ReviewState): ReadonlyMap<number, Draft> {
  const d = r.draft;
  const item = r.items[r.index];
  if (!item || d.obsid !== item.obsid) return r.drafts;
  if (sameAnswer(d, draftOf(item))) return withoutDraft(r.drafts, d.obsid);
  if (r.drafts.get(d.obsid) === d) return r.drafts;
  return new Map(r.drafts).set(d.obsid, d);
}

export function withoutDraft(drafts: ReadonlyMap<number, Draft>, obsid: number): ReadonlyMap<number, Draft> {
  if (!drafts.has(obsid)) return drafts;
  const m = new Map(drafts);
  m.delete(obsid);
  return m;
}

/** The review state at `index`, with the draft left there before (if any). */
export function reviewAt(r: ReviewState, index: number, drafts = stashDraft(r)): ReviewState {
  const item = r.items[index]!;
  return { ...r, index, drafts, draft: drafts.get(item.obsid) ?? draftOf(item) };
}

interface MoveOptions {
  /** The answer on screen now, when it differs from the stored draft (a save in progress). */
  leaving?: Draft;
  /** The obsid being saved, counted as reviewed in the end-of-batch line. */
  saving?: number;
}

/** Moves to another spectrum; past either end it stays, and past the last one it says so. */
export function moveTo(index: number, opts: MoveOptions = {}): void {
  const now = getState().review;
  if (!now) return;
  const r = opts.leaving ? { ...now, draft: opts.leaving } : now;
  const next = Math.max(0, Math.min(r.items.length - 1, index));
  if (next === r.index) {
    if (opts.leaving) setState({ review: r });
    if (index > next) showInfo(endOfBatchText(r, opts.saving));
    return;
  }
  setState({ review: reviewAt(r, next) });
  scheduleBookmark(r.batch.id, next);
}

function endOfBatchText(r: ReviewState, saving?: number): string {
  const reviewed = r.items.filter((it) => it.verdict !== null || it.obsid === saving).length;
  return `end of batch: ${reviewed} of ${r.items.length} reviewed — Esc or ‹ Batches for the list`;
}

let pending: { batchId: string; position: number } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

export function scheduleBookmark(batchId: string, position: number): void {
  // A browse batch's bookmark is the end of the pages seen (browse/paging.ts), not the cursor.
  if (getState().review?.batch.mode === 'browse') return;
  pending = { batchId, position };
  clearTimeout(timer);
  timer = setTimeout(() => void flushBookmark(), 400);
}

/**
 * Stores a bookmark once the frame the key made is painted (browse paging from the single view:
 * a → past the page's end; the request, ≈ 1–4 ms of the key's task, came before the chart's
 * draw). Pending at once, so closing the batch or signing out sends it first; a window that
 * paints no frame (hidden) sends it after 400 ms. Resolves when it is stored (or failed).
 */
export function bookmarkAfterPaint(batchId: string, position: number): Promise<void> {
  pending = { batchId, position };
  clearTimeout(timer);
  return new Promise((resolve) => {
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      clearTimeout(late);
      cancel();
      void flushBookmark().then(resolve);
    };
    const late = setTimeout(send, 400);
    const cancel = afterPaint(send);
  });
}

/** The bookmark not yet sent, if any (to show in the batch list before the server answers). */
export function pendingBookmark(): { batchId: string; position: number } | null {
  return pending;
}

/** Sends the waiting bookmark now; resolves when it is stored (or failed, which says so). */
export function flushBookmark(): Promise<void> {
  clearTimeout(timer);
  const p = pending;
  pending = null;
  if (!p) return Promise.resolve();
  // A lost bookmark costs little: say so, but never over a message that matters more.
  return api.setBookmark(p).catch((err: unknown) => {
    if (getState().notice?.kind !== 'error') showError(err);
  });
}
