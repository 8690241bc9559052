/**
 * The local cache and sync from the command line: `specvet sync`, `status`, `outbox`, `items`,
 * `verdict add`, `problem add`. Verdicts and problem reports go to the local outbox exactly as
 * the UI's do (same cache calls, same zod schemas); `sync` pushes them.
 */
import { ProblemInputSchema, SPEC_CLASSES, VerdictInputSchema, type SpecClass } from '../../../shared/model';
import { cacheFile, openLocalCache, type SqliteCache } from '../../cache';
import type { CentralLogin, OpenCentralSession } from '../../central/Interface';
import { openFileSource } from '../../files/source';
import { refusedWarning, runSync, type SyncResult } from '../../sync/engine';
import { promptPassword } from '../../sync/password';
import { progressPrinter } from '../../sync/progressBar';
import { UsageError, UserError, defineCommand, num, requireStr, str, type Command, type CommandContext, type OptionValues } from '../command';

/** How the CLI reaches the central database; the central area provides it. */
export type LoadSessionOpener = () => Promise<OpenCentralSession>;

interface Opened {
  cache: SqliteCache;
  /** mysql://user@host:port/db (no password), or "demo". */
  server: string;
}

function openCliCache(ctx: CommandContext): Opened {
  const config = ctx.config();
  const c = config.central;
  const file = c
    ? cacheFile(config.home, { kind: 'central', host: c.host, port: c.port, database: c.database, user: c.user })
    : cacheFile(config.home, { kind: 'demo' });
  try {
    return { cache: openLocalCache(file, c ? c.user : 'demo'), server: c ? c.display : 'demo' };
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

async function withCache<T>(ctx: CommandContext, fn: (o: Opened) => Promise<T> | T): Promise<T> {
  const o = openCliCache(ctx);
  try {
    return await fn(o);
  } finally {
    o.cache.close();
  }
}

async function password(ctx: CommandContext, login: { user: string; host: string; password?: string }): Promise<string> {
  if (login.password !== undefined) return login.password;
  if (!ctx.io.stdin.isTTY) {
    throw new UserError(
      `no password for ${login.user}: put it in SPECVET_CENTRAL (mysql://${login.user}:PASSWORD@${login.host}/…) or run on a terminal to be asked`,
    );
  }
  return promptPassword(`password for ${login.user}@${login.host}: `, ctx.io.stdin, ctx.io.stderr);
}

export function makeSyncCommands(loadOpener: LoadSessionOpener): Command[] {
  return [syncCommand(loadOpener), statusCommand, outboxCommand, itemsCommand, verdictAdd, problemAdd];
}

function syncCommand(loadOpener: LoadSessionOpener): Command {
  return defineCommand({
    path: ['sync'],
    summary: 'pull your batches, fetch spectrum files, push your verdicts and reports',
    options: {
      'push-size': { type: 'string', placeholder: 'N', description: 'outbox rows per central transaction (default 500)' },
      'retry-refused': { type: 'boolean', description: 'send again the changes the server refused before (see specvet outbox --refused)' },
    },
    help: `Needs SPECVET_CENTRAL (mysql://user[:password]@host:port/database); without a password in it you are asked on a terminal.
SPECVET_DATA (a directory or an http(s) URL) is where spectrum files are fetched from; without it only metadata syncs.
Changes the server refuses (e.g. a verdict on a spectrum no longer in your batches) are set aside, not lost:
the others are pushed, specvet outbox --refused lists them with the server's reason, and --retry-refused sends them again.
Exit 1 when sync could not finish (offline, wrong password, …) or changes are set aside: your local work is kept either way.`,
    async run(values, _pos, ctx) {
      const pushSize = num(values, 'push-size', { integer: true }) ?? 500;
      if (pushSize < 1 || pushSize > 10_000) throw new UsageError('--push-size must be between 1 and 10000');
      const config = ctx.config();
      const c = config.central;
      if (!c) throw new UserError('no central server configured: set SPECVET_CENTRAL=mysql://user@host:3306/database');
      const login: CentralLogin = { host: c.host, port: c.port, database: c.database, user: c.user, password: await password(ctx, c) };
      const open = await loadOpener();
      const files = config.data ? openFileSource(config.data) : null;
      const deps = (cache: SqliteCache) => ({
        cache,
        openSession: () => open(login),
        server: { host: c.host, port: c.port },
        files,
        clock: () => new Date(),
        onProgress: ctx.json ? undefined : progressPrinter(ctx.io.stderr),
      });
      const retryRefused = values['retry-refused'] === true;
      const run = ({ cache }: Opened) => runSync(deps(cache), { pushSize, retryRefused }).then((r) => ({ r, refusedLine: refusedWarning(cache.sync) }));
      const { r: result, refusedLine } = await withCache(ctx, run).finally(() => files?.close());
      ctx.print(summaryJson(result), () => summaryText(result));
      const problem = result.error ?? refusedLine;
      if (!problem) return 0;
      if (ctx.json) return 1;
      throw new UserError(problem);
    },
  });
}

const statusCommand = defineCommand({
  path: ['status'],
  summary: 'what is in the local cache: batches, items, files, unsent work, last sync',
  options: {},
  async run(_v, _p, ctx) {
    await withCache(ctx, ({ cache, server }) => {
      const s = { user: cache.user, server, ...cache.counts() };
      ctx.print(s, () =>
        [
          `${s.user} on ${s.server}`,
          `${s.batches} batch(es), ${s.items} item(s), ${s.filesCached} file(s) cached`,
          `${s.outboxPending} change(s) waiting to be pushed${s.outboxRefused ? `, ${s.outboxRefused} refused by the server and set aside (specvet outbox --refused)` : ''}`,
          `last sync: ${s.lastSync ?? 'never'}${s.lastError ? `; last problem: ${s.lastError}` : ''}`,
        ].join('\n'),
      );
    });
  },
});

const outboxCommand = defineCommand({
  path: ['outbox'],
  summary: 'list your changes not on the central server yet, and why the server refused any',
  options: { refused: { type: 'boolean', description: 'only the changes the server refused (set aside)' } },
  help: `A refused change stays here until you act: fix the cause (e.g. ask a coordinator to give the spectrum back)
and run specvet sync --retry-refused, or replace a refused verdict with a new one (specvet verdict add).`,
  async run(values, _p, ctx) {
    await withCache(ctx, ({ cache }) => {
      const rows = cache.listOutbox(values.refused === true ? 'refused' : 'all');
      ctx.print(rows, () =>
        rows.length === 0
          ? values.refused === true ? 'no refused changes' : 'nothing waiting: every change is on the central server'
          : rows.map((r) => `${r.kind}\t${r.id}\t${r.what}\t${r.refused ? `REFUSED ${r.refusedAt}: ${r.refused}` : 'waiting'}`).join('\n'),
      );
    });
  },
});

const itemsCommand = defineCommand({
  path: ['items'],
  summary: 'list the spectra in your local batches',
  options: { batch: { type: 'string', placeholder: 'NAME', description: 'only this batch' } },
  async run(values, _p, ctx) {
    await withCache(ctx, ({ cache }) => {
      const wanted = str(values, 'batch');
      const batches = cache.listBatches();
      const chosen = wanted === undefined ? batches : batches.filter((b) => b.name === wanted);
      if (wanted !== undefined && chosen.length === 0) {
        throw new UserError(`no batch named "${wanted}"; yours: ${batches.map((b) => b.name).join(', ') || 'none (run specvet sync)'}`);
      }
      const rows = chosen.flatMap((b) =>
        cache.listItems(b.id).map((i) => ({
          obsid: i.obsid,
          batch: b.name,
          mode: b.mode,
          planid: i.planid,
          spid: i.spid,
          fiberid: i.fiberid,
          reviewed: i.verdict !== null,
        })),
      );
      ctx.print(rows, () =>
        rows.map((r) => `${r.obsid}\t${r.batch}\t${r.mode}\t${r.planid}\tsp${r.spid}-${r.fiberid}\t${r.reviewed ? 'reviewed' : '-'}`).join('\n'),
      );
    });
  },
});

const verdictAdd = defineCommand({
  path: ['verdict', 'add'],
  summary: 'record a verdict on a spectrum (pushed at the next sync)',
  options: {
    obsid: { type: 'string', placeholder: 'N', description: 'the spectrum (required)' },
    class: { type: 'string', placeholder: 'C', description: `${SPEC_CLASSES.join(' | ')} (required)` },
    subclass: { type: 'string', placeholder: 'S', description: "subclass (default: the pipeline's when the class agrees)" },
    z: { type: 'string', placeholder: 'Z', description: "redshift (default: the pipeline's)" },
    quality: { type: 'string', placeholder: '0-4', description: '4 certain … 1 no redshift possible, 0 not set (default 0)' },
    flag: { type: 'string', multiple: true, placeholder: 'F', description: 'a bad-data flag (repeatable)' },
    comment: { type: 'string', placeholder: 'T', description: 'free text' },
  },
  async run(values, _p, ctx) {
    const obsid = num(values, 'obsid', { integer: true });
    if (obsid === undefined) throw new UsageError('--obsid is required');
    const cls = requireStr(values, 'class').toUpperCase() as SpecClass;
    await withCache(ctx, ({ cache }) => {
      const item = cache.findItem(obsid);
      if (!item) throw new UserError(`spectrum ${obsid} is in none of your batches (see specvet items)`);
      const same = cls === item.pipeline.class;
      const input = parseOrUsage(VerdictInputSchema, {
        obsid,
        batchId: item.batchId,
        class: cls,
        subclass: str(values, 'subclass') ?? (same ? item.pipeline.subclass : ''),
        z: num(values, 'z') ?? item.pipeline.z,
        quality: num(values, 'quality', { integer: true }) ?? 0,
        flags: flags(values),
        comment: str(values, 'comment') ?? '',
      });
      const v = cache.addVerdict(input, new Date());
      ctx.print(v, () => `verdict ${v.id} on ${obsid}: ${v.class} z=${v.z} quality ${v.quality} (pushed at the next sync)`);
    });
  },
});

const problemAdd = defineCommand({
  path: ['problem', 'add'],
  summary: 'report a problem over a fibre range of one spectrograph (pushed at the next sync)',
  options: {
    planid: { type: 'string', placeholder: 'P', description: 'the plan (required)' },
    spid: { type: 'string', placeholder: 'S', description: 'the spectrograph (required)' },
    fibers: { type: 'string', placeholder: 'A-B', description: 'first and last fibre, e.g. 20-45 (required)' },
    type: { type: 'string', placeholder: 'T', description: 'kind of problem, e.g. stray-light (required)' },
    origin: { type: 'string', placeholder: 'raw|2d', description: 'raw data (discard) or 2D processing (back to the 2D team)' },
    text: { type: 'string', placeholder: 'T', description: 'description' },
    lmjd: { type: 'string', placeholder: 'N', description: "the night (default: the plan's, from your batches)" },
  },
  async run(values, _p, ctx) {
    const planid = requireStr(values, 'planid');
    const spid = num(values, 'spid', { integer: true });
    if (spid === undefined) throw new UsageError('--spid is required');
    const [fiberFrom, fiberTo] = fiberRange(requireStr(values, 'fibers'));
    await withCache(ctx, ({ cache }) => {
      const lmjd = num(values, 'lmjd', { integer: true }) ?? lmjdOf(cache, planid);
      const input = parseOrUsage(ProblemInputSchema, {
        lmjd,
        planid,
        spid,
        fiberFrom,
        fiberTo,
        type: requireStr(values, 'type'),
        origin: requireStr(values, 'origin'),
        text: str(values, 'text') ?? '',
      });
      const p = cache.addProblem(input, new Date());
      ctx.print(p, () => `problem ${p.id}: ${p.planid} sp${p.spid} fibres ${p.fiberFrom}-${p.fiberTo} (${p.origin}) recorded; pushed at the next sync`);
    });
  },
});

function fiberRange(text: string): [number, number] {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new UsageError(`--fibers must be a fibre or a range like 20-45, got "${text}"`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > to) throw new UsageError(`--fibers ${text}: the start fibre must not be after the end fibre`);
  return [from, to];
}

function lmjdOf(cache: SqliteCache, planid: string): number {
  for (const b of cache.listBatches()) {
    const hit = cache.listItems(b.id).find((i) => i.planid === planid);
    if (hit) return hit.lmjd;
  }
  throw new UserError(`plan ${planid} is in none of your batches; give its night with --lmjd`);
}

function flags(values: OptionValues): string[] {
  const v = values.flag;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** Validates with the model's zod schema; a bad value is bad usage naming the option. */
function parseOrUsage<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.');
  throw new UsageError(`${field ? `--${OPTION_OF[field] ?? field}: ` : ''}${issue?.message ?? 'invalid value'}`);
}

const OPTION_OF: Record<string, string> = { fiberFrom: 'fibers', fiberTo: 'fibers', flags: 'flag' };

function summaryJson(r: SyncResult) {
  return {
    pulled: r.pulled, filesFetched: r.filesFetched, filesFailed: r.filesFailed.length, pushed: r.pushed,
    refused: r.refused, outboxRefused: r.outboxRefused, error: r.error,
  };
}

function summaryText(r: SyncResult): string {
  if (r.error) return '';
  const warn = r.filesFailed.length ? `\n${r.filesFailed.length} file(s) could not be fetched (first: ${r.filesFailed[0]!.filePath}: ${r.filesFailed[0]!.reason})` : '';
  const refused = r.refused ? `, ${r.refused} refused` : '';
  return `synced: ${r.pulled} row(s) pulled, ${r.filesFetched} file(s) fetched, ${r.pushed} change(s) pushed${refused}${warn}`;
}

/** The commands as registered, with the central area's session opener loaded on first sync. */
// Loaded on first use: commands that stay local never load mysql2.
export const syncCommands: Command[] = makeSyncCommands(async () => (await import('../../central/session')).openCentralSession);
