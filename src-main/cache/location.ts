/**
 * Where a cache file lives: SPECVET_HOME/cache/<key>/<user>.sqlite, one per person and central
 * database, so two accounts (or two databases) on one machine never mix their work. The key is
 * the central database's own identity (`db-<uuid>`, central migration 1150), the same on every
 * node of a cluster — so failing over to another node finds the same outbox. Until a client
 * has learned that identity (first start offline, or a cache made by an older SpecVet) the key
 * is the address, `<host>_<port>_<database>`; such a cache is carried over to the identity's
 * key when it is next opened (identityBook.ts). The embedded demo gets cache/demo/demo.sqlite.
 * Spectrum files sit beside, in files/.
 */
import { join } from 'node:path';

export type CacheOrigin =
  | { kind: 'demo' }
  /** A central database whose identity is known. */
  | { kind: 'central'; databaseId: string; user: string }
  /** A central database known only by one node's address (identity not learned yet). */
  | { kind: 'central-address'; host: string; port: number; database: string; user: string };

export const DEMO_USER = 'demo';

/** The cache origin of a person on a central node, by address (before the identity is known). */
export function addressOrigin(t: { host: string; port: number; database: string; user: string }): CacheOrigin {
  return { kind: 'central-address', host: t.host, port: t.port, database: t.database, user: t.user };
}

/** Keeps letters, digits, '.' and '-'; everything else becomes %XX, so distinct names stay distinct. */
function safeName(s: string): string {
  const enc = s.replace(/[^A-Za-z0-9.-]/gu, (c) =>
    Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(''),
  );
  // A name made only of dots would mean "this folder" or "the parent" to the file system.
  return /^\.+$/.test(enc) ? enc.replace(/\./g, '%2E') : enc;
}

export function serverKey(origin: CacheOrigin): string {
  if (origin.kind === 'demo') return 'demo';
  if (origin.kind === 'central') return `db-${safeName(origin.databaseId)}`;
  return `${safeName(origin.host)}_${origin.port}_${safeName(origin.database)}`;
}

export function cacheDir(home: string, origin: CacheOrigin): string {
  return join(home, 'cache', serverKey(origin));
}

export function cacheFile(home: string, origin: CacheOrigin): string {
  const user = origin.kind === 'demo' ? DEMO_USER : origin.user;
  return join(cacheDir(home, origin), `${safeName(user)}.sqlite`);
}
