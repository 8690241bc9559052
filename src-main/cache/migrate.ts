/**
 * Applies the numbered migrations in ./migrations (Signal Desktop style): the database's
 * PRAGMA user_version says which ran last, and a cache written by a newer SpecVet is refused
 * rather than guessed at.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export { SCHEMA_VERSION };

export class CacheSchemaError extends Error {
  override name = 'CacheSchemaError';
}

/** Brings the file up to SCHEMA_VERSION, each step in its own transaction. */
export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new CacheSchemaError(
      `${file} was written by a newer SpecVet (cache schema ${current}, this one knows ${SCHEMA_VERSION}); update SpecVet`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // user_version takes no bound parameters; m.version is a number from this file.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
  }
}
