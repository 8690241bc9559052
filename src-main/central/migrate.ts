/**
 * Applies the numbered migrations in ./migrations and records each in `schema_version`.
 * Idempotent (only versions above the recorded one run), refuses a schema newer than this
 * build knows, and can print the SQL instead of running it. Concurrent migrators are
 * serialised with GET_LOCK (per server; on a cluster run it from one node).
 */
import type { Connection } from 'mysql2/promise';
import { CentralError } from './centralClient';
import { addressFromUrl, connect, type ServerAddress } from './connection';
import { ER_NO_SUCH_TABLE } from './mysqlErrors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

export const SCHEMA_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INT NOT NULL,
  name VARCHAR(64) NOT NULL,
  applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;

export interface MigrateResult {
  database: string;
  from: number;
  to: number;
  applied: { version: number; name: string }[];
  /** With dryRun: the SQL that would run, as a script the `mariadb` client accepts. */
  sql?: string;
  /** Whether the server's event scheduler runs (the stall watchdog of 1110 needs it); not with dryRun. */
  eventScheduler?: boolean;
}

/** The recorded schema version; 0 for an empty database, null when the database is missing. */
export async function readSchemaVersion(c: Connection): Promise<number> {
  try {
    const [rows] = await c.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
    return Number((rows as { v: unknown }[])[0]!.v);
  } catch (err) {
    if ((err as { errno?: number }).errno === ER_NO_SUCH_TABLE) return 0;
    throw err;
  }
}

export function newerSchemaError(found: number, database: string): CentralError {
  return new CentralError(
    'schema-newer',
    `database ${database} has schema version ${found}, newer than this SpecVet knows (${SCHEMA_VERSION}); update SpecVet`,
  );
}

async function databaseExists(c: Connection, database: string): Promise<boolean> {
  const [rows] = await c.execute('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [database]);
  return (rows as unknown[]).length > 0;
}

const quoteId = (s: string) => '`' + s.replace(/`/g, '``') + '`';

/** Migrates the database named in `address` (created if missing) on an admin connection. */
export async function migrate(address: ServerAddress, opts: { dryRun?: boolean } = {}): Promise<MigrateResult> {
  const database = address.database;
  if (!database) throw new Error('the central URL must name a database, e.g. mysql://admin@host:3306/specvet');
  const c = await connect({ ...address, database: undefined });
  try {
    const exists = await databaseExists(c, database);
    if (!exists && !opts.dryRun) await c.query(`CREATE DATABASE IF NOT EXISTS ${quoteId(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    if (exists || !opts.dryRun) await c.query(`USE ${quoteId(database)}`);
    const lockName = `specvet.migrate.${database}`;
    if (!opts.dryRun) await c.execute('SELECT GET_LOCK(?, 120)', [lockName]);
    try {
      const from = exists || !opts.dryRun ? await readSchemaVersion(c) : 0;
      if (from > SCHEMA_VERSION) throw newerSchemaError(from, database);
      const pending = MIGRATIONS.filter((m) => m.version > from);
      const result: MigrateResult = { database, from, to: pending.at(-1)?.version ?? from, applied: pending.map(({ version, name }) => ({ version, name })) };
      if (opts.dryRun) return { ...result, sql: script(database, exists, pending) };
      await c.query(SCHEMA_TABLE);
      for (const m of pending) await apply(c, database, m);
      const [state] = await c.query('SELECT @@GLOBAL.event_scheduler AS s');
      return { ...result, eventScheduler: /^(ON|1)$/i.test(String((state as { s: unknown }[])[0]!.s)) };
    } finally {
      if (!opts.dryRun) await c.execute('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await c.end();
  }
}

async function apply(c: Connection, database: string, m: Migration): Promise<void> {
  for (const sql of m.statements({ database })) await c.query(sql);
  await c.execute('INSERT INTO schema_version (version, name) VALUES (?, ?)', [m.version, m.name]);
}

function script(database: string, exists: boolean, pending: readonly Migration[]): string {
  const out = ['DELIMITER $$'];
  if (!exists) out.push(`CREATE DATABASE IF NOT EXISTS ${quoteId(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin$$`);
  out.push(`USE ${quoteId(database)}$$`, `${SCHEMA_TABLE}$$`);
  for (const m of pending) {
    out.push('', `-- ${m.version} ${m.name}`);
    for (const sql of m.statements({ database })) out.push(`${sql}$$`);
    out.push(`INSERT INTO schema_version (version, name) VALUES (${m.version}, '${m.name.replace(/'/g, "''")}')$$`);
  }
  out.push('DELIMITER ;', '');
  return out.join('\n');
}

/** For tests and tools: migrate the database named in an admin URL. */
export function migrateUrl(url: string, opts: { dryRun?: boolean } = {}): Promise<MigrateResult> {
  return migrate(addressFromUrl(url), opts);
}
