/**
 * mysql2 connections to the central server, set up the same way everywhere: UTC timestamps,
 * strict SQL mode, BIGINT revisions as exact decimal strings, dates as text.
 */
import mysql, { type Connection, type ConnectionOptions, type Pool, type PoolConnection } from 'mysql2/promise';
import type { CentralLogin } from './centralClient';

export type Queryable = Connection | PoolConnection;

export const CONNECTION_SETUP = "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

export interface ServerAddress {
  host: string;
  port: number;
  user: string;
  password?: string;
  /** Omitted for connections that create the database. */
  database?: string;
}

export function connectionOptions(a: ServerAddress): ConnectionOptions {
  return {
    host: a.host,
    port: a.port,
    user: a.user,
    password: a.password ?? '',
    ...(a.database ? { database: a.database } : {}),
    charset: 'UTF8MB4_BIN',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 10_000,
  };
}

/** Parses mysql://user[:password]@host[:port][/database] (the admin URLs tests and tools use). */
export function addressFromUrl(url: string): ServerAddress {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(database ? { database } : {}),
  };
}

export async function connect(a: ServerAddress): Promise<Connection> {
  const c = await mysql.createConnection(connectionOptions(a));
  await c.query(CONNECTION_SETUP);
  return c;
}

/** Seconds a pooled connection waits for a row lock before 1205 (the server's default is 50):
 * a writer stalled behind someone's open transaction retries, then says the server is busy
 * (issue 16, finding 2), instead of hanging silently. */
export const DEFAULT_LOCK_WAIT_S = 5;

export interface PoolTuning {
  size?: number;
  /** A Galera node (`@@wsrep_on`): reads wait until this node has applied every write the
   * cluster had committed when they started (wsrep_sync_wait = 1), so a pull from another
   * node right after a push sees it. */
  causalReads?: boolean;
  /** innodb_lock_wait_timeout in seconds (default DEFAULT_LOCK_WAIT_S): short waits, then a
   * retry, beat one long wait. */
  lockWaitTimeout?: number;
}

/** `tuning` may be just the pool size. */
export function createPool(login: CentralLogin, tuning: PoolTuning | number = {}): Pool {
  if (typeof tuning === 'number') tuning = { size: tuning };
  const size = tuning.size ?? 4;
  const pool = mysql.createPool({ ...connectionOptions(login), connectionLimit: size, maxIdle: size, idleTimeout: 60_000 });
  const lockWait = tuning.lockWaitTimeout ?? DEFAULT_LOCK_WAIT_S;
  const setup = `${CONNECTION_SETUP}, innodb_lock_wait_timeout = ${Math.max(1, Math.floor(lockWait))}${tuning.causalReads ? ', wsrep_sync_wait = 1' : ''}`;
  // The core (callback) connection: queued before any query a caller makes on it.
  // A connection that cannot be set up is dropped; the caller's query then fails on it.
  pool.pool.on('connection', (c) => {
    c.query(setup, (err: unknown) => {
      if (err) c.destroy();
    });
  });
  return pool;
}

/** mysql2 hands BIGINT back as a string with bigNumberStrings; numbers that fit go to Number. */
export const toNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** 'YYYY-MM-DD HH:MM:SS.mmm' (UTC, as the server stores it) → ISO 8601 with Z. */
export function isoFromSql(v: unknown): string {
  const s = String(v);
  return s.includes('T') ? s : `${s.replace(' ', 'T')}${s.length <= 19 ? '.000' : ''}Z`;
}

/** ISO 8601 (any offset) → 'YYYY-MM-DD HH:MM:SS.mmm' in UTC for DATETIME(3). */
export function sqlFromIso(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}
