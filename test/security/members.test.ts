/**
 * Issue 16, findings 3 and 6: a disabled person is out at once, and an admin cannot create
 * accounts with the server's own or SpecVet's reserved names — replayed with real accounts
 * from mysql2 and from the `mariadb` command-line client.
 */
import type { Connection } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { createBatches } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { memberProblem, nativePasswordHash } from '../../src-main/central/members';
import { useWorld } from '../support/world';
import { addPerson, adminConnection, connectAs, mariadbClient } from '../central/fixtures';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 }, { people: { erin: 'admin', carol: 'coordinator', alice: 'reviewer' } });
const HASH = nativePasswordHash('a long password');

const disable = async (user: string) => {
  const root = await adminConnection(w.db);
  await root.execute('CALL member_disable(?)', [user]);
  await root.end();
};
const alive = (c: Connection) => c.query('SELECT 1').then(() => true, () => false);

describe('disabled means disabled at once (finding 3)', () => {
  it('a disabled admin with a session still open cannot re-enable herself; her session is ended', async () => {
    const eve = await addPerson(w.db, 'admin', 'eve');
    const session = await connectAs(w.db, eve);
    await disable(eve.user);
    expect(await alive(session)).toBe(false);
    const again = await connectAs(w.db, eve).catch((e: unknown) => e);
    expect(again).toMatchObject({ errno: 4151 });
    const root = await adminConnection(w.db);
    const [rows] = await root.execute('SELECT active FROM chk_member WHERE user = ?', [eve.user]);
    await root.end();
    expect(rows).toEqual([{ active: 0 }]);
  });

  it('a disabled coordinator whose session survived cannot create a batch', async () => {
    const gus = await addPerson(w.db, 'coordinator', 'gus');
    const root = await adminConnection(w.db);
    // Locked without member_disable's KILL: the check in the procedure alone must stop him.
    await root.query(`UPDATE chk_member SET active = 0 WHERE user = ?`, [gus.user]);
    await root.end();
    const a = addressFromUrl(w.db.url);
    const pool = createPool({ host: a.host, port: a.port, database: w.db.database, user: gus.user, password: gus.password }, 1);
    try {
      await expect(createBatches(pool, { name: 'after-disable', assignees: [w.people.alice.user], mode: 'single', criteria: {} })).rejects.toMatchObject({
        errno: 1644, sqlMessage: expect.stringMatching(/^denied: gus_\w+ is not an active coordinator in database specvet_t_/),
      });
    } finally {
      await pool.end();
    }
    const cli = await mariadbClient(w.db, gus, `CALL batch_add(UUID(), 'x', 'single', '${w.people.alice.user}', NULL, '[100001]')`);
    expect(cli.stderr).toMatch(/denied: gus_\w+ is not an active coordinator/);
  });

  it('every procedure refuses a member marked inactive, whatever their role', async () => {
    const hal = await addPerson(w.db, 'admin', 'hal');
    const root = await adminConnection(w.db);
    await root.query(`UPDATE chk_member SET active = 0 WHERE user = ?`, [hal.user]);
    await root.end();
    const cli = await mariadbClient(w.db, hal, `CALL member_enable('${hal.user}')`);
    expect(cli.stderr).toMatch(/denied: hal_\w+ is not an active admin/);
    const add = await mariadbClient(w.db, hal, `CALL member_add('newbie', 'admin', '', '${HASH}')`);
    expect(add.stderr).toMatch(/denied: hal_\w+ is not an active admin/);
  });
});

describe('reserved names (finding 6)', () => {
  const names = ['root', 'mariadb.sys', 'specvet_reviewer', 'specvet_admin', 'Root', "x'; DROP USER root; --", 'a'.repeat(33), 'mysql'];

  it.each(names)('member_add refuses %j from the mariadb client and mysql2', async (name) => {
    const c = await connectAs(w.db, w.people.erin);
    const err = await c.execute('CALL member_add(?, ?, ?, ?)', [name, 'admin', '', HASH]).catch((e: unknown) => e);
    await c.end();
    expect(err).toMatchObject({ errno: 1644 });
    const cli = await mariadbClient(w.db, w.people.erin, `CALL member_add('${name.replace(/'/g, "''")}', 'reviewer', '', '${HASH}')`);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/reserved|already exists|user name is a lower-case letter/);
    const root = await adminConnection(w.db);
    const [rows] = await root.execute("SELECT COUNT(*) AS n FROM mysql.user WHERE User = ? AND Host = '%'", [name]);
    await root.end();
    expect(Number((rows as { n: unknown }[])[0]!.n)).toBe(0);
  });

  it("refuses another account's name: an account of another database or an existing role", async () => {
    const cli = await mariadbClient(w.db, w.people.erin, `CALL member_add('${w.people.carol.user}', 'admin', '', '${HASH}')`);
    expect(cli.stderr).toMatch(/already exists/);
  });

  it('the CLI check says what is wrong before anything is sent', () => {
    for (const user of ['root', 'mariadb.sys', 'specvet_admin', 'Alice']) {
      expect(memberProblem({ user, role: 'reviewer', department: '', password: 'long enough' })).toMatch(/reserved|lower-case/);
    }
    expect(memberProblem({ user: 'alice.w-2', role: 'reviewer', department: '', password: 'long enough' })).toBeNull();
  });
});
