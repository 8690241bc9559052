/**
 * What the frame and the review keys do: each action calls the API and updates the store.
 * Every failure ends as a readable notice, never a blank screen or an unhandled rejection.
 */
import type { ReviewAction } from '../../shared/keymap';
import type { Item, Quality, SpecClass, Verdict, VerdictInput } from '../../shared/model';
import { api } from '../api';
import { messageOf } from '../api/errors';
import { currentItem, draftOf, getState, setState, type Draft } from '../state/store';

const Z_MIN = -0.1;
const Z_MAX = 8;

export function showError(err: unknown): void {
  setState({ notice: { kind: 'error', text: messageOf(err) } });
}

function guarded<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args) => fn(...args).catch(showError);
}

export const loadFrame = guarded(async () => {
  const [status, batches] = await Promise.all([api.status({}), api.listBatches({})]);
  setState({ status, batches });
});

export const refreshBatches = guarded(async () => {
  setState({ batches: await api.listBatches({}) });
});

export const openBatch = guarded(async (batchId: string) => {
  const batch = getState().batches?.find((b) => b.id === batchId);
  if (!batch) throw new Error('that batch is no longer in your list; press Sync or pick another');
  const items = await api.listItems({ batchId });
  if (items.length === 0) throw new Error(`batch ${batch.name} has no spectra`);
  const start = Math.min(batch.bookmark ?? firstUnreviewed(items), items.length - 1);
  setState({ review: { batch, items, index: start, draft: draftOf(items[start]!) }, notice: null });
});

export function closeBatch(): void {
  setState({ review: null, showHelp: false });
  void refreshBatches();
}

function firstUnreviewed(items: Item[]): number {
  const i = items.findIndex((it) => it.verdict === null);
  return i < 0 ? 0 : i;
}

let bookmarkTimer: ReturnType<typeof setTimeout> | undefined;

/** Moves to another spectrum; the bookmark follows a moment later (not on every key of a run). */
export function moveTo(index: number): void {
  const r = getState().review;
  if (!r) return;
  const next = Math.max(0, Math.min(r.items.length - 1, index));
  if (next === r.index) return;
  setState({ review: { ...r, index: next, draft: draftOf(r.items[next]!) } });
  clearTimeout(bookmarkTimer);
  bookmarkTimer = setTimeout(() => {
    // A lost bookmark costs little: say so, but never over a message that matters more.
    api.setBookmark({ batchId: r.batch.id, position: next }).catch((err: unknown) => {
      if (getState().notice?.kind !== 'error') showError(err);
    });
  }, 400);
}

function patchDraft(patch: Partial<Draft>): void {
  const r = getState().review;
  if (!r?.draft) return;
  setState({ review: { ...r, draft: { ...r.draft, ...patch } } });
}

/**
 * Saves the draft (with changes) as the verdict on the current spectrum and moves on at once;
 * the save completes in the background. If it fails, the reviewer is taken back to that
 * spectrum with the answer still in the draft, so nothing typed is lost.
 */
function saveAndNext(changes: Partial<Draft>): void {
  const s = getState();
  const r = s.review;
  const item = currentItem(s);
  if (!r?.draft || !item) return;
  const d = { ...r.draft, ...changes };
  const input: VerdictInput = {
    obsid: item.obsid,
    batchId: r.batch.id,
    class: d.class,
    subclass: d.subclass,
    z: d.z,
    quality: d.quality,
    flags: item.verdict?.flags ?? [],
    comment: item.verdict?.comment ?? '',
  };
  const at = r.index;
  moveTo(at + 1);
  api.saveVerdict(input).then(
    (verdict) => applyVerdict(item.obsid, verdict),
    (err: unknown) => {
      const now = getState().review;
      if (now) setState({ review: { ...now, index: at, draft: d } });
      showError(new Error(`verdict on ${item.obsid} not saved: ${messageOf(err)}`));
    },
  );
}

function applyVerdict(obsid: number, verdict: Verdict | null): void {
  const r = getState().review;
  if (!r) return;
  const items = r.items.map((it) => (it.obsid === obsid ? { ...it, verdict } : it));
  const idx = items.findIndex((it) => it.obsid === obsid);
  const draft = r.index === idx ? draftOf(items[idx]!) : r.draft;
  setState({ review: { ...r, items, draft } });
}

/** Withdraws the newest unpushed verdict and goes back to that spectrum. */
const undo = guarded(async () => {
  const undone = await api.undoVerdict({});
  if (!undone) {
    setState({ notice: { kind: 'info', text: 'nothing to undo: every verdict has been pushed already' } });
    return;
  }
  const r = getState().review;
  if (!r) return;
  const items = await api.listItems({ batchId: r.batch.id });
  const index = Math.max(0, items.findIndex((it) => it.obsid === undone.obsid));
  setState({
    review: { ...r, items, index, draft: draftOf(items[index]!) },
    notice: { kind: 'info', text: `verdict on ${undone.obsid} withdrawn` },
  });
});

function nudgeZ(step: number): void {
  const d = getState().review?.draft;
  if (!d) return;
  // Rounded to the step's grid so repeated presses do not drift by float error.
  const z = Math.round((d.z + step) * 1e6) / 1e6;
  patchDraft({ z: Math.min(Z_MAX, Math.max(Z_MIN, z)) });
}

export function runAction(action: ReviewAction): void {
  const s = getState();
  if (action.kind === 'help') {
    setState({ showHelp: !s.showHelp });
    return;
  }
  const r = s.review;
  if (!r) return;
  const item = currentItem(s);
  switch (action.kind) {
    case 'next':
      return moveTo(r.index + 1);
    case 'prev':
      return moveTo(r.index - 1);
    case 'accept':
      if (item) saveAndNext({ class: item.pipeline.class, subclass: item.pipeline.subclass, z: item.pipeline.z });
      return;
    case 'setClass':
      return patchDraft({ class: action.value as SpecClass });
    case 'setQuality':
      saveAndNext({ quality: action.value as Quality });
      return;
    case 'nudgeZ':
      return nudgeZ(action.step);
    case 'toggleLines':
      setState({ showLines: !s.showLines });
      return;
    case 'resetZoom':
      setState({ zoomReset: s.zoomReset + 1 });
      return;
    case 'undo':
      void undo();
      return;
  }
}

export const runSync = guarded(async () => {
  setState({ sync: { phase: 'pull', done: 0, total: 0 }, notice: null });
  try {
    const summary = await api.sync({});
    setState({
      notice: summary.error
        ? { kind: 'error', text: summary.error }
        : { kind: 'info', text: `synced: ${summary.pulled} pulled, ${summary.filesFetched} files, ${summary.pushed} pushed` },
    });
  } finally {
    setState({ sync: null });
  }
  await refreshBatches();
});

export const signOut = guarded(async () => {
  const status = await api.signOut({});
  setState({ status, review: null });
  await refreshBatches();
});

/** Signs in; resolves to null on success or the line to show in the form (nothing typed is lost). */
export async function signIn(server: string, password: string, remember: boolean): Promise<string | null> {
  try {
    const status = await api.signIn({ server, password, remember });
    setState({ status, review: null, showSignIn: false, notice: { kind: 'info', text: `signed in as ${status.user}; press Sync to fetch your batches` } });
    await refreshBatches();
    return null;
  } catch (err) {
    return messageOf(err);
  }
}
