/**
 * The coordinator's batch commands: create (with --dry-run: count, split and a sample), list
 * with done / total per reviewer, cancel, reassign and due — batches named as people name them
 * (`gal-1`, `gal-1 --assignee alice`) or by id. All go through the BatchAdmin service
 * (src-main/central/batchAdmin.ts), as the coordinator's screen does.
 */
import { REVIEW_MODES, SPEC_CLASSES, type ReviewMode, type SpecClass } from '../../../shared/model';
import { defineCommand, list, num, requireStr, str, UsageError, type Command, type CommandContext, type OptionValues } from '../../command/command';
import type { Pool } from 'mysql2/promise';
import type { BatchAdmin } from '../../central/batchAdmin';
import type { BatchCriteria } from '../../central/batchSelection';
import type { BatchRef } from '../../central/batchNames';
import type { BatchPreview } from '../../central/batches';
import type { SuspectReport } from '../suspects';
import { textTable } from '../textTable';
import { withPool } from '../serverWork';

/** Runs `work` with the coordinator service as the person in SPECVET_CENTRAL. */
export function asCoordinator<T>(ctx: CommandContext, work: (admin: BatchAdmin, pool: Pool) => Promise<T>): Promise<T> {
  return withPool(ctx, async (pool) => {
    const { batchAdminOver } = await import('../../central/batchAdmin');
    return work(batchAdminOver(pool, ctx.config().central!.user), pool);
  });
}

function parseCriteria(values: OptionValues): BatchCriteria {
  const classes = list(values, 'class')?.map((c) => c.toUpperCase());
  const bad = classes?.find((c) => !(SPEC_CLASSES as readonly string[]).includes(c));
  if (bad) throw new UsageError(`--class must be among ${SPEC_CLASSES.join(', ')}, got "${bad}"`);
  const given = <T>(key: string, v: T | undefined) => (v === undefined || (Array.isArray(v) && v.length === 0) ? {} : { [key]: v });
  return {
    ...given('classes', classes as SpecClass[] | undefined),
    ...given('subclasses', list(values, 'subclass')),
    ...given('from', str(values, 'from')),
    ...given('to', str(values, 'to')),
    ...given('planid', str(values, 'planid')),
    ...given('spid', num(values, 'spid', { integer: true })),
    ...given('snrMin', num(values, 'snr-min')),
    ...given('snrMax', num(values, 'snr-max')),
    ...given('tsources', list(values, 'tsource')),
    ...given('objtypes', list(values, 'objtype')),
    ...given('limit', num(values, 'limit', { integer: true })),
    leaveOut: { assigned: values['include-assigned'] !== true, verified: values['include-verified'] !== true },
    ...(values.suspects === true ? { suspects: true } : {}),
  };
}

function previewText(p: BatchPreview): string {
  const head = `${p.count} spectra match; would assign ${p.shares.map((s) => `${s.assignee} ${s.count}`).join(', ')}`;
  if (p.sample.length === 0) return head;
  const rows = p.sample.map((s) => [s.obsid, s.obsdate, s.planid, s.spid, s.fiberid, s.class, s.subclass || '-', s.z.toFixed(4), s.snrR === null ? '-' : s.snrR.toFixed(1), s.objtype || '-', s.tsource || '-']);
  return `${head}\nthe first ${p.sample.length}:\n${textTable(['obsid', 'date', 'plan', 'sp', 'fibre', 'class', 'subclass', 'z', 'S/N r', 'objtype', 'tsource'], rows)}`;
}

const batchCreate = defineCommand({
  path: ['batch', 'create'],
  summary: 'assign spectra matching criteria to reviewers, split evenly (coordinator)',
  options: {
    name: { type: 'string', placeholder: 'N', description: 'batch name (one batch of that name per assignee)' },
    assignee: { type: 'string', placeholder: 'USER[,USER…]', description: 'reviewers; several share the spectra evenly' },
    mode: { type: 'string', placeholder: 'MODE', description: `review mode: ${REVIEW_MODES.join(' | ')}` },
    due: { type: 'string', placeholder: 'DATE', description: 'due date, YYYY-MM-DD' },
    class: { type: 'string', placeholder: 'C,…', description: `pipeline classes (${SPEC_CLASSES.join(', ')})` },
    subclass: { type: 'string', placeholder: 'S,…', description: 'pipeline subclasses, exact (e.g. G5,K0)' },
    from: { type: 'string', placeholder: 'DATE', description: 'first observation date, YYYY-MM-DD' },
    to: { type: 'string', placeholder: 'DATE', description: 'last observation date, YYYY-MM-DD' },
    planid: { type: 'string', placeholder: 'P', description: 'plan id' },
    spid: { type: 'string', placeholder: 'S', description: 'spectrograph number' },
    'snr-min': { type: 'string', placeholder: 'X', description: 'minimum r-band S/N (obj_info.snr_r)' },
    'snr-max': { type: 'string', placeholder: 'X', description: 'maximum r-band S/N' },
    tsource: { type: 'string', placeholder: 'T,…', description: 'target sources (target_info.tsource)' },
    objtype: { type: 'string', placeholder: 'O,…', description: 'object types (target_info.objtype)' },
    'include-assigned': { type: 'boolean', description: 'also spectra already in an active batch (left out by default)' },
    'include-verified': { type: 'boolean', description: 'also spectra that already have a verdict, for a second opinion (left out by default)' },
    limit: { type: 'string', placeholder: 'N', description: 'at most N spectra (spectrograph mode: whole spectrographs)' },
    suspects: { type: 'boolean', description: 'only spectra whose fit disagrees with the pipeline, most confident first (fits the files under SPECVET_DATA here)' },
    'dry-run': { type: 'boolean', description: 'print how many spectra match, the split and the first few; change nothing' },
  },
  help: `
Spectra are taken in date → plan → spectrograph → fibre order. Left out unless asked: spectra
already in someone's active batch (--include-assigned) and spectra that already have a verdict
(--include-verified), so the same command run again assigns only new work. In spectrograph
mode each spectrograph of a plan goes whole to one reviewer. With --suspects, the matching
spectra are fitted on this machine from their files under SPECVET_DATA (docs/assistant.md)
and only those whose fit disagrees with the pipeline are kept, most confident first.
example:
  specvet batch create --name jan-gal --assignee alice,bob --mode single --class GALAXY,QSO --from 2024-01-01 --to 2024-01-31 --due 2024-02-15 --dry-run`,
  async run(values, _args, ctx) {
    const name = requireStr(values, 'name');
    const assignees = list(values, 'assignee') ?? [];
    if (assignees.length === 0) throw new UsageError('--assignee is required (USER or USER,USER,…)');
    const mode = requireStr(values, 'mode');
    if (!(REVIEW_MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be one of ${REVIEW_MODES.join(', ')}, got "${mode}"`);
    const suspects = values.suspects === true;
    const due = str(values, 'due');
    const request = { name, assignees, mode: mode as ReviewMode, criteria: parseCriteria(values), ...(due ? { due } : {}) };
    const { requestProblem } = await import('../../central/batches');
    const problem = requestProblem(request);
    if (problem) throw new UsageError(problem);
    const dryRun = values['dry-run'] === true;
    const { suspectReorder, suspectsDir } = await import('../suspects');
    const dataDir = suspects ? suspectsDir(ctx.config().data) : '';
    let report: SuspectReport | null = null;
    const done = await asCoordinator(ctx, async (admin, pool) => {
      await admin.assertCoordinator();
      const reorder = suspects ? suspectReorder(pool, dataDir, { templates: ctx.config().templates ?? undefined }, (r) => (report = r)) : undefined;
      return dryRun ? { preview: await admin.preview(request, reorder) } : { plan: await admin.create(request, reorder) };
    });
    const found = report as SuspectReport | null;
    const fitted = found ? `fitted ${found.fitted} spectra in ${found.seconds.toFixed(1)} s (${found.failed} could not be fitted); ${found.suspects.length} disagree with the pipeline\n` : '';
    const extra = found ? { suspects: found } : {};
    if (done.preview) {
      const p = done.preview;
      ctx.print({ dryRun, count: p.count, batches: p.shares, sample: p.sample, ...extra }, () => fitted + previewText(p));
      return;
    }
    const plan = done.plan!;
    ctx.print(
      { dryRun, count: plan.count, batches: plan.batches.map((b) => ({ id: b.id, assignee: b.assignee, count: b.obsids.length })), ...(due ? { due } : {}), ...extra },
      () => fitted + plan.batches.map((b) => `created batch ${name} for ${b.assignee}: ${b.obsids.length} spectra (id ${b.id})`).join('\n'),
    );
  },
});

const refOptions = {
  assignee: { type: 'string', placeholder: 'USER', description: "only this reviewer's share of the batch" },
} as const;

function refOf(values: OptionValues, given: string | undefined): BatchRef {
  const ref = (given ?? '').trim();
  if (!ref) throw new UsageError('name the batch: its name (as batch list shows it) or its id');
  const assignee = str(values, 'assignee');
  return { ref, ...(assignee ? { assignee } : {}) };
}

const batchList = defineCommand({
  path: ['batch', 'list'],
  summary: 'list batches with done / total per reviewer (coordinator)',
  options: {
    assignee: { type: 'string', placeholder: 'USER', description: "only this reviewer's batches" },
    state: { type: 'string', placeholder: 'S', description: 'active (default) | cancelled | all' },
    name: { type: 'string', placeholder: 'N', description: 'only batches of this name' },
  },
  help: `
One row per batch and reviewer (a batch split between reviewers is one row each). Done counts
the spectra its reviewer gave a verdict in that batch, and in browse mode also the pages paged
past (the bookmark): a seen spectrum left alone is accepted.`,
  async run(values, _args, ctx) {
    const { BATCH_STATES } = await import('../../central/batchList');
    const state = str(values, 'state') ?? 'active';
    if (!(BATCH_STATES as readonly string[]).includes(state)) throw new UsageError(`--state must be one of ${BATCH_STATES.join(', ')}, got "${state}"`);
    const filter = { state: state as (typeof BATCH_STATES)[number], ...(str(values, 'assignee') ? { assignee: str(values, 'assignee') } : {}), ...(str(values, 'name') ? { name: str(values, 'name') } : {}) };
    const rows = await asCoordinator(ctx, (admin) => admin.list(filter));
    ctx.print(rows, () =>
      rows.length === 0
        ? `no ${state === 'all' ? '' : `${state} `}batches${filter.assignee ? ` for ${filter.assignee}` : ''}`
        : textTable(
            ['name', 'assignee', 'mode', 'state', 'done', 'total', 'due', 'created', 'id'],
            rows.map((b) => [b.name, b.assignee, b.mode, b.state, b.done, b.total, b.due ?? '-', b.createdAt.slice(0, 10), b.id]),
          ),
    );
  },
});

const batchCancel = defineCommand({
  path: ['batch', 'cancel'],
  summary: 'cancel a batch (every share of its name, or one reviewer\'s); verdicts already made stay (coordinator)',
  args: { usage: 'NAME|ID', min: 1, max: 1 },
  options: refOptions,
  help: `
example:
  specvet batch cancel gal-1                   # every reviewer's share of gal-1
  specvet batch cancel gal-1 --assignee alice  # alice's only`,
  async run(values, [given], ctx) {
    const ref = refOf(values, given);
    const cancelled = await asCoordinator(ctx, (admin) => admin.cancel(ref));
    ctx.print({ cancelled }, () => cancelled.map((b) => `cancelled batch ${b.name} of ${b.assignee} (id ${b.id})`).join('\n'));
  },
});

const batchReassign = defineCommand({
  path: ['batch', 'reassign'],
  summary: "give a batch's remaining spectra to another reviewer (coordinator)",
  args: { usage: 'NAME|ID', min: 1, max: 1 },
  options: { ...refOptions, to: { type: 'string', placeholder: 'USER', description: 'the new reviewer' } },
  help: `
example:
  specvet batch reassign gal-1 --assignee alice --to bob`,
  async run(values, [given], ctx) {
    const ref = refOf(values, given);
    const to = requireStr(values, 'to');
    const made = await asCoordinator(ctx, (admin) => admin.reassign(ref, to));
    ctx.print({ id: made.id, name: made.name, from: made.from.id, assignee: to }, () => `cancelled batch ${made.from.name} of ${made.from.assignee} (id ${made.from.id}); its remaining spectra are now batch ${made.name} for ${to} (id ${made.id})`);
  },
});

const batchDue = defineCommand({
  path: ['batch', 'due'],
  summary: 'set or clear the due date of a batch (coordinator)',
  args: { usage: 'NAME|ID DATE|none', min: 2, max: 2 },
  options: refOptions,
  async run(values, [given, date], ctx) {
    const ref = refOf(values, given);
    const due = date === 'none' ? null : date!;
    const { isDate } = await import('../../central/batches');
    if (due !== null && !isDate(due)) throw new UsageError(`the due date must be YYYY-MM-DD or none, got "${due}"`);
    const changed = await asCoordinator(ctx, (admin) => admin.setDue(ref, due));
    ctx.print({ due, batches: changed }, () => changed.map((b) => `batch ${b.name} of ${b.assignee}: ${due === null ? 'no due date' : `due ${due}`}`).join('\n'));
  },
});

export const batchCommands: Command[] = [batchCreate, batchList, batchCancel, batchReassign, batchDue];
