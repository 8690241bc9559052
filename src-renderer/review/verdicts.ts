/**
 * Saving and withdrawing verdicts. A save moves on at once and completes in the background;
 * if it fails, the reviewer is taken back to that spectrum with the answer still in the
 * draft, so nothing typed is lost.
 */
import type { Verdict, VerdictInput } from '../../shared/model';
import { classZQuestion } from '../../shared/plausibility';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { answerKey, currentItem, draftOf, getState, sameAnswer, setState, type Draft } from '../state/store';
import { moveTo, reviewAt, scheduleBookmark, stashDraft, withoutDraft } from './navigation';
import { guarded, showError, showInfo } from './notify';

/** Saves the draft (with changes) as the verdict on the current spectrum and moves on. */
export function saveAndNext(changes: Partial<Draft>): void {
  const s = getState();
  const r = s.review;
  const item = currentItem(s);
  if (!r || !item) return;
  const d = { ...r.draft, ...changes };
  if (questionFirst(d)) return;
  const input: VerdictInput = {
    obsid: item.obsid,
    batchId: r.batch.id,
    class: d.class,
    subclass: d.subclass,
    z: d.z,
    quality: d.quality,
    flags: [...d.flags],
    comment: d.comment,
  };
  const at = r.index;
  moveTo(at + 1, { leaving: d, saving: item.obsid });
  api.saveVerdict(input).then(
    (verdict) => applyVerdict(item.obsid, verdict),
    (err: unknown) => {
      const now = getState().review;
      if (now && now.batch.id === r.batch.id) {
        setState({ review: { ...now, index: at, draft: d, drafts: stashDraft(now) } });
        scheduleBookmark(r.batch.id, at);
      }
      showError(new Error(`verdict on ${item.obsid} not saved: ${messageOf(err)}`));
    },
  );
}

/**
 * A class and z that contradict each other are asked about once: the notice says why, and the
 * same save key pressed again for the same answer saves it. True when this save was stopped.
 */
function questionFirst(d: Draft): boolean {
  const question = classZQuestion(d.class, d.z);
  const key = answerKey(d.obsid, d.class, d.z);
  if (question === null || getState().questioned === key) {
    setState({ questioned: null });
    return false;
  }
  setState({
    questioned: key,
    notice: { kind: 'error', text: `not saved yet: ${question} — press the key again to save it as it is, or change the class or z` },
  });
  return true;
}

function applyVerdict(obsid: number, verdict: Verdict): void {
  const r = getState().review;
  if (!r || r.batch.id !== verdict.batchId) return;
  const items = r.items.map((it) => (it.obsid === obsid ? { ...it, verdict } : it));
  const saved = items.find((it) => it.obsid === obsid);
  // The kept draft is now the saved answer — unless it was changed again since.
  const kept = r.drafts.get(obsid);
  const drafts = saved && kept && sameAnswer(kept, draftOf(saved)) ? withoutDraft(r.drafts, obsid) : r.drafts;
  setState({ review: { ...r, items, drafts } });
}

function batchName(batchId: string): string {
  const name = getState().batches?.find((b) => b.id === batchId)?.name;
  return name === undefined ? 'another batch' : `batch ${name}`;
}

function nothingToUndoText(): string {
  // Only a central server makes verdicts final; on the demo nothing is ever pushed.
  return getState().status?.origin.kind === 'central'
    ? 'nothing to undo: verdicts already pushed to the server cannot be withdrawn here'
    : 'nothing to undo';
}

/**
 * Withdraws the newest unpushed verdict. In the open batch it goes back to that spectrum;
 * from another batch it only says which (the outbox counter follows by itself).
 */
export const undo = guarded(async () => {
  const undone = await api.undoVerdict({});
  if (!undone) return showInfo(nothingToUndoText());
  const r = getState().review;
  if (!r || r.batch.id !== undone.batchId) {
    return showInfo(`verdict on ${undone.obsid} (${batchName(undone.batchId)}) withdrawn`);
  }
  const items = await api.listItems({ batchId: r.batch.id });
  const now = getState().review;
  if (!now || now.batch.id !== r.batch.id || items.length === 0) return;
  const index = items.findIndex((it) => it.obsid === undone.obsid);
  const drafts = withoutDraft(stashDraft(now), undone.obsid);
  const at = index < 0 ? Math.min(now.index, items.length - 1) : index;
  setState({
    review: reviewAt({ ...now, items }, at, drafts),
    notice: { kind: 'info', text: `verdict on ${undone.obsid} withdrawn` },
  });
  if (at !== now.index) scheduleBookmark(r.batch.id, at);
});
