/**
 * Where a cache file lives: SPECVET_HOME/cache/<server-key>/<user>.sqlite, one per person and
 * server, so two accounts (or two servers) on one machine never mix their work. The embedded
 * demo gets SPECVET_HOME/cache/demo/demo.sqlite. Spectrum files sit beside, in files/.
 */
import { join } from 'node:path';

export type CacheOrigin =
  | { kind: 'demo' }
  | { kind: 'central'; host: string; port: number; database: string; user: string };

export const DEMO_USER = 'demo';

/** The cache origin of a person on a central server (the app and the CLI open the same file). */
export function centralOrigin(t: { host: string; port: number; database: string; user: string }): CacheOrigin {
  return { kind: 'central', host: t.host, port: t.port, database: t.database, user: t.user };
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
  return `${safeName(origin.host)}_${origin.port}_${safeName(origin.database)}`;
}

export function cacheDir(home: string, origin: CacheOrigin): string {
  return join(home, 'cache', serverKey(origin));
}

export function cacheFile(home: string, origin: CacheOrigin): string {
  const user = origin.kind === 'demo' ? DEMO_USER : origin.user;
  return join(cacheDir(home, origin), `${safeName(user)}.sqlite`);
}
