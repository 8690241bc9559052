/** CentralClient against a real MariaDB: pull paging, tombstones, idempotent push, errors. */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBatch, createBatches, reassignBatch, type BatchPlan } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { CentralError, type CentralClient } from '../../src-main/central/centralClient';
import { type CentralVerdict, type PushBatch } from '../../src-main/sync/contract';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import { SCHEMA_VERSION } from '../../src-main/central/migrations';
import { createTestDatabase } from '../support/mariadb';
import { useWorld } from '../support/world';
import { adminConnection, newId, sessionAs, type Person } from './fixtures';

const w = useWorld({ plans: 3, spectrographs: 2, fibers: 10 }, { people: { alice: 'reviewer', bob: 'reviewer', carol: 'coordinator' } });
let coordinator: Pool;
let plan: BatchPlan;
const sessions: CentralClient[] = [];

const session = async (p: Person) => {
  const s = await sessionAs(w.db, p);
  sessions.push(s);
  return s;
};
const verdict = (batchId: string, obsid: number, extra: Partial<PushBatch['verdicts'][number]> = {}): PushBatch['verdicts'][number] => ({
  id: newId(), obsid, batchId, class: 'STAR', subclass: 'K1', z: 0.00012, quality: 4, flags: ['ok'], comment: 'fine', supersedes: null,
  createdAt: '2026-11-24T07:00:00.123Z', ...extra,
});
const push = (s: CentralClient, verdicts: PushBatch['verdicts']) => s.push({ verdicts, problems: [], bookmarks: [] });

/** Pulls from `since` until the server says there is no more. */
async function pullAll(s: CentralClient, since: string, limit: number) {
  const pages = [];
  let rev = since;
  for (;;) {
    const page = await s.pull(rev, limit);
    pages.push(page);
    expect(BigInt(page.rev) >= BigInt(rev)).toBe(true);
    rev = page.rev;
    if (!page.more) return { pages, rev };
  }
}

async function countVerdicts(): Promise<number> {
  const c = await adminConnection(w.db);
  const [rows] = await c.query('SELECT COUNT(*) AS n FROM humanverify');
  await c.end();
  return Number((rows as { n: string }[])[0]!.n);
}

beforeAll(async () => {
  const a = addressFromUrl(w.db.url);
  coordinator = createPool({ host: a.host, port: a.port, database: w.db.database, user: w.people.carol.user, password: w.people.carol.password });
  plan = await createBatches(coordinator, { name: 'session', assignees: [w.people.alice.user, w.people.bob.user], mode: 'browse', criteria: {} });
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await coordinator.end();
});

describe('pull', () => {
  it('pages through every item with any page size, never skipping or repeating one', async () => {
    const s = await session(w.people.alice);
    const mine = plan.batches.find((b) => b.assignee === w.people.alice.user)!;
    for (const limit of [1, 4, 7, 1000]) {
      const { pages } = await pullAll(s, '0', limit);
      const items = pages.flatMap((p) => p.items);
      expect(items.map((i) => i.obsid)).toEqual(mine.obsids);
      expect(pages.flatMap((p) => p.batches).map((b) => b.id)).toEqual([mine.id]);
      for (const p of pages) expect(p.items.length).toBeLessThanOrEqual(limit);
    }
    const [first] = (await s.pull('0', 1000)).items;
    expect(first).toMatchObject({ batchId: mine.id, position: 0, assigned: true, lmjd: 60000, planid: 'PLAN000', spid: 1, fiberid: 1, objtype: 'Star', class: 'STAR', subclass: 'G5', snr: { u: null, g: 1, r: 2 } });
    expect(first!.filePath).toBe('PLAN000/spec-60000-PLAN000_sp1-1.fits.gz');
  });

  it('turns a cancelled or reassigned batch into tombstones for its old assignee', async () => {
    const extra = await createBatches(coordinator, { name: 'to-move', assignees: [w.people.alice.user], mode: 'single', criteria: { planid: 'PLAN002', spid: 2 } });
    const s = await session(w.people.alice);
    const { rev } = await pullAll(s, '0', 1000);
    const { id: newId } = await reassignBatch(coordinator, extra.batches[0]!.id, w.people.bob.user);
    const after = await s.pull(rev, 1000);
    expect(after.batches).toMatchObject([{ id: extra.batches[0]!.id, state: 'cancelled' }]);
    expect(after.items).toHaveLength(10);
    expect(after.items.every((i) => !i.assigned)).toBe(true);
    const bobs = await (await session(w.people.bob)).pull('0', 1000);
    expect(bobs.items.filter((i) => i.batchId === newId).map((i) => i.obsid)).toEqual(extra.batches[0]!.obsids);
    await cancelBatch(coordinator, newId);
    const bobAfter = await (await session(w.people.bob)).pull(bobs.rev, 1000);
    expect(bobAfter.items.map((i) => i.assigned)).toEqual(new Array(10).fill(false));
  });
});

describe('push', () => {
  it('lands once however often it is repeated, also with duplicates inside one push', async () => {
    const s = await session(w.people.bob);
    const mine = plan.batches.find((b) => b.assignee === w.people.bob.user)!;
    const before = await countVerdicts();
    const verdicts = mine.obsids.slice(0, 10).map((o) => verdict(mine.id, o));
    await push(s, verdicts);
    await push(s, verdicts);
    await push(s, [...verdicts, ...verdicts]);
    const other = await session(w.people.bob);
    await push(other, verdicts.slice(0, 3));
    expect(await countVerdicts()).toBe(before + 10);
  });

  it('keeps history append-only: a change is a new verdict superseding the old, both visible', async () => {
    const s = await session(w.people.bob);
    const mine = plan.batches.find((b) => b.assignee === w.people.bob.user)!;
    const { rev } = await pullAll(s, '0', 1000);
    const first = verdict(mine.id, mine.obsids[15]!, { class: 'STAR' });
    const second = verdict(mine.id, mine.obsids[15]!, { class: 'GALAXY', supersedes: first.id, z: 0.31 });
    await push(s, [first]);
    await push(s, [second]);
    const page = await s.pull(rev, 1000);
    expect(page.verdicts.map((v) => [v.id, v.class, v.supersedes])).toEqual([[first.id, 'STAR', null], [second.id, 'GALAXY', first.id]]);
  });

  it('stores every text field verbatim: quotes, backslashes, NUL, 10 kB of emoji, SQL', async () => {
    const s = await session(w.people.alice);
    const mine = plan.batches.find((b) => b.assignee === w.people.alice.user)!;
    const { rev } = await pullAll(s, '0', 1000);
    const nasty = [`it's "quoted"`, 'back\\slash\\', 'nul\u0000inside', '😀🔭✨'.repeat(1000), `'); DROP TABLE humanverify; --`, 'tab\tnew\nline\r'];
    const verdicts = nasty.map((text, i) => verdict(mine.id, mine.obsids[i]!, { comment: text, subclass: text.slice(0, 60), flags: [text.slice(0, 60), 'x'] }));
    // On a spectrograph of alice's own batch: a reviewer's reports elsewhere are refused (issue 16, finding 5).
    const admin = await adminConnection(w.db);
    const [at] = await admin.query('SELECT lmjd, planid, spid FROM spec_info WHERE obsid = ?', [mine.obsids.at(-1)]);
    await admin.end();
    const where = (at as { lmjd: number; planid: string; spid: number }[])[0]!;
    const problems = nasty.map((text) => ({ id: newId(), ...where, fiberFrom: 1, fiberTo: 250, type: text.slice(0, 60), origin: 'raw' as const, text, createdAt: '2026-11-24T08:00:00.000Z' }));
    await s.push({ verdicts, problems, bookmarks: [] });
    const back = new Map<string, CentralVerdict>((await s.pull(rev, 1000)).verdicts.map((v) => [v.id, v]));
    for (const v of verdicts) {
      const got = back.get(v.id)!;
      expect(got.comment).toBe(v.comment);
      expect(got.subclass).toBe(v.subclass);
      expect(got.flags).toEqual(v.flags);
      expect(got.createdAt).toBe(v.createdAt);
      expect(got.reviewer).toBe(w.people.alice.user);
    }
    const c = await adminConnection(w.db);
    const [rows] = await c.query('SELECT id, type, text FROM prob2d WHERE reporter = ?', [w.people.alice.user]);
    await c.end();
    const stored = new Map((rows as { id: string; type: string; text: string }[]).map((r) => [r.id, r]));
    for (const p of problems) expect(stored.get(p.id)).toEqual({ id: p.id, type: p.type, text: p.text });
    expect(Buffer.byteLength(nasty[3]!)).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps the newest bookmark of a batch by the reviewer\'s clock', async () => {
    const s = await session(w.people.alice);
    const mine = plan.batches.find((b) => b.assignee === w.people.alice.user)!;
    await s.push({ verdicts: [], problems: [], bookmarks: [{ batchId: mine.id, position: 12, updatedAt: '2026-11-24T09:00:00.000Z' }] });
    await s.push({ verdicts: [], problems: [], bookmarks: [{ batchId: mine.id, position: 3, updatedAt: '2026-11-24T08:00:00.000Z' }] });
    const c = await adminConnection(w.db);
    const [rows] = await c.query('SELECT position FROM check_status WHERE batch_id = ?', [mine.id]);
    await c.end();
    expect(rows).toEqual([{ position: 12 }]);
  });
});

describe('errors a person can act on', () => {
  it('refuses a bad row with a one-line reason and stores nothing of that push', async () => {
    const s = await session(w.people.alice);
    const mine = plan.batches.find((b) => b.assignee === w.people.alice.user)!;
    const good = verdict(mine.id, mine.obsids[20]!);
    const bad = { id: newId(), lmjd: 60000, planid: 'PLAN000', spid: 1, fiberFrom: 9, fiberTo: 3, type: 'stray-light', origin: '2d' as const, text: '', createdAt: '2026-11-24T08:00:00.000Z' };
    const err = await s.push({ verdicts: [good], problems: [bad], bookmarks: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'denied', message: expect.stringMatching(/^denied: the central server refused a row \(.*prob2d_fibres.*\); fix or discard/) });
    const c = await adminConnection(w.db);
    const [rows] = await c.query('SELECT COUNT(*) AS n FROM humanverify WHERE id = ?', [good.id]);
    await c.end();
    expect(rows).toEqual([{ n: '0' }]);
  });

  it('says offline when the server cannot be reached', async () => {
    const a = addressFromUrl(w.db.url);
    const s = await openCentralClient({ host: '127.0.0.1', port: 1, database: w.db.database, user: w.people.alice.user, password: w.people.alice.password });
    sessions.push(s);
    const err = await s.me().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'offline' });
    expect((err as Error).message).toMatch(/^offline: cannot reach the central server 127\.0\.0\.1:1 .*work is kept/);
    expect(a.port).not.toBe(1);
  });

  it('says the schema is missing or newer than the app', async () => {
    const bare = await createTestDatabase({ migrate: false });
    try {
      const a = addressFromUrl(bare.url);
      const root = await openCentralClient({ host: a.host, port: a.port, database: bare.database, user: a.user, password: a.password ?? '' });
      sessions.push(root);
      await expect(root.me()).rejects.toMatchObject({ kind: 'schema-missing', message: expect.stringMatching(/specvet central migrate/) });
      const c = await adminConnection(w.db);
      await c.execute('INSERT INTO schema_version (version, name) VALUES (?, ?)', [SCHEMA_VERSION + 1, 'future']);
      await c.end();
      const err = await (await session(w.people.alice)).me().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CentralError);
      expect(err).toMatchObject({ kind: 'schema-newer', message: expect.stringMatching(/update SpecVet/) });
      const c2 = await adminConnection(w.db);
      await c2.execute('DELETE FROM schema_version WHERE version = ?', [SCHEMA_VERSION + 1]);
      await c2.end();
    } finally {
      await bare.cleanup();
    }
  });
});
