import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLocalCache, type SqliteCache } from '../../src-main/cache';
import { fetchFiles } from '../../src-main/files/fetch';
import { DirectorySource, HttpSource, type FileSource } from '../../src-main/files/source';
import { batchOf, itemsOf, page } from '../cache/pages';

const FIXTURES = '/work/shared/fixtures/lamost';
const GOOD = ['spec-57287-KP193637N444141V03_sp10-161.fits.gz', 'spec-58397-EG014118N254444M01_sp03-031.fits', '3703110.fits'];
const N = 12;

let dir: string;
let dataDir: string;
let server: Server;
let baseUrl: string;
/** Requests per path, and paths the server misbehaves on. */
const hits = new Map<string, number>();
const cutOnce = new Set<string>();
const cutAlways = new Set<string>();
const fail500Once = new Set<string>();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'specvet-data-'));
  mkdirSync(join(dataDir, 'spec'), { recursive: true });
  for (let k = 0; k < N; k++) copyFileSync(join(FIXTURES, GOOD[k % GOOD.length]!), join(dataDir, 'spec', `${1000 + k}.fits.gz`));
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname).slice(1);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dataDir, path));
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    if (fail500Once.delete(path)) {
      res.writeHead(500).end('busy');
      return;
    }
    if (cutAlways.has(path) || cutOnce.delete(path)) {
      res.writeHead(200, { 'content-length': bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 1), () => res.socket?.destroy());
      return;
    }
    res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

let cache: SqliteCache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specvet-files-'));
  cache = openLocalCache(join(dir, 'u.sqlite'), 'alice');
  const b = batchOf();
  cache.applyPullPage(page({ batches: [b], items: itemsOf(b.id, N, 1000), rev: '5' }));
  hits.clear();
  cutOnce.clear();
  cutAlways.clear();
  fail500Once.clear();
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps(source: FileSource, extra: Partial<Parameters<typeof fetchFiles>[1]> = {}) {
  return {
    source,
    store: cache.store,
    record: (r: Parameters<SqliteCache['ledger']['recordFiles']>[0]) => cache.ledger.recordFiles(r, new Date()),
    sleep: async () => {},
    ...extra,
  };
}

function storeListing(): string[] {
  const out: string[] = [];
  for (const sub of readdirSync(cache.store.dir)) for (const f of readdirSync(join(cache.store.dir, sub))) out.push(f);
  return out;
}

describe('spectrum file fetch', () => {
  it('fetches every missing file over HTTP, verified and byte-identical, with progress', async () => {
    const source = new HttpSource(baseUrl);
    const progress: number[] = [];
    const r = await fetchFiles(cache.ledger.missingFiles(), deps(source, { onProgress: (d) => progress.push(d) }), { concurrency: 4 });
    source.close();
    expect(r).toEqual({ fetched: N, failed: [] });
    expect(progress).toEqual(Array.from({ length: N }, (_, k) => k + 1));
    expect(cache.counts().filesCached).toBe(N);
    for (let k = 0; k < N; k++) {
      expect(readFileSync(cache.cachedFile(1000 + k)!).equals(readFileSync(join(dataDir, 'spec', `${1000 + k}.fits.gz`)))).toBe(true);
    }
    // Three distinct contents: the store keeps each once.
    expect(storeListing()).toHaveLength(GOOD.length);
  });

  it('retries a connection cut mid-body and a 500; a file cut every time is not counted', async () => {
    cutOnce.add('spec/1001.fits.gz');
    fail500Once.add('spec/1002.fits.gz');
    cutAlways.add('spec/1003.fits.gz');
    const source = new HttpSource(baseUrl);
    const r = await fetchFiles(cache.ledger.missingFiles(), deps(source), { retries: 2 });
    source.close();
    expect(r.fetched).toBe(N - 1);
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatchObject({ obsid: 1003, filePath: 'spec/1003.fits.gz' });
    expect(r.failed[0]!.reason).toMatch(/cut|bytes|socket hang up|aborted/);
    expect(hits.get('spec/1003.fits.gz')).toBe(3);
    expect(cache.cachedFile(1003)).toBeNull();
    expect(cache.ledger.missingFiles().map((f) => f.obsid)).toEqual([1003]);
    expect(storeListing().filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('an interrupted fetch resumes: the next run asks only for what is missing', async () => {
    const source = new HttpSource(baseUrl);
    const stop = new AbortController();
    const first = await fetchFiles(cache.ledger.missingFiles(), deps(source, { signal: stop.signal, onProgress: (d) => d === 5 && stop.abort() }), {
      concurrency: 1,
    });
    expect(first.fetched).toBe(5);
    const missing = cache.ledger.missingFiles().map((f) => f.filePath);
    expect(missing).toHaveLength(N - 5);
    hits.clear();
    const second = await fetchFiles(cache.ledger.missingFiles(), deps(source), { concurrency: 3 });
    source.close();
    expect(second).toEqual({ fetched: N - 5, failed: [] });
    expect([...hits.keys()].sort()).toEqual([...missing].sort());
    expect(cache.ledger.missingFiles()).toEqual([]);
  });

  it('reads from a directory; a corrupt or missing file is reported, not counted', async () => {
    writeFileSync(join(dataDir, 'spec', '1004.fits.gz'), readFileSync(join(FIXTURES, GOOD[0]!)).subarray(0, 20_000));
    rmSync(join(dataDir, 'spec', '1005.fits.gz'));
    try {
      const r = await fetchFiles(cache.ledger.missingFiles(), deps(new DirectorySource(dataDir)), { retries: 1 });
      expect(r.fetched).toBe(N - 2);
      expect(r.failed.map((f) => f.obsid).sort()).toEqual([1004, 1005]);
      expect(r.failed.find((f) => f.obsid === 1004)!.reason).toMatch(/gzip|truncated/);
      expect(r.failed.find((f) => f.obsid === 1005)!.reason).toMatch(/no such file/);
      expect(cache.cachedFile(1004)).toBeNull();
    } finally {
      copyFileSync(join(FIXTURES, GOOD[1]!), join(dataDir, 'spec', '1004.fits.gz'));
      copyFileSync(join(FIXTURES, GOOD[2]!), join(dataDir, 'spec', '1005.fits.gz'));
    }
  });

  it('refuses paths that leave the data source', async () => {
    await expect(new DirectorySource(dataDir).get('../etc/passwd')).rejects.toThrow(/inside the data source/);
    await expect(new HttpSource(baseUrl).get('/etc/passwd')).rejects.toThrow(/inside the data source/);
  });
});
