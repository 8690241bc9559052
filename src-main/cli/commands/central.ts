/**
 * Central server administration: schema (central migrate / seed) and accounts (user add /
 * disable / enable). Each connects with SPECVET_CENTRAL as the person running it; the server's
 * roles decide whether they may. Batches and progress: batch.ts, progress.ts.
 */
import { ROLES, type Role } from '../../../shared/model';
import { defineCommand, requireStr, str, UsageError, UserError, type Command } from '../../command/command';
import { withConnection, withServer } from '../serverWork';

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
    if (r.eventScheduler === false) {
      ctx.io.stderr.write("warning: the server's event scheduler is off, so the stall watchdog does not run (docs/central.md); set event_scheduler = ON in the server's configuration\n");
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

export const centralCommands: Command[] = [migrateCommand, uninstallCommand, seedCommand, userAdd, userDisable, userEnable];
