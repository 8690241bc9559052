/**
 * `specvet fit` on all cores: one worker thread per core, each with its own template
 * library, files handed out one at a time so a slow file never holds up a queue.
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

/** Rows in the order of `files`. */
export async function fitFiles(files: readonly string[], options: PoolOptions = {}): Promise<FitRow[]> {
  const rows: FitRow[] = new Array(files.length);
  const count = Math.max(1, Math.min(files.length, options.threads ?? availableParallelism()));
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, () => startWorker(options.templates ?? SHIPPED_TEMPLATES));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= files.length) return resolve();
              const id = next++;
              w.postMessage({ id, file: files[id]! });
            };
            w.on('message', (msg: { ready?: true; id?: number; row?: FitRow }) => {
              if (msg.row && msg.id !== undefined) {
                rows[msg.id] = msg.row;
                options.onProgress?.(++done, files.length);
              }
              give();
            });
            w.once('error', reject);
            w.once('exit', (code) => (next < files.length || done < files.length ? reject(new Error(`a fit worker stopped (exit ${code})`)) : resolve()));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return rows;
}
