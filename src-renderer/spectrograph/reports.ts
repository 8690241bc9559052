/**
 * Problem reports from the spectrograph view: the form opens on the selected fibres, a range
 * that is inverted, outside the slit or over an open report is refused in one line with
 * everything typed kept, and a filed report goes to the outbox (pushed with the next sync).
 */
import type { Item, ProblemInput } from '../../shared/model';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import { PROBLEM_TYPES } from '../../shared/problemTypes';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { getState } from '../state/store';
import { guarded, showInfo } from '../review/notify';
import { selection, useSlit, type ReportDraft } from './slitState';

/** The spectrograph of the open batch (all its items share it). */
export function slitOf(items: readonly Item[]): Pick<ProblemInput, 'lmjd' | 'planid' | 'spid'> | null {
  const first = items[0];
  return first ? { lmjd: first.lmjd, planid: first.planid, spid: first.spid } : null;
}

export const loadProblems = guarded(async () => {
  const at = slitOf(getState().review?.items ?? []);
  if (!at) return;
  useSlit.setState({ problems: await api.listProblems(at) });
});

export function openForm(): void {
  const s = useSlit.getState();
  if (s.form) return;
  const { from, to } = selection(s);
  const kept = s.kept;
  if (kept) {
    const same = kept.from === from && kept.to === to;
    const range = same ? {} : { from: String(from), to: String(to) };
    return void useSlit.setState({ form: { ...kept.draft, ...range, error: null, sending: false }, kept: null });
  }
  useSlit.setState({ form: { from: String(from), to: String(to), type: PROBLEM_TYPES[0].id, origin: '2d', text: '', error: null, sending: false } });
}

export function editForm(patch: Partial<ReportDraft>): void {
  const form = useSlit.getState().form;
  // Editing clears the last refusal: the line must describe what is in the fields now.
  if (form) useSlit.setState({ form: { ...form, ...patch, error: null } });
}

/** Puts the form away with what was typed in it (see SlitState.kept); filing a report is what empties it. */
export function closeForm(): void {
  const s = useSlit.getState();
  if (!s.form) return;
  const { from, to } = selection(s);
  useSlit.setState({ form: null, kept: { draft: s.form, from, to } });
}

/** Why the typed range cannot be filed, or null. */
export function rangeProblem(fromText: string, toText: string): string | null {
  const from = Number(fromText);
  const to = Number(toText);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return `fibres must be whole numbers, got "${fromText}"–"${toText}"`;
  if (from < 1 || to > FIBERS_PER_SPECTROGRAPH || to < 1 || from > FIBERS_PER_SPECTROGRAPH) {
    return `fibres must be within 1–${FIBERS_PER_SPECTROGRAPH}, got ${from}–${to}`;
  }
  if (from > to) return `the first fibre (${from}) is after the last (${to}): swap them`;
  return null;
}

export async function submitReport(): Promise<void> {
  const s = useSlit.getState();
  const form = s.form;
  const at = slitOf(getState().review?.items ?? []);
  if (!form || form.sending || !at) return;
  const refused = rangeProblem(form.from, form.to);
  if (refused) return void useSlit.setState({ form: { ...form, error: refused } });
  useSlit.setState({ form: { ...form, sending: true } });
  const input: ProblemInput = { ...at, fiberFrom: Number(form.from), fiberTo: Number(form.to), type: form.type, origin: form.origin, text: form.text };
  try {
    const report = await api.reportProblem(input);
    useSlit.setState({ form: null, kept: null, anchor: null });
    showInfo(`report on fibres ${report.fiberFrom}–${report.fiberTo} is in the outbox; it goes to the server with the next sync`);
    await loadProblems();
  } catch (err) {
    const now = useSlit.getState().form ?? form;
    useSlit.setState({ form: { ...now, sending: false, error: messageOf(err) } });
  }
}
