/**
 * The coordinator's and the 2D team's commands (issue 15): recheck list / resolve, problems
 * list / ack / resolve / discard, export, trace. Each connects as the person in
 * SPECVET_CENTRAL and calls the central client's QualityDesk — the same service the app
 * calls — so the server's grants decide who may do what.
 */
import { SPEC_CLASSES, type ProblemOrigin, type SpecClass } from '../../../shared/model';
import { Z_RANGE } from '../../../shared/ranges';
import { DEFAULT_THRESHOLDS } from '../../../shared/agreement';
import { defineCommand, num, numInRange, requireStr, str, UsageError, type Command, type CommandContext } from '../../command/command';
import type { CentralClient } from '../../central/centralClient';
import type { ProblemAction, ProblemCase, ProblemStateFilter, RecheckCase, Trace, TraceKey } from '../../central/qualityDesk';
import { withServer } from '../serverWork';

/** Runs `work` with a central client as the person in SPECVET_CENTRAL. */
function withClient<T>(ctx: CommandContext, work: (client: CentralClient) => Promise<T>): Promise<T> {
  return withServer(ctx, async (a) => {
    const { openCentralClient } = await import('../../central/mysqlClient');
    const client = await openCentralClient({ host: a.host, port: a.port, user: a.user, password: a.password ?? '', database: a.database ?? '' }, { poolSize: 1 });
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  });
}

const date = (name: string) => ({ type: 'string' as const, placeholder: 'DATE', description: `${name} observation date (the night), YYYY-MM-DD` });

const recheckList = defineCommand({
  path: ['recheck', 'list'],
  summary: 'spectra whose reviewers disagree, or that contradict the pipeline on a galaxy/QSO (coordinator)',
  options: {
    dz: { type: 'string', placeholder: 'X', description: `|Δz|/(1+z) at which redshifts disagree (default ${DEFAULT_THRESHOLDS.dz})` },
    dq: { type: 'string', placeholder: 'N', description: `quality difference at which qualities disagree (default ${DEFAULT_THRESHOLDS.quality})` },
  },
  help: `
Two reviewers disagree when their latest verdicts differ in class, in redshift by
|Δz|/(1+z) ≥ --dz, or in quality by --dq or more (quality 0, not set, is never compared).
A verdict contradicts the pipeline when its class or redshift differs from the pipeline's
on a target the pipeline or the target catalogue calls a galaxy or QSO. A spectrum leaves the
list once a recheck newer than its verdicts is recorded (specvet recheck resolve).`,
  async run(values, _args, ctx) {
    const thresholds = { dz: num(values, 'dz') ?? DEFAULT_THRESHOLDS.dz, quality: num(values, 'dq', { integer: true }) ?? DEFAULT_THRESHOLDS.quality };
    const cases = await withClient(ctx, (c) => c.recheckList(thresholds));
    ctx.print(cases, () => (cases.length === 0 ? 'nothing to recheck' : cases.map(recheckLine).join('\n')));
  },
});

function recheckLine(c: RecheckCase): string {
  const answers = c.verdicts.map((v) => `${v.reviewer}: ${v.class} z=${v.z.toFixed(4)} q${v.quality}`).join('; ');
  return `${c.obsid}  ${c.planid} sp${c.spid}-${c.fiberid}  pipeline ${c.pipeline.class} z=${c.pipeline.z.toFixed(4)}  ${answers}  (${c.reasons.join(', ')})`;
}

const recheckResolve = defineCommand({
  path: ['recheck', 'resolve'],
  summary: 'record the final answer for a spectrum (humanrecheck; coordinator)',
  args: { usage: 'OBSID', min: 1, max: 1 },
  options: {
    class: { type: 'string', placeholder: 'C', description: `final class: ${SPEC_CLASSES.join(', ')}` },
    z: { type: 'string', placeholder: 'Z', description: 'final redshift (default: that of the answer of this class it confirms)' },
    subclass: { type: 'string', placeholder: 'S', description: 'final subclass' },
    quality: { type: 'string', placeholder: 'Q', description: 'quality 0–4' },
    comment: { type: 'string', placeholder: 'T', description: 'why' },
  },
  help: `
What is left out is taken from the answer of that class the recheck confirms: the newest
reviewer's verdict of that class, else the pipeline's. A class nobody gave needs --z.
example:
  specvet recheck resolve 101234 --class QSO --z 1.532 --quality 4 --comment "broad MgII"`,
  async run(values, args, ctx) {
    const obsid = Number(args[0]);
    if (!Number.isInteger(obsid) || obsid < 1) throw new UsageError(`OBSID must be a whole number, got "${args[0]}"`);
    const cls = requireStr(values, 'class').toUpperCase();
    if (!(SPEC_CLASSES as readonly string[]).includes(cls)) throw new UsageError(`--class must be one of ${SPEC_CLASSES.join(', ')}, got "${cls}"`);
    const z = numInRange(values, 'z', { minValue: Z_RANGE.min, maxValue: Z_RANGE.max });
    const quality = numInRange(values, 'quality', { minValue: 0, maxValue: 4, isInt: true });
    const subclass = str(values, 'subclass');
    const comment = str(values, 'comment');
    const resolution = { obsid, class: cls as SpecClass, ...(z !== undefined && { z }), ...(quality !== undefined && { quality }), ...(subclass !== undefined && { subclass }), ...(comment !== undefined && { comment }) };
    const r = await withClient(ctx, (c) => c.recheckResolve(resolution));
    ctx.print(r, () => `recorded ${r.obsid}: ${r.class} ${r.subclass} z=${r.z} quality ${r.quality}`);
  },
});

const problemsList = defineCommand({
  path: ['problems', 'list'],
  summary: 'problem reports of fibre ranges, by default those not yet handled (2D team, coordinator)',
  options: {
    state: { type: 'string', placeholder: 'S', description: 'unhandled (default: open or acknowledged), open, acknowledged, resolved, discarded, all' },
    from: date('first'),
    to: date('last'),
    plan: { type: 'string', placeholder: 'P', description: 'plan id' },
    spid: { type: 'string', placeholder: 'N', description: 'spectrograph' },
    type: { type: 'string', placeholder: 'T', description: 'problem type' },
    origin: { type: 'string', placeholder: 'O', description: 'raw or 2d' },
  },
  help: `
The list for a range of nights is empty when every report in it is handled (resolved or
discarded). Handle one with specvet problems ack|resolve|discard ID --note T.`,
  async run(values, _args, ctx) {
    const filter = {
      state: str(values, 'state') as ProblemStateFilter | undefined,
      from: str(values, 'from'), to: str(values, 'to'), planid: str(values, 'plan'),
      spid: num(values, 'spid', { integer: true }), type: str(values, 'type'), origin: str(values, 'origin') as ProblemOrigin | undefined,
    };
    const { problemFilterProblem } = await import('../../central/problemDesk');
    const problem = problemFilterProblem(filter);
    if (problem) throw new UsageError(problem);
    const list = await withClient(ctx, (c) => c.problemList(filter));
    ctx.print(list, () => (list.length === 0 ? 'no problem reports match' : list.map(problemLine).join('\n')));
  },
});

function problemLine(p: ProblemCase): string {
  const handled = p.handledBy ? `  ${p.state} by ${p.handledBy}${p.note ? `: ${p.note}` : ''}` : '  open';
  return `${p.id}  ${p.obsdate ?? `lmjd ${p.lmjd}`} ${p.planid} sp${p.spid} fibres ${p.fiberFrom}-${p.fiberTo}  ${p.type} (${p.origin}) by ${p.reporter}${handled}`;
}

const problemAction = (verb: string, action: ProblemAction, summary: string) =>
  defineCommand({
    path: ['problems', verb],
    summary: `${summary} (2D team)`,
    args: { usage: 'ID', min: 1, max: 1 },
    options: { note: { type: 'string', placeholder: 'T', description: 'what was done or found (the reporter sees it after their next sync)' } },
    async run(values, args, ctx) {
      const note = requireStr(values, 'note');
      const p = await withClient(ctx, (c) => c.problemSetState(args[0]!, action, note));
      ctx.print(p, () => `${p.id}: ${p.state} (${p.planid} sp${p.spid} fibres ${p.fiberFrom}-${p.fiberTo})`);
    },
  });

const exportCommand = defineCommand({
  path: ['export'],
  summary: 'write the human-checked catalogue as CSV or a FITS binary table (coordinator)',
  options: {
    format: { type: 'string', placeholder: 'F', description: 'csv or fits' },
    out: { type: 'string', placeholder: 'FILE', description: 'file to write (must not exist)' },
    from: date('first'),
    to: date('last'),
    batch: { type: 'string', placeholder: 'ID', description: 'only the spectra of this batch (instead of dates)' },
  },
  help: `
One row per spectrum with at least one verdict: obsid, designation, plan / spectrograph /
fibre, the pipeline's class / subclass / z, the final class / subclass / z and quality (a
recheck wins; otherwise each reviewer's latest verdict counts and the newest is the answer,
SOURCE "unresolved" when those disagree), flags, reviewers and dates. The FITS table has
units (TUNITn) and a comment on every column.`,
  async run(values, _args, ctx) {
    const format = requireStr(values, 'format');
    const { EXPORT_FORMATS, exportCatalogue } = await import('../../central/catalogueExport');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be csv or fits, got "${format}"`);
    const out = requireStr(values, 'out');
    const batchId = str(values, 'batch');
    if (batchId !== undefined && (values.from !== undefined || values.to !== undefined)) throw new UsageError('give --batch or --from/--to, not both');
    const scope = batchId !== undefined ? { batchId } : { from: str(values, 'from'), to: str(values, 'to') };
    const { scopeProblem } = await import('../../central/catalogue');
    const problem = scopeProblem(scope);
    if (problem) throw new UsageError(problem);
    const n = await withClient(ctx, (c) => exportCatalogue(c, scope, format as 'csv' | 'fits', out));
    ctx.print({ file: out, format, rows: n }, () => `wrote ${n} spectra to ${out}`);
  },
});

const traceCommand = defineCommand({
  path: ['trace'],
  summary: "a spectrum's whole story: target, plan, results, verdicts, rechecks, problems, state (any role)",
  args: { usage: '[OBSID|DESIGNATION]', min: 0, max: 1 },
  options: {
    plan: { type: 'string', placeholder: 'P', description: 'plan id (with --spid and --fiber, instead of OBSID)' },
    spid: { type: 'string', placeholder: 'N', description: 'spectrograph' },
    fiber: { type: 'string', placeholder: 'N', description: 'fibre' },
    lmjd: { type: 'string', placeholder: 'N', description: 'the night, when the plan was observed more than once' },
    at: { type: 'string', placeholder: 'DATE', description: 'the state at that moment (YYYY-MM-DD = its 00:00 UTC, or an ISO time)' },
  },
  help: `
examples:
  specvet trace 101234
  specvet trace "LAMOST J012345.67+123456.7" --at 2024-02-01
  specvet trace --plan HD012345N123456B01 --spid 4 --fiber 17 --json`,
  async run(values, args, ctx) {
    const key = traceKey(values, args[0]);
    const at = str(values, 'at');
    if (at !== undefined) (await import('../../central/trace')).parseMoment(at);
    const t = await withClient(ctx, (c) => c.trace(key, at));
    const { localFit, localFitText } = await import('./traceFit');
    const fit = await localFit(ctx, t.obsid);
    ctx.print({ ...t, assistant: fit }, () => `${traceText(t)}\n${localFitText(fit)}`);
  },
});

function traceKey(values: Parameters<Command['run']>[0], arg: string | undefined): TraceKey {
  const planid = str(values, 'plan');
  if (arg !== undefined && planid !== undefined) throw new UsageError('give OBSID, a designation, or --plan --spid --fiber; not both');
  if (arg !== undefined) return /^\d+$/.test(arg) ? { obsid: Number(arg) } : { designation: arg };
  if (planid === undefined) throw new UsageError('name the spectrum: OBSID, a designation, or --plan P --spid N --fiber N');
  const spid = num(values, 'spid', { integer: true });
  const fiberid = num(values, 'fiber', { integer: true });
  if (spid === undefined || fiberid === undefined) throw new UsageError('--plan needs --spid and --fiber');
  const lmjd = num(values, 'lmjd', { integer: true });
  return { planid, spid, fiberid, ...(lmjd !== undefined && { lmjd }) };
}

function traceText(t: Trace): string {
  const lines = [
    `obsid ${t.obsid}  ${t.designation ?? ''}  ${t.planid} sp${t.spid}-${t.fiberid} (lmjd ${t.lmjd})`,
    `state${t.at ? ` at ${t.at}` : ''}: ${t.state}${t.problemReported ? ', problem reported' : ''}`,
    t.target ? `target: ra ${t.target.ra.toFixed(5)} dec ${t.target.dec.toFixed(5)} ${t.target.objtype} from ${t.target.tsource}, g ${t.target.mag.g ?? '—'} r ${t.target.mag.r ?? '—'} i ${t.target.mag.i ?? '—'}` : 'target: no target_info row',
    t.plan ? `plan: ${t.plan.obsdate}, seeing ${t.plan.seeing ?? '—'}, moon ${t.plan.moon ?? '—'}` : 'plan: no plan_info row',
    t.result2d ? `2D ${t.result2d.version}: S/N g ${t.result2d.snr.g ?? '—'} r ${t.result2d.snr.r ?? '—'} i ${t.result2d.snr.i ?? '—'}` : '2D: no obj_info row',
    `1D ${t.result1d.version}: ${t.result1d.class} ${t.result1d.subclass} z=${t.result1d.z}`,
    ...t.batches.map((b) => `batch ${b.name} (${b.assignee}, ${b.state}) since ${b.createdAt}`),
    ...t.verdicts.map((v) => `verdict ${v.createdAt} ${v.reviewer}: ${v.class} ${v.subclass} z=${v.z} q${v.quality}${v.comment ? ` "${v.comment}"` : ''}`),
    ...t.rechecks.map((r) => `recheck ${r.createdAt} ${r.coordinator}: ${r.class} ${r.subclass} z=${r.z} q${r.quality}`),
    ...t.problems.map((p) => `problem ${p.createdAt} ${p.reporter}: ${p.type} fibres ${p.fiberFrom}-${p.fiberTo}, ${p.stateAt}`),
  ];
  return lines.join('\n');
}

export const qualityCommands: Command[] = [
  recheckList,
  recheckResolve,
  problemsList,
  problemAction('ack', 'acknowledged', 'acknowledge a problem report with a note'),
  problemAction('resolve', 'resolved', 'mark a problem report resolved (reprocessed)'),
  problemAction('discard', 'discarded', 'discard a problem report'),
  exportCommand,
  traceCommand,
];
