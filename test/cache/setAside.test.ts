/**
 * The local schema takes whatever the central schema allows (a spectrum without a target_info
 * row has no ra/dec), and a pulled row the cache still cannot take is set aside with its reason
 * while the rest of its page lands: one bad central row never blocks a sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalCache, type SqliteCache } from '../../src-main/cache';
import type { CentralBatch } from '../../src-main/sync/contract';
import { batchOf, itemsOf, page, verdictOf } from './pages';

let dir: string;
let cache: SqliteCache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specvet-setaside-'));
  cache = openLocalCache(join(dir, 'alice.sqlite'), 'alice');
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pulled rows the central schema allows', () => {
  it('keeps an item without ra/dec (no target_info row) and shows them as missing', () => {
    const b = batchOf();
    const [odd, ...rest] = itemsOf(b.id, 3, 500);
    cache.applyPullPage(page({ batches: [b], items: [{ ...odd!, ra: null, dec: null }, ...rest], rev: '9' }));
    const items = cache.listItems(b.id);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ obsid: 500, ra: null, dec: null });
    expect(items[1]!.ra).toBeCloseTo(10.001);
    expect(cache.ledger.watermark()).toBe('9');
    expect(cache.listSetAside()).toEqual([]);
  });
});

describe('a pulled row the cache cannot take', () => {
  it('is set aside with its reason while the rest of the page lands, and is taken once central sends it fixed', () => {
    const good = batchOf({ name: 'good' });
    // What a newer central schema might send: a review mode this SpecVet does not know.
    const newer = batchOf({ name: 'newer', mode: 'tile' as CentralBatch['mode'] });
    const items = itemsOf(good.id, 4, 100);
    const v = verdictOf({ obsid: 100, batchId: good.id });
    cache.applyPullPage(page({ batches: [good, newer], items, verdicts: [v], rev: '20' }));

    expect(cache.listBatches().map((b) => b.name)).toEqual(['good']);
    expect(cache.listItems(good.id)).toHaveLength(4);
    expect(cache.verdictHistory(100)).toHaveLength(1);
    expect(cache.ledger.watermark()).toBe('20');
    const aside = cache.listSetAside();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ kind: 'batch', key: newer.id, rev: '1' });
    expect(aside[0]!.reason).toMatch(/CHECK constraint failed/);
    expect(cache.counts().pulledSetAside).toBe(1);

    // Central fixes the row (a new revision): it lands and is no longer set aside.
    cache.applyPullPage(page({ batches: [{ ...newer, mode: 'browse', rev: '21' }], rev: '21' }));
    expect(cache.listBatches().map((b) => b.name).sort()).toEqual(['good', 'newer']);
    expect(cache.listSetAside()).toEqual([]);
  });

  it('an item the cache cannot take does not keep the verdicts of the page out', () => {
    const b = batchOf();
    const items = itemsOf(b.id, 3, 700);
    const broken = { ...items[1]!, z: Number.NaN };
    cache.applyPullPage(page({ batches: [b], items: [items[0]!, broken, items[2]!], verdicts: [verdictOf({ obsid: 700, batchId: b.id })], rev: '5' }));
    expect(cache.listItems(b.id).map((i) => i.obsid)).toEqual([700, 702]);
    expect(cache.listSetAside()).toMatchObject([{ kind: 'item', key: `${b.id}/701`, reason: expect.stringMatching(/NOT NULL constraint failed: item\.z/) }]);
    expect(cache.verdictHistory(700)).toHaveLength(1);
  });
});
