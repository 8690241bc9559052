/**
 * What the desk's keys and buttons do: open a screen and load it, move the cursor, and the
 * coordinator's and 2D team's actions. Every call goes to the central server as the signed-in
 * person; a refusal or an offline server becomes one line on the screen, nothing typed is lost.
 */
import type { DeskProblemAction } from '../../shared/desk';
import type { Quality, SpecClass } from '../../shared/model';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { showInfo } from '../review/notify';
import { countNow } from './batchPreview';
import { getDesk, rowCount, setDesk, type DeskScreen } from './deskState';

/** Asks the server who we are; without an answer (demo, offline) no desk screen is offered. */
export async function loadMember(): Promise<void> {
  try {
    setDesk({ member: await api.deskMember({}) });
  } catch {
    // Offline or the demo: the role stays as last known; the screens say why when opened.
  }
}

export function openScreen(screen: DeskScreen): void {
  setDesk({ screen, cursor: 0, failure: null, openCase: null, entry: null, confirmCancel: null });
  void reload();
}

export function closeDesk(): void {
  setDesk({ screen: null, openCase: null, entry: null, failure: null });
}

/** Loads the open screen's rows; a failure replaces them with its one line. */
export async function reload(): Promise<void> {
  const s = getDesk();
  setDesk({ loading: true });
  try {
    switch (s.screen) {
      case 'batches':
      case 'export':
        setDesk({ batches: await api.teamBatches({}) });
        break;
      case 'newBatch':
        setDesk({ members: await api.teamMembers({}) });
        await countNow();
        break;
      case 'progress':
        setDesk({ progress: await api.progress(s.period) });
        break;
      case 'recheck':
        setDesk({ recheck: await api.recheckList({}) });
        break;
      case 'problems': {
        const { state, from, to } = s.problemFilter;
        setDesk({ problems: await api.problemList({ state, ...(from && { from }), ...(to && { to }) }) });
        break;
      }
      default:
        return;
    }
    setDesk({ failure: null, cursor: Math.min(getDesk().cursor, Math.max(0, rowCount(getDesk()) - 1)) });
  } catch (err) {
    setDesk({ failure: messageOf(err) });
  } finally {
    setDesk({ loading: false });
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

export function handleProblemAtCursor(action: DeskProblemAction): void {
  const s = getDesk();
  const p = s.problems[s.cursor];
  if (!p) return;
  setDesk({
    entry: {
      label: `${ACTION_TEXT[action]} ${p.planid} sp${p.spid} fibres ${p.fiberFrom}–${p.fiberTo} — note`,
      text: '',
      submit: (note) =>
        change(async () => {
          const done = await api.problemSetState({ id: p.id, action, note });
          return `${done.planid} sp${done.spid} fibres ${done.fiberFrom}–${done.fiberTo}: ${done.state}`;
        }),
    },
  });
}

export function openCaseAtCursor(): void {
  const s = getDesk();
  if (s.recheck[s.cursor]) setDesk({ openCase: { index: s.cursor, draft: { class: null, quality: null } } });
}

export function setCaseClass(cls: SpecClass): void {
  const open = getDesk().openCase;
  if (open) setDesk({ openCase: { ...open, draft: { ...open.draft, class: cls } } });
}

export function setCaseQuality(q: Quality): void {
  const open = getDesk().openCase;
  if (open) setDesk({ openCase: { ...open, draft: { ...open.draft, quality: q } } });
}

/** Records the final answer; the server takes z and subclass from the answer of that class it confirms. */
export async function resolveOpenCase(): Promise<void> {
  const s = getDesk();
  const c = s.openCase && s.recheck[s.openCase.index];
  if (!s.openCase || !c) return;
  const { class: cls, quality } = s.openCase.draft;
  if (cls === null) {
    setDesk({ failure: 'choose the final class first: s star, g galaxy, q QSO, u unknown' });
    return;
  }
  await change(async () => {
    await api.recheckResolve({ obsid: c.obsid, class: cls, ...(quality !== null && { quality }) });
    setDesk({ openCase: null });
    return `recheck of ${c.obsid} recorded: ${cls}${quality !== null ? ` q${quality}` : ''}`;
  }).catch(() => undefined);
}
