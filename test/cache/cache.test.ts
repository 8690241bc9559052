import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFile, CacheOwnerError, CacheSchemaError, openLocalCache, SCHEMA_VERSION, type SqliteCache } from '../../src-main/cache';
import { batchOf, itemsOf, page, verdictOf } from './pages';
import type { VerdictFlag } from '../../shared/verdictFlags';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';
const now = new Date('2026-11-24T08:00:00.000Z');
let dir: string;
let cache: SqliteCache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specvet-cache-'));
  cache = openLocalCache(join(dir, 'cache', 'srv', 'alice.sqlite'), 'alice');
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

function loadBatch(n = 5) {
  const b = batchOf();
  cache.applyPullPage(page({ batches: [b], items: itemsOf(b.id, n, 1000), rev: '7' }));
  return b;
}

describe('local cache', () => {
  it('creates a WAL database at the current schema version', () => {
    const db = new Database(cache.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a cache written by an older SpecVet in place, keeping its work', () => {
    const b = loadBatch(2);
    const v = cache.addVerdict({ obsid: 1000, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 1, flags: [], comment: 'kept' }, now);
    const file = cache.file;
    cache.close();
    // What 1000-initial alone left behind.
    const old = new Database(file);
    old.exec(`DROP INDEX verdict_by_spectrum; CREATE INDEX verdict_by_spectrum ON verdict (reviewer, obsid, seq);
      DROP TRIGGER verdict_sent; DROP TABLE verdict_sending;
      ALTER TABLE verdict DROP COLUMN refused; ALTER TABLE verdict DROP COLUMN refused_at;
      ALTER TABLE problem DROP COLUMN refused; ALTER TABLE problem DROP COLUMN refused_at;
      ALTER TABLE bookmark DROP COLUMN refused; ALTER TABLE bookmark DROP COLUMN refused_at;
      ALTER TABLE problem DROP COLUMN handled_by; ALTER TABLE problem DROP COLUMN handled_at;
      ALTER TABLE problem DROP COLUMN handled_note; ALTER TABLE problem DROP COLUMN rev;
      DROP TABLE pull_set_aside; DROP TABLE file_failure; ALTER TABLE batch DROP COLUMN due_date;
      ALTER TABLE item DROP COLUMN tsource; ALTER TABLE item DROP COLUMN mag_g; ALTER TABLE item DROP COLUMN mag_r;
      ALTER TABLE item DROP COLUMN mag_i; ALTER TABLE item DROP COLUMN seeing; ALTER TABLE item DROP COLUMN moon;`);
    old.pragma('user_version = 1000');
    old.close();
    cache = openLocalCache(file, 'alice');
    expect(cache.findItem(1000)!.verdict).toEqual(v);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.pragma('index_info(verdict_by_spectrum)') as { name: string }[]).map((c) => c.name)).toEqual(['reviewer', 'obsid', 'created_at', 'seq']);
    // 1030: ra/dec nullable as centrally, the items kept.
    const columns = db.pragma('table_info(item)') as { name: string; notnull: number }[];
    expect(columns.filter((c) => c.name === 'ra' || c.name === 'dec').map((c) => c.notnull)).toEqual([0, 0]);
    expect(cache.listItems(b.id)).toHaveLength(2);
    db.close();
  });

  it('refuses a cache written by a newer SpecVet, and another person’s cache', () => {
    const file = cache.file;
    cache.close();
    const db = new Database(file);
    db.pragma('user_version = 1999');
    db.close();
    expect(() => openLocalCache(file, 'alice')).toThrow(CacheSchemaError);
    expect(() => openLocalCache(file, 'alice')).toThrow(/newer SpecVet.*update SpecVet/);
    const db2 = new Database(file);
    db2.pragma(`user_version = ${SCHEMA_VERSION}`);
    db2.close();
    expect(() => openLocalCache(file, 'bob')).toThrow(CacheOwnerError);
    cache = openLocalCache(file, 'alice');
  });

  it('applies a pulled page with its watermark and lists batches and items in order', () => {
    const b = batchOf({ name: 'stars-1', mode: 'browse' });
    const items = itemsOf(b.id, 4, 500).reverse();
    cache.applyPullPage(page({ batches: [b], items, rev: '42', more: true }));
    expect(cache.ledger.watermark()).toBe('42');
    const [summary] = cache.listBatches();
    expect(summary).toMatchObject({ id: b.id, name: 'stars-1', mode: 'browse', itemCount: 4, reviewedCount: 0, bookmark: null });
    const listed = cache.listItems(b.id);
    expect(listed.map((i) => i.obsid)).toEqual([500, 501, 502, 503]);
    expect(listed[1]).toMatchObject({ planid: 'PLAN1', spid: 2, fiberid: 2, cached: false, verdict: null, assigned: true });
    expect(listed[1]!.pipeline.snr).toEqual({ u: 1, g: 11, r: null, i: 12, z: 3 });
    expect(cache.listItems('no-such-batch')).toEqual([]);
  });

  it('keeps local work on an item that central unassigned (a tombstone)', () => {
    const b = loadBatch(3);
    const v = cache.addVerdict({ obsid: 1001, batchId: b.id, class: 'QSO', subclass: '', z: 2.1, quality: 4, flags: [], comment: 'broad lines' }, now);
    const gone = itemsOf(b.id, 3, 1000)[1]!;
    cache.applyPullPage(page({ items: [{ ...gone, assigned: false, rev: '8' }], rev: '8' }));
    const item = cache.listItems(b.id).find((i) => i.obsid === 1001)!;
    expect(item.assigned).toBe(false);
    expect(item.verdict?.id).toBe(v.id);
    expect(cache.counts()).toMatchObject({ items: 2, outboxPending: 1 });
    expect(cache.ledger.outbox({ verdicts: 10, problems: 10, bookmarks: 10 }).verdicts.map((x) => x.id)).toEqual([v.id]);
  });

  it('a late, older page never undoes a newer one (two syncs of one cache)', () => {
    const b = batchOf({ rev: '10' });
    const [item] = itemsOf(b.id, 1, 700, { rev: '12' });
    cache.applyPullPage(page({ batches: [b], items: [{ ...item!, assigned: false }], rev: '12' }));
    cache.applyPullPage(page({ batches: [{ ...b, name: 'old name', rev: '5' }], items: [{ ...item!, assigned: true, rev: '6' }], rev: '6' }));
    expect(cache.ledger.watermark()).toBe('12');
    expect(cache.listBatches()[0]!.name).toBe('B1');
    expect(cache.listItems(b.id)[0]!.assigned).toBe(false);
  });

  it("counts a batch's done spectra by the verdicts made in that batch, and says when it was last opened", () => {
    const a = batchOf({ name: 'A' });
    const b = batchOf({ name: 'B', createdAt: '2026-11-02T00:00:00.000Z' });
    // Spectrum 1000 is in both batches.
    cache.applyPullPage(page({ batches: [a, b], items: [...itemsOf(a.id, 3, 1000), ...itemsOf(b.id, 2, 999)], rev: '7' }));
    cache.addVerdict({ obsid: 1000, batchId: a.id, class: 'STAR', subclass: '', z: 0, quality: 3, flags: [], comment: '' }, now);
    cache.setBookmark(a.id, 1, now);
    const [inA, inB] = cache.listBatches();
    expect(inA).toMatchObject({ name: 'A', itemCount: 3, reviewedCount: 1, bookmark: 1, lastOpened: now.toISOString() });
    expect(inB).toMatchObject({ name: 'B', itemCount: 2, reviewedCount: 0, bookmark: null, lastOpened: null });
  });

  it('a changed verdict supersedes the previous one; undo withdraws only unpushed ones', () => {
    const b = loadBatch();
    const base = { obsid: 1002, batchId: b.id, subclass: '', z: 0, quality: 3 as const, flags: [] as VerdictFlag[], comment: '' };
    const first = cache.addVerdict({ ...base, class: 'STAR' }, now);
    const second = cache.addVerdict({ ...base, class: 'GALAXY', z: 0.05 }, new Date(now.getTime() + 1000));
    expect(second.supersedes).toBe(first.id);
    expect(cache.findItem(1002)?.verdict?.id).toBe(second.id);
    expect(cache.listBatches()[0]!.reviewedCount).toBe(1);
    cache.ledger.markSent(cache.ledger.outbox({ verdicts: 1, problems: 0, bookmarks: 0 }));
    const third = cache.addVerdict({ ...base, class: 'QSO', z: 1.5 }, new Date(now.getTime() + 2000));
    const inFlight = cache.ledger.claim(cache.ledger.outbox({ verdicts: 10, problems: 0, bookmarks: 0 }));
    // Being pushed: not withdrawn under the push's feet, and the person is told why.
    expect(() => cache.undoLastVerdict()).toThrow(/being sent to the central server right now .*; change it with a new verdict instead$/);
    cache.ledger.release(inFlight);
    expect(cache.undoLastVerdict()?.id).toBe(third.id);
    expect(cache.undoLastVerdict()?.id).toBe(second.id);
    expect(cache.findItem(1002)?.verdict).toMatchObject({ id: first.id, pushed: true });
    expect(cache.undoLastVerdict()).toBeNull();
  });

  it('rejects invalid input with the zod schemas and stores nothing', () => {
    const b = loadBatch();
    // @ts-expect-error -- quality 9 on purpose: the schema must refuse at run time what the type forbids.
    expect(() => cache.addVerdict({ obsid: 1000, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 9, flags: [], comment: '' }, now)).toThrow();
    expect(() =>
      cache.addProblem({ lmjd: 58000, planid: 'P', spid: 3, fiberFrom: 20, fiberTo: 10, type: 'stray-light', origin: '2d', text: '' }, now),
    ).toThrow(/start fibre/);
    expect(cache.counts().outboxPending).toBe(0);
  });

  it('stores awkward text verbatim', () => {
    const b = loadBatch();
    const nasty = `quote ' double " back \\ nul \u0000 end ${'🔭'.repeat(2500)} '); DROP TABLE humanverify; --`;
    const v = cache.addVerdict({ obsid: 1000, batchId: b.id, class: 'STAR', subclass: "K'3", z: 0, quality: 2, flags: ['two-objects'], comment: nasty }, now);
    const p = cache.addProblem({ lmjd: 58000, planid: "P'1", spid: 3, fiberFrom: 1, fiberTo: 250, type: 'stray-light', origin: 'raw', text: nasty }, now);
    cache.close();
    cache = openLocalCache(join(dir, 'cache', 'srv', 'alice.sqlite'), 'alice');
    const back = cache.findItem(1000)!.verdict!;
    expect(back).toEqual(v);
    expect(back.comment).toBe(nasty);
    expect(cache.listProblems()[0]).toEqual(p);
    const out = cache.ledger.outbox({ verdicts: 10, problems: 10, bookmarks: 10 });
    expect(out.verdicts[0]!.comment).toBe(nasty);
    expect(out.problems[0]!.text).toBe(nasty);
  });

  it('a pulled copy of a local verdict confirms it, and central history is kept', () => {
    const b = loadBatch();
    const mine = cache.addVerdict({ obsid: 1003, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 3, flags: [], comment: '' }, now);
    const theirs = verdictOf({ obsid: 1003, batchId: b.id, reviewer: 'bob' });
    cache.applyPullPage(page({ verdicts: [{ ...mine, rev: '9' } as never, theirs], rev: '9' }));
    expect(cache.counts().outboxPending).toBe(0);
    expect(cache.verdictHistory(1003).map((v) => v.reviewer).sort()).toEqual(['alice', 'bob']);
    expect(cache.findItem(1003)!.verdict!.id).toBe(mine.id);
  });

  it("an item carries the other reviewers' verdicts on its spectrum: each one's newest, oldest first, never yours", () => {
    const b = loadBatch();
    cache.addVerdict({ obsid: 1002, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 3, flags: [], comment: '' }, now);
    const bobOld = verdictOf({ obsid: 1002, batchId: b.id, reviewer: 'bob', z: 0.1, createdAt: '2026-11-01T00:00:00.000Z' });
    const bobNew = verdictOf({ obsid: 1002, batchId: b.id, reviewer: 'bob', class: 'QSO', z: 1.5, supersedes: bobOld.id, createdAt: '2026-11-03T00:00:00.000Z', rev: '4' });
    const carol = verdictOf({ obsid: 1002, batchId: b.id, reviewer: 'carol', createdAt: '2026-11-02T00:00:00.000Z', rev: '5' });
    const elsewhere = verdictOf({ obsid: 1004, batchId: b.id, reviewer: 'carol', rev: '6' });
    cache.applyPullPage(page({ verdicts: [bobOld, bobNew, carol, elsewhere], rev: '9' }));

    const item = cache.listItems(b.id).find((i) => i.obsid === 1002)!;
    expect(item.history.map((v) => [v.reviewer, v.class, v.z])).toEqual([
      ['carol', 'GALAXY', 0.1],
      ['bob', 'QSO', 1.5],
    ]);
    expect(item.verdict!.reviewer).toBe('alice');
    expect(cache.findItem(1002)!.history.map((v) => v.id)).toEqual([carol.id, bobNew.id]);
    expect(cache.listItems(b.id).find((i) => i.obsid === 1004)!.history.map((v) => v.reviewer)).toEqual(['carol']);
    expect(cache.listItems(b.id).find((i) => i.obsid === 1000)!.history).toEqual([]);
  });

  it('bookmarks: the newest position is pushed; one moved during a push stays unsent', () => {
    const b = loadBatch();
    cache.setBookmark(b.id, 3, now);
    const inFlight = cache.ledger.outbox({ verdicts: 0, problems: 0, bookmarks: 10 });
    cache.setBookmark(b.id, 4, new Date(now.getTime() + 5));
    cache.ledger.markSent(inFlight);
    expect(cache.ledger.outbox({ verdicts: 0, problems: 0, bookmarks: 10 }).bookmarks.map((x) => x.position)).toEqual([4]);
    // Paging is not the reviewer's work: "N not pushed" leaves bookmarks out.
    expect(cache.counts().outboxPending).toBe(0);
    expect(cache.listBatches()[0]!.bookmark).toBe(4);
  });

  it('counts a spectrum file only once it is stored and decodes', () => {
    loadBatch(2);
    expect(cache.cachedFile(1000)).toBeNull();
    expect(() => cache.storeFile(1000, new TextEncoder().encode('<html>not found</html>'))).toThrow(/not a FITS file|too short/);
    expect(cache.counts().filesCached).toBe(0);
    const path = cache.importFile(1000, FIXTURE);
    expect(readFileSync(path).equals(readFileSync(FIXTURE))).toBe(true);
    expect(cache.cachedFile(1000)).toBe(path);
    expect(cache.findItem(1000)!.cached).toBe(true);
    expect(cache.ledger.missingFiles().map((f) => f.obsid)).toEqual([1001]);
    unlinkSync(path);
    expect(cache.cachedFile(1000)).toBeNull();
    expect(cache.counts().filesCached).toBe(0);
  });

  it('places caches per server and person', () => {
    const a = cacheFile('/h', { kind: 'central-address', host: 'db.lamost.org', port: 3306, database: 'specvet', user: 'alice' });
    const b = cacheFile('/h', { kind: 'central-address', host: 'db.lamost.org', port: 3307, database: 'specvet', user: 'alice' });
    expect(a).toBe('/h/cache/db.lamost.org_3306_specvet/alice.sqlite');
    expect(b).not.toBe(a);
    expect(cacheFile('/h', { kind: 'central-address', host: 'h', port: 1, database: 'd', user: '../x' })).toBe('/h/cache/h_1_d/..%2Fx.sqlite');
    const id = '0b5e3c1a-9f7d-11f0-8d2e-0242ac120002';
    expect(cacheFile('/h', { kind: 'central', databaseId: id, user: 'alice' })).toBe(`/h/cache/db-${id}/alice.sqlite`);
    expect(cacheFile('/h', { kind: 'demo' })).toBe('/h/cache/demo/demo.sqlite');
  });
});
