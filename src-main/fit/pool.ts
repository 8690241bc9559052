/**
 * `specvet fit` on all cores: one worker thread per core, each loading the template library
 * once at start, then fitting files handed out one at a time (a slow file never holds up a
 * queue). A FitPool outlives one batch: start-up (tsx, templates) is paid once per process.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FitRow } from './fitFile';
import { SHIPPED_TEMPLATES } from './templates';

export interface PoolOptions {
  templates?: string;
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The CLI runs TypeScript through tsx, and a worker does not inherit the loader hooks: the
 * worker registers tsx itself before importing worker.ts.
 */
function startWorker(templates: string): Worker {
  const tsx = tsxApiUrl();
  const entry = pathToFileURL(`${import.meta.dirname}/worker.ts`).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: { templates } });
}

/** tsx's ESM entry (its CommonJS one cannot load its own ESM half from a worker's eval). */
function tsxApiUrl(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  return pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** One worker and its one request in flight; a crash fails that request and every later one. */
class FitWorker {
  private pending: { resolve: (row: FitRow) => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly worker: Worker) {
    let ready!: () => void;
    let notReady!: (err: Error) => void;
    this.ready = new Promise((res, rej) => ((ready = res), (notReady = rej)));
    worker.on('message', (msg: { ready?: true; row?: FitRow }) => {
      if (msg.ready) return ready();
      const p = this.pending;
      this.pending = null;
      if (msg.row) p?.resolve(msg.row);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      notReady(err);
      this.pending?.reject(err);
      this.pending = null;
    };
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`a fit worker stopped (exit ${code})`)));
  }

  fit(id: number, file: string): Promise<FitRow> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ id, file });
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error('the fit pool is closed');
    await this.worker.terminate();
  }
}

export class FitPool {
  private constructor(private readonly workers: FitWorker[]) {}

  /** Resolves once every worker has its templates loaded. */
  static async start(options: { templates?: string; threads?: number } = {}): Promise<FitPool> {
    const count = Math.max(1, options.threads ?? availableParallelism());
    const workers = Array.from({ length: count }, () => new FitWorker(startWorker(options.templates ?? SHIPPED_TEMPLATES)));
    const pool = new FitPool(workers);
    try {
      await Promise.all(workers.map((w) => w.ready));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Rows in the order of `files`. */
  async fit(files: readonly string[], onProgress?: (done: number, total: number) => void): Promise<FitRow[]> {
    const rows: FitRow[] = new Array(files.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(async (w) => {
        while (next < files.length) {
          const id = next++;
          rows[id] = await w.fit(id, files[id]!);
          onProgress?.(++done, files.length);
        }
      }),
    );
    return rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One batch on a pool of its own (started and closed here). */
export async function fitFiles(files: readonly string[], options: PoolOptions = {}): Promise<FitRow[]> {
  const pool = await FitPool.start({ templates: options.templates, threads: Math.min(files.length, options.threads ?? availableParallelism()) });
  try {
    return await pool.fit(files, options.onProgress);
  } finally {
    await pool.close();
  }
}
