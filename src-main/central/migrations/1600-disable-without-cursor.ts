/**
 * member_disable ends the person's open sessions without a cursor over PROCESSLIST (issue 16's
 * last risk): MariaDB 10.11 crashed opening a cursor over information_schema inside the 1110
 * watchdog, and member_disable took the same path. The procedure is made again from
 * memberSql.ts, which now reads one session at a time.
 *
 * Dropping a procedure drops its EXECUTE grant, so it is given again to this database's admin
 * role (1090).
 */
import type { Migration, MigrationContext } from './types';
import { dbRoleName, quoteId } from './1090-db-roles';
import { dropProc } from './sql';
import { memberSwitchProc } from './memberSql';

function statements({ database }: MigrationContext): string[] {
  return [
    dropProc('member_disable'),
    memberSwitchProc('member_disable', true),
    `GRANT EXECUTE ON PROCEDURE ${quoteId(database)}.member_disable TO ${quoteId(dbRoleName(database, 'admin'))}`,
  ];
}

export const migration: Migration = { version: 1600, name: 'disable-without-cursor', statements };
