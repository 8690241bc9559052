/**
 * The way back from member_disable: an admin unlocks the account and marks the member active
 * again, so a person disabled by mistake (or back from leave) keeps their name and history.
 */
import type { Migration, MigrationContext } from './types';
import { ROLE_NAMES } from './1040-roles';
import { deny, dropProc } from './sql';

const TEXT = 'CHARACTER SET utf8mb4';

// Like member_disable, only SpecVet members: an admin must not unlock accounts that someone
// else locked for reasons SpecVet knows nothing about.
const memberEnable = `CREATE PROCEDURE member_enable(IN p_user VARCHAR(64) ${TEXT})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE msg VARCHAR(512) ${TEXT};
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = p_user) THEN
    ${deny("CONCAT('no SpecVet user ', COALESCE(p_user, 'nothing'))")}
  END IF;
  SET @specvet_ddl = CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' ACCOUNT UNLOCK');
  PREPARE ddl FROM @specvet_ddl;
  EXECUTE ddl;
  DEALLOCATE PREPARE ddl;
  SET @specvet_ddl = NULL;
  UPDATE chk_member SET active = 1 WHERE user = p_user;
END`;

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  return [dropProc('member_enable'), memberEnable, `GRANT EXECUTE ON PROCEDURE ${db}.member_enable TO ${ROLE_NAMES.admin}`];
}

export const migration: Migration = { version: 1050, name: 'member-enable', statements };
