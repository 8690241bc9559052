/**
 * Prepared statements kept per SQL text: better-sqlite3 compiles on every prepare(), and a
 * review key (save a verdict, move on) should not pay for compiling the same SQL again.
 */
import type Database from 'better-sqlite3';

export interface Statements {
  prepare: Database.Database['prepare'];
}

export function statementCache(db: Database.Database): Statements {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return { prepare: prepare as Database.Database['prepare'] };
}
