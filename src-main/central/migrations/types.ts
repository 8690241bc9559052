/**
 * A central schema migration: one numbered file each (1000-initial.ts, 1010-…), applied in
 * order by ../migrate.ts, which records the version in `schema_version`. Statements are plain
 * SQL text (no client-side values) so that `central migrate --dry-run` can print exactly what
 * would run. DDL is not transactional in MySQL, so each statement is written to be safe to
 * repeat (IF NOT EXISTS / OR REPLACE): a migration cut short can simply be run again.
 */
export interface MigrationContext {
  /** The database being migrated, for GRANT … ON `db`.* statements. */
  database: string;
}

export interface Migration {
  version: number;
  name: string;
  statements(ctx: MigrationContext): string[];
}

/** Table options shared by every table: InnoDB (row locks, transactions, Galera) and exact text. */
export const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** The login name of the connected person, which a client cannot forge (never CURRENT_USER()
 * inside definer code: there it is the definer). */
export const LOGIN = "SUBSTRING_INDEX(USER(), '@', 1)";
