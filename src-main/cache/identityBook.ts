/**
 * Which central database each node address belongs to, as clients learned it
 * (SPECVET_HOME/cache/identities.json: {"host:port/database": "<uuid>"}), and the cache file a
 * person's target resolves to. The book lets a start without the network (the app opens its
 * cache before any sync) find the identity-keyed cache; carrying over moves a cache made under
 * an address key — by an older SpecVet, or before the first sync — to the identity's key, with
 * its unsent work, the first time it is opened with the identity known.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addressOrigin, cacheFile } from './location';
import type { NodeAddress } from '../../shared/centralUrl';

/** A person on a central database reachable at `nodes` (a cluster's, or one). */
export interface CacheTarget {
  nodes: readonly NodeAddress[];
  database: string;
  user: string;
}

const bookFile = (home: string) => join(home, 'cache', 'identities.json');
const addressOf = (n: NodeAddress, database: string) => `${n.host}:${n.port}/${database}`;

function readBook(home: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(bookFile(home), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    // Missing or unreadable: the identity is learned again at the next sync or sign-in.
    return {};
  }
}

/** The identity learned for any of the target's nodes, or null. */
export function knownIdentity(home: string, t: Pick<CacheTarget, 'nodes' | 'database'>): string | null {
  const book = readBook(home);
  for (const n of t.nodes) {
    const id = book[addressOf(n, t.database)];
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return id;
  }
  return null;
}

/** Records that `node` serves the database `databaseId` (written whole, then renamed: a crash
 * leaves the old book or the new). */
export function recordIdentity(home: string, node: NodeAddress, database: string, databaseId: string): void {
  const book = readBook(home);
  const key = addressOf(node, database);
  if (book[key] === databaseId) return;
  book[key] = databaseId;
  const file = bookFile(home);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(book, null, 2));
  renameSync(`${file}.tmp`, file);
}

/**
 * The cache file for `t`: the identity's when known — after carrying over an address-keyed
 * cache of one of the target's nodes, when the identity's has none yet — else the address
 * cache of the first node that has one, else the first node's.
 */
export function resolveCacheFile(home: string, t: CacheTarget): string {
  const addressed = t.nodes.map((n) => cacheFile(home, addressOrigin({ ...n, database: t.database, user: t.user })));
  const databaseId = knownIdentity(home, t);
  if (databaseId === null) return addressed.find((f) => existsSync(f)) ?? addressed[0]!;
  const file = cacheFile(home, { kind: 'central', databaseId, user: t.user });
  if (!existsSync(file)) {
    const old = addressed.find((f) => existsSync(f));
    if (old) carryOver(old, file);
  }
  return file;
}

/**
 * Moves an address-keyed cache to its identity key. The whole folder (every person's cache
 * and the spectrum files) when the identity has none yet; otherwise this person's file alone
 * (with SQLite's -wal and -journal beside it), and files are fetched again as needed.
 */
function carryOver(old: string, file: string): void {
  const newDir = dirname(file);
  if (!existsSync(newDir)) {
    mkdirSync(dirname(newDir), { recursive: true });
    renameSync(dirname(old), newDir);
    return;
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(old + suffix)) renameSync(old + suffix, file + suffix);
  }
}
