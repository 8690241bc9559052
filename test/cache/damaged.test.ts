/**
 * A damaged cache is noticed before anything is written to it (issue 16, finding 9): on open
 * SQLite's quick_check runs; a damaged or emptied file is moved aside (never written to, never
 * treated as new), the message says what happened and what to do, and status keeps naming the
 * copy — an unsent verdict is never silently gone. Real SQLite files, the CLI in-process.
 */
import { closeSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheDamagedError, resolveCacheFile, openLocalCache } from '../../src-main/cache';
import { runCli } from '../support/cli';
import { batchOf, itemsOf, page } from './pages';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-damaged-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const target = { host: '127.0.0.1', port: 9, database: 'specvet', user: 'alice' };
const env = () => ({ SPECVET_HOME: home, SPECVET_CENTRAL: 'mysql://alice:pw@127.0.0.1:9/specvet' });

/** A cache with a batch and one unsent verdict, closed (so everything is in the main file). */
function cacheWithUnsentVerdict(): string {
  const file = resolveCacheFile(home, { nodes: [target], database: target.database, user: target.user });
  const cache = openLocalCache(file, 'alice');
  const b = batchOf();
  cache.applyPullPage(page({ batches: [b], items: itemsOf(b.id, 200, 1), rev: '3' }));
  cache.addVerdict({ obsid: 1, batchId: b.id, class: 'QSO', subclass: '', z: 1.5, quality: 4, flags: [], comment: 'unsent' }, new Date());
  cache.close();
  return file;
}

/** Overwrites `n` random 64-byte runs past the 100-byte header, seeded: what a bad disk or a stray write does. */
function scribble(file: string, seed: number, n = 200): void {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x / 2 ** 31);
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  for (let k = 0; k < n; k++) {
    const junk = Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256)));
    writeSync(fd, junk, 0, junk.length, 100 + Math.floor(next() * (size - 164)));
  }
  closeSync(fd);
}

const asideOf = (file: string) => readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.damaged-`));

describe('a cache damaged by random overwrites', () => {
  it.each([1, 2, 3])('seed %i: is refused on open, moved aside, and nothing is written to it', (seed) => {
    const file = cacheWithUnsentVerdict();
    scribble(file, seed);
    const before = statSync(file).size;
    let err: unknown;
    try {
      openLocalCache(file, 'alice').close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CacheDamagedError);
    expect((err as Error).message).toMatch(/^cache .*alice\.sqlite is damaged \(.+\); moved aside to .*alice\.sqlite\.damaged-[0-9TZ-]+ and not written to — your unsent work may be in it: keep that file and ask your SpecVet admin; the next start makes a new cache and pulls your batches again$/);
    expect((err as Error).message).not.toContain('\n');
    expect(existsSync(file)).toBe(false);
    const [aside] = asideOf(file);
    expect(statSync(join(dirname(file), aside!)).size).toBe(before);
  });

  it('specvet sync exits 1 with one line; status then says a malformed cache was kept aside', async () => {
    const file = cacheWithUnsentVerdict();
    scribble(file, 7);
    const sync = await runCli(['sync'], env());
    expect(sync.code).toBe(1);
    expect(sync.stderr.trim().split('\n')).toHaveLength(1);
    expect(sync.stderr).toMatch(/^specvet: cache .* is damaged .*moved aside to .*\.damaged-/);
    const status = await runCli(['status'], env());
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/a damaged \(malformed\) cache was kept aside: .*alice\.sqlite\.damaged-.*; its unsent work was not pushed/);
    const json = JSON.parse((await runCli(['status', '--json'], env())).stdout) as { damagedCaches: string[] };
    expect(json.damagedCaches).toHaveLength(1);
  });
});

describe('an emptied cache file', () => {
  it('a 0-byte cache is refused with a message, not treated as new', () => {
    const file = cacheWithUnsentVerdict();
    truncateSync(file, 0);
    expect(() => openLocalCache(file, 'alice')).toThrow(CacheDamagedError);
    expect(asideOf(file)).toHaveLength(1);
    // Only now, with the empty file kept aside and named in status, does a new cache start.
    const fresh = openLocalCache(file, 'alice');
    expect(fresh.counts().batches).toBe(0);
    fresh.close();
  });

  it('a new cache is never a 0-byte file at its final name, even for a moment', () => {
    const file = join(home, 'new', 'bob.sqlite');
    const cache = openLocalCache(file, 'bob');
    expect(statSync(file).size).toBeGreaterThan(0);
    cache.close();
    expect(readdirSync(dirname(file)).filter((f) => f.includes('.new-'))).toEqual([]);
  });
});
