/**
 * Server and network failures as CentralError with one line saying what to do. The mapping is
 * by error number / code, never by message text, except our own SIGNALs ("denied: …").
 */
import { CentralError } from './centralClient';

interface DbError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  message?: string;
}

const NETWORK = new Set([
  'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ECONNABORTED',
]);

export const ER_ACCESS_DENIED = 1045;
export const ER_ACCOUNT_LOCKED_MARIADB = 4151;
export const ER_ACCOUNT_LOCKED_MYSQL = 3118;
export const ER_BAD_DB = 1049;
export const ER_NO_SUCH_TABLE = 1146;
export const ER_LOCK_DEADLOCK = 1213;
export const ER_LOCK_WAIT_TIMEOUT = 1205;
export const ER_SIGNAL = 1644;
/** The account's MAX_USER_CONNECTIONS (member_add sets 10) are all open. */
export const ER_USER_LIMIT_REACHED = 1226;
const DENIED = new Set([1044, 1142, 1143, 1227, 1370, 1356]);
/** A row the server refuses: CHECK constraint, bad or missing value, too long, bad JSON. */
const REFUSED_ROW = new Set([4025, 3819, 1048, 1264, 1265, 1366, 1406, 4038, 3140, 1292]);

export interface ServerContext {
  user: string;
  host: string;
  port: number;
  database: string;
  /** How messages name the server when not host:port (a cluster's nodes, before one answered). */
  where?: string;
}

/** Server going away or unable to serve now: shutdown, killed connection, too many
 * connections, a Galera node not yet synced (1047). Worth a later retry, like the network. */
const UNAVAILABLE = new Set([1040, 1047, 1053, 1927]);

export function isNetworkError(err: unknown): boolean {
  const e = err as DbError;
  return (typeof e?.code === 'string' && NETWORK.has(e.code)) || (e?.errno !== undefined && UNAVAILABLE.has(e.errno));
}

/** Deadlock or lock-wait timeout (Galera reports certification conflicts as deadlocks too). */
export function isRetryable(err: unknown): boolean {
  const n = (err as DbError)?.errno;
  return n === ER_LOCK_DEADLOCK || n === ER_LOCK_WAIT_TIMEOUT;
}

export function toCentralError(err: unknown, s: ServerContext): CentralError | null {
  if (err instanceof CentralError) return err;
  const e = err as DbError;
  const where = s.where ?? `${s.host}:${s.port}`;
  if (isNetworkError(err)) {
    return new CentralError('offline', `offline: cannot reach the central server ${where} (${e.code}); your work is kept and sync will retry — check the network or VPN`);
  }
  if (isRetryable(err)) {
    // Only reached once the retries are spent (retry.ts): someone holds a lock writers need.
    const why = e.errno === ER_LOCK_DEADLOCK ? 'deadlocks' : 'lock waits timed out';
    return new CentralError('busy', `the server is busy; your work is kept, try again (${where}: ${why} on every retry; nothing of this change was stored)`);
  }
  switch (e?.errno) {
    case ER_ACCESS_DENIED:
      return new CentralError('auth', `the central server ${where} refused the password for ${s.user}; use the right password (Sign in, or SPECVET_CENTRAL on the command line)`);
    case ER_ACCOUNT_LOCKED_MARIADB:
    case ER_ACCOUNT_LOCKED_MYSQL:
      return new CentralError('disabled', `account ${s.user} is disabled on ${where}; ask a SpecVet admin to re-enable it (your unsent work is kept)`);
    case ER_BAD_DB:
    case ER_NO_SUCH_TABLE:
      return new CentralError('schema-missing', `database ${s.database} on ${where} has no SpecVet schema; ask an admin to run: specvet central migrate`);
    case ER_USER_LIMIT_REACHED:
      return new CentralError('busy', `${s.user} already has as many connections open to ${where} as the account allows; your work is kept — close other SpecVet windows or syncs of yours, then try again`);
    case ER_SIGNAL:
      return new CentralError('denied', oneLine(e.sqlMessage ?? 'denied by the central server'), true);
  }
  if (e?.errno !== undefined && REFUSED_ROW.has(e.errno)) {
    return new CentralError('denied', `denied: the central server refused a row (${oneLine(e.sqlMessage ?? '')}); fix or discard that entry and sync again`, true);
  }
  if (e?.errno !== undefined && DENIED.has(e.errno)) {
    return new CentralError('denied', `denied: ${s.user} may not do this on ${where} (${oneLine(e.sqlMessage ?? '')}); ask a coordinator or admin if you need it`);
  }
  return null;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
