/**
 * Every "cannot" of the roles, proven with real connections as each person — through mysql2
 * and through the `mariadb` command-line client, not only through SpecVet.
 */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRechecks, createBatches, type BatchPlan } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { CentralError, type CentralClient } from '../../src-main/central/centralClient';
import { addMember, disableMember, enableMember } from '../../src-main/central/members';
import { uniqueName } from '../support/mariadb';
import { useWorld } from '../support/world';
import { addPerson, adminConnection, connectAs, mariadbClient, newId, sessionAs, type Person } from './fixtures';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 10 }, { people: { alice: 'reviewer', bob: 'reviewer', carol: 'coordinator', dave: '2d', erin: 'admin' } });
let plan: BatchPlan;
const sessions: CentralClient[] = [];
const pools: Pool[] = [];

const poolAs = (p: Person) => {
  const a = addressFromUrl(w.db.url);
  const pool = createPool({ host: a.host, port: a.port, database: w.db.database, user: p.user, password: p.password });
  pools.push(pool);
  return pool;
};
const session = async (p: Person) => {
  const s = await sessionAs(w.db, p);
  sessions.push(s);
  return s;
};
const batchOf = (p: Person) => plan.batches.find((b) => b.assignee === p.user)!;
const verdictFor = (batchId: string, obsid: number) => ({
  id: newId(), obsid, batchId, class: 'GALAXY' as const, subclass: '', z: 0.2, quality: 3, flags: [], comment: '', supersedes: null, createdAt: new Date().toISOString(),
});

beforeAll(async () => {
  plan = await createBatches(poolAs(w.people.carol), { name: 'roles', assignees: [w.people.alice.user, w.people.bob.user], mode: 'single', criteria: {} });
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  for (const p of pools) await p.end();
});

describe('accounts and default roles', () => {
  it('activates the default role on login from 127.0.0.1 and knows the person by USER()', async () => {
    const c = await connectAs(w.db, w.people.alice);
    const [rows] = await c.query('SELECT CURRENT_ROLE() AS role, USER() AS login');
    await c.end();
    expect(rows).toEqual([{ role: `specvet_${w.db.database}_reviewer`, login: `${w.people.alice.user}@127.0.0.1` }]);
    expect(await (await session(w.people.alice)).me()).toEqual({ user: w.people.alice.user, role: 'reviewer', department: 'test', active: true });
  });

  it('CURRENT_USER() inside definer code is the definer; the views use the login instead', async () => {
    const admin = await adminConnection(w.db);
    await admin.query("CREATE SQL SECURITY DEFINER VIEW pitfall AS SELECT CURRENT_USER() AS current_user_is, SUBSTRING_INDEX(USER(), '@', 1) AS login_is");
    await admin.query(`GRANT SELECT ON \`${w.db.database}\`.pitfall TO ${w.people.alice.user}@'%'`);
    const [defs] = await admin.query(
      `SELECT COUNT(*) AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_DEFINITION LIKE '%CURRENT\\_USER%'`,
      [w.db.database],
    );
    const [views] = await admin.query(
      `SELECT COUNT(*) AS n FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> 'pitfall' AND VIEW_DEFINITION LIKE '%current\\_user%'`,
      [w.db.database],
    );
    await admin.end();
    const c = await connectAs(w.db, w.people.alice);
    const [rows] = await c.query('SELECT current_user_is, login_is FROM pitfall');
    await c.end();
    const row = (rows as Record<string, string>[])[0]!;
    expect(row.login_is).toBe(w.people.alice.user);
    expect(row.current_user_is).toMatch(/^root@/);
    expect(defs).toEqual([{ n: '0' }]);
    expect(views).toEqual([{ n: '0' }]);
  });

  it('maps a wrong password to a one-line "auth" error', async () => {
    const s = await session({ ...w.people.alice, password: 'wrong' } as Person);
    const err = await s.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CentralError);
    expect((err as CentralError).kind).toBe('auth');
    expect((err as CentralError).message).toMatch(/refused the password for \S+; use the right password \(Sign in, or SPECVET_CENTRAL on the command line\)$/);
  });
});

describe('a reviewer', () => {
  it('cannot create a batch (mysql2 and mariadb client)', async () => {
    await expect(createBatches(poolAs(w.people.alice), { name: 'sneaky', assignees: [w.people.alice.user], mode: 'single', criteria: {} })).rejects.toMatchObject({ errno: 1370 });
    const cli = await mariadbClient(w.db, w.people.alice, `CALL batch_add(UUID(), 'sneaky', 'single', '${w.people.alice.user}', NULL, '[100001]')`);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/execute command denied/i);
    const cancel = await mariadbClient(w.db, w.people.alice, `CALL batch_cancel('${batchOf(w.people.bob).id}')`);
    expect(cancel.stderr).toMatch(/execute command denied/i);
    const insert = await mariadbClient(w.db, w.people.alice, `INSERT INTO check_batch (id, name, mode, assignee, created_by, rev) VALUES (UUID(), 'x', 'single', '${w.people.alice.user}', '${w.people.alice.user}', 999999)`);
    expect(insert.stderr).toMatch(/INSERT command denied/i);
  });

  it("cannot read another reviewer's batch items", async () => {
    const page = await (await session(w.people.alice)).pull('0', 1000);
    expect(page.items.map((i) => i.obsid).sort()).toEqual([...batchOf(w.people.alice).obsids].sort());
    expect(page.batches.map((b) => b.assignee)).toEqual([w.people.alice.user]);
    const c = await connectAs(w.db, w.people.alice);
    await expect(c.query('SELECT * FROM spec_check')).rejects.toMatchObject({ errno: 1142 });
    await c.end();
    const cli = await mariadbClient(w.db, w.people.alice, 'SELECT COUNT(*) FROM spec_check');
    expect(cli.stderr).toMatch(/SELECT command denied/i);
    const own = await mariadbClient(w.db, w.people.alice, `SELECT COUNT(*) FROM my_items WHERE batch_id = '${batchOf(w.people.bob).id}'`);
    expect(own.stdout.trim()).toBe('0');
  });

  it('cannot write a verdict under another name or on another reviewer\'s spectrum', async () => {
    const s = await session(w.people.alice);
    const bobs = batchOf(w.people.bob);
    const err = await s.push({ verdicts: [verdictFor(bobs.id, bobs.obsids[0]!)], problems: [], bookmarks: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CentralError);
    expect((err as CentralError).kind).toBe('denied');
    expect((err as CentralError).message).toMatch(/not in one of your batches/);
    // Naming bob in the row changes nothing: the procedure writes the login's name.
    const mine = batchOf(w.people.alice);
    const forged = { ...verdictFor(mine.id, mine.obsids[0]!), reviewer: w.people.bob.user, flags: '[]', createdAt: '2024-01-01 00:00:00.000' };
    const cli = await mariadbClient(w.db, w.people.alice, `CALL push_verdicts('${JSON.stringify([forged])}')`);
    expect(cli.stderr).toBe('');
    const direct = await mariadbClient(w.db, w.people.alice, `INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, z, quality, flags, comment, created_at, rev) VALUES (UUID(), ${bobs.obsids[0]}, '${bobs.id}', '${w.people.bob.user}', 'STAR', 0, 1, '[]', '', NOW(), 999999)`);
    expect(direct.stderr).toMatch(/INSERT command denied/i);
    const cross = await mariadbClient(w.db, w.people.alice, `CALL push_verdicts('${JSON.stringify([{ ...forged, id: newId(), batchId: bobs.id, obsid: bobs.obsids[0] }])}')`);
    expect(cross.stderr).toMatch(/denied: verdict .* not in one of your batches/);
    const admin = await adminConnection(w.db);
    const [rows] = await admin.query('SELECT reviewer, batch_id FROM humanverify');
    await admin.end();
    expect(rows).toEqual([{ reviewer: w.people.alice.user, batch_id: mine.id }]);
  });

  it("cannot move another reviewer's bookmark", async () => {
    const err = await (await session(w.people.alice))
      .push({ verdicts: [], problems: [], bookmarks: [{ batchId: batchOf(w.people.bob).id, position: 7, updatedAt: new Date().toISOString() }] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'denied', message: expect.stringMatching(/is not one of your batches/) });
    const cli = await mariadbClient(w.db, w.people.alice, `UPDATE check_status SET position = 0`);
    expect(cli.stderr).toMatch(/UPDATE command denied/i);
  });

  it('cannot acknowledge a problem; the 2D team can', async () => {
    const id = newId();
    await (await session(w.people.alice)).push({
      verdicts: [], bookmarks: [],
      problems: [{ id, lmjd: 60000, planid: 'PLAN000', spid: 1, fiberFrom: 3, fiberTo: 9, type: 'stray-light', origin: '2d', text: 'bright ghost', createdAt: new Date().toISOString() }],
    });
    const c = await connectAs(w.db, w.people.alice);
    await expect(c.execute("CALL problem_set_state(?, 'acknowledged', '')", [id])).rejects.toMatchObject({ errno: 1370 });
    await c.end();
    const cli = await mariadbClient(w.db, w.people.alice, `CALL problem_set_state('${id}', 'acknowledged', 'seen')`);
    expect(cli.stderr).toMatch(/execute command denied/i);
    const twoD = await mariadbClient(w.db, w.people.dave, `CALL problem_set_state('${id}', 'acknowledged', 'seen'); SELECT state, handled_by, reporter FROM prob2d WHERE id = '${id}'`);
    expect(twoD.stderr).toBe('');
    expect(twoD.stdout.trim().split('\t')).toEqual(['acknowledged', w.people.dave.user, w.people.alice.user]);
  });

  it('cannot add users', async () => {
    const c = await connectAs(w.db, w.people.alice);
    await expect(addMember(c, { user: uniqueName('mallory'), role: 'admin', department: '', password: 'long enough' })).rejects.toMatchObject({ errno: 1370 });
    await c.end();
    const cli = await mariadbClient(w.db, w.people.alice, `CREATE USER '${uniqueName('mallory')}'@'%'`);
    expect(cli.stderr).toMatch(/denied/i);
  });
});

describe('a coordinator', () => {
  it('creates and splits batches but cannot acknowledge problems or add users', async () => {
    expect(plan.batches.map((b) => b.obsids.length)).toEqual([20, 20]);
    const cli = await mariadbClient(w.db, w.people.carol, `SELECT assignee, COUNT(*) FROM spec_check GROUP BY assignee ORDER BY assignee`);
    expect(cli.stdout.trim().split('\n').sort()).toEqual([`${w.people.alice.user}\t20`, `${w.people.bob.user}\t20`].sort());
    expect((await mariadbClient(w.db, w.people.carol, "CALL problem_set_state(UUID(), 'acknowledged', '')")).stderr).toMatch(/execute command denied/i);
    expect((await mariadbClient(w.db, w.people.carol, "CALL member_add('x', 'admin', '', '*0000000000000000000000000000000000000000')")).stderr).toMatch(/execute command denied/i);
  });
});

describe('rechecks', () => {
  it('only a coordinator records a resolution, under their own name, once', async () => {
    const row = { id: newId(), obsid: batchOf(w.people.alice).obsids[0]!, class: 'QSO' as const, subclass: '', z: 2.25, quality: 4, comment: 'Lyα clear' };
    await expect(addRechecks(poolAs(w.people.alice), [row])).rejects.toMatchObject({ errno: 1370 });
    await addRechecks(poolAs(w.people.carol), [row]);
    await addRechecks(poolAs(w.people.carol), [row]);
    const cli = await mariadbClient(w.db, w.people.carol, `SELECT coordinator, class, z FROM humanrecheck WHERE id = '${row.id}'`);
    expect(cli.stdout.trim().split('\n')).toEqual([`${w.people.carol.user}\tQSO\t2.25`]);
  });
});

describe('an admin', () => {
  it('adds users who can log in with their role, and disables them', async () => {
    const name = uniqueName('frank');
    const c = await connectAs(w.db, w.people.erin);
    await addMember(c, { user: name, role: 'reviewer', department: 'NAOC', password: 'frank-password' });
    const frank = { user: name, password: 'frank-password' };
    expect((await mariadbClient(w.db, frank, 'SELECT CURRENT_ROLE()')).stdout.trim()).toBe(`specvet_${w.db.database}_reviewer`);
    await disableMember(c, name);
    await c.end();
    const cli = await mariadbClient(w.db, frank, 'SELECT 1');
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/locked/i);
    const err = await (await session(frank as Person)).me().catch((e: unknown) => e);
    expect((err as CentralError).kind).toBe('disabled');
    expect((err as CentralError).message).toMatch(/disabled .* ask a SpecVet admin/);
  });

  it("ends the disabled person's open sessions, every one of them, and not the admin's", async () => {
    const ida = await addPerson(w.db, 'reviewer', 'ida');
    const open = [await connectAs(w.db, ida), await connectAs(w.db, ida)];
    const admin = await connectAs(w.db, w.people.erin);
    try {
      await disableMember(admin, ida.user);
      for (const c of open) {
        const err = await c.query('SELECT 1').catch((e: unknown) => e);
        expect(err).toMatchObject({ fatal: true }); // the server ended the connection
      }
      const [rows] = await admin.query('SELECT 1 AS still');
      expect(rows).toEqual([{ still: 1 }]);
    } finally {
      for (const c of open) c.destroy();
      await admin.end();
    }
  });

  it('re-enables a disabled reviewer, who then signs in with their role again', async () => {
    const gina = await addPerson(w.db, 'reviewer', 'gina');
    const c = await connectAs(w.db, w.people.erin);
    await disableMember(c, gina.user);
    const err = await (await session(gina)).me().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'disabled', message: expect.stringMatching(/^account gina_\w+ is disabled/) });
    await enableMember(c, gina.user);
    await c.end();
    expect(await (await session(gina)).me()).toEqual({ user: gina.user, role: 'reviewer', department: 'test', active: true });
    expect(await mariadbClient(w.db, gina, 'SELECT CURRENT_ROLE()')).toMatchObject({ code: 0, stdout: `specvet_${w.db.database}_reviewer\n` });
    expect((await mariadbClient(w.db, w.people.erin, `SELECT active FROM chk_member WHERE user = '${gina.user}'`)).stdout).toBe('1\n');
  });

  it('is the only one who can re-enable: a reviewer or coordinator is denied, the person stays locked', async () => {
    const hank = await addPerson(w.db, 'reviewer', 'hank');
    const admin = await connectAs(w.db, w.people.erin);
    await disableMember(admin, hank.user);
    await admin.end();
    const c = await connectAs(w.db, w.people.alice);
    await expect(enableMember(c, hank.user)).rejects.toMatchObject({ errno: 1370 });
    await c.end();
    for (const p of [w.people.alice, w.people.carol, w.people.dave]) {
      const cli = await mariadbClient(w.db, p, `CALL member_enable('${hank.user}')`);
      expect(cli.code).not.toBe(0);
      expect(cli.stderr).toMatch(/execute command denied/i);
    }
    expect((await mariadbClient(w.db, hank, 'SELECT 1')).stderr).toMatch(/locked/i);
    expect((await mariadbClient(w.db, w.people.erin, `SELECT active FROM chk_member WHERE user = '${hank.user}'`)).stdout).toBe('0\n');
  });

  it('cannot unlock an account that is not a SpecVet member', async () => {
    const outsider = { user: uniqueName('outsider'), password: 'outsider-password' };
    const root = await adminConnection(w.db);
    await root.query("CREATE USER ?@'%' IDENTIFIED BY ? ACCOUNT LOCK", [outsider.user, outsider.password]);
    try {
      const c = await connectAs(w.db, w.people.erin);
      await expect(enableMember(c, outsider.user)).rejects.toMatchObject({ errno: 1644, sqlMessage: `no SpecVet user ${outsider.user}` });
      await c.end();
      expect((await mariadbClient(w.db, w.people.erin, `CALL member_enable('${outsider.user}')`)).stderr).toMatch(/no SpecVet user outsider_/);
      expect((await mariadbClient(w.db, outsider, 'SELECT 1')).stderr).toMatch(/locked/i);
    } finally {
      await root.query("DROP USER IF EXISTS ?@'%'", [outsider.user]);
      await root.end();
    }
  });

  it('cannot create batches or lock accounts that are not SpecVet members', async () => {
    expect((await mariadbClient(w.db, w.people.erin, `CALL batch_cancel('${batchOf(w.people.alice).id}')`)).stderr).toMatch(/execute command denied/i);
    expect((await mariadbClient(w.db, w.people.erin, "CALL member_disable('root')")).stderr).toMatch(/no SpecVet user root/);
  });
});
