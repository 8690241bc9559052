/**
 * `specvet progress`: how far the checking is for a period — per reviewer, per batch, per plan
 * or per night — as a table, or --json for machines. The same service as the coordinator's
 * screen (src-main/central/progress.ts).
 */
import { SPEC_CLASSES } from '../../../shared/model';
import { defineCommand, str, UsageError, type Command } from '../../command/command';
import type { CheckedShare, ProgressReport, Work } from '../../central/progress';
import { textTable } from '../textTable';
import { asCoordinator } from './batch';

const pct = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
const seconds = (s: number | null) => (s === null ? '-' : `${s.toFixed(0)} s`);
const perDay = (w: Work) => w.perDay.map((d) => `${d.day.slice(5)}:${d.verdicts}`).join(' ') || '-';

/** "checked, corrected" shares, then the corrected share per pipeline class that has spectra. */
function shareCells(s: CheckedShare): (string | number)[] {
  return [s.total, s.checked, pct(s.checked, s.total), pct(s.corrected, s.checked), ...SPEC_CLASSES.map((c) => (s.byClass[c].checked ? pct(s.byClass[c].corrected, s.byClass[c].checked) : '-'))];
}
const SHARE_HEAD = ['spectra', 'checked', 'checked %', 'corrected %', ...SPEC_CLASSES.map((c) => `${c} corr.`)];

function table(r: ProgressReport): string {
  const title = `progress ${r.from} → ${r.to} by ${r.by}${r.by === 'plan' || r.by === 'night' ? ' (nights observed in the period, checked by now)' : ' (verdicts made in the period)'}`;
  if (r.rows.length === 0) return `${title}: nothing`;
  switch (r.by) {
    case 'reviewer':
      return `${title}\n${textTable(
        ['reviewer', 'done', 'total', 'open batches', 'verdicts', 'median / spectrum', 'verdicts per day'],
        r.rows.map((w) => [w.reviewer, w.done, w.total, w.openBatches, w.verdicts, seconds(w.medianSeconds), perDay(w)]),
      )}`;
    case 'batch':
      return `${title}\n${textTable(
        ['batch', 'assignee', 'state', 'done', 'total', 'due', 'verdicts', 'median / spectrum', 'verdicts per day'],
        r.rows.map((b) => [b.name, b.assignee, b.state, b.done, b.total, b.due ?? '-', b.verdicts, seconds(b.medianSeconds), perDay(b)]),
      )}`;
    case 'plan':
      return `${title}\n${textTable(['night', 'plan', ...SHARE_HEAD], r.rows.map((p) => [p.obsdate, p.planid, ...shareCells(p)]))}`;
    case 'night':
      return `${title}\n${textTable(['night', 'plans', ...SHARE_HEAD], r.rows.map((n) => [n.obsdate, n.plans, ...shareCells(n)]))}`;
  }
}

const progressCommand = defineCommand({
  path: ['progress'],
  summary: 'how far the checking is: per reviewer, batch, plan or night, for a period (coordinator)',
  options: {
    from: { type: 'string', placeholder: 'DATE', description: 'first day, YYYY-MM-DD (default: 30 days before --to)' },
    to: { type: 'string', placeholder: 'DATE', description: 'last day, YYYY-MM-DD (default: today, UTC)' },
    by: { type: 'string', placeholder: 'VIEW', description: 'reviewer (default) | batch | plan | night' },
  },
  help: `
By reviewer or batch: the verdicts made in the period — how many, per day, the median time per
spectrum (time from one verdict to the reviewer's next; pauses over 10 minutes left out) —
and done / total of their batches now (open batches: active, not done). By plan or night: the
nights observed in the period, the share of their spectra checked (a verdict, a recheck, or
paged past in browse mode) and the share of the checked ones corrected (another class than
the pipeline's, or |Δz|/(1+z) ≥ 0.0033), also per pipeline class.
example:
  specvet progress --from 2024-01-01 --to 2024-01-31 --by night`,
  async run(values, _args, ctx) {
    const { lastDays, periodProblem, PROGRESS_VIEWS } = await import('../../central/progress');
    const { isDate } = await import('../../central/batches');
    const by = str(values, 'by') ?? 'reviewer';
    if (!(PROGRESS_VIEWS as readonly string[]).includes(by)) throw new UsageError(`--by must be one of ${PROGRESS_VIEWS.join(', ')}, got "${by}"`);
    const to = str(values, 'to') ?? new Date().toISOString().slice(0, 10);
    const from = str(values, 'from') ?? (isDate(to) ? lastDays(new Date(`${to}T00:00:00Z`)).from : to);
    const period = { from, to };
    const problem = periodProblem(period);
    if (problem) throw new UsageError(problem);
    const report = await asCoordinator(ctx, (admin) => admin.progress(period, by as (typeof PROGRESS_VIEWS)[number]));
    ctx.print(report, () => table(report));
  },
});

export const progressCommands: Command[] = [progressCommand];
