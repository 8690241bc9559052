/**
 * Local cache and sync: pulling assigned items into an empty cache, fetching spectrum files
 * from a local HTTP server into the verified store, and many reviewers syncing at once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type Benchmark } from './benchmark';
import { openLocalCache } from '../src-main/cache';
import type { CentralItem, PullPage } from '../src-main/sync/contract';
import { fetchFiles } from '../src-main/files/fetch';
import { HttpSource } from '../src-main/files/source';
import { openCentralClient } from '../src-main/central/mysqlClient';
import { runSync } from '../src-main/sync/engine';
import { addPerson, adminConnection, type Person } from '../test/central/fixtures';
import type { TestDatabase } from '../test/support/mariadb';
import { assignEach, loadWorld, loginOf } from './syncLoad';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';

function pages(total: number, pageSize: number): PullPage[] {
  const batchId = randomUUID();
  const out: PullPage[] = [];
  for (let start = 0; start < total; start += pageSize) {
    const items: CentralItem[] = [];
    for (let k = start; k < Math.min(total, start + pageSize); k++) {
      items.push({
        batchId, obsid: 100_000_000 + k, position: k, assigned: true, lmjd: 58000 + (k % 300), planid: `PLAN${k % 997}`,
        spid: 1 + (k % 16), fiberid: 1 + (k % 250), ra: k / 1000, dec: -k / 2000, objtype: 'Star', tsource: 'LEGAS', mag: { g: 15.2, r: 14.8, i: 14.6 }, seeing: 2.8, moon: 0.4,
        class: 'STAR', subclass: 'G2',
        z: 0.0001, zErr: 0.00001, snr: { u: 1, g: 20, r: 30, i: 25, z: 5 }, filePath: `spec/${k}.fits.gz`, rev: String(k + 2),
      });
    }
    const last = start + pageSize >= total;
    out.push({
      batches: start === 0 ? [{ id: batchId, name: 'big', mode: 'browse', assignee: 'bench', state: 'active', createdAt: new Date().toISOString(), dueDate: null, rev: '1' }] : [],
      items, verdicts: [], problems: [], rev: String(start + items.length + 1), more: !last,
    });
  }
  return out;
}

const pullLocal: Benchmark = {
  name: 'sync: apply 100,000 pulled items to an empty cache (pages of 5,000, local side)',
  unit: 's',
  target: { kind: 'max', value: 1.5 },
  async run() {
    const all = pages(100_000, 5000);
    const samples: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-'));
      const cache = openLocalCache(join(dir, 'u.sqlite'), 'bench');
      const t0 = performance.now();
      for (const p of all) cache.applyPullPage(p);
      samples.push((performance.now() - t0) / 1000);
      const n = cache.counts().items;
      cache.close();
      rmSync(dir, { recursive: true, force: true });
      if (n !== 100_000) return { samples, pass: false, note: `cache holds ${n} items` };
    }
    return { samples };
  },
};

const fetchHttp: Benchmark = {
  name: 'sync: fetch spectrum files from a local HTTP server, verified and stored',
  unit: 'files/s',
  target: { kind: 'min', value: 1000 },
  async run() {
    const N = 2000;
    const base = readFileSync(FIXTURE);
    const server = await startFileServer(FIXTURE);
    const samples: number[] = [];
    const cpu: { user: number; system: number }[] = [];
    try {
      // Untimed: a real archive server is long-running, and a sync of thousands of files pays
      // its own start-up (JIT, first connections) once; a cold server took ~0.5 s to warm up.
      await fetchRun(server.url, 3 * N, WARM_UP);
      for (let rep = 0; rep < 3; rep++) {
        const r = await fetchRun(server.url, rep * N, N);
        samples.push(r.filesPerSecond);
        cpu.push(r.cpuMsPerFile);
        if (r.failure) return { samples, pass: false, note: r.failure };
      }
    } finally {
      server.child.kill();
    }
    const [user, system] = [median(cpu.map((c) => c.user)), median(cpu.map((c) => c.system))];
    return { samples, note: `${N} files of ${(base.length / 1024).toFixed(0)} kB; fetching process CPU ${(user + system).toFixed(2)} ms/file (user ${user.toFixed(2)}, system ${system.toFixed(2)}), median of 3` };
  },
};

const WARM_UP = 300;

/** One timed fetch of n files (numbered from `first`) into a new cache: files/s, the fetching process's CPU per file, what went wrong. */
async function fetchRun(url: string, first: number, n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-'));
  const cache = openLocalCache(join(dir, 'u.sqlite'), 'bench');
  const source = new HttpSource(url, { maxSockets: 8 });
  const wanted = Array.from({ length: n }, (_, k) => ({ obsid: k + 1, filePath: `spec/${first + k}.fits.gz` }));
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await fetchFiles(wanted, { source, store: cache.store, record: (f) => cache.ledger.recordFiles(f, new Date()) }, { concurrency: 8 });
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const counted = cache.counts().filesCached;
    return {
      filesPerSecond: n / seconds,
      cpuMsPerFile: { user: c.user / 1000 / n, system: c.system / 1000 / n },
      failure: r.failed.length || counted !== n ? `${r.failed.length} failed, ${counted} counted` : null,
    };
  } finally {
    source.close();
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A static file server in its own process (as a real one would be), answering every
 * …/N.fits.gz with the fixture whose gzip MTIME is set to N: distinct bytes, so every
 * file is hashed and written, same content to verify.
 */
async function startFileServer(fixture: string): Promise<{ url: string; child: ChildProcess }> {
  const code = `
    const http = require('node:http');
    const base = require('node:fs').readFileSync(${JSON.stringify(fixture)});
    http.createServer((req, res) => {
      const m = /(\\d+)\\.fits\\.gz$/.exec(req.url || '');
      if (!m) { res.writeHead(404); res.end(); return; }
      const body = Buffer.from(base);
      body.writeUInt32LE(Number(m[1]) >>> 0, 4);
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (c) => reject(new Error(`file server exited with ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

const pullCentral: Benchmark = {
  name: 'sync: pull 100,000 assigned items from MariaDB into an empty cache',
  unit: 's',
  target: { kind: 'max', value: 1.5 },
  async run() {
    const w = await loadWorld({ plans: 25, spectrographs: 16, fibers: 250 });
    try {
      const reviewer = await addPerson(w.db, 'reviewer', 'benchpull');
      await assignEach(w, [reviewer], 100_000);
      const samples: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-'));
        const cache = openLocalCache(join(dir, 'u.sqlite'), reviewer.user);
        const t0 = performance.now();
        const r = await runSync(depsFor(cache, w.db, reviewer));
        samples.push((performance.now() - t0) / 1000);
        const items = cache.counts().items;
        cache.close();
        rmSync(dir, { recursive: true, force: true });
        if (r.error || items !== 100_000) return { samples, pass: false, note: r.error ?? `cache holds ${items} items` };
      }
      return { samples, note: 'whole sync: sign-in, pull pages of 5,000, apply' };
    } finally {
      await w.close();
    }
  },
};

const REVIEWERS = 500;
const VERDICTS_EACH = 20;

const load: Benchmark = {
  name: `sync: ${REVIEWERS} reviewers, each with its own connection, sync at once (pull ${VERDICTS_EACH} items, push ${VERDICTS_EACH} verdicts)`,
  unit: 's',
  target: null,
  async run() {
    const w = await loadWorld({ plans: 4, spectrographs: 16, fibers: 250 }, REVIEWERS + 50);
    const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-'));
    try {
      const people: Person[] = [];
      for (let k = 0; k < REVIEWERS; k += 25) {
        people.push(...(await Promise.all(Array.from({ length: 25 }, () => addPerson(w.db, 'reviewer', 'load')))));
      }
      await assignEach(w, people, VERDICTS_EACH);
      const caches = people.map((p) => openLocalCache(join(dir, `${p.user}.sqlite`), p.user));
      // First sync (pull only), one at a time: sets up each reviewer's cache.
      for (const [k, p] of people.entries()) await runSync(depsFor(caches[k]!, w.db, p));
      for (const c of caches) {
        const b = c.listBatches()[0]!;
        for (const i of c.listItems(b.id)) c.addVerdict({ obsid: i.obsid, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 3, flags: [], comment: 'load' }, new Date());
      }
      const samples = await Promise.all(
        people.map(async (p, k) => {
          const t0 = performance.now();
          const r = await runSync(depsFor(caches[k]!, w.db, p));
          if (r.error) throw new Error(`${p.user}: ${r.error}`);
          return (performance.now() - t0) / 1000;
        }),
      );
      const pending = caches.reduce((n, c) => n + c.counts().outboxPending, 0);
      for (const c of caches) c.close();
      const admin = await adminConnection(w.db);
      const [rows] = await admin.query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM humanverify WHERE comment = 'load'");
      await admin.end();
      const { n, d } = (rows as { n: number; d: number }[])[0]!;
      const expected = REVIEWERS * VERDICTS_EACH;
      const intact = Number(n) === expected && Number(d) === expected && pending === 0;
      return { samples, pass: intact, note: `${n} central rows of ${expected} expected, ${pending} left in outboxes; p95 is the figure to read` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await w.close();
    }
  },
};

function depsFor(cache: ReturnType<typeof openLocalCache>, db: TestDatabase, p: Pick<Person, 'user' | 'password'>) {
  const login = loginOf(db, p);
  return {
    cache,
    openClient: () => openCentralClient(login, { poolSize: 1 }),
    server: { host: login.host, port: login.port },
    files: null,
    clock: () => new Date(),
  };
}

export const benchmarks: Benchmark[] = [pullLocal, pullCentral, fetchHttp, load];
