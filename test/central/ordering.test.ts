/**
 * Revisions in commit order (docs/architecture.md, Sync): a writer holding its transaction open
 * cannot make a puller skip its rows, however other writers and pulls interleave; and
 * deadlocks / lock waits are retried as whole transactions.
 */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatches, type BatchPlan } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { CentralError, type CentralClient } from '../../src-main/central/centralClient';
import { describeFailure } from '../../src-main/sync/failure';
import type { PushBatch } from '../../src-main/sync/contract';
import { transaction } from '../../src-main/central/retry';
import { useWorld } from '../support/world';
import { adminConnection, connectAs, newId, sessionAs, type Person } from './fixtures';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 25 }, { people: { alice: 'reviewer', bob: 'reviewer', carol: 'coordinator' } });
let coordinator: Pool;
let aliceBatch: BatchPlan['batches'][number], bobBatch: BatchPlan['batches'][number];
const sessions: CentralClient[] = [];

const session = async (p: Person, opts = {}) => {
  const s = await sessionAs(w.db, p, opts);
  sessions.push(s);
  return s;
};
const verdict = (batchId: string, obsid: number): PushBatch['verdicts'][number] => ({
  id: newId(), obsid, batchId, class: 'QSO', subclass: '', z: 2.1, quality: 3, flags: [], comment: '', supersedes: null, createdAt: new Date().toISOString(),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const a = addressFromUrl(w.db.url);
  coordinator = createPool({ host: a.host, port: a.port, database: w.db.database, user: w.people.carol.user, password: w.people.carol.password });
  // Both reviewers get the same 100 spectra, so each sees the other's verdicts on them.
  [aliceBatch] = (await createBatches(coordinator, { name: 'a', assignees: [w.people.alice.user], mode: 'single', criteria: {} })).batches as [typeof aliceBatch];
  [bobBatch] = (await createBatches(coordinator, { name: 'b', assignees: [w.people.bob.user], mode: 'single', criteria: {} })).batches as [typeof bobBatch];
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await coordinator.end();
});

describe('commit order', () => {
  it('a writer holding its transaction open is not skipped by a pull that happens meanwhile', async () => {
    const puller = await session(w.people.alice);
    let { rev } = await puller.pull('0', 10_000);
    // Writer 1: alice's own connection, in a transaction, has taken its revisions and waits.
    const w1 = await connectAs(w.db, w.people.alice);
    const first = verdict(aliceBatch.id, aliceBatch.obsids[0]!);
    await w1.query('START TRANSACTION');
    await w1.execute('CALL push_verdicts(?)', [JSON.stringify([{ ...first, flags: '[]', createdAt: '2026-11-24 07:00:00.000' }])]);
    // Writer 2 (bob) commits as far as the server lets it while writer 1 is open.
    const second = verdict(bobBatch.id, bobBatch.obsids[1]!);
    let secondDone = false;
    const w2 = (await session(w.people.bob)).push({ verdicts: [second], problems: [], bookmarks: [] }).then(() => (secondDone = true));
    await sleep(300);
    const during = await puller.pull(rev, 10_000);
    expect(during.verdicts.map((v) => v.id)).not.toContain(first.id);
    // Writer 2 queues on the counter row behind writer 1: it cannot commit a higher revision
    // first, which is what would let the pull's watermark pass writer 1's rows.
    expect(secondDone).toBe(false);
    expect(during.verdicts.map((v) => v.id)).not.toContain(second.id);
    rev = during.rev;
    await w1.query('COMMIT');
    await w1.end();
    await w2;
    const after = await puller.pull(rev, 10_000);
    const seen = [...during.verdicts, ...after.verdicts].map((v) => v.id);
    expect(seen).toContain(first.id);
    expect(seen).toContain(second.id);
  });

  it('pulls interleaved with many concurrent writers see every row exactly once', async () => {
    const puller = await session(w.people.alice);
    let { rev } = await puller.pull('0', 10_000);
    const seen = new Map<string, number>();
    const writers = [w.people.alice, w.people.bob, w.people.alice, w.people.bob, w.people.alice, w.people.bob];
    const pushed: string[] = [];
    let writing = true;
    const writes = Promise.all(
      writers.map(async (p, n) => {
        const s = await session(p);
        const b = p === w.people.alice ? aliceBatch : bobBatch;
        for (let round = 0; round < 6; round++) {
          const vs = Array.from({ length: 7 }, (_, k) => verdict(b.id, b.obsids[(n * 7 + k + round) % b.obsids.length]!));
          await s.push({ verdicts: vs, problems: [], bookmarks: [] });
          pushed.push(...vs.map((v) => v.id));
        }
      }),
    ).finally(() => (writing = false));
    while (writing) {
      const page = await puller.pull(rev, 5);
      for (const v of page.verdicts) seen.set(v.id, (seen.get(v.id) ?? 0) + 1);
      rev = page.rev;
    }
    await writes;
    for (;;) {
      const page = await puller.pull(rev, 5);
      for (const v of page.verdicts) seen.set(v.id, (seen.get(v.id) ?? 0) + 1);
      rev = page.rev;
      if (!page.more) break;
    }
    expect(pushed).toHaveLength(6 * 6 * 7);
    for (const id of pushed) expect(seen.get(id), id).toBe(1);
  });

  it("a procedure joins the caller's transaction and rolls back with it; called alone it commits its own", async () => {
    const caller = await connectAs(w.db, w.people.alice);
    const seen = async (id: string) => {
      const c = await adminConnection(w.db);
      const [rows] = await c.query('SELECT id FROM humanverify WHERE id = ?', [id]);
      await c.end();
      return (rows as unknown[]).length;
    };
    const asRow = (v: ReturnType<typeof verdict>) => JSON.stringify([{ ...v, flags: '[]', createdAt: '2026-11-24 07:00:00.000' }]);
    const inside = verdict(aliceBatch.id, aliceBatch.obsids[5]!);
    await caller.query('START TRANSACTION');
    await caller.execute('CALL push_verdicts(?)', [asRow(inside)]);
    await caller.query('ROLLBACK');
    expect(await seen(inside.id)).toBe(0);
    // As from the mariadb client: no transaction open, so the call is its own, committed at once.
    const alone = verdict(aliceBatch.id, aliceBatch.obsids[6]!);
    await caller.execute('CALL push_verdicts(?)', [asRow(alone)]);
    expect(await seen(alone.id)).toBe(1);
    const [[open]] = (await caller.query('SELECT @@in_transaction AS n')) as unknown as [{ n: number }[]];
    expect(Number(open!.n)).toBe(0);
    await caller.end();
  });

  it('never hands out a revision above the counter or twice', async () => {
    const c = await adminConnection(w.db);
    const [rows] = await c.query(`SELECT (SELECT rev FROM sync_rev WHERE id = 1) AS head, GREATEST(
      (SELECT COALESCE(MAX(rev), 0) FROM check_batch), (SELECT COALESCE(MAX(rev), 0) FROM spec_check),
      (SELECT COALESCE(MAX(rev), 0) FROM humanverify), (SELECT COALESCE(MAX(rev), 0) FROM prob2d),
      (SELECT COALESCE(MAX(rev), 0) FROM check_status)) AS top`);
    await c.end();
    const { head, top } = (rows as { head: string; top: string }[])[0]!;
    expect(BigInt(top) <= BigInt(head)).toBe(true);
  });
});

describe('retries', () => {
  it('retries a push whole after a lock-wait timeout (1205)', async () => {
    const retries: number[] = [];
    const s = await session(w.people.alice, { lockWaitTimeout: 1, retry: { onRetry: (n: number, e: { errno?: number }) => retries.push(e.errno ?? 0), baseMs: 50 } });
    const holder = await adminConnection(w.db);
    await holder.query('START TRANSACTION');
    await holder.query('SELECT rev FROM sync_rev WHERE id = 1 FOR UPDATE');
    const v = verdict(aliceBatch.id, aliceBatch.obsids[5]!);
    const pushing = s.push({ verdicts: [v], problems: [], bookmarks: [] });
    await sleep(1600);
    await holder.query('COMMIT');
    await holder.end();
    await pushing;
    expect(retries).toContain(1205);
    const page = await s.pull('0', 10_000);
    expect(page.verdicts.filter((x) => x.id === v.id)).toHaveLength(1);
  });

  it('a lock held past every retry ends the push with one line: the server is busy, your work is kept (finding 2)', async () => {
    const s = await session(w.people.alice, { lockWaitTimeout: 1, retry: { attempts: 2, baseMs: 10 } });
    const holder = await adminConnection(w.db);
    await holder.query('START TRANSACTION');
    await holder.query('SELECT rev FROM sync_rev WHERE id = 1 FOR UPDATE');
    const v = verdict(aliceBatch.id, aliceBatch.obsids[6]!);
    const started = Date.now();
    try {
      const err = await s.push({ verdicts: [v], problems: [], bookmarks: [] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CentralError);
      expect(err).toMatchObject({ kind: 'busy', message: expect.stringMatching(/^the server is busy; your work is kept, try again \(.*lock waits timed out/) });
      expect((err as Error).message).not.toMatch(/\n/);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(describeFailure(new CentralError('busy', 'the server is busy; your work is kept, try again'), { host: 'h', port: 1 })).toMatchObject({ kind: 'busy', transient: true });
  });

  it('retries the transaction that lost a deadlock (1213), and both end up committed', async () => {
    const a = addressFromUrl(w.db.url);
    const pool = createPool({ host: a.host, port: a.port, database: w.db.database, user: a.user, password: a.password ?? '' }, 2);
    const admin = await adminConnection(w.db);
    await admin.query('CREATE TABLE dl (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB');
    await admin.query('INSERT INTO dl VALUES (1, 0), (2, 0)');
    let retries = 0;
    let arrived = 0;
    let release: () => void = () => {};
    const bothLocked = new Promise<void>((r) => (release = r));
    const crossing = (firstId: number, secondId: number) =>
      transaction(
        pool,
        async (c) => {
          await c.execute('UPDATE dl SET n = n + 1 WHERE id = ?', [firstId]);
          if (++arrived === 2) release();
          await bothLocked;
          await c.execute('UPDATE dl SET n = n + 1 WHERE id = ?', [secondId]);
        },
        { onRetry: () => retries++, baseMs: 5 },
      );
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    const [rows] = await admin.query('SELECT n FROM dl ORDER BY id');
    await admin.end();
    await pool.end();
    expect(retries).toBe(1);
    expect(rows).toEqual([{ n: 2 }, { n: 2 }]);
  });
});
