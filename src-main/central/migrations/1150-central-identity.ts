/**
 * The central database's own identity (issue 16, finding 13): a UUID made once, at migrate
 * time, in a table — so it replicates to every node of a cluster and survives a move to
 * another server or port, where host:port/database does not. Clients key their local cache by
 * it, so a reviewer who fails over to another node finds their unsent work there.
 */
import { TABLE_OPTIONS, type Migration, type MigrationContext } from './types';
import { dbRoleName } from './1090-db-roles';
import { ROLE_NAMES } from './1040-roles';

const quoteId = (s: string) => '`' + s.replace(/`/g, '``') + '`';

function statements({ database }: MigrationContext): string[] {
  const roles = (Object.keys(ROLE_NAMES) as (keyof typeof ROLE_NAMES)[]).map((r) => quoteId(dbRoleName(database, r)));
  return [
    // One row: `one` is always 1, so a second identity cannot be inserted.
    `CREATE TABLE IF NOT EXISTS central_identity (
      one TINYINT NOT NULL DEFAULT 1 PRIMARY KEY CHECK (one = 1),
      id CHAR(36) CHARACTER SET ascii NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ${TABLE_OPTIONS}`,
    // A re-run keeps the identity it made: caches are keyed by it.
    'INSERT IGNORE INTO central_identity (one, id) VALUES (1, UUID())',
    `GRANT SELECT ON ${quoteId(database)}.central_identity TO ${roles.join(', ')}`,
  ];
}

export const migration: Migration = { version: 1150, name: 'central-identity', statements };
