/**
 * Issue 16, findings 4 and 5 (and the counter-lock part of 2): reassignment revokes, every
 * pushed field is checked instead of cut or converted, `supersedes` names only one's own
 * verdict, problem reports only on one's own spectrographs — from mysql2 and the `mariadb` client.
 */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBatch, createBatches, reassignBatch, type BatchPlan } from '../../src-main/central/batches';
import { PUSH_IDLE_TX_S, PUSH_LOCK_WAIT_S } from '../../src-main/central/migrations/sql';
import { STALL_S } from '../../src-main/central/migrations/1110-stall-watchdog';
import { MAX_USER_CONNECTIONS } from '../../src-main/central/migrations/memberSql';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { addPerson, adminConnection, connectAs, mariadbClient, newId, poolAs as poolOf, seed, sessionAs, type Person } from '../central/fixtures';

let db: TestDatabase;
let alice: Person, bob: Person, carol: Person;
let plan: BatchPlan;
const pools: Pool[] = [];

const poolAs = (p: Person) => {
  const pool = poolOf(db, p);
  pools.push(pool);
  return pool;
};
const batchOf = (p: Person) => plan.batches.find((b) => b.assignee === p.user)!;
const verdict = (batchId: string, obsid: number, over: Record<string, unknown> = {}) => ({
  id: newId(), obsid, batchId, class: 'GALAXY', subclass: '', z: 0.2, quality: 3, flags: '[]', comment: '', supersedes: null, createdAt: '2024-01-01 00:00:00.000', ...over,
});
const pushAs = async (p: Person, proc: string, rows: unknown[]) => {
  const c = await connectAs(db, p);
  try {
    return await c.execute(`CALL ${proc}(?)`, [JSON.stringify(rows)]).then(() => null, (e: { sqlMessage?: string; errno?: number }) => e);
  } finally {
    await c.end();
  }
};
const count = async (sql: string, params: unknown[]) => {
  const c = await adminConnection(db);
  const [rows] = await c.query(sql, params);
  await c.end();
  return Number((rows as { n: unknown }[])[0]!.n);
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db, { plans: 2, spectrographs: 2, fibers: 5 });
  [alice, bob, carol] = await Promise.all([addPerson(db, 'reviewer', 'alice'), addPerson(db, 'reviewer', 'bob'), addPerson(db, 'coordinator', 'carol')]);
  plan = await createBatches(poolAs(carol), { name: 'push', assignees: [alice.user, bob.user], mode: 'single', criteria: {} });
});

afterAll(async () => {
  for (const p of pools) await p.end();
  await db.cleanup();
});

describe('every write is bounded and checked (finding 5)', () => {
  it('refuses a subclass, id or comment that does not fit instead of cutting it', async () => {
    const mine = batchOf(alice);
    for (const [over, why] of [
      [{ subclass: 'x'.repeat(100) }, /has a subclass of 100 characters; at most 64/],
      [{ comment: 'c'.repeat(20_001) }, /has a comment of 20001 characters; at most 20000/],
      [{ id: `${newId()}-and-more` }, /it must be a UUID/],
      [{ quality: '4 OR 1=1' }, /has quality "4 OR 1=1"; it must be a whole number 0-4/],
      [{ quality: 7 }, /it must be a whole number 0-4/],
      [{ z: 'NaN' }, /has z "NaN"; it must be a number/],
      [{ flags: 'not json' }, /flags that are not a JSON array/],
    ] as const) {
      const err = await pushAs(alice, 'push_verdicts', [verdict(mine.id, mine.obsids[0]!, over)]);
      expect(err).toMatchObject({ errno: 1644, sqlMessage: expect.stringMatching(why) });
    }
    const cli = await mariadbClient(db, alice, `CALL push_verdicts('${JSON.stringify([verdict(mine.id, mine.obsids[0]!, { quality: '4 OR 1=1' })])}')`);
    expect(cli.stderr).toMatch(/must be a whole number 0-4/);
    expect(await count('SELECT COUNT(*) AS n FROM humanverify', [])).toBe(0);
  });

  it("refuses a verdict that supersedes another reviewer's verdict", async () => {
    const b = batchOf(bob);
    const bobs = verdict(b.id, b.obsids[0]!);
    expect(await pushAs(bob, 'push_verdicts', [bobs])).toBeNull();
    const a = batchOf(alice);
    const err = await pushAs(alice, 'push_verdicts', [verdict(a.id, a.obsids[0]!, { supersedes: bobs.id })]);
    expect(err).toMatchObject({ sqlMessage: expect.stringMatching(/supersedes a verdict of another reviewer/) });
    const own = verdict(a.id, a.obsids[1]!);
    expect(await pushAs(alice, 'push_verdicts', [own, verdict(a.id, a.obsids[1]!, { supersedes: own.id })])).toBeNull();
  });

  it('refuses a problem report on a spectrograph the reviewer is not checking', async () => {
    const theirs = plan.batches.find((x) => x.assignee === bob.user)!;
    const c = await adminConnection(db);
    const [rows] = await c.query('SELECT lmjd, planid, spid FROM spec_info WHERE obsid = ?', [theirs.obsids.at(-1)]);
    await c.end();
    const where = (rows as { lmjd: number; planid: string; spid: number }[])[0]!;
    const report = { id: newId(), ...where, fiberFrom: 1, fiberTo: 2, type: 'ghost', origin: '2d', text: '', createdAt: '2024-01-01 00:00:00.000' };
    const err = await pushAs(alice, 'push_problems', [report]);
    expect(err).toMatchObject({ sqlMessage: expect.stringMatching(/not in one of your batches/) });
    expect(await pushAs(bob, 'push_problems', [report])).toBeNull();
    const long = await pushAs(bob, 'push_problems', [{ ...report, id: newId(), text: 't'.repeat(20_001) }]);
    expect(long).toMatchObject({ sqlMessage: expect.stringMatching(/has a text of 20001 characters/) });
  });
});

describe("a coordinator's writes are checked too (finding 5)", () => {
  it('refuses a resolution field, batch name or criteria that does not fit instead of cutting it', async () => {
    const c = await connectAs(db, carol);
    const resolution = (over: Record<string, unknown>) => JSON.stringify([{ id: newId(), obsid: batchOf(alice).obsids[0], class: 'STAR', subclass: '', z: 0, quality: 3, comment: '', ...over }]);
    for (const [over, why] of [
      [{ subclass: 'x'.repeat(100) }, /denied: recheck .* has a subclass of 100 characters; at most 64/],
      [{ comment: 'c'.repeat(20_001) }, /has a comment of 20001 characters/],
      [{ quality: '4 OR 1=1' }, /has quality "4 OR 1=1"; it must be a whole number 0-4/],
    ] as const) {
      await expect(c.execute('CALL recheck_add(?)', [resolution(over)])).rejects.toMatchObject({ sqlMessage: expect.stringMatching(why) });
    }
    const batch = [newId(), 'n', 'single', alice.user, '{}', JSON.stringify([batchOf(alice).obsids[0]])];
    await expect(c.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', batch.with(1, 'n'.repeat(129)))).rejects.toMatchObject({ errno: 1406 });
    await expect(c.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', batch.with(4, JSON.stringify({ note: 'x'.repeat(10_000) })))).rejects.toMatchObject({
      sqlMessage: expect.stringMatching(/batch criteria of 10011 characters; at most 10000/),
    });
    await c.end();
    expect(await count('SELECT COUNT(*) AS n FROM humanrecheck', [])).toBe(0);
  });
});

describe('reassignment revokes (finding 4)', () => {
  it('the former assignee can move no bookmark in the batch and reads only their own history', async () => {
    const [dan, erin] = await Promise.all([addPerson(db, 'reviewer', 'dan'), addPerson(db, 'reviewer', 'erin')]);
    const own = await createBatches(poolAs(carol), { name: 'moved', assignees: [dan.user], mode: 'single', criteria: { limit: 3 } });
    const b = own.batches[0]!;
    const before = verdict(b.id, b.obsids[0]!);
    expect(await pushAs(dan, 'push_verdicts', [before])).toBeNull();
    const moved = (await reassignBatch(poolAs(carol), b.id, erin.user)).id;
    const mark = await pushAs(dan, 'push_bookmarks', [{ batchId: b.id, position: 2, updatedAt: '2030-01-01 00:00:00.000' }]);
    expect(mark).toMatchObject({ sqlMessage: expect.stringMatching(/no longer active/) });
    expect(await pushAs(erin, 'push_verdicts', [verdict(moved, b.obsids[1]!)])).toBeNull();
    const seen = await mariadbClient(db, dan, 'SELECT reviewer FROM my_verdicts ORDER BY rev');
    expect(seen.stdout.trim().split('\n')).toEqual([dan.user]);
    await cancelBatch(poolAs(carol), moved);
    expect(await pushAs(erin, 'push_bookmarks', [{ batchId: moved, position: 1, updatedAt: '2030-01-01 00:00:00.000' }])).toMatchObject({ errno: 1644 });
  });
});

describe('a batch that ended takes no more verdicts, however they are dated (finding 4)', () => {
  it('refuses a backdated verdict from the former assignee after reassignment, from mysql2 and the mariadb client', async () => {
    const [fay, gus] = await Promise.all([addPerson(db, 'reviewer', 'fay'), addPerson(db, 'reviewer', 'gus')]);
    const b = (await createBatches(poolAs(carol), { name: 'backdated', assignees: [fay.user], mode: 'single', criteria: { limit: 4 } })).batches[0]!;
    const early = verdict(b.id, b.obsids[0]!);
    expect(await pushAs(fay, 'push_verdicts', [early])).toBeNull();
    const moved = (await reassignBatch(poolAs(carol), b.id, gus.user)).id;
    const backdated = verdict(b.id, b.obsids[1]!, { createdAt: '2000-01-01 00:00:00.000' });
    const ended = /is for batch "backdated", which ended \(cancelled or reassigned\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, before this push/;
    expect(await pushAs(fay, 'push_verdicts', [backdated])).toMatchObject({ errno: 1644, sqlMessage: expect.stringMatching(ended) });
    const cli = await mariadbClient(db, fay, `CALL push_verdicts('${JSON.stringify([{ ...backdated, id: newId() }])}')`);
    expect(cli.stderr).toMatch(ended);
    // The verdict stored before the end, sent again (its answer lost), is still a harmless duplicate.
    expect(await pushAs(fay, 'push_verdicts', [early])).toBeNull();
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE reviewer = ?', [fay.user])).toBe(1);
    // The new assignee's verdicts reach neither the former one's view nor pull.
    expect(await pushAs(gus, 'push_verdicts', [verdict(moved, b.obsids[0]!), verdict(moved, b.obsids[1]!)])).toBeNull();
    const session = await sessionAs(db, fay);
    const page = await session.pull('0', 1000);
    await session.close();
    expect(page.verdicts.map((v) => v.reviewer)).toEqual([fay.user]);
    expect(page.items.filter((i) => i.batchId === moved)).toEqual([]);
  });

  it('records when a batch ended, in server time, and refuses a cancelled batch without an end', async () => {
    const b = (await createBatches(poolAs(carol), { name: 'ended', assignees: [alice.user], mode: 'single', criteria: { limit: 1 } })).batches[0]!;
    await cancelBatch(poolAs(carol), b.id);
    const c = await adminConnection(db);
    const [rows] = await c.query('SELECT TIMESTAMPDIFF(SECOND, ended_at, UTC_TIMESTAMP()) AS ago FROM check_batch WHERE id = ?', [b.id]);
    expect(Math.abs(Number((rows as { ago: unknown }[])[0]!.ago))).toBeLessThan(60);
    await expect(c.query("UPDATE check_batch SET ended_at = NULL WHERE id = ?", [b.id])).rejects.toMatchObject({ sqlMessage: expect.stringMatching(/check_batch_ended_when_cancelled/) });
    await c.end();
  });
});

describe('no one holds the revision counter (finding 2)', () => {
  // A push is one transaction of several calls (the client commits after the last), so the
  // procedures join a caller's open transaction instead of committing it (issue 16, finding 2,
  // as decided in docs/central.md "Roles and least privilege"): what keeps a reviewer from
  // sitting on the counter is that an empty push takes no lock, and that a push procedure bounds
  // its session's lock waits and idle time in an open transaction.
  it('an uncommitted empty push from the mariadb client takes no lock: others push at once', async () => {
    const cli = mariadbClient(db, alice, "START TRANSACTION; CALL push_verdicts('[]'); SELECT SLEEP(4); ROLLBACK");
    await new Promise((r) => setTimeout(r, 1000));
    const started = Date.now();
    expect(await pushAs(bob, 'push_verdicts', [verdict(batchOf(bob).id, batchOf(bob).obsids[3]!)])).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await cli).stderr).toBe('');
  });

  it('a push left open in a transaction is ended by the server within seconds, and the writer waiting behind it goes through', async () => {
    const a = batchOf(alice);
    const held = await connectAs(db, alice);
    held.on('error', () => undefined); // the server closes it
    await held.query('START TRANSACTION');
    await held.execute('CALL push_verdicts(?)', [JSON.stringify([verdict(a.id, a.obsids[2]!)])]);
    const [vars] = await held.query('SELECT @@SESSION.innodb_lock_wait_timeout AS w, @@SESSION.idle_transaction_timeout AS i');
    const v = (vars as { w: unknown; i: unknown }[])[0]!;
    expect([Number(v.w), Number(v.i)]).toEqual([PUSH_LOCK_WAIT_S, PUSH_IDLE_TX_S]);
    // bob's own session would wait 50 s (the server's default); the procedure bounds it to
    // PUSH_LOCK_WAIT_S, and alice's idle transaction is ended after PUSH_IDLE_TX_S.
    const started = Date.now();
    expect(await pushAs(bob, 'push_verdicts', [verdict(batchOf(bob).id, batchOf(bob).obsids[4]!)])).toBeNull();
    expect(Date.now() - started).toBeLessThan(PUSH_LOCK_WAIT_S * 1000);
    await expect(held.query('SELECT 1')).rejects.toBeTruthy();
    held.destroy();
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE reviewer = ? AND obsid = ?', [alice.user, a.obsids[2]])).toBe(0);
  });

  it('a member who resets their session bounds and sits on the counter is ended by the server, and writers go through', async () => {
    const a = batchOf(alice);
    const held = verdict(a.id, a.obsids[4]!);
    const cli = mariadbClient(db, alice, `SET SESSION idle_transaction_timeout = 0, max_statement_time = 0, innodb_lock_wait_timeout = 1000;
      START TRANSACTION; CALL push_verdicts('${JSON.stringify([held])}'); SET SESSION idle_transaction_timeout = 0; SELECT SLEEP(120); COMMIT`);
    await new Promise((r) => setTimeout(r, 1000));
    const b = batchOf(bob);
    const session = await sessionAs(db, bob);
    const started = Date.now();
    const bobs = { id: newId(), obsid: b.obsids[6]!, batchId: b.id, class: 'GALAXY' as const, subclass: '', z: 0.2, quality: 3, flags: [], comment: '', supersedes: null, createdAt: '2024-01-01T00:00:00.000Z' };
    await session.push({ verdicts: [bobs], problems: [], bookmarks: [] });
    await session.close();
    expect(Date.now() - started).toBeLessThan((STALL_S + 20) * 1000);
    const ended = await cli;
    expect(ended.code).not.toBe(0);
    expect(ended.stderr).toMatch(/Lost connection|server has gone away|Connection was killed/i);
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE id = ?', [held.id])).toBe(0);
  }, 60_000);

  it('one member cannot use up the server: their connections are capped, and SpecVet says so in one line', async () => {
    const open = await Promise.allSettled(Array.from({ length: MAX_USER_CONNECTIONS + 1 }, () => connectAs(db, bob)));
    const refused = open.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ errno: 1226 });
    const session = await sessionAs(db, bob);
    await expect(session.me()).rejects.toMatchObject({ kind: 'busy', message: expect.stringMatching(/as many connections open to .* as the account allows; your work is kept/) });
    await session.close();
    for (const r of open) if (r.status === 'fulfilled') await r.value.end();
  });

  it("a refused push inside the caller's transaction leaves nothing behind to commit", async () => {
    const b = batchOf(bob);
    const bobs = verdict(b.id, b.obsids[5]!);
    expect(await pushAs(bob, 'push_verdicts', [bobs])).toBeNull();
    const a = batchOf(alice);
    const c = await connectAs(db, alice);
    await c.query('START TRANSACTION');
    const forged = verdict(a.id, a.obsids[3]!, { supersedes: bobs.id });
    await expect(c.execute('CALL push_verdicts(?)', [JSON.stringify([forged])])).rejects.toMatchObject({ errno: 1644 });
    await c.query('COMMIT');
    await c.end();
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE id = ?', [forged.id])).toBe(0);
  });
});
