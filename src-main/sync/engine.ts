/**
 * One sync of a person's cache with the central database: pull changes since the watermark
 * (each page with its watermark in one local transaction), fetch missing spectrum files, then
 * push the outbox in batches — each one central transaction of idempotent inserts — marking
 * rows sent only after that commit resolved. A kill at any point loses nothing: an unmarked
 * row is pushed again and lands once (its UUID), and a later pull confirms it anyway. Rows the
 * server refuses are set aside (push.ts) and named in the sync's last-problem line; so are
 * pulled rows the cache cannot store (cache/pullApply.ts). The push runs even when the pull
 * failed for something other than the connection or the person: one bad central row or page
 * must not keep the outbox from landing.
 */
import type { CentralClient, ServerInfo } from '../central/centralClient';
import { nodeName } from '../../shared/centralUrl';
import type { SyncProgress, SyncSummary } from '../../shared/model';
import { fetchFiles, type FetchFailure } from '../files/fetch';
import type { FileSource } from '../files/source';
import type { SyncableCache, SyncLedger } from './contract';
import { describeFailure, type ServerName, type SyncFailure } from './failure';
import { checkIdentity } from './identityCheck';
import { pushOutbox, type PushOutcome } from './push';

export interface SyncDeps {
  cache: SyncableCache;
  /** Opens a client as the person (their own MySQL account). */
  openClient(): Promise<CentralClient>;
  /** Named in the "offline" line. */
  server: ServerName;
  /** Told which database and node the sync reached (the app records the database's identity). */
  onServer?(info: ServerInfo): void;
  /** SPECVET_DATA; null skips the file phase. */
  files: FileSource | null;
  clock(): Date;
  onProgress?(p: SyncProgress): void;
}

export interface SyncOptions {
  /** Rows per table per pull page. */
  pageSize?: number;
  /** Outbox rows per push (per table); each push is one central transaction. */
  pushSize?: number;
  fileConcurrency?: number;
  /** Put rows set aside as refused back in the outbox first (`specvet sync --retry-refused`). */
  retryRefused?: boolean;
}

export interface SyncResult extends SyncSummary {
  failure: SyncFailure | null;
  filesFailed: FetchFailure[];
  /** Rows the server refused in this run, set aside. */
  refused: number;
  /** Rows set aside as refused after this run (this run's and earlier ones not retried). */
  outboxRefused: number;
  /** Pulled central rows the cache could not store, set aside (after this run). */
  setAside: number;
}

/** Runs of one cache share a promise: the background timer and the sync button never overlap. */
const running = new WeakMap<object, Promise<SyncResult>>();

export function runSync(deps: SyncDeps, opts: SyncOptions = {}): Promise<SyncResult> {
  const current = running.get(deps.cache);
  if (current) return current;
  const run = syncOnce(deps, opts).finally(() => running.delete(deps.cache));
  running.set(deps.cache, run);
  return run;
}

async function syncOnce(deps: SyncDeps, opts: SyncOptions): Promise<SyncResult> {
  const result: SyncResult = { pulled: 0, filesFetched: 0, pushed: 0, error: null, note: null, failure: null, filesFailed: [], refused: 0, outboxRefused: 0, setAside: 0 };
  let client: CentralClient | null = null;
  try {
    client = await deps.openClient();
    await client.me();
    const server = await client.server();
    deps.onServer?.(server);
    checkIdentity(deps.cache.ledger, server);
    result.note = failoverNote(server);
    const pullFailure = await pullAndFetch(client, deps, opts, result);
    if (opts.retryRefused) deps.cache.ledger.retryRefused();
    // The result is the push's running count: a push cut off part way still says what landed.
    await push(client, deps, opts.pushSize ?? 500, result).catch((err: unknown) => {
      // The pull's failure is the sync's, whether or not the push after it went through.
      throw pullFailure ?? err;
    });
    if (pullFailure !== null) throw pullFailure;
    deps.cache.ledger.putMeta('lastSync', deps.clock().toISOString());
    const warnings = [refusedWarning(deps.cache.ledger), setAsideWarning(deps.cache.ledger), filesWarning(result.filesFailed, deps.files)].filter((w) => w !== null);
    result.note = [result.note, noSourceNote(deps.cache.ledger, deps.files)].filter((n) => n !== null).join('; ') || null;
    deps.cache.ledger.putMeta('lastError', warnings.length ? warnings.join('; ') : null);
  } catch (err) {
    result.failure = describeFailure(err, deps.server);
    result.error = result.failure.message;
    deps.cache.ledger.putMeta('lastError', result.error);
  } finally {
    await client?.close().catch(() => {});
  }
  result.outboxRefused = deps.cache.ledger.outboxRefused();
  result.setAside = deps.cache.ledger.listSetAside().length;
  deps.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return result;
}

/**
 * Pull, then fetch files. A pull stopped by what it read or by the cache is returned, not
 * thrown: the push does not depend on it, and one bad page must not keep the person's work
 * from landing. Offline or a refusal of the person is thrown — a push would fail the same way.
 */
async function pullAndFetch(client: CentralClient, deps: SyncDeps, opts: SyncOptions, result: SyncResult): Promise<unknown> {
  try {
    // Rows set aside by an earlier pull get another try first: this SpecVet may take them now.
    deps.cache.ledger.retrySetAside(deps.clock());
    result.pulled = await pull(client, deps, opts.pageSize ?? 5000);
  } catch (err) {
    if (describeFailure(err, deps.server).kind !== 'failed') throw err;
    return err;
  }
  if (deps.files) {
    const fetched = await fetchMissing(deps, deps.files, opts.fileConcurrency ?? 8);
    result.filesFetched = fetched.fetched;
    result.filesFailed = fetched.failed;
    deps.cache.ledger.recordFileFailures(fetched.failed, deps.clock());
  }
  return null;
}

async function pull(client: CentralClient, deps: SyncDeps, pageSize: number): Promise<number> {
  let rows = 0;
  let pages = 0;
  for (;;) {
    const page = await client.pull(deps.cache.ledger.watermark(), pageSize);
    deps.cache.ledger.applyPullPage(page, deps.clock());
    rows += page.batches.length + page.items.length + page.verdicts.length;
    pages++;
    // The total is unknown until the last page: show pages done of (done + 1) while more remain.
    deps.onProgress?.({ phase: 'pull', done: pages, total: page.more ? pages + 1 : pages });
    if (!page.more) return rows;
  }
}

async function fetchMissing(deps: SyncDeps, source: FileSource, concurrency: number) {
  const wanted = deps.cache.ledger.missingFiles();
  deps.onProgress?.({ phase: 'files', done: 0, total: wanted.length });
  return fetchFiles(
    wanted,
    {
      source,
      store: deps.cache.store,
      record: (files) => deps.cache.ledger.recordFiles(files, deps.clock()),
      onProgress: (done, total) => deps.onProgress?.({ phase: 'files', done, total }),
    },
    { concurrency },
  );
}

function push(client: CentralClient, deps: SyncDeps, size: number, outcome: PushOutcome) {
  return pushOutbox(
    { client, ledger: deps.cache.ledger, clock: deps.clock, onProgress: (done, total) => deps.onProgress?.({ phase: 'push', done, total }) },
    size,
    outcome,
  );
}

/** Says which node was used when the first listed did not answer (null when it did). */
export function failoverNote(s: ServerInfo): string | null {
  if (s.skipped.length === 0) return null;
  return `${s.skipped.map(nodeName).join(', ')} did not answer; used ${nodeName(s.node)}`;
}

/** The line that keeps refused rows in sight until the person retries or edits them. */
export function refusedWarning(ledger: SyncLedger): string | null {
  const n = ledger.outboxRefused();
  if (n === 0) return null;
  return `${n} change(s) refused by the central server and set aside (latest: ${ledger.lastRefusal()}); see them with: specvet outbox --refused; once the cause is fixed: specvet sync --retry-refused`;
}

/** The line that keeps pulled rows the cache could not store in sight (status lists them). */
function setAsideWarning(ledger: SyncLedger): string | null {
  const rows = ledger.listSetAside();
  if (rows.length === 0) return null;
  const last = rows[rows.length - 1]!;
  return `${rows.length} central row(s) this SpecVet could not store, set aside (latest: ${last.kind} ${last.key}: ${last.reason}); the rest synced — see them with: specvet status; update SpecVet or ask your coordinator about them`;
}

export const FILE_FAILURE_TEXT: Record<FetchFailure['kind'], string> = { corrupt: 'corrupt at the source', missing: 'not at the source', unreachable: 'source did not answer' };
/** Names listed per kind in the one-line warning; the rest are counted (each spectrum says its own). */
const NAMED = 3;

function filesWarning(failed: FetchFailure[], source: FileSource | null): string | null {
  if (failed.length === 0 || !source) return null;
  const parts = (Object.keys(FILE_FAILURE_TEXT) as FetchFailure['kind'][]).flatMap((kind) => {
    const of = failed.filter((f) => f.kind === kind);
    if (of.length === 0) return [];
    const names = of.slice(0, NAMED).map((f) => f.filePath).join(', ');
    return [`${of.length} ${FILE_FAILURE_TEXT[kind]} (${names}${of.length > NAMED ? ', …' : ''})`];
  });
  const retry = failed.some((f) => f.kind === 'unreachable') ? 'the next sync tries again' : 'ask whoever keeps the survey files';
  return `${failed.length} spectrum file(s) could not be fetched from ${source.description}: ${parts.join('; ')}; ${retry}`;
}

/**
 * Spectra without files and nowhere to fetch them from: said (as a note, the sync itself went
 * well), so Sync does not just say "0 files" while every spectrum says "press Sync".
 */
function noSourceNote(ledger: SyncLedger, source: FileSource | null): string | null {
  if (source) return null;
  const n = ledger.missingFiles().length;
  if (n === 0) return null;
  return `no data source set: ${n} spectrum file(s) cannot be fetched; choose one in the app's Settings (Ctrl+,) or set SPECVET_DATA`;
}
