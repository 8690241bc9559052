import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromUrl } from '../../src-main/central/connection';
import { migrateUrl } from '../../src-main/central/migrate';
import { SCHEMA_VERSION } from '../../src-main/central/migrations';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { adminConnection } from './fixtures';

describe('central migrate', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.cleanup());

  it('prints the SQL with --dry-run and changes nothing', async () => {
    const r = await migrateUrl(db.url, { dryRun: true });
    expect(r.from).toBe(0);
    expect(r.sql).toMatch(/CREATE TABLE IF NOT EXISTS humanverify/);
    expect(r.sql).toMatch(/CREATE PROCEDURE push_verdicts/);
    expect(r.sql).toMatch(/^DELIMITER \$\$/);
    const c = await adminConnection(db);
    const [tables] = await c.query('SHOW TABLES');
    await c.end();
    expect(tables).toEqual([]);
  });

  it('applies every migration once and records the version; a second run does nothing', async () => {
    const first = await migrateUrl(db.url);
    expect(first.from).toBe(0);
    expect(first.to).toBe(SCHEMA_VERSION);
    // The test server's root may turn the event scheduler on, which the stall watchdog needs.
    expect(first.eventScheduler).toBe(true);
    const again = await migrateUrl(db.url);
    expect(again).toMatchObject({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    const c = await adminConnection(db);
    const [rows] = await c.query('SELECT version FROM schema_version ORDER BY version');
    const [tables] = await c.query('SHOW FULL TABLES WHERE Table_type = ?', ['BASE TABLE']);
    await c.end();
    expect((rows as { version: number }[]).map((r) => r.version).at(-1)).toBe(SCHEMA_VERSION);
    const names = (tables as Record<string, string>[]).map((t) => Object.values(t)[0]);
    for (const t of ['plan_info', 'target_info', 'obj_info', 'spec_info', 'chk_member', 'check_batch', 'spec_check', 'check_status', 'humanverify', 'humanrecheck', 'prob2d']) {
      expect(names).toContain(t);
    }
  });

  it('prints a dry-run script that the mariadb client runs to the same schema', async () => {
    const other = await createTestDatabase({ migrate: false });
    try {
      const { sql } = await migrateUrl(other.url, { dryRun: true });
      const a = addressFromUrl(other.url);
      const run = spawnSync('mariadb', ['--no-defaults', '-h', a.host, '-P', String(a.port), '-u', a.user], {
        input: sql,
        env: { ...process.env, MYSQL_PWD: a.password ?? '' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(await migrateUrl(other.url)).toMatchObject({ from: SCHEMA_VERSION, applied: [] });
    } finally {
      await other.cleanup();
    }
  });

  it('refuses a database whose schema is newer than it knows', async () => {
    const c = await adminConnection(db);
    await c.execute('INSERT INTO schema_version (version, name) VALUES (?, ?)', [SCHEMA_VERSION + 10, 'from-the-future']);
    await c.end();
    await expect(migrateUrl(db.url)).rejects.toThrow(`schema version ${SCHEMA_VERSION + 10}, newer than this SpecVet knows`);
    await expect(migrateUrl(db.url, { dryRun: true })).rejects.toThrow(/update SpecVet/);
  });
});
