/**
 * A local cache migration: one numbered file each (1000-initial.ts, 1010-…), listed in
 * ./index.ts and applied in order by ../migrate.ts, which records the last one in SQLite's
 * PRAGMA user_version. Each runs in one transaction, so a migration is all or nothing.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
