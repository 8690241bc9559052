/**
 * `specvet sync`: pull your batches, fetch spectrum files, push what `verdict add` / `problem
 * add` (commands/local.ts) and the app put in the local outbox.
 */
import type { OpenCentralClient } from '../../central/centralClient';
import type { CentralTarget } from '../../config/config';
import { knownIdentity, recordIdentity } from '../../cache';
import { FILE_FAILURE_TEXT, refusedWarning, type SyncResult } from '../../sync/engine';
import type { FetchFailure } from '../../files/fetch';
import { openSyncRunner } from '../../sync/runner';
import { promptPassword } from '../password';
import { progressPrinter } from '../progressBar';
import { UsageError, UserError, defineCommand, num, type Command, type CommandContext, type OptionValues } from '../../command/command';
import { withCache, type Opened } from './local';

/** How the CLI reaches the central database; the central area provides it. */
export type LoadClientOpener = () => Promise<OpenCentralClient>;

export function makeSyncCommand(loadOpener: LoadClientOpener): Command {
  return defineCommand({
    path: ['sync'],
    summary: 'pull your batches, fetch spectrum files, push your verdicts and reports',
    options: {
      'push-size': { type: 'string', placeholder: 'N', description: 'outbox rows per central transaction (default 500)' },
      'retry-refused': { type: 'boolean', description: 'send again the changes the server refused before (see specvet outbox --refused)' },
      deadline: { type: 'string', placeholder: 'SECONDS', description: `give up after this long, with one line and exit 1 (default ${DEFAULT_DEADLINE_S}; 0: never; or SPECVET_SYNC_DEADLINE)` },
    },
    help: `Needs SPECVET_CENTRAL (mysql://user[:password]@host:port/database); without a password in it you are asked on a terminal.
SPECVET_DATA (a directory or an http(s) URL) is where spectrum files are fetched from; without it only metadata syncs.
Changes the server refuses (e.g. a verdict on a spectrum no longer in your batches) are set aside, not lost:
the others are pushed, specvet outbox --refused lists them with the server's reason, and --retry-refused sends them again.
A sync that has not finished after --deadline seconds (a server that stopped answering, a lock someone holds) ends with one line.
Exit 1 when sync could not finish (offline, wrong password, too slow, …), changes are set aside, or spectrum files could not be fetched (each named with why): your local work is kept either way.`,
    async run(values, _pos, ctx) {
      const pushSize = num(values, 'push-size', { integer: true }) ?? 500;
      if (pushSize < 1 || pushSize > 10_000) throw new UsageError('--push-size must be between 1 and 10000');
      const deadline = deadlineSeconds(values, ctx.io.env);
      const config = ctx.config();
      const c = config.central;
      if (!c) return failEarly(ctx, 'no central server configured (the demo has none to sync with): set SPECVET_CENTRAL=mysql://user@host:3306/database');
      const { serverAddress, noPasswordMessage } = await import('../centralAccess');
      let address;
      try {
        address = await serverAddress(c, { stdin: ctx.io.stdin, stderr: ctx.io.stderr, prompt: promptPassword });
      } catch (err) {
        // The terminal closed at the password prompt (Ctrl+D).
        return failEarly(ctx, `${(err as Error).message} for ${c.user}; nothing was synced`);
      }
      const openClient = await loadOpener();
      const password = address.password ?? '';
      if (knownIdentity(config.home, c) === null) await learnIdentity(config.home, c, password, openClient);
      const retryRefused = values['retry-refused'] === true;
      const onProgress = ctx.json ? () => {} : progressPrinter(ctx.io.stderr);
      const run = async ({ cache }: Opened) => {
        // The app's wiring (sync/runner.ts); an empty password lets the server decide (see serverAddress).
        const onServer = (info: { node: { host: string; port: number }; databaseId: string }) => recordIdentity(config.home, info.node, c.database, info.databaseId);
        const runner = openSyncRunner({ target: c, password, cache, data: config.data, openClient, onServer });
        const r = await runner.run(onProgress, { pushSize, retryRefused });
        // No password given and the server wanted one: say how to give it, here and in status.
        if (address.password === undefined && r.failure?.kind === 'auth') {
          r.error = noPasswordMessage(address);
          cache.ledger.putMeta('lastError', r.error);
        }
        return { r, refusedLine: refusedWarning(cache.ledger) };
      };
      const finished = await withDeadline(withCache(ctx, run), deadline);
      if (finished === 'late') {
        const where = `${c.host}:${c.port}`;
        return failEarly(ctx, `sync did not finish within ${deadline} s (${where} too slow or not answering, or a lock held there); your work is kept — try again later, or give more time with --deadline`);
      }
      const { r: result, refusedLine } = finished;
      ctx.print(summaryJson(result), () => summaryText(result));
      const problem = result.error ?? refusedLine ?? filesProblem(result);
      if (!problem) return 0;
      if (ctx.json) return 1;
      throw new UserError(problem);
    },
  });
}

/** Seconds a sync may take before it gives up (SPECVET_SYNC_DEADLINE or --deadline; 0: no limit). */
export const DEFAULT_DEADLINE_S = 600;

function deadlineSeconds(values: OptionValues, env: NodeJS.ProcessEnv): number {
  const given = num(values, 'deadline') ?? (env.SPECVET_SYNC_DEADLINE ? Number(env.SPECVET_SYNC_DEADLINE) : DEFAULT_DEADLINE_S);
  if (!Number.isFinite(given) || given < 0) throw new UsageError(`the sync deadline is a number of seconds, 0 for none; got ${values.deadline ?? env.SPECVET_SYNC_DEADLINE}`);
  return given;
}

/**
 * `work`'s result, or 'late' once `seconds` have passed (0: no limit). The work is not stopped —
 * a stalled query cannot be — but the command answers; the process exits when main returns
 * (bin/specvet.mjs), and whatever the sync did not commit is simply done by the next one.
 */
async function withDeadline<T>(work: Promise<T>, seconds: number): Promise<T | 'late'> {
  if (seconds === 0) return work;
  // Its failure after the deadline has nobody left to tell; not an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), seconds * 1000)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the server which database it is before the cache is opened, when no listed node's
 * identity is known yet, so a cache made on another node of the same database (or under an
 * older SpecVet's address key) is found and carried over (issue 16, finding 13). A failure
 * here is left for the sync itself to report.
 */
async function learnIdentity(home: string, c: CentralTarget, password: string, open: OpenCentralClient): Promise<void> {
  const client = await open({ host: c.host, port: c.port, nodes: c.nodes, database: c.database, user: c.user, password });
  try {
    const info = await client.server();
    recordIdentity(home, info.node, c.database, info.databaseId);
  } catch {
    // offline, wrong password, old schema: the sync says so in its own words
  } finally {
    await client.close().catch(() => {});
  }
}

/** A sync that could not start (or finish in time): with --json, the same object as any failed sync, then exit 1. */
function failEarly(ctx: CommandContext, error: string): number {
  if (!ctx.json) throw new UserError(error);
  ctx.print({ pulled: 0, filesFetched: 0, filesFailed: 0, pushed: 0, refused: 0, outboxRefused: 0, setAside: 0, error }, () => '');
  return 1;
}

function summaryJson(r: SyncResult) {
  return {
    pulled: r.pulled, filesFetched: r.filesFetched, filesFailed: r.filesFailed.length, pushed: r.pushed,
    refused: r.refused, outboxRefused: r.outboxRefused, setAside: r.setAside, error: r.error, note: r.note,
    failedFiles: r.filesFailed.map((f) => ({ obsid: f.obsid, filePath: f.filePath, kind: f.kind, reason: reasonOf(f) })),
  };
}

/** The reason without the file's name, which the line already starts with. */
function reasonOf(f: FetchFailure): string {
  return f.reason.split(f.filePath).join('…').replace(/^…:?\s*/, '') || FILE_FAILURE_TEXT[f.kind];
}

/** Every file the sync could not fetch, one line each: what it is, and why. */
function failedFilesText(failed: readonly FetchFailure[]): string {
  return failed.map((f) => `\n  ${f.filePath} (obsid ${f.obsid}): ${FILE_FAILURE_TEXT[f.kind]} — ${reasonOf(f)}`).join('');
}

/** The sync went through but some spectra have no file: exit 1 with one line saying what to do. */
function filesProblem(r: SyncResult): string | null {
  const n = r.filesFailed.length;
  if (n === 0) return null;
  const retry = r.filesFailed.some((f) => f.kind === 'unreachable') ? 'sync again later for those the source did not answer' : 'ask whoever keeps the survey files';
  return `${n} spectrum file(s) could not be fetched (listed above); your verdicts synced — ${retry}`;
}

function summaryText(r: SyncResult): string {
  if (r.error) return '';
  const warn = r.filesFailed.length ? `\n${r.filesFailed.length} file(s) could not be fetched:${failedFilesText(r.filesFailed)}` : '';
  const refused = r.refused ? `, ${r.refused} refused` : '';
  const aside = r.setAside ? `\n${r.setAside} central row(s) this SpecVet could not store, set aside (see specvet status)` : '';
  const note = r.note ? `\n${r.note}` : '';
  return `synced: ${r.pulled} row(s) pulled, ${r.filesFetched} file(s) fetched, ${r.pushed} change(s) pushed${refused}${warn}${aside}${note}`;
}

/** The command as registered, with the central area's client opener loaded on first sync. */
// Loaded on first use: commands that stay local never load mysql2.
export const syncCommand: Command = makeSyncCommand(async () => (await import('../../central/mysqlClient')).openCentralClient);
