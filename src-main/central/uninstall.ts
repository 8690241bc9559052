/**
 * Undoes `central migrate` (issue 16, finding 7): the members' accounts, this database's four
 * roles (which takes their per-object grants along), the grants the old server-wide roles of
 * 1040 still hold on this database, and the procedures, views and tables the migrations made.
 * `REVOKE ALL PRIVILEGES ON db.*` is not enough: the grants are per object and outlive a
 * DROP DATABASE, so a re-created database of the same name would be readable by old roles.
 *
 * The plan is read from the server first (only what exists is listed), then run in order.
 */
import type { Connection } from 'mysql2/promise';
import { connect, type ServerAddress } from './connection';
import { readSchemaVersion, newerSchemaError } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { ROLE_NAMES } from './migrations/1040-roles';
import { dbRoleName } from './migrations/1090-db-roles';

/** The tables seeded from the survey; `keepSurvey` leaves them (and the database) in place. */
export const SURVEY_TABLES = ['plan_info', 'target_info', 'obj_info', 'spec_info'] as const;

export interface UninstallPlan {
  database: string;
  /** One SQL statement per action, in the order they run. */
  actions: string[];
  /** Objects in the database that migrate did not make: left alone, and they keep the
   * database (which is dropped only when nothing else is in it and the survey goes too). */
  foreign: string[];
}

type Kind = 'TABLE' | 'VIEW' | 'PROCEDURE' | 'EVENT';

const quoteId = (s: string) => '`' + s.replace(/`/g, '``') + '`';
const quoteStr = (s: string) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
const CREATED = /^\s*CREATE\b[^(]*?\b(TABLE|VIEW|PROCEDURE|EVENT)\s+(?:IF NOT EXISTS\s+)?`?([A-Za-z0-9_]+)/i;

/** Every table, view, procedure and event some migration creates, in creation order. */
export function migratedObjects(database: string): { kind: Kind; name: string }[] {
  // Keyed by kind and name: a procedure and an event may share a name.
  const seen = new Map<string, { kind: Kind; name: string }>([['TABLE schema_version', { kind: 'TABLE', name: 'schema_version' }]]);
  for (const m of MIGRATIONS) {
    for (const sql of m.statements({ database })) {
      const hit = CREATED.exec(sql);
      if (hit) seen.set(`${hit[1]!.toUpperCase()} ${hit[2]!}`, { kind: hit[1]!.toUpperCase() as Kind, name: hit[2]! });
    }
  }
  return [...seen.values()];
}

async function rows<T>(c: Connection, sql: string, args: unknown[] = []): Promise<T[]> {
  return (await c.query(sql, args))[0] as T[];
}

/** Rows of a query that may not exist on this server (mysql.roles_mapping is MariaDB's). */
const rowsOrNone = <T>(c: Connection, sql: string, args: unknown[] = []) => rows<T>(c, sql, args).catch(() => [] as T[]);

/** The members' accounts: chk_member's users, and whoever holds one of this database's roles. */
async function memberAccounts(c: Connection, database: string, exists: boolean, roles: string[]): Promise<string[]> {
  const listed = exists ? await rowsOrNone<{ user: string }>(c, `SELECT user FROM ${quoteId(database)}.chk_member`) : [];
  const holders = await rowsOrNone<{ user: string }>(c, "SELECT User AS user FROM mysql.roles_mapping WHERE Role IN (?) AND Host = '%'", [roles]);
  const holders8 = await rowsOrNone<{ user: string }>(c, "SELECT TO_USER AS user FROM mysql.role_edges WHERE FROM_USER IN (?) AND TO_HOST = '%'", [roles]);
  const names = [...new Set([...listed, ...holders, ...holders8].map((r) => String(r.user)))].sort();
  const found = names.length ? await rows<{ user: string }>(c, "SELECT User AS user FROM mysql.user WHERE Host = '%' AND User IN (?)", [names]) : [];
  const present = new Set(found.map((r) => String(r.user)));
  return names.filter((n) => present.has(n) && !roles.includes(n));
}

async function existingRoles(c: Connection, roles: string[]): Promise<string[]> {
  const found = await rows<{ user: string }>(c, 'SELECT DISTINCT User AS user FROM mysql.user WHERE User IN (?)', [roles]);
  const present = new Set(found.map((r) => String(r.user)));
  return roles.filter((r) => present.has(r));
}

/** REVOKEs of what the server-wide roles of 1040 still hold on this database (per object). */
async function oldRoleRevokes(c: Connection, database: string): Promise<string[]> {
  const old = Object.values(ROLE_NAMES) as string[];
  const db = quoteId(database);
  const tables = await rows<{ role: string; name: string }>(c, 'SELECT User AS role, Table_name AS name FROM mysql.tables_priv WHERE Db = ? AND User IN (?) ORDER BY 1, 2', [database, old]);
  const procs = await rows<{ role: string; name: string }>(c, 'SELECT User AS role, Routine_name AS name FROM mysql.procs_priv WHERE Db = ? AND User IN (?) ORDER BY 1, 2', [database, old]);
  const whole = await rows<{ role: string }>(c, 'SELECT User AS role FROM mysql.db WHERE Db = ? AND User IN (?) ORDER BY 1', [database, old]);
  return [
    ...tables.map((g) => `REVOKE ALL PRIVILEGES ON ${db}.${quoteId(g.name)} FROM ${quoteId(g.role)}`),
    ...procs.map((g) => `REVOKE EXECUTE ON PROCEDURE ${db}.${quoteId(g.name)} FROM ${quoteId(g.role)}`),
    ...whole.map((g) => `REVOKE ALL PRIVILEGES ON ${db}.* FROM ${quoteId(g.role)}`),
  ];
}

/** DROPs of the migrated objects that exist: events (they call procedures), procedures and
 * views first, tables newest first. */
async function objectDrops(c: Connection, database: string, keepSurvey: boolean): Promise<{ drops: string[]; foreign: string[] }> {
  const existing = await rows<{ kind: string; name: string }>(
    c,
    `SELECT IF(TABLE_TYPE = 'VIEW', 'VIEW', 'TABLE') AS kind, TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?
     UNION ALL SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
     UNION ALL SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?`,
    [database, database, database],
  );
  const key = (kind: string, name: string) => `${kind} ${name}`;
  const have = new Set(existing.map((o) => key(String(o.kind), String(o.name))));
  const kept = new Set<string>(keepSurvey ? SURVEY_TABLES : []);
  const ours = migratedObjects(database).filter((o) => have.has(key(o.kind, o.name)) && !kept.has(o.name));
  const order: Kind[] = ['EVENT', 'PROCEDURE', 'VIEW', 'TABLE'];
  const drops = order.flatMap((kind) =>
    ours
      .filter((o) => o.kind === kind)
      .reverse()
      .map((o) => `DROP ${kind} IF EXISTS ${quoteId(database)}.${quoteId(o.name)}`),
  );
  const mine = new Set(migratedObjects(database).map((o) => key(o.kind, o.name)));
  const foreign = existing.map((o) => key(String(o.kind), String(o.name))).filter((k) => !mine.has(k));
  return { drops, foreign };
}

/** Reads what uninstall would do; changes nothing. */
export async function planUninstall(c: Connection, database: string, opts: { keepSurvey?: boolean } = {}): Promise<UninstallPlan> {
  const [found] = await c.execute('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [database]);
  const exists = (found as unknown[]).length > 0;
  if (exists) {
    await c.query(`USE ${quoteId(database)}`);
    const version = await readSchemaVersion(c);
    if (version > SCHEMA_VERSION) throw newerSchemaError(version, database);
  }
  const roles = (Object.keys(ROLE_NAMES) as (keyof typeof ROLE_NAMES)[]).map((r) => dbRoleName(database, r));
  const accounts = await memberAccounts(c, database, exists, roles);
  const { drops, foreign } = exists ? await objectDrops(c, database, opts.keepSurvey === true) : { drops: [], foreign: [] };
  const dropDatabase = exists && !opts.keepSurvey && foreign.length === 0;
  const actions = [
    ...accounts.map((u) => `DROP USER IF EXISTS ${quoteStr(u)}@'%'`),
    ...(await existingRoles(c, roles)).map((r) => `DROP ROLE IF EXISTS ${quoteId(r)}`),
    ...(await oldRoleRevokes(c, database)),
    ...drops,
    ...(dropDatabase ? [`DROP DATABASE IF EXISTS ${quoteId(database)}`] : []),
  ];
  return { database, actions, foreign };
}

/** Runs the plan (unless dryRun); `onAction` hears each statement before it runs. */
export async function uninstall(
  address: ServerAddress,
  opts: { dryRun?: boolean; keepSurvey?: boolean; onAction?: (sql: string) => void } = {},
): Promise<UninstallPlan> {
  const database = address.database;
  if (!database) throw new Error('the central URL must name a database, e.g. mysql://admin@host:3306/specvet');
  const c = await connect({ ...address, database: undefined });
  try {
    const plan = await planUninstall(c, database, opts);
    if (opts.dryRun) return plan;
    await c.query('SET SESSION foreign_key_checks = 0');
    for (const sql of plan.actions) {
      opts.onAction?.(sql);
      await c.query(sql);
    }
    return plan;
  } finally {
    await c.end();
  }
}
