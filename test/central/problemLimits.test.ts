/**
 * A problem report must name a spectrograph and fibres LAMOST has (16 × 250): the model's
 * schema says so to the person typing it, and the server refuses the row whoever sends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemInputSchema, type ProblemInput } from '../../shared/model';
import type { CentralClient } from '../../src-main/central/centralClient';
import { migrateUrl, SCHEMA_TABLE } from '../../src-main/central/migrate';
import { MIGRATIONS } from '../../src-main/central/migrations';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { createBatches } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { addPerson, adminConnection, mariadbClient, newId, seed, sessionAs, type Person } from './fixtures';

const report = (over: Partial<ProblemInput> = {}): ProblemInput => ({
  lmjd: 60000, planid: 'PLAN000', spid: 3, fiberFrom: 20, fiberTo: 45, type: 'stray-light', origin: '2d', text: '', ...over,
});
const issues = (over: Partial<ProblemInput>) =>
  ProblemInputSchema.safeParse(report(over)).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the problem-report schema', () => {
  it('accepts the first and last spectrograph and fibre', () => {
    expect(issues({ spid: 1, fiberFrom: 1, fiberTo: 250 })).toBeUndefined();
    expect(issues({ spid: 16, fiberFrom: 250, fiberTo: 250 })).toBeUndefined();
  });

  it('says which spectrographs and fibres exist, and what it got', () => {
    expect(issues({ spid: 17 })).toEqual(['spid: spectrograph must be 1–16, got 17']);
    expect(issues({ spid: 0 })).toEqual(['spid: spectrograph must be 1–16, got 0']);
    expect(issues({ fiberFrom: 20, fiberTo: 999 })).toEqual(['fiberTo: fibres must be within 1–250, got 20-999']);
    expect(issues({ fiberFrom: 0, fiberTo: 5 })).toEqual(['fiberFrom: fibres must be within 1–250, got 0-5']);
    expect(issues({ fiberFrom: 45, fiberTo: 20 })).toEqual(['fiberTo: the start fibre must not be after the end fibre']);
  });
});

describe('the central server', () => {
  let db: TestDatabase;
  let rita: Person;
  let s: CentralClient;
  const stored = async () => {
    const c = await adminConnection(db);
    const [rows] = await c.query('SELECT spid, fiber_from, fiber_to FROM prob2d ORDER BY rev');
    await c.end();
    return rows;
  };
  const push = (over: Partial<ProblemInput>) =>
    s.push({ verdicts: [], bookmarks: [], problems: [{ ...report(over), id: newId(), createdAt: new Date().toISOString() }] });

  beforeAll(async () => {
    db = await createTestDatabase();
    rita = await addPerson(db, 'reviewer', 'rita');
    // A reviewer reports on spectrographs in her batches (issue 16, finding 5): all 16 of PLAN000.
    await seed(db, { plans: 1, spectrographs: 16, fibers: 1 });
    const carl = await addPerson(db, 'coordinator', 'carl');
    const a = addressFromUrl(db.url);
    const pool = createPool({ host: a.host, port: a.port, database: db.database, user: carl.user, password: carl.password }, 1);
    await createBatches(pool, { name: 'all', assignees: [rita.user], mode: 'single', criteria: {} });
    await pool.end();
    s = await sessionAs(db, rita);
  });
  afterAll(async () => {
    await s.close();
    await db.cleanup();
  });

  it('refuses a pushed report outside the survey as a refused row, and stores nothing of it', async () => {
    for (const [over, constraint] of [
      [{ spid: 17 }, 'prob2d_spid_1_to_16'],
      [{ fiberFrom: 20, fiberTo: 999 }, 'prob2d_fibres_1_to_250'],
      [{ fiberFrom: 0, fiberTo: 5 }, 'prob2d_fibres_1_to_250'],
    ] as const) {
      await expect(push(over)).rejects.toMatchObject({
        name: 'CentralError',
        kind: 'denied',
        refusedInput: true,
        message: expect.stringMatching(new RegExp(`^denied: the central server refused a row \\(CONSTRAINT .${constraint}. failed .*\\); fix or discard that entry`)),
      });
    }
    expect(await stored()).toEqual([]);
    await push({ spid: 16, fiberFrom: 1, fiberTo: 250 });
    expect(await stored()).toEqual([{ spid: 16, fiber_from: 1, fiber_to: 250 }]);
  });

  it('refuses it from the mariadb client too', async () => {
    const row = { ...report({ spid: 17 }), id: newId(), createdAt: '2024-01-01 00:00:00.000' };
    const cli = await mariadbClient(db, rita, `CALL push_problems('${JSON.stringify([row])}')`);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/CONSTRAINT `prob2d_spid_1_to_16` failed/);
  });
});

describe('migrating a database that already holds reports outside the survey', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.cleanup());

  const runStatements = async (versions: (v: number) => boolean) => {
    const c = await adminConnection(db);
    for (const m of MIGRATIONS.filter((x) => versions(x.version))) {
      for (const sql of m.statements({ database: db.database })) await c.query(sql);
      await c.execute('INSERT IGNORE INTO schema_version (version, name) VALUES (?, ?)', [m.version, m.name]);
    }
    await c.end();
  };

  it('names the rows instead of failing on the constraint, then adds it once fixed; a re-run is safe', async () => {
    const c = await adminConnection(db);
    await c.query(SCHEMA_TABLE);
    await c.end();
    await runStatements((v) => v < 1060);
    const admin = await adminConnection(db);
    const id = newId();
    await admin.execute(
      "INSERT INTO prob2d (id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at, rev) VALUES (?, 60000, 'P', 17, 20, 999, 't', 'raw', '', 'x', NOW(), 1)",
      [id],
    );
    await expect(migrateUrl(db.url)).rejects.toThrow(
      `prob2d has 1 problem report(s) outside spectrographs 1-16 or fibres 1-250 (e.g. id ${id}); correct or delete them, then run specvet central migrate again`,
    );
    await admin.execute('UPDATE prob2d SET spid = 16, fiber_to = 250 WHERE id = ?', [id]);
    // 1060 first; later migrations (1070 …) follow it.
    expect((await migrateUrl(db.url)).applied[0]).toEqual({ version: 1060, name: 'problem-limits' });
    await runStatements((v) => v === 1060);
    const [checks] = await admin.query(
      "SELECT CONSTRAINT_NAME AS name FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = 'prob2d' AND CONSTRAINT_TYPE = 'CHECK' ORDER BY 1",
      [db.database],
    );
    await admin.end();
    expect(checks).toEqual([{ name: 'prob2d_fibres' }, { name: 'prob2d_fibres_1_to_250' }, { name: 'prob2d_spid_1_to_16' }]);
  });
});
