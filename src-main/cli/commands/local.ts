/**
 * The local cache from the command line: `status`, `outbox`, `items`, `verdict add`,
 * `problem add`. Verdicts and problem reports go to the local outbox exactly as the UI's do
 * (same cache calls, same zod schemas); `specvet sync` pushes them. With no central server
 * configured they work on the demo survey, as the app does.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classZQuestion } from '../../../shared/plausibility';
import { VERDICT_FLAGS } from '../../../shared/verdictFlags';
import { ProblemInputSchema, SPEC_CLASSES, VerdictInputSchema, type SpecClass } from '../../../shared/model';
import { damagedCopies, DEMO_USER, openLocalCache, resolveCacheFile, type SqliteCache } from '../../cache';
import { UsageError, UserError, defineCommand, num, numInRange, requireStr, str, type Command, type CommandContext, type OptionValues } from '../../command/command';

export interface Opened {
  cache: SqliteCache;
  /** mysql://user@host:port/db (no password), or "demo". */
  server: string;
  /** The demo survey: there is no central server to push to. */
  demo: boolean;
}

/**
 * The cache the app would open on this SPECVET_HOME (app/openApp.ts): the configured
 * server's, else the demo's, installed on first use by the same ensureDemo into the same file,
 * so the CLI and the app show one and the same work.
 */
async function openCliCache(ctx: CommandContext): Promise<Opened> {
  const config = ctx.config();
  writableHome(config.home);
  const c = config.central;
  let file: string;
  if (c) {
    file = resolveCacheFile(config.home, c);
  } else {
    // Loaded on use: generating the demo survey is only ever needed on a home without a server.
    const { ensureDemo } = await import('../../demo/install');
    const demo = await ensureDemo(config.home);
    if (demo.created) ctx.io.stderr.write(`specvet: no central server configured; installed the demo survey in ${demo.dir}\n`);
    file = demo.cacheFile;
  }
  try {
    return { cache: openLocalCache(file, c ? c.user : DEMO_USER), server: c ? c.display : 'demo', demo: !c };
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/**
 * SPECVET_HOME is checked before anything is generated or opened in it: otherwise the demo
 * survey is generated in memory first and the failure comes late and unclear (issue 16,
 * finding 11). The line names the folder and what to do — never the server address.
 */
function writableHome(home: string): void {
  try {
    makeDirs(home);
    accessSync(home, constants.W_OK);
    const probe = join(home, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`SPECVET_HOME ${home} cannot be written (${code}); set SPECVET_HOME to a folder you can write, or fix its permissions`);
  }
}

/**
 * mkdir -p one level at a time: Node's recursive mkdirSync loops forever on a path under /proc
 * (the kernel answers ENOENT for the child of a folder that exists) — the CLI "spinning".
 */
function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  mkdirSync(dir);
}

export async function withCache<T>(ctx: CommandContext, fn: (o: Opened) => Promise<T> | T): Promise<T> {
  const o = await openCliCache(ctx);
  try {
    return await fn(o);
  } finally {
    o.cache.close();
  }
}

/** Where a recorded change goes next, as the person should expect it. */
function whereItGoes(o: Opened): string {
  return o.demo ? "kept in this computer's cache; the demo has no central server" : 'pushed at the next sync';
}

const statusCommand = defineCommand({
  path: ['status'],
  summary: 'what is in the local cache: batches, items, files, unsent work, last sync',
  options: {},
  async run(_v, _p, ctx) {
    await withCache(ctx, ({ cache, server }) => {
      const setAside = cache.listSetAside();
      const damagedCaches = damagedCopies(cache.file);
      const s = { user: cache.user, server, ...cache.counts(), setAside, damagedCaches };
      ctx.print(s, () =>
        [
          `${s.user} on ${s.server}`,
          `${s.batches} batch(es), ${s.items} item(s), ${s.filesCached} file(s) cached`,
          `${s.outboxPending} change(s) waiting to be pushed${s.outboxRefused ? `, ${s.outboxRefused} refused by the server and set aside (specvet outbox --refused)` : ''}`,
          ...setAsideLines(setAside),
          // Until the person deletes the copy: the unsent work in it is nowhere else.
          ...damagedCaches.map((f) => `a damaged (malformed) cache was kept aside: ${f}; its unsent work was not pushed — keep it and ask your SpecVet admin`),
          `last sync: ${s.lastSync ?? 'never'}${s.lastError ? `; last problem: ${s.lastError}` : ''}`,
        ].join('\n'),
      );
    });
  },
});

/** Pulled rows the cache could not store: counted, then one line each (the first ten). */
function setAsideLines(rows: ReturnType<SqliteCache['listSetAside']>): string[] {
  if (rows.length === 0) return [];
  return [
    `${rows.length} central row(s) this SpecVet could not store, set aside (update SpecVet, or ask your coordinator to fix them):`,
    ...rows.slice(0, 10).map((r) => `  ${r.kind} ${r.key} (rev ${r.rev}): ${r.reason}`),
  ];
}

const outboxCommand = defineCommand({
  path: ['outbox'],
  summary: 'list your changes not on the central server yet, and why the server refused any',
  options: { refused: { type: 'boolean', description: 'only the changes the server refused (set aside)' } },
  help: `A refused change stays here until you act: fix the cause (e.g. ask a coordinator to give the spectrum back)
and run specvet sync --retry-refused, or replace a refused verdict with a new one (specvet verdict add).`,
  async run(values, _p, ctx) {
    await withCache(ctx, ({ cache, demo }) => {
      const rows = cache.listOutbox(values.refused === true ? 'refused' : 'all');
      const empty = values.refused === true ? 'no refused changes'
        : demo ? 'nothing waiting (the demo has no central server)'
        : 'nothing waiting: every change is on the central server';
      ctx.print(rows, () =>
        rows.length === 0
          ? empty
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
    flag: { type: 'string', multiple: true, placeholder: 'F', description: `what is wrong with the data (repeatable): ${VERDICT_FLAGS.join(', ')}` },
    comment: { type: 'string', placeholder: 'T', description: 'free text' },
    anyway: { type: 'boolean', description: 'save a class and z that contradict each other (a STAR at z 3.5) as given' },
  },
  async run(values, _p, ctx) {
    const obsid = num(values, 'obsid', { integer: true });
    if (obsid === undefined) throw new UsageError('--obsid is required');
    const cls = requireStr(values, 'class').toUpperCase() as SpecClass;
    const quality = numInRange(values, 'quality', VerdictInputSchema.shape.quality) ?? 0;
    const z = numInRange(values, 'z', VerdictInputSchema.shape.z);
    await withCache(ctx, (opened) => {
      const { cache } = opened;
      const item = cache.findItem(obsid);
      if (!item) throw new UserError(`spectrum ${obsid} is in none of your batches (see specvet items)`);
      const same = cls === item.pipeline.class;
      const input = parseOrUsage(VerdictInputSchema, {
        obsid,
        batchId: item.batchId,
        class: cls,
        subclass: str(values, 'subclass') ?? (same ? item.pipeline.subclass : ''),
        z: z ?? item.pipeline.z,
        quality,
        flags: flags(values),
        comment: str(values, 'comment') ?? '',
      });
      const question = classZQuestion(input.class, input.z);
      if (question !== null && values.anyway !== true) throw new UserError(`not saved: ${question}; check --class and --z, or add --anyway to save it as given`);
      const v = cache.addVerdict(input, new Date());
      ctx.print(v, () => `verdict ${v.id} on ${obsid}: ${v.class} z=${v.z} quality ${v.quality} (${whereItGoes(opened)})`);
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
    await withCache(ctx, (opened) => {
      const { cache } = opened;
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
      ctx.print(p, () => `problem ${p.id}: ${p.planid} sp${p.spid} fibres ${p.fiberFrom}-${p.fiberTo} (${p.origin}) recorded; ${whereItGoes(opened)}`);
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
  // The option, not the element: "--flag", not "--flags.1".
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
  throw new UsageError(`${field ? `--${OPTION_OF[field] ?? field}: ` : ''}${issue?.message ?? 'invalid value'}`);
}

const OPTION_OF: Record<string, string> = { fiberFrom: 'fibers', fiberTo: 'fibers', flags: 'flag' };

export const localCommands: Command[] = [statusCommand, outboxCommand, itemsCommand, verdictAdd, problemAdd];
