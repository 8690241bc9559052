/**
 * What the desk's keys and buttons do: open a screen and load it, move the cursor, and the
 * coordinator's and 2D team's actions. Every call goes to the central server as the signed-in
 * person; a refusal or an offline server becomes one line on the screen, nothing typed is lost.
 */
import type { DeskProblemAction } from '../../shared/desk';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { showInfo } from '../review/notify';
import { countNow } from './batchPreview';
import { getDesk, rowCount, setDesk, type DeskScreen, type DeskState, type ProblemFilterState } from './deskState';

/** Asks the server who we are; without an answer (demo, offline) no desk screen is offered. */
export async function loadMember(): Promise<void> {
  try {
    setDesk({ member: await api.deskMember({}) });
  } catch {
    // Offline or the demo: the role stays as last known; the screens say why when opened.
  }
}

export function openScreen(screen: DeskScreen): void {
  setDesk({ screen, cursor: 0, failure: null, openCase: null, openProblem: null, problemPick: null, entry: null, confirmCancel: null });
  void reload();
}

export function closeDesk(): void {
  setDesk({ screen: null, openCase: null, openProblem: null, problemPick: null, entry: null, failure: null });
}

/** Numbers the loads: a filter pressed twice quickly must not be overtaken by the first answer. */
let loads = 0;

/** Loads the open screen's rows; a failure replaces them with its one line. Only the latest load lands. */
export async function reload(): Promise<void> {
  const s = getDesk();
  const seq = ++loads;
  const latest = () => seq === loads;
  setDesk({ loading: true });
  try {
    const rows = await rowsOf(s);
    if (!rows || !latest()) return;
    setDesk(rows);
    if (s.screen === 'newBatch') await countNow();
    setDesk({ failure: null, cursor: Math.min(getDesk().cursor, Math.max(0, rowCount(getDesk()) - 1)) });
  } catch (err) {
    if (latest()) setDesk({ failure: messageOf(err) });
  } finally {
    if (latest()) setDesk({ loading: false });
  }
}

async function rowsOf(s: DeskState): Promise<Partial<DeskState> | null> {
  switch (s.screen) {
    case 'batches':
    case 'export':
      return { batches: await api.teamBatches({}) };
    case 'newBatch':
      return { members: await api.teamMembers({}) };
    case 'progress':
      return { progress: await api.progress(s.period) };
    case 'recheck':
      return { recheck: await api.recheckList(s.recheckThresholds) };
    case 'problems':
      return { problems: await api.problemList(problemQuery(s.problemFilter)) };
    default:
      return null;
  }
}

export function moveCursor(step: 1 | -1): void {
  const s = getDesk();
  const n = rowCount(s);
  if (n > 0) setDesk({ cursor: Math.max(0, Math.min(n - 1, s.cursor + step)), confirmCancel: null });
}

/** Runs a change on the server, then reloads; a failure stays on screen as one line. */
export async function change(work: () => Promise<string>): Promise<void> {
  try {
    showInfo(await work());
    await reload();
  } catch (err) {
    setDesk({ failure: messageOf(err) });
    throw err;
  }
}

/** First press asks, the second (on the same batch) cancels. */
export async function cancelAtCursor(): Promise<void> {
  const s = getDesk();
  const b = s.batches[s.cursor];
  if (!b) return;
  if (s.confirmCancel !== b.id) {
    setDesk({ confirmCancel: b.id });
    return;
  }
  setDesk({ confirmCancel: null });
  await change(async () => {
    await api.cancelBatch({ id: b.id });
    return `cancelled ${b.name} (${b.assignee})`;
  }).catch(() => undefined);
}

export function reassignAtCursor(): void {
  const s = getDesk();
  const b = s.batches[s.cursor];
  if (!b) return;
  setDesk({
    entry: {
      label: `reassign ${b.name} (${b.assignee}, ${b.total - b.done} left) to reviewer`,
      text: '',
      submit: (to) =>
        change(async () => {
          const moved = await api.reassignBatch({ id: b.id, to });
          return `${moved.name} now goes to ${to}`;
        }),
    },
  });
}

const ACTION_TEXT: Record<DeskProblemAction, string> = { acknowledged: 'acknowledge', resolved: 'mark resolved (reprocessed)', discarded: 'discard' };

/** The report at the cursor, or the one opened on its spectrograph (which stays open, showing its new state). */
export function handleProblemAtCursor(action: DeskProblemAction): void {
  const s = getDesk();
  const p = s.openProblem?.problem ?? s.problems[s.cursor];
  if (!p) return;
  setDesk({
    entry: {
      label: `${ACTION_TEXT[action]} ${p.planid} sp${p.spid} fibres ${p.fiberFrom}–${p.fiberTo} — note`,
      text: '',
      submit: (note) =>
        change(async () => {
          const done = await api.problemSetState({ id: p.id, action, note });
          const open = getDesk().openProblem;
          if (open?.problem.id === done.id) setDesk({ openProblem: { ...open, problem: done } });
          return `${done.planid} sp${done.spid} fibres ${done.fiberFrom}–${done.fiberTo}: ${done.state}`;
        }),
    },
  });
}

/** The filter as the API takes it: what is left empty is not sent. */
export function problemQuery(f: ProblemFilterState) {
  return {
    state: f.state,
    ...(f.from && { from: f.from }),
    ...(f.to && { to: f.to }),
    ...(f.planid && { planid: f.planid }),
    ...(f.spid !== null && { spid: f.spid }),
    ...(f.type && { type: f.type }),
    ...(f.origin && { origin: f.origin }),
  };
}
