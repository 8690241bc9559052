/**
 * A cache file is checked before anything is written to it. A damaged file (SQLite's
 * quick_check, or a file SQLite cannot read as a database) and an emptied one (0 bytes — a new
 * cache never has that size at its final name, see createAtomically) are moved aside as
 * `<file>.damaged-<time>` with their -wal/-shm, never written to and never taken for a new
 * cache: the person's unsent work may be in them. Status names the copies while they exist.
 */
import type Database from 'better-sqlite3';
import { existsSync, linkSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class CacheDamagedError extends Error {
  override name = 'CacheDamagedError';
  constructor(
    readonly file: string,
    readonly aside: string,
    reason: string,
  ) {
    super(
      `cache ${file} is damaged (${reason}); moved aside to ${aside} and not written to — your unsent work may be in it: keep that file and ask your SpecVet admin; the next start makes a new cache and pulls your batches again`,
    );
  }
}

/** SQLite's own words when a file is not a readable database. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && DAMAGE_CODES.has(code);
}

/** Refuses an existing 0-byte cache before SQLite opens it (and would call it new). */
export function refuseEmpty(file: string, now: Date): void {
  if (existsSync(file) && statSync(file).size === 0) {
    throw new CacheDamagedError(file, moveAside(file, now), 'the file is empty (0 bytes) although a cache was made there');
  }
}

/** quick_check's verdict: null when the file is sound, else SQLite's first complaint. */
export function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer from quick_check';
  return first === 'ok' ? null : `malformed: ${first.replace(/\s+/g, ' ').trim()}`;
}

/** Moves the file and its -wal/-shm aside under one name; returns the new name of the file. */
export function moveAside(file: string, now: Date): string {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/** Copies of this cache moved aside as damaged (status names them until the person deletes them). */
export function damagedCopies(file: string): string[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(file)}.damaged-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && !f.endsWith('-wal') && !f.endsWith('-shm'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Makes a new cache file so it is never 0 bytes at its final name: SQLite writes the header in
 * a private name (setting WAL does), then the file is linked into place. link() does not
 * replace: if another process made the cache meanwhile, theirs is kept and ours dropped.
 */
export function createAtomically(file: string, open: (path: string) => Database.Database): void {
  if (existsSync(file)) return;
  const temp = `${file}.new-${process.pid}-${Date.now()}`;
  const db = open(temp);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temp);
  }
}
