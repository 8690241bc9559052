/**
 * The way back from member_disable: an admin unlocks the account and marks the member active
 * again, so a person disabled by mistake (or back from leave) keeps their name and history.
 */
import type { Migration, MigrationContext } from './types';
import { ROLE_NAMES } from './1040-roles';
import { dropProc, memberLockProc } from './sql';

const memberEnable = memberLockProc('member_enable', false);

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  return [dropProc('member_enable'), memberEnable, `GRANT EXECUTE ON PROCEDURE ${db}.member_enable TO ${ROLE_NAMES.admin}`];
}

export const migration: Migration = { version: 1050, name: 'member-enable', statements };
