/**
 * What the browse grid and the spectrograph view rely on in the local cache: a browse batch's
 * done count is "has a verdict, or lies before the bookmark" (seen and not corrected is
 * accepted); a single batch's stays verdicts only. A problem report over fibres an open report
 * on the same spectrograph covers is refused, naming both ranges; elsewhere it is filed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalCache, type SqliteCache } from '../../src-main/cache';
import { ProblemOverlapError } from '../../src-main/cache/localCache';
import { batchOf, itemsOf, page } from './pages';

const now = new Date('2026-12-01T08:00:00.000Z');
let dir: string;
let cache: SqliteCache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specvet-browse-'));
  cache = openLocalCache(join(dir, 'cache', 'srv', 'alice.sqlite'), 'alice');
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browse done count', () => {
  it('counts the spectra before the bookmark and those with a verdict after it', () => {
    const browse = batchOf({ mode: 'browse' });
    const single = batchOf({ name: 'B2' });
    cache.applyPullPage(page({ batches: [browse, single], items: [...itemsOf(browse.id, 30, 1000), ...itemsOf(single.id, 30, 2000)], rev: '3' }));
    cache.setBookmark(browse.id, 20, now);
    cache.setBookmark(single.id, 20, now);
    // One correction on the first page (already counted as seen) and one past the bookmark.
    for (const obsid of [1003, 1025, 2003]) {
      cache.addVerdict({ obsid, batchId: obsid < 2000 ? browse.id : single.id, class: 'GALAXY', subclass: '', z: 0.1, quality: 3, flags: [], comment: '' }, now);
    }
    const done = new Map(cache.listBatches().map((b) => [b.mode, b.reviewedCount]));
    expect(done.get('browse')).toBe(21);
    expect(done.get('single')).toBe(1);
  });
});

describe('problem reports on a spectrograph', () => {
  const at = { lmjd: 58530, planid: 'GAC004035N394658B01', spid: 14 };
  const report = (fiberFrom: number, fiberTo: number) => ({ ...at, fiberFrom, fiberTo, type: 'stray-light', origin: '2d' as const, text: 'block lifted' });

  it('refuses a range over an open report, files one beside it or on another spectrograph', () => {
    cache.addProblem(report(91, 119), now);
    expect(() => cache.addProblem(report(119, 125), now)).toThrow(ProblemOverlapError);
    expect(() => cache.addProblem(report(80, 200), now)).toThrow('fibres 80–200 overlap the open report on fibres 91–119 (stray-light)');
    cache.addProblem(report(120, 125), now);
    cache.addProblem({ ...report(91, 119), spid: 15 }, now);
    expect(cache.problemsOn(at).map((p) => [p.fiberFrom, p.fiberTo, p.state, p.pushed])).toEqual([
      [91, 119, 'open', false],
      [120, 125, 'open', false],
    ]);
    expect(cache.counts().outboxPending).toBe(3);
  });
});
