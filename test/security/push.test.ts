/**
 * Issue 16, findings 4 and 5 (and the counter-lock part of 2): reassignment revokes, every
 * pushed field is checked instead of cut or converted, `supersedes` names only one's own
 * verdict, problem reports only on one's own spectrographs — from mysql2 and the `mariadb` client.
 */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBatch, createBatches, reassignBatch, type BatchPlan } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { PUSH_IDLE_TX_S, PUSH_LOCK_WAIT_S } from '../../src-main/central/migrations/sql';
import { useWorld } from '../support/world';
import { addPerson, adminConnection, connectAs, mariadbClient, newId, type Person } from '../central/fixtures';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 5 }, { people: { alice: 'reviewer', bob: 'reviewer', carol: 'coordinator' } });
let plan: BatchPlan;
const pools: Pool[] = [];

const poolAs = (p: Person) => {
  const a = addressFromUrl(w.db.url);
  const pool = createPool({ host: a.host, port: a.port, database: w.db.database, user: p.user, password: p.password }, 1);
  pools.push(pool);
  return pool;
};
const batchOf = (p: Person) => plan.batches.find((b) => b.assignee === p.user)!;
const verdict = (batchId: string, obsid: number, over: Record<string, unknown> = {}) => ({
  id: newId(), obsid, batchId, class: 'GALAXY', subclass: '', z: 0.2, quality: 3, flags: '[]', comment: '', supersedes: null, createdAt: '2024-01-01 00:00:00.000', ...over,
});
const pushAs = async (p: Person, proc: string, rows: unknown[]) => {
  const c = await connectAs(w.db, p);
  try {
    return await c.execute(`CALL ${proc}(?)`, [JSON.stringify(rows)]).then(() => null, (e: { sqlMessage?: string; errno?: number }) => e);
  } finally {
    await c.end();
  }
};
const count = async (sql: string, params: unknown[]) => {
  const c = await adminConnection(w.db);
  const [rows] = await c.query(sql, params);
  await c.end();
  return Number((rows as { n: unknown }[])[0]!.n);
};

beforeAll(async () => {
  plan = await createBatches(poolAs(w.people.carol), { name: 'push', assignees: [w.people.alice.user, w.people.bob.user], mode: 'single', criteria: {} });
});

afterAll(async () => {
  for (const p of pools) await p.end();
});

describe('every write is bounded and checked (finding 5)', () => {
  it('refuses a subclass, id or comment that does not fit instead of cutting it', async () => {
    const mine = batchOf(w.people.alice);
    for (const [over, why] of [
      [{ subclass: 'x'.repeat(100) }, /has a subclass of 100 characters; at most 64/],
      [{ comment: 'c'.repeat(20_001) }, /has a comment of 20001 characters; at most 20000/],
      [{ id: `${newId()}-and-more` }, /it must be a UUID/],
      [{ quality: '4 OR 1=1' }, /has quality "4 OR 1=1"; it must be a whole number 0-4/],
      [{ quality: 7 }, /it must be a whole number 0-4/],
      [{ z: 'NaN' }, /has z "NaN"; it must be a number/],
      [{ flags: 'not json' }, /flags that are not a JSON array/],
    ] as const) {
      const err = await pushAs(w.people.alice, 'push_verdicts', [verdict(mine.id, mine.obsids[0]!, over)]);
      expect(err).toMatchObject({ errno: 1644, sqlMessage: expect.stringMatching(why) });
    }
    const cli = await mariadbClient(w.db, w.people.alice, `CALL push_verdicts('${JSON.stringify([verdict(mine.id, mine.obsids[0]!, { quality: '4 OR 1=1' })])}')`);
    expect(cli.stderr).toMatch(/must be a whole number 0-4/);
    expect(await count('SELECT COUNT(*) AS n FROM humanverify', [])).toBe(0);
  });

  it("refuses a verdict that supersedes another reviewer's verdict", async () => {
    const b = batchOf(w.people.bob);
    const bobs = verdict(b.id, b.obsids[0]!);
    expect(await pushAs(w.people.bob, 'push_verdicts', [bobs])).toBeNull();
    const a = batchOf(w.people.alice);
    const err = await pushAs(w.people.alice, 'push_verdicts', [verdict(a.id, a.obsids[0]!, { supersedes: bobs.id })]);
    expect(err).toMatchObject({ sqlMessage: expect.stringMatching(/supersedes a verdict of another reviewer/) });
    const own = verdict(a.id, a.obsids[1]!);
    expect(await pushAs(w.people.alice, 'push_verdicts', [own, verdict(a.id, a.obsids[1]!, { supersedes: own.id })])).toBeNull();
  });

  it('refuses a problem report on a spectrograph the reviewer is not checking', async () => {
    const theirs = plan.batches.find((x) => x.assignee === w.people.bob.user)!;
    const c = await adminConnection(w.db);
    const [rows] = await c.query('SELECT lmjd, planid, spid FROM spec_info WHERE obsid = ?', [theirs.obsids.at(-1)]);
    await c.end();
    const where = (rows as { lmjd: number; planid: string; spid: number }[])[0]!;
    const report = { id: newId(), ...where, fiberFrom: 1, fiberTo: 2, type: 'ghost', origin: '2d', text: '', createdAt: '2024-01-01 00:00:00.000' };
    const err = await pushAs(w.people.alice, 'push_problems', [report]);
    expect(err).toMatchObject({ sqlMessage: expect.stringMatching(/not in one of your batches/) });
    expect(await pushAs(w.people.bob, 'push_problems', [report])).toBeNull();
    const long = await pushAs(w.people.bob, 'push_problems', [{ ...report, id: newId(), text: 't'.repeat(20_001) }]);
    expect(long).toMatchObject({ sqlMessage: expect.stringMatching(/has a text of 20001 characters/) });
  });
});

describe('reassignment revokes (finding 4)', () => {
  it('the former assignee can move no bookmark in the batch and reads only their own history', async () => {
    const [dan, erin] = await Promise.all([addPerson(w.db, 'reviewer', 'dan'), addPerson(w.db, 'reviewer', 'erin')]);
    const own = await createBatches(poolAs(w.people.carol), { name: 'moved', assignees: [dan.user], mode: 'single', criteria: { limit: 3 } });
    const b = own.batches[0]!;
    const before = verdict(b.id, b.obsids[0]!);
    expect(await pushAs(dan, 'push_verdicts', [before])).toBeNull();
    const moved = (await reassignBatch(poolAs(w.people.carol), b.id, erin.user)).id;
    const mark = await pushAs(dan, 'push_bookmarks', [{ batchId: b.id, position: 2, updatedAt: '2030-01-01 00:00:00.000' }]);
    expect(mark).toMatchObject({ sqlMessage: expect.stringMatching(/no longer active/) });
    expect(await pushAs(erin, 'push_verdicts', [verdict(moved, b.obsids[1]!)])).toBeNull();
    const seen = await mariadbClient(w.db, dan, 'SELECT reviewer FROM my_verdicts ORDER BY rev');
    expect(seen.stdout.trim().split('\n')).toEqual([dan.user]);
    await cancelBatch(poolAs(w.people.carol), moved);
    expect(await pushAs(erin, 'push_bookmarks', [{ batchId: moved, position: 1, updatedAt: '2030-01-01 00:00:00.000' }])).toMatchObject({ errno: 1644 });
  });
});

describe('no one holds the revision counter (finding 2)', () => {
  // A push is one transaction of several calls (the client commits after the last), so the
  // procedures join a caller's open transaction instead of committing it (issue 16, finding 2,
  // as decided in docs/central.md "Roles and least privilege"): what keeps a reviewer from
  // sitting on the counter is that an empty push takes no lock, and that a push procedure bounds
  // its session's lock waits and idle time in an open transaction.
  it('an uncommitted empty push from the mariadb client takes no lock: others push at once', async () => {
    const cli = mariadbClient(w.db, w.people.alice, "START TRANSACTION; CALL push_verdicts('[]'); SELECT SLEEP(4); ROLLBACK");
    await new Promise((r) => setTimeout(r, 1000));
    const started = Date.now();
    expect(await pushAs(w.people.bob, 'push_verdicts', [verdict(batchOf(w.people.bob).id, batchOf(w.people.bob).obsids[3]!)])).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await cli).stderr).toBe('');
  });

  it('a push left open in a transaction is ended by the server within seconds, and the writer waiting behind it goes through', async () => {
    const a = batchOf(w.people.alice);
    const held = await connectAs(w.db, w.people.alice);
    held.on('error', () => undefined); // the server closes it
    await held.query('START TRANSACTION');
    await held.execute('CALL push_verdicts(?)', [JSON.stringify([verdict(a.id, a.obsids[2]!)])]);
    const [vars] = await held.query('SELECT @@SESSION.innodb_lock_wait_timeout AS w, @@SESSION.idle_transaction_timeout AS i');
    const v = (vars as { w: unknown; i: unknown }[])[0]!;
    expect([Number(v.w), Number(v.i)]).toEqual([PUSH_LOCK_WAIT_S, PUSH_IDLE_TX_S]);
    // bob's own session would wait 50 s (the server's default); the procedure bounds it to
    // PUSH_LOCK_WAIT_S, and alice's idle transaction is ended after PUSH_IDLE_TX_S.
    const started = Date.now();
    expect(await pushAs(w.people.bob, 'push_verdicts', [verdict(batchOf(w.people.bob).id, batchOf(w.people.bob).obsids[4]!)])).toBeNull();
    expect(Date.now() - started).toBeLessThan(PUSH_LOCK_WAIT_S * 1000);
    await expect(held.query('SELECT 1')).rejects.toBeTruthy();
    held.destroy();
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE reviewer = ? AND obsid = ?', [w.people.alice.user, a.obsids[2]])).toBe(0);
  });

  it("a refused push inside the caller's transaction leaves nothing behind to commit", async () => {
    const b = batchOf(w.people.bob);
    const bobs = verdict(b.id, b.obsids[5]!);
    expect(await pushAs(w.people.bob, 'push_verdicts', [bobs])).toBeNull();
    const a = batchOf(w.people.alice);
    const c = await connectAs(w.db, w.people.alice);
    await c.query('START TRANSACTION');
    const forged = verdict(a.id, a.obsids[3]!, { supersedes: bobs.id });
    await expect(c.execute('CALL push_verdicts(?)', [JSON.stringify([forged])])).rejects.toMatchObject({ errno: 1644 });
    await c.query('COMMIT');
    await c.end();
    expect(await count('SELECT COUNT(*) AS n FROM humanverify WHERE id = ?', [forged.id])).toBe(0);
  });
});
