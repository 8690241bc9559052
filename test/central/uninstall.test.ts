/** `specvet central uninstall` against a real MariaDB: it looks first, then removes what migrate made. */
import { afterAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressFromUrl } from '../../src-main/central/connection';
import { runCli } from '../support/cli';
import { adminUrl, createTestDatabase, uniqueName, type TestDatabase } from '../support/mariadb';
import { addPerson, adminConnection, connectAs, seed, type Person } from './fixtures';

const home = mkdtempSync(join(tmpdir(), 'specvet-uninstall-'));
const made: TestDatabase[] = [];
afterAll(async () => {
  for (const db of made) await db.cleanup();
});

async function query<T>(sql: string, args: unknown[] = []): Promise<T[]> {
  const c = await mysql.createConnection(adminUrl());
  try {
    return (await c.query(sql, args))[0] as T[];
  } finally {
    await c.end();
  }
}

function cli(db: TestDatabase, args: string[]) {
  const a = addressFromUrl(db.url);
  return runCli(['central', 'uninstall', ...args], { SPECVET_HOME: home, SPECVET_CENTRAL: `mysql://${a.user}@${a.host}:${a.port}/${db.database}` });
}

/** A migrated, seeded database with two members, and a leftover grant of the old server-wide role. */
async function installed(): Promise<{ db: TestDatabase; people: Person[] }> {
  const db = await createTestDatabase();
  made.push(db);
  await seed(db, { plans: 1, spectrographs: 1, fibers: 3 });
  const people = [await addPerson(db, 'reviewer', 'ursula'), await addPerson(db, 'admin', 'umberto')];
  await query(`GRANT SELECT ON \`${db.database}\`.spec_info TO specvet_reviewer`);
  return { db, people };
}

const roles = (db: TestDatabase) => ['reviewer', 'coordinator', '2d', 'admin'].map((r) => `specvet_${db.database}_${r}`);
const snapshot = async (db: TestDatabase, people: Person[]) => ({
  objects: await query('SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1', [db.database]),
  routines: await query('SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1', [db.database]),
  accounts: await query('SELECT User FROM mysql.user WHERE User IN (?) ORDER BY 1', [[...people.map((p) => p.user), ...roles(db)]]),
  grants: await query("SELECT Table_name FROM mysql.tables_priv WHERE Db = ? AND User = 'specvet_reviewer'", [db.database]),
});

describe('specvet central uninstall', () => {
  it('refuses to run without --dry-run or --yes, and --dry-run changes nothing', async () => {
    const { db, people } = await installed();
    const bare = await cli(db, []);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--dry-run/);
    expect(bare.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(db, ['--dry-run', '--yes'])).code).toBe(2);
    const before = await snapshot(db, people);
    const dry = await cli(db, ['--dry-run']);
    expect(dry.code).toBe(0);
    for (const p of people) expect(dry.stdout).toContain(`DROP USER IF EXISTS '${p.user}'@'%';`);
    for (const r of roles(db)) expect(dry.stdout).toContain(`DROP ROLE IF EXISTS \`${r}\`;`);
    expect(dry.stdout).toContain(`REVOKE ALL PRIVILEGES ON \`${db.database}\`.\`spec_info\` FROM \`specvet_reviewer\`;`);
    for (const t of ['schema_version', 'chk_owner', 'sync_rev', 'spec_info', 'my_items', 'member_add']) expect(dry.stdout).toMatch(new RegExp(`DROP \\w+ IF EXISTS \`${db.database}\`\\.\`${t}\`;`));
    expect(dry.stdout).toMatch(/nothing changed/);
    expect(await snapshot(db, people)).toEqual(before);
    const c = await connectAs(db, people[0]!);
    await c.end();
  });

  it('--yes drops accounts, roles and grants: a re-created database of the same name is not readable by old members or roles', async () => {
    const { db, people } = await installed();
    const done = await cli(db, ['--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/DROP DATABASE IF EXISTS/);
    expect(await snapshot(db, people)).toEqual({ objects: [], routines: [], accounts: [], grants: [] });
    expect(await query('SELECT ROLE_NAME FROM information_schema.APPLICABLE_ROLES WHERE ROLE_NAME IN (?)', [roles(db)])).toEqual([]);
    expect(await query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db.database])).toEqual([]);

    await query(`CREATE DATABASE \`${db.database}\``);
    await query(`CREATE TABLE \`${db.database}\`.spec_info (obsid INT) SELECT 1 AS obsid`);
    await expect(connectAs(db, people[0]!)).rejects.toThrow(/denied/i);
    // Someone who still holds the old server-wide role sees nothing of the new database.
    const holder = { user: uniqueName('uold'), password: 'pw-old-role-1' };
    await query("CREATE USER ?@'%' IDENTIFIED BY ?", [holder.user, holder.password]);
    try {
      await query("GRANT specvet_reviewer TO ?@'%'", [holder.user]);
      await query("SET DEFAULT ROLE specvet_reviewer FOR ?@'%'", [holder.user]);
      const a = addressFromUrl(db.url);
      const c = await mysql.createConnection({ host: a.host, port: a.port, user: holder.user, password: holder.password });
      try {
        await expect(c.query(`SELECT * FROM \`${db.database}\`.spec_info`)).rejects.toThrow(/denied/i);
      } finally {
        await c.end();
      }
    } finally {
      await query("DROP USER IF EXISTS ?@'%'", [holder.user]);
    }
    const again = await cli(db, ['--yes']);
    expect(again.code).toBe(0);
  });

  it('--keep-survey leaves the survey tables and the database', async () => {
    const { db, people } = await installed();
    expect((await cli(db, ['--yes', '--keep-survey'])).code).toBe(0);
    const after = await snapshot(db, people);
    expect(after.objects).toEqual(['obj_info', 'plan_info', 'spec_info', 'target_info'].map((TABLE_NAME) => ({ TABLE_NAME })));
    expect(after.routines).toEqual([]);
    expect(after.accounts).toEqual([]);
    const c = await adminConnection(db);
    try {
      expect((await c.query('SELECT COUNT(*) AS n FROM spec_info'))[0]).toEqual([{ n: '3' }]);
    } finally {
      await c.end();
    }
  });
});
