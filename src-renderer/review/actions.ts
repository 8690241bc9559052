/**
 * What the frame and the review keys do: each action calls the API and updates the store.
 * Every failure ends as a readable notice, never a blank screen or an unhandled rejection.
 */
import type { ApiInput } from '../../shared/api';
import type { ReviewAction } from '../../shared/keymap';
import type { Item, SpecClass } from '../../shared/model';
import { Z_RANGE } from '../../shared/ranges';
import { SUBCLASSES_BY_CLASS } from '../../shared/subclasses';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import type { FirstAnswers } from '../api/firstAnswers';
import { decoder } from '../spectra/decoder';
import { currentItem, draftOf, getState, setState, settingsState, type Draft, type VerdictField } from '../state/store';
import { drawDraftZ } from './draftZ';
import { zFromFeature } from './featureZ';
import { flushBookmark, moveTo, pendingBookmark } from './navigation';
import { guarded } from './notify';
import { listItems, readAheadFirstSpectra, startOf } from './readAhead';
import { stepCandidate, toggleFit } from '../assistant/stepCandidate';
import { SMOOTH_MAX } from './smooth';
import { saveAndNext, undo } from './verdicts';

/** `asked`: the first answers, asked for before the frame's modules ran (frame/firstRequests.ts). */
export const loadFrame = guarded(async (asked: Promise<FirstAnswers>) => {
  const [status, batches, settings] = await asked;
  // Asked for before the list is drawn: the list's render and the reviewer's pick overlap them.
  readAheadFirstSpectra(batches, getState().batchCursor);
  setState({ status, batches, ...settingsState(settings) });
});

/** The person's settings: after a sign-in or sign-out another cache, so other settings. */
const loadSettings = async () => setState(settingsState(await api.getSettings({})));

export const refreshBatches = guarded(async () => {
  setState({ batches: await api.listBatches({}) });
});

export const openBatch = guarded(async (batchId: string) => {
  const batch = getState().batches?.find((b) => b.id === batchId);
  if (!batch) throw new Error('that batch is no longer in your list; press Sync or pick another');
  const items = await listItems(batchId);
  if (items.length === 0) throw new Error(`batch ${batch.name} has no spectra`);
  const start = startOf(batch, items);
  // The single view's first spectrum is read and decoded while the screen renders, not after
  // (its chart asks the decoder for the same kept load). It is the only mode that opens on a
  // spectrum: a browse batch opens on its grid, a spectrograph batch on its strip, and what
  // those show are thumbnails their own screens ask for — which ones depends on the screen (the
  // grid's page on the window's size), and their stores come with those screens' chunk.
  if (batch.mode === 'single') decoder.get(items[start]!.obsid).catch(() => undefined);
  setState({ review: { batch, items, index: start, draft: draftOf(items[start]!), drafts: new Map() }, notice: null });
});

/** Back to the list; the bookmark is stored first, so opening the batch again resumes here. */
export function closeBatch(): void {
  const p = pendingBookmark();
  const batches = getState().batches;
  const left = batches?.findIndex((b) => b.id === getState().review?.batch.id) ?? -1;
  setState({
    review: null,
    showHelp: false,
    field: null,
    ...(left >= 0 ? { batchCursor: left } : {}),
    // The list shows the new bookmark at once, before the server has answered.
    batches: p && batches ? batches.map((b) => (b.id === p.batchId ? { ...b, bookmark: p.position } : b)) : batches,
  });
  void flushBookmark().then(refreshBatches);
}

function patchDraft(patch: Partial<Draft>): void {
  const r = getState().review;
  if (!r) return;
  setState({ review: { ...r, draft: { ...r.draft, ...patch } } });
}

/** Changes the draft from a field over the chart (z, subclass, flags, comment), checked there. */
export function editDraft(patch: Partial<Pick<Draft, 'z' | 'subclass' | 'flags' | 'comment'>>): void {
  patchDraft(patch);
}

function openField(field: VerdictField): void {
  setState({ field, showHelp: false });
}

function nudgeZ(step: number): void {
  const d = getState().review?.draft;
  if (d === undefined) return;
  // Rounded to the step's grid so repeated presses do not drift by float error.
  const z = Math.min(Z_RANGE.max, Math.max(Z_RANGE.min, Math.round((d.z + step) * 1e6) / 1e6));
  drawDraftZ(z);
  patchDraft({ z });
}

let asking = false;

/**
 * → / ←: the spectrum moved to is asked of the decoder before React renders the key (queued
 * before the store change queues the render), not by the render's effect after it: one past the
 * spectra decoded ahead is on its way from the server while React renders. Once per task, for
 * where the keys of that task ended (four → at once ask for the fourth only); one decoded ahead
 * is only looked up.
 */
function askBeforeRender(): void {
  if (asking) return;
  asking = true;
  queueMicrotask(() => {
    asking = false;
    const item = currentItem(getState());
    if (item) decoder.get(item.obsid).catch(() => undefined);
  });
}

/** Escape: the key help closes first, then the batch (the sign-in dialog handles its own Escape). */
function back(): void {
  const s = getState();
  if (s.showHelp) setState({ showHelp: false });
  else if (s.review) closeBatch();
}

/** Opens the trace screen (the desk's, registered by the frame: review/ cannot import desk/). */
type TraceOpener = (from?: { obsid: number; batchId: string }) => void;
let openTrace: TraceOpener = () => undefined;
export function setTraceOpener(open: TraceOpener): void {
  openTrace = open;
}

/** `/` in review: the batch closes (its bookmark kept) and the trace shows the spectrum on screen; Esc there comes back. */
function traceOnScreen(item: Item | null, batchId: string): void {
  if (!item) return;
  closeBatch();
  openTrace({ obsid: item.obsid, batchId });
}

/** The batch list's keys: the cursor, open at the bookmark, sync, trace. */
function runListAction(action: ReviewAction): void {
  const { batches, batchCursor } = getState();
  if (action.kind === 'trace') return openTrace();
  if (!batches || batches.length === 0) return void (action.kind === 'sync' && runSync());
  if (action.kind === 'cursor') setState({ batchCursor: Math.min(batches.length - 1, Math.max(0, batchCursor + action.step)) });
  else if (action.kind === 'openBatch') void openBatch(batches[Math.min(batchCursor, batches.length - 1)]!.id);
  else if (action.kind === 'sync') void runSync();
}

export function runAction(action: ReviewAction): void {
  const s = getState();
  if (action.kind === 'help') return setState({ showHelp: !s.showHelp });
  if (action.kind === 'settings') return setState({ showSettings: !s.showSettings, showHelp: false });
  if (action.kind === 'back') return back();
  const r = s.review;
  if (!r) return runListAction(action);
  const item = currentItem(s);
  switch (action.kind) {
    case 'next':
      askBeforeRender();
      return moveTo(r.index + 1);
    case 'prev':
      askBeforeRender();
      return moveTo(r.index - 1);
    case 'accept':
      // The pipeline's answer with the reviewer's flags and comment, at their "as is" quality.
      if (item) saveAndNext({ class: item.pipeline.class, subclass: item.pipeline.subclass, z: item.pipeline.z, quality: s.acceptQuality });
      return;
    case 'setClass':
      return patchDraft({ class: action.value, subclass: subclassAfterClass(r.draft, action.value, item) });
    case 'setQuality':
      return saveAndNext({ quality: action.value });
    case 'nudgeZ':
      return nudgeZ(action.step);
    case 'toggleLines':
      return setState({ showLines: !s.showLines });
    case 'smooth':
      return setState({ smoothing: Math.min(SMOOTH_MAX, Math.max(0, s.smoothing + action.step)) });
    case 'toggleErrors':
      return setState({ showErrors: !s.showErrors });
    case 'toggleFrame':
      return setState({ restFrame: !s.restFrame });
    case 'toggleFit':
      return toggleFit();
    case 'stepCandidate':
      return stepCandidate(action.step);
    case 'zoom':
      return setState({ zoom: { op: action.op, seq: s.zoom.seq + 1 } });
    case 'resetZoom':
      return setState({ zoom: { op: 'reset', seq: s.zoom.seq + 1 } });
    case 'typeZ':
      return openField('z');
    case 'zFromFeature':
      return zFromFeature(action.line);
    case 'pickSubclass':
      return openField('subclass');
    case 'pickFlags':
      return openField('flags');
    case 'editComment':
      return openField('comment');
    case 'undo':
      return void undo();
    case 'trace':
      return traceOnScreen(item, r.batch.id);
  }
}

export const runSync = guarded(async () => {
  setState({ sync: { phase: 'pull', done: 0, total: 0 }, notice: null });
  try {
    const summary = await api.sync({});
    setState({
      notice: summary.error
        ? { kind: 'error', text: summary.error }
        : { kind: 'info', text: summary.note ?? `synced: ${summary.pulled} pulled, ${summary.filesFetched} files, ${summary.pushed} pushed` },
    });
  } finally {
    setState({ sync: null });
  }
  await refreshBatches();
});

export const signOut = guarded(async () => {
  await flushBookmark();
  const status = await api.signOut({});
  setState({ status, review: null });
  await Promise.all([refreshBatches(), loadSettings()]);
});

/** Signs in; resolves to null on success or the line to show in the form (nothing typed is lost). */
export async function signIn(input: ApiInput<'signIn'>): Promise<string | null> {
  try {
    await flushBookmark();
    const status = await api.signIn(input);
    setState({ status, review: null, showSignIn: false, notice: { kind: 'info', text: `signed in as ${status.user}; press Sync to fetch your batches` } });
    await Promise.all([refreshBatches(), loadSettings()]);
    return null;
  } catch (err) {
    return messageOf(err);
  }
}

/** A new class keeps the draft's subclass only where it belongs to that class (a QSO is never
 * left with a star's G0); going back to the pipeline's class brings its subclass back. */
function subclassAfterClass(draft: Draft, cls: SpecClass, item: Item | null): string {
  if (cls === draft.class) return draft.subclass;
  if (item && cls === item.pipeline.class) return item.pipeline.subclass;
  return SUBCLASSES_BY_CLASS[cls].includes(draft.subclass) ? draft.subclass : '';
}
