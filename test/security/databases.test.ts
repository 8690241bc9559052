/**
 * Issue 16, finding 1 (and the counter grant of finding 2): two SpecVet databases on one
 * server are sealed from each other — A's admin, coordinator, 2D user and reviewer can do
 * nothing in B — replayed from mysql2 and the `mariadb` client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatches, type BatchPlan } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { nativePasswordHash } from '../../src-main/central/members';
import { createTestDatabase, uniqueName, type TestDatabase } from '../support/mariadb';
import { addPerson, connectAs, mariadbClient, newId, seed, type Person } from '../central/fixtures';

let a: TestDatabase, b: TestDatabase;
let adminA: Person, coordA: Person, twodA: Person, reviewerA: Person, coordB: Person, reviewerB: Person;
let planB: BatchPlan;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([seed(a, { plans: 1, spectrographs: 1, fibers: 4 }), seed(b, { plans: 1, spectrographs: 1, fibers: 4 })]);
  [adminA, coordA, twodA, reviewerA] = await Promise.all([addPerson(a, 'admin'), addPerson(a, 'coordinator'), addPerson(a, '2d'), addPerson(a, 'reviewer')]);
  [coordB, reviewerB] = await Promise.all([addPerson(b, 'coordinator'), addPerson(b, 'reviewer')]);
  const s = addressFromUrl(b.url);
  const pool = createPool({ host: s.host, port: s.port, database: b.database, user: coordB.user, password: coordB.password }, 1);
  planB = await createBatches(pool, { name: 'b', assignees: [reviewerB.user], mode: 'single', criteria: {} });
  await pool.end();
});

afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
});

describe('two databases on one server (finding 1)', () => {
  it("A's admin cannot add a member to B", async () => {
    const name = uniqueName('mallory');
    const cli = await mariadbClient(a, adminA, `CALL \`${b.database}\`.member_add('${name}', 'admin', '', '${nativePasswordHash('long enough')}')`);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/denied/i);
    const c = await connectAs(a, adminA);
    await expect(c.query(`CALL \`${b.database}\`.member_disable(?)`, [reviewerB.user])).rejects.toMatchObject({ errno: expect.any(Number) });
    await c.end();
  });

  it("A's coordinator cannot cancel B's batches nor read B's check tables", async () => {
    const cli = await mariadbClient(a, coordA, `CALL \`${b.database}\`.batch_cancel('${planB.batches[0]!.id}')`);
    expect(cli.stderr).toMatch(/denied/i);
    expect((await mariadbClient(a, coordA, `SELECT COUNT(*) FROM \`${b.database}\`.spec_check`)).stderr).toMatch(/denied/i);
  });

  it("A's 2D user cannot handle B's problems; A's reviewer cannot read B's spec_info or push there", async () => {
    expect((await mariadbClient(a, twodA, `CALL \`${b.database}\`.problem_set_state('${newId()}', 'discarded', '')`)).stderr).toMatch(/denied/i);
    expect((await mariadbClient(a, reviewerA, `SELECT COUNT(*) FROM \`${b.database}\`.spec_info`)).stderr).toMatch(/SELECT command denied/i);
    expect((await mariadbClient(a, reviewerA, `CALL \`${b.database}\`.push_verdicts('[]')`)).stderr).toMatch(/denied/i);
    expect((await mariadbClient(a, reviewerA, 'SELECT COUNT(*) FROM spec_info')).stdout.trim()).toBe('4');
  });
});

describe('the revision counter (finding 2)', () => {
  it('no role reads sync_rev directly (so none can lock it); sync_head gives the revision without a lock', async () => {
    expect((await mariadbClient(a, reviewerA, 'SELECT rev FROM sync_rev FOR UPDATE')).stderr).toMatch(/SELECT command denied/i);
    expect((await mariadbClient(a, coordA, 'SELECT rev FROM sync_rev')).stderr).toMatch(/SELECT command denied/i);
    const held = mariadbClient(a, reviewerA, 'START TRANSACTION; SELECT rev FROM sync_head FOR UPDATE; SELECT SLEEP(3); COMMIT');
    await new Promise((r) => setTimeout(r, 800));
    const started = Date.now();
    const c = await connectAs(a, coordA);
    await c.execute('CALL batch_add(?, ?, ?, ?, NULL, ?)', [newId(), 'while-held', 'single', reviewerA.user, '[100001]']);
    await c.end();
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await held).stderr).toBe('');
  });
});
