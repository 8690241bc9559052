/**
 * Every procedure checks its caller against THIS database's chk_member (issue 16, findings 1,
 * 3 and 6): an active member with the procedure's role, or an account that migrated the
 * database (chk_owner: the definers, who own everything anyway and add the first admin).
 * A role alone proved nothing — a disabled admin's open session re-enabled herself, and roles
 * are server-wide. member_disable also ends the person's open sessions; member_add refuses
 * reserved and existing names and gives each account connection and statement limits.
 *
 * Dropping a procedure drops its EXECUTE grants, so they are given again here.
 */
import type { Migration, MigrationContext } from './types';
import { LOGIN, TABLE_OPTIONS } from './types';
import { ROLE_NAMES } from './1040-roles';
import { batchAddSpec, batchCancelSpec, problemSetStateSpec, recheckAddSpec } from './1030-manage';
import { definerProc, dropProc, requireRole, type ProcSpec } from './sql';
import { accountLimits, memberAddProc, memberSwitchProc } from './memberSql';

const checked = ([name, params, declarations, body]: ProcSpec, ...roles: string[]) => [
  dropProc(name),
  definerProc(name, params, declarations, `${requireRole(...roles)}\n  ${body}`),
];

const SERVER_WIDE_ROLE = `CASE p_role WHEN 'reviewer' THEN 'specvet_reviewer' WHEN 'coordinator' THEN 'specvet_coordinator'
    WHEN '2d' THEN 'specvet_2d' WHEN 'admin' THEN 'specvet_admin' END`;

// Existing members get the limits member_add now sets (a throwaway procedure: a cursor).
const limitExisting = `CREATE PROCEDURE specvet_limit_members()
MODIFIES SQL DATA
BEGIN
  DECLARE done BOOLEAN DEFAULT FALSE;
  DECLARE p_user VARCHAR(64) CHARACTER SET utf8mb4;
  DECLARE members CURSOR FOR SELECT m.user FROM chk_member m JOIN mysql.user u ON u.User = m.user AND u.Host = '%';
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  OPEN members;
  next_member: LOOP
    FETCH members INTO p_user;
    IF done THEN LEAVE next_member; END IF;
    ${accountLimits('p_user')}
  END LOOP;
  CLOSE members;
END`;

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  const exec = (procs: string[], to: string) => procs.map((p) => `GRANT EXECUTE ON PROCEDURE ${db}.${p} TO ${to}`);
  return [
    `CREATE TABLE IF NOT EXISTS chk_owner (
      user VARCHAR(64) NOT NULL,
      PRIMARY KEY (user)
    ) ${TABLE_OPTIONS}`,
    `INSERT IGNORE INTO chk_owner (user) VALUES (${LOGIN})`,
    ...checked(batchAddSpec, 'coordinator'),
    ...checked(batchCancelSpec, 'coordinator'),
    ...checked(recheckAddSpec, 'coordinator'),
    ...checked(problemSetStateSpec, '2d'),
    dropProc('member_add'),
    memberAddProc(SERVER_WIDE_ROLE),
    dropProc('member_disable'),
    memberSwitchProc('member_disable', true),
    dropProc('member_enable'),
    memberSwitchProc('member_enable', false),
    dropProc('specvet_limit_members'),
    limitExisting,
    'CALL specvet_limit_members()',
    dropProc('specvet_limit_members'),
    ...exec(['batch_add', 'batch_cancel', 'recheck_add'], ROLE_NAMES.coordinator),
    ...exec(['problem_set_state'], ROLE_NAMES['2d']),
    ...exec(['member_add', 'member_disable', 'member_enable'], ROLE_NAMES.admin),
  ];
}

export const migration: Migration = { version: 1070, name: 'caller-checked', statements };
