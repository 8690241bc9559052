/**
 * Fetches the spectrum files a cache is missing into the content-addressed store: bounded
 * concurrency, retries with backoff, progress events. Each file is recorded as cached only
 * after it was stored whole and verified, so an interrupted run resumes by simply running
 * again: it asks for what is still missing and nothing else.
 */
import type { FileFailure, FileFailureKind, FileRecord, FileWanted } from './records';
import { FetchError, type FileSource } from './source';
import { SpectrumVerifyError, type FileStore } from './fileStore';

export interface FetchDeps {
  source: FileSource;
  store: FileStore;
  /** Records stored files (one local transaction per call). */
  record(files: FileRecord[]): void;
  onProgress?(done: number, total: number): void;
  /** Waits between attempts; injectable so tests need not sleep. */
  sleep?(ms: number): Promise<void>;
  signal?: AbortSignal;
}

export interface FetchOptions {
  concurrency?: number;
  /** Attempts after the first one for a retryable failure. */
  retries?: number;
  backoffMs?: number;
  /** Records are written in groups of this many (one SQLite commit each). */
  recordEvery?: number;
}

export type FetchFailure = FileFailure;

export interface FetchResult {
  fetched: number;
  failed: FetchFailure[];
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function fetchFiles(wanted: readonly FileWanted[], deps: FetchDeps, opts: FetchOptions = {}): Promise<FetchResult> {
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const recordEvery = opts.recordEvery ?? 256;
  const failed: FetchFailure[] = [];
  let pending: FileRecord[] = [];
  let next = 0;
  let done = 0;
  let fetched = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    deps.record(batch);
    fetched += batch.length;
  };

  const worker = async () => {
    while (next < wanted.length && !deps.signal?.aborted) {
      const w = wanted[next++]!;
      try {
        const stored = await fetchOne(w, deps, opts);
        pending.push({ obsid: w.obsid, ...stored });
        if (pending.length >= recordEvery) flush();
      } catch (err) {
        failed.push({ obsid: w.obsid, filePath: w.filePath, kind: failureKind(err), reason: (err as Error).message });
      }
      deps.onProgress?.(++done, wanted.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, worker));
  } finally {
    flush();
  }
  return { fetched, failed };
}

/** A file that arrives but does not verify, after the retries, is so at its source. */
function failureKind(err: unknown): FileFailureKind {
  if (err instanceof SpectrumVerifyError) return 'corrupt';
  if (err instanceof FetchError && !err.retryable) return 'missing';
  return 'unreachable';
}

async function fetchOne(w: FileWanted, deps: FetchDeps, opts: FetchOptions) {
  const retries = opts.retries ?? 4;
  const backoff = opts.backoffMs ?? 250;
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      const bytes = await deps.source.get(w.filePath);
      return await deps.store.put(bytes, w.filePath);
    } catch (err) {
      // A file that does not verify may be a transfer cut short; a second copy settles it.
      const retryable = err instanceof FetchError ? err.retryable : err instanceof SpectrumVerifyError;
      if (!retryable || attempt >= retries || deps.signal?.aborted) throw err;
      await sleep(backoff * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
