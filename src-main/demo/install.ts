/**
 * The first-start demo: a small synthetic survey (real FITS files) in SPECVET_HOME/demo, loaded
 * into the demo user's local cache with one batch of each review mode, so a new user reviews
 * real spectra with no server. Done once; later starts only check a marker file.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheFile, DEMO_USER, openLocalCache, type OpenCacheOptions, type SqliteCache } from '../cache';
import type { FileRecord } from '../files/records';
import { bundleFile, bundleFilesDir, readBundle } from '../survey/bundle';
import { demoBatches, demoUuid, type DemoLimits } from './demoBatches';
import { demoHistory } from './demoHistory';
import { generateSurvey } from './generate';

export interface DemoOptions {
  /** Spectra in the synthetic survey (default 300: a first start well under a second). */
  count?: number;
  seed?: number;
  /** Most spectra in the single and browse batches (the benchmark pages through thousands). */
  limits?: DemoLimits;
  cache?: OpenCacheOptions;
  clock?: () => Date;
}

export interface DemoInstall {
  /** The demo user's cache file. */
  cacheFile: string;
  /** The survey bundle folder (survey.json + files/). */
  dir: string;
  /** True when this call created it (the first start). */
  created: boolean;
}

const MARKER = 'installed.json';
export const DEMO_COUNT = 300;
export const DEMO_SEED = 20_240_601;

/** Files are verified and copied into the content-addressed store a few at a time. */
const STORE_CONCURRENCY = 8;

async function storeAll(cache: SqliteCache, filesDir: string, files: [number, string][]): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [obsid, path] = files[next++]!;
      const stored = await cache.store.put(await readFile(join(filesDir, path)), `demo spectrum ${path}`);
      records.push({ obsid, ...stored });
    }
  };
  await Promise.all(Array.from({ length: STORE_CONCURRENCY }, worker));
  return records;
}

export const demoDir = (home: string) => join(home, 'demo');

export async function ensureDemo(home: string, opts: DemoOptions = {}): Promise<DemoInstall> {
  const dir = demoDir(home);
  const file = cacheFile(home, { kind: 'demo' });
  if (existsSync(join(dir, MARKER)) && existsSync(file)) return { cacheFile: file, dir, created: false };

  if (!existsSync(bundleFile(dir))) {
    await generateSurvey(dir, { count: opts.count ?? DEMO_COUNT, seed: opts.seed ?? DEMO_SEED });
  }
  const bundle = await readBundle(dir);
  const now = (opts.clock ?? (() => new Date()))();
  const rows = demoBatches(bundle, DEMO_USER, now.toISOString(), opts.limits);
  const cache = openLocalCache(file, DEMO_USER, opts.cache);
  try {
    // The same path a sync takes: one page, applied in one transaction with its watermark.
    const verdicts = demoHistory(rows.items, demoUuid('single'), now.toISOString());
    cache.applyPullPage({ batches: rows.batches, items: rows.items, verdicts, problems: [], rev: '1', more: false });
    const obsids = new Map(rows.items.map((i) => [i.obsid, i.filePath]));
    const records = await storeAll(cache, bundleFilesDir(dir), [...obsids]);
    // One transaction for every file record: one fsync instead of one per file.
    cache.ledger.recordFiles(records, now);
  } finally {
    cache.close();
  }
  // Written last: an install cut short is redone (every step above is idempotent).
  await writeFile(join(dir, MARKER), JSON.stringify({ at: now.toISOString(), spectra: bundle.spec_info.length }));
  return { cacheFile: file, dir, created: true };
}
