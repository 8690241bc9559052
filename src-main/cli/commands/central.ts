/**
 * Central server administration: schema (central migrate / seed), accounts (user add /
 * disable) and batches (batch create / cancel / reassign). Each connects with SPECVET_CENTRAL
 * as the person running it; the server's roles decide whether they may.
 */
import { REVIEW_MODES, ROLES, SPEC_CLASSES, type ReviewMode, type Role, type SpecClass } from '../../../shared/model';
import { defineCommand, list, num, requireStr, str, UsageError, UserError, type Command, type CommandContext } from '../../command/command';
import type { Connection, Pool } from 'mysql2/promise';
import type { ServerAddress } from '../../central/connection';
import type { SuspectReport } from '../suspects';

/** Resolves the server and runs `work`, turning server failures into one-line messages. */
export async function withServer<T>(ctx: CommandContext, work: (a: ServerAddress) => Promise<T>, opts: { stdinTaken?: boolean } = {}): Promise<T> {
  const target = ctx.config().central;
  if (!target) throw new UserError('no central server configured; set SPECVET_CENTRAL=mysql://USER@HOST:3306/DATABASE');
  const { serverAddress, explain } = await import('../centralAccess');
  const { promptPassword } = await import('../password');
  const address = await serverAddress(target, { stdin: ctx.io.stdin, stderr: ctx.io.stderr, prompt: promptPassword, ...opts });
  try {
    return await work(address);
  } catch (err) {
    const message = explain(err, address, { canPrompt: !opts.stdinTaken });
    if (message) throw new UserError(message);
    throw err;
  }
}

/** One connection as the person running the command (accounts, seeding). */
function withConnection<T>(ctx: CommandContext, work: (c: Connection) => Promise<T>, opts: { stdinTaken?: boolean } = {}): Promise<T> {
  return withServer(
    ctx,
    async (a) => {
      const { connect } = await import('../../central/connection');
      const c = await connect(a);
      try {
        return await work(c);
      } finally {
        await c.end();
      }
    },
    opts,
  );
}

/** A one-connection pool, for the batch services (they run their own transactions). */
function withPool<T>(ctx: CommandContext, work: (pool: Pool) => Promise<T>): Promise<T> {
  return withServer(ctx, async (a) => {
    const { createPool } = await import('../../central/connection');
    const pool = createPool({ host: a.host, port: a.port, user: a.user, password: a.password ?? '', database: a.database ?? '' }, 1);
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  });
}

const migrateCommand = defineCommand({
  path: ['central', 'migrate'],
  summary: 'create or upgrade the central schema (admin account with DDL rights)',
  options: { 'dry-run': { type: 'boolean', description: 'print the SQL instead of running it' } },
  help: `
Creates the database in SPECVET_CENTRAL if missing, applies the migrations it has not seen,
and records the schema version. Running it again does nothing; it refuses a database whose
schema is newer than this SpecVet. --dry-run prints a script the mariadb client can run.`,
  async run(values, _args, ctx) {
    const { migrate } = await import('../../central/migrate');
    const dryRun = values['dry-run'] === true;
    const r = await withServer(ctx, (a) => migrate(a, { dryRun }));
    if (dryRun && !ctx.json) {
      ctx.io.stdout.write(r.sql ?? '');
      return;
    }
    ctx.print(r, () =>
      r.applied.length === 0
        ? `${r.database}: schema ${r.from} is up to date`
        : `${r.database}: schema ${r.from} → ${r.to} (${r.applied.map((m) => `${m.version} ${m.name}`).join(', ')})`,
    );
  },
});

const uninstallCommand = defineCommand({
  path: ['central', 'uninstall'],
  summary: 'remove what central migrate made: accounts, roles, grants, procedures, views, tables (admin)',
  options: {
    'dry-run': { type: 'boolean', description: 'list the actions as SQL; change nothing (look first)' },
    yes: { type: 'boolean', description: 'run them' },
    'keep-survey': { type: 'boolean', description: 'leave plan_info, target_info, obj_info, spec_info (and the database)' },
  },
  help: `
Drops the accounts of the members (chk_member, and whoever holds this database's roles), the
four roles specvet_<db>_<role> (their grants go with them), the grants the old server-wide
specvet_* roles still hold on this database, then the procedures, views and tables migrate
made, and the database itself when nothing else is left in it. One line per action.
The survey tables go too unless --keep-survey: migrate created them and \`central seed\` can
load them again; keep them when they are the survey's own data that SpecVet only reads.
Verdicts, batches and problems are lost: back them up (mariadb-dump) first.
example:
  specvet central uninstall --dry-run     # look first
  specvet central uninstall --yes`,
  async run(values, _args, ctx) {
    const dryRun = values['dry-run'] === true;
    if (dryRun === (values.yes === true)) throw new UsageError('look first with --dry-run, then run it with --yes (one of the two)');
    const { uninstall } = await import('../../central/uninstall');
    const keepSurvey = values['keep-survey'] === true;
    const say = (sql: string) => (ctx.json ? undefined : ctx.io.stdout.write(`${sql};\n`));
    const plan = await withServer(ctx, (a) => uninstall(a, { dryRun, keepSurvey, onAction: say }));
    if (ctx.json) {
      ctx.print({ ...plan, dryRun }, () => '');
      return;
    }
    if (dryRun) ctx.io.stdout.write(plan.actions.map((sql) => `${sql};\n`).join(''));
    const left = plan.foreign.length ? `; left alone: ${plan.foreign.join(', ')}` : '';
    ctx.io.stdout.write(`-- ${plan.database}: ${plan.actions.length} actions ${dryRun ? 'would run (nothing changed)' : 'done'}${left}\n`);
  },
});

const seedCommand = defineCommand({
  path: ['central', 'seed'],
  summary: 'load a survey bundle (specvet demo-data) into the survey tables',
  options: { from: { type: 'string', placeholder: 'DIR', description: 'bundle directory holding survey.json' } },
  async run(values, _args, ctx) {
    const dir = requireStr(values, 'from');
    const { readBundle } = await import('../../survey/bundle');
    let bundle;
    try {
      bundle = await readBundle(dir);
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    const { seedBundle } = await import('../../central/seed');
    const counts = await withConnection(ctx, (c) => seedBundle(c, bundle));
    ctx.print(counts, () => `loaded ${counts.plan_info} plans, ${counts.spec_info} spectra (${counts.target_info} targets, ${counts.obj_info} 2D rows)`);
  },
});

const userAdd = defineCommand({
  path: ['user', 'add'],
  summary: 'add a person: a MySQL account for % with their role as default role (admin)',
  args: { usage: 'NAME', min: 1, max: 1 },
  options: {
    role: { type: 'string', placeholder: 'ROLE', description: `one of ${ROLES.join(', ')}` },
    department: { type: 'string', placeholder: 'D', description: 'department or group, shown to coordinators' },
    'password-stdin': { type: 'boolean', description: 'read the new password from the first line of stdin (required)' },
  },
  help: `
example:
  printf '%s\\n' "$NEW_PASSWORD" | specvet user add alice --role reviewer --department NAOC --password-stdin
The password is hashed before it leaves this machine (mysql_native_password).`,
  async run(values, [name], ctx) {
    const role = requireStr(values, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
    if (values['password-stdin'] !== true) throw new UsageError('give the new password on stdin with --password-stdin (never as an argument)');
    const { readFirstLine } = await import('../centralAccess');
    const { addMember, memberProblem } = await import('../../central/members');
    const member = { user: name!, role: role as Role, department: str(values, 'department') ?? '', password: await readFirstLine(ctx.io.stdin) };
    const problem = memberProblem(member);
    if (problem) throw new UsageError(problem);
    await withConnection(ctx, (c) => addMember(c, member), { stdinTaken: true });
    ctx.print({ user: member.user, role: member.role, department: member.department }, () => `added ${member.role} ${member.user}`);
  },
});

/** `user disable` and `user enable`: one command each way of the same switch (admin). */
function accountSwitch(active: boolean, summary: string) {
  const verb = active ? 'enable' : 'disable';
  return defineCommand({
    path: ['user', verb],
    summary,
    args: { usage: 'NAME', min: 1, max: 1 },
    options: {},
    async run(_values, [name], ctx) {
      const { enableMember, disableMember } = await import('../../central/members');
      await withConnection(ctx, (c) => (active ? enableMember : disableMember)(c, name!));
      ctx.print({ user: name, active }, () => `${verb}d ${name}`);
    },
  });
}

const userDisable = accountSwitch(false, "lock a person's account; their data stays (admin)");
const userEnable = accountSwitch(true, 'unlock the account of a person who was disabled (admin)');

function parseCriteria(values: Parameters<Command['run']>[0]) {
  const classes = list(values, 'class')?.map((c) => c.toUpperCase());
  const bad = classes?.find((c) => !(SPEC_CLASSES as readonly string[]).includes(c));
  if (bad) throw new UsageError(`--class must be among ${SPEC_CLASSES.join(', ')}, got "${bad}"`);
  const spid = num(values, 'spid', { integer: true });
  const limit = num(values, 'limit', { integer: true });
  const snrMin = num(values, 'snr-min');
  return {
    ...(classes ? { classes: classes as SpecClass[] } : {}),
    ...(str(values, 'from') ? { from: str(values, 'from') } : {}),
    ...(str(values, 'to') ? { to: str(values, 'to') } : {}),
    ...(str(values, 'planid') ? { planid: str(values, 'planid') } : {}),
    ...(spid !== undefined ? { spid } : {}),
    ...(snrMin !== undefined ? { snrMin } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

const batchCreate = defineCommand({
  path: ['batch', 'create'],
  summary: 'assign spectra matching criteria to reviewers, split evenly (coordinator)',
  options: {
    name: { type: 'string', placeholder: 'N', description: 'batch name (one batch of that name per assignee)' },
    assignee: { type: 'string', placeholder: 'USER[,USER…]', description: 'reviewers; several share the spectra evenly' },
    mode: { type: 'string', placeholder: 'MODE', description: `review mode: ${REVIEW_MODES.join(' | ')}` },
    class: { type: 'string', placeholder: 'C,…', description: `pipeline classes (${SPEC_CLASSES.join(', ')})` },
    from: { type: 'string', placeholder: 'DATE', description: 'first observation date, YYYY-MM-DD' },
    to: { type: 'string', placeholder: 'DATE', description: 'last observation date, YYYY-MM-DD' },
    planid: { type: 'string', placeholder: 'P', description: 'plan id' },
    spid: { type: 'string', placeholder: 'S', description: 'spectrograph number' },
    'snr-min': { type: 'string', placeholder: 'X', description: 'minimum r-band S/N (obj_info.snr_r)' },
    limit: { type: 'string', placeholder: 'N', description: 'at most N spectra (spectrograph mode: whole spectrographs)' },
    suspects: { type: 'boolean', description: 'only spectra whose fit disagrees with the pipeline, most confident first (fits the files under SPECVET_DATA here)' },
    'dry-run': { type: 'boolean', description: 'print how many spectra match and the split; change nothing' },
  },
  help: `
Spectra are taken in date → plan → spectrograph → fibre order. In spectrograph mode each
spectrograph of a plan goes whole to one reviewer. With --suspects, the matching spectra are
fitted on this machine from their files under SPECVET_DATA (docs/assistant.md) and only those
whose fit disagrees with the pipeline (other class, or |Δz|/(1+z) ≥ 0.0033) are kept, most
confident first; --limit then keeps the first N.
example:
  specvet batch create --name jan-galaxies --assignee alice,bob --mode single --class GALAXY,QSO --from 2024-01-01 --to 2024-01-31`,
  async run(values, _args, ctx) {
    const name = requireStr(values, 'name');
    const assignees = list(values, 'assignee') ?? [];
    if (assignees.length === 0) throw new UsageError('--assignee is required (USER or USER,USER,…)');
    const mode = requireStr(values, 'mode');
    if (!(REVIEW_MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be one of ${REVIEW_MODES.join(', ')}, got "${mode}"`);
    const suspects = values.suspects === true;
    const request = { name, assignees, mode: mode as ReviewMode, criteria: { ...parseCriteria(values), ...(suspects ? { suspects } : {}) } };
    const { assertMayCreateBatches, requestProblem, planBatches, createBatches } = await import('../../central/batches');
    const problem = requestProblem(request);
    if (problem) throw new UsageError(problem);
    const dryRun = values['dry-run'] === true;
    const { suspectReorder, suspectsDir } = await import('../suspects');
    const dataDir = suspects ? suspectsDir(ctx.config().data) : '';
    let report: SuspectReport | null = null;
    const plan = await withPool(ctx, async (pool) => {
      await assertMayCreateBatches(pool, ctx.config().central!.user);
      const reorder = suspects ? suspectReorder(pool, dataDir, { templates: ctx.config().templates ?? undefined }, (r) => (report = r)) : undefined;
      return dryRun ? planBatches(pool, request, reorder) : createBatches(pool, request, reorder);
    });
    const split = plan.batches.map((b) => `${b.assignee} ${b.obsids.length}`).join(', ');
    const found = report as SuspectReport | null;
    const fitted = found ? `fitted ${found.fitted} spectra in ${found.seconds.toFixed(1)} s (${found.failed} could not be fitted); ${found.suspects.length} disagree with the pipeline\n` : '';
    ctx.print(
      { dryRun, count: plan.count, batches: plan.batches.map((b) => ({ id: b.id, assignee: b.assignee, count: b.obsids.length })), ...(found ? { suspects: found } : {}) },
      // One line per batch with its id: the next step (batch reassign / cancel) takes that id.
      () =>
        fitted +
        (dryRun
          ? `${plan.count} spectra match; would assign ${split}`
          : plan.batches.map((b) => `created batch ${name} for ${b.assignee}: ${b.obsids.length} spectra (id ${b.id})`).join('\n')),
    );
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before connecting: a mistyped id is bad usage, not something the server failed at. */
function batchId(id: string): string {
  if (!UUID.test(id)) {
    throw new UsageError(`BATCH-ID must be a batch id, a UUID like 0f5b6a1e-9c2d-4f7e-8a3b-2c1d0e9f8a7b as batch create prints it; got "${id}"`);
  }
  return id.toLowerCase();
}

const batchCancel = defineCommand({
  path: ['batch', 'cancel'],
  summary: 'cancel a batch; its reviewer keeps the verdicts already made (coordinator)',
  args: { usage: 'BATCH-ID', min: 1, max: 1 },
  options: {},
  async run(_values, [given], ctx) {
    const id = batchId(given!);
    const { cancelBatch } = await import('../../central/batches');
    await withPool(ctx, (pool) => cancelBatch(pool, id));
    ctx.print({ id, state: 'cancelled' }, () => `cancelled batch ${id}`);
  },
});

const batchReassign = defineCommand({
  path: ['batch', 'reassign'],
  summary: "give a batch's remaining spectra to another reviewer (coordinator)",
  args: { usage: 'BATCH-ID', min: 1, max: 1 },
  options: { to: { type: 'string', placeholder: 'USER', description: 'the new reviewer' } },
  async run(values, [given], ctx) {
    const id = batchId(given!);
    const to = requireStr(values, 'to');
    const { reassignBatch } = await import('../../central/batches');
    const made = await withPool(ctx, (pool) => reassignBatch(pool, id, to));
    ctx.print({ id: made.id, name: made.name, from: id, assignee: to }, () => `cancelled batch ${id}; its remaining spectra are now batch ${made.name} for ${to} (id ${made.id})`);
  },
});

export const centralCommands: Command[] = [migrateCommand, uninstallCommand, seedCommand, userAdd, userDisable, userEnable, batchCreate, batchCancel, batchReassign];
