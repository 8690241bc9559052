/**
 * One role set per database (issue 16, finding 1): `specvet_<database>_<role>`. The
 * server-wide roles of 1040 gave every SpecVet database's grants to every holder of the role,
 * so a reviewer of database A read B's spec_info. Members move to this database's roles, the
 * old roles lose every grant on this database (other databases may still use them), and
 * member_add grants the new ones.
 *
 * The revision counter is no longer readable directly (finding 2): a SELECT … FOR UPDATE on it
 * stalled every writer. Readers get `sync_head`, a TEMPTABLE view, which takes no row locks
 * even when read FOR UPDATE.
 */
import type { Migration, MigrationContext } from './types';
import { ROLE_NAMES } from './1040-roles';
import { dropProc, runDdl } from './sql';
import { memberAddProc } from './memberSql';

type RoleKey = keyof typeof ROLE_NAMES;
const ROLE_KEYS = Object.keys(ROLE_NAMES) as RoleKey[];

/** This database's role for `role`, e.g. specvet_survey_reviewer (unquoted). */
export const dbRoleName = (database: string, role: RoleKey) => `specvet_${database}_${role}`;

export const quoteId = (s: string) => '`' + s.replace(/`/g, '``') + '`';
const SURVEY = ['plan_info', 'target_info', 'obj_info', 'spec_info'];
const OWN_VIEWS = ['my_member', 'my_batches', 'my_items', 'my_verdicts', 'my_bookmarks', 'my_problems'];
const CHECK_TABLES = ['chk_member', 'check_batch', 'spec_check', 'check_status', 'humanverify', 'humanrecheck', 'prob2d'];
const PUSH = ['push_verdicts', 'push_problems', 'push_bookmarks'];
const COORDINATE = ['batch_add', 'batch_cancel', 'recheck_add'];
const ADMINISTER = ['member_add', 'member_disable', 'member_enable'];

/** Who gets what: [privilege, objects, roles]. EXECUTE objects are procedures. */
const GRANTS: readonly [string, readonly string[], readonly RoleKey[]][] = [
  ['SELECT', ['schema_version', 'sync_head', ...SURVEY, ...OWN_VIEWS], ROLE_KEYS],
  ['EXECUTE', PUSH, ['reviewer', 'coordinator', '2d']],
  ['SELECT', CHECK_TABLES, ['coordinator']],
  ['EXECUTE', COORDINATE, ['coordinator']],
  ['SELECT', ['prob2d', 'chk_member'], ['2d']],
  ['EXECUTE', ['problem_set_state'], ['2d']],
  ['SELECT', ['chk_member'], ['admin']],
  ['EXECUTE', ADMINISTER, ['admin']],
];

const ROLE_OF_MEMBER = "CONCAT('`', REPLACE(CONCAT('specvet_', DATABASE(), '_', p_role), '`', '``'), '`')";

// Moves each member to this database's role and takes the server-wide one away.
const moveMembers = `CREATE PROCEDURE specvet_move_members()
MODIFIES SQL DATA
BEGIN
  DECLARE done BOOLEAN DEFAULT FALSE;
  DECLARE p_user VARCHAR(64) CHARACTER SET utf8mb4;
  DECLARE p_role VARCHAR(16);
  DECLARE members CURSOR FOR SELECT m.user, m.role FROM chk_member m JOIN mysql.user u ON u.User = m.user AND u.Host = '%';
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  OPEN members;
  next_member: LOOP
    FETCH members INTO p_user, p_role;
    IF done THEN LEAVE next_member; END IF;
    ${runDdl(`CONCAT('GRANT ', ${ROLE_OF_MEMBER}, ' TO ', QUOTE(p_user), '@''%''')`)}
    ${runDdl(`IF(VERSION() LIKE '%MariaDB%',
      CONCAT('SET DEFAULT ROLE ', ${ROLE_OF_MEMBER}, ' FOR ', QUOTE(p_user), '@''%'''),
      CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' DEFAULT ROLE ', ${ROLE_OF_MEMBER}))`)}
    BEGIN
      -- 1919 / 1141: the old role was not granted (a member added by hand).
      DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
      ${runDdl(`CONCAT('REVOKE ', CONCAT('specvet_', IF(p_role = '2d', '2d', p_role)), ' FROM ', QUOTE(p_user), '@''%''')`)}
    END;
  END LOOP;
  CLOSE members;
END`;

/** REVOKEs of every grant 1040–1080 gave the server-wide roles on this database; a grant that
 * is not there (a re-run) is skipped. */
function revokeOld(db: string): string {
  const revokes = GRANTS.flatMap(([what, objects, roles]) =>
    objects.flatMap((o) =>
      roles.map((r) => `REVOKE ${what} ON ${what === 'EXECUTE' ? 'PROCEDURE ' : ''}${db}.${o} FROM ${ROLE_NAMES[r]};`),
    ),
  );
  revokes.push(...ROLE_KEYS.map((r) => `REVOKE SELECT ON ${db}.sync_rev FROM ${ROLE_NAMES[r]};`));
  return `CREATE PROCEDURE specvet_revoke_server_roles()
MODIFIES SQL DATA
BEGIN
  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
  ${revokes.join('\n  ')}
END`;
}

function statements({ database }: MigrationContext): string[] {
  const db = quoteId(database);
  const role = (r: RoleKey) => quoteId(dbRoleName(database, r));
  const grants = GRANTS.flatMap(([what, objects, roles]) =>
    objects.map((o) => `GRANT ${what} ON ${what === 'EXECUTE' ? 'PROCEDURE ' : ''}${db}.${o} TO ${roles.map(role).join(', ')}`),
  );
  return [
    'CREATE OR REPLACE ALGORITHM = TEMPTABLE SQL SECURITY DEFINER VIEW sync_head AS SELECT rev FROM sync_rev WHERE id = 1',
    ...ROLE_KEYS.map((r) => `CREATE ROLE IF NOT EXISTS ${role(r)}`),
    dropProc('member_add'),
    memberAddProc(ROLE_OF_MEMBER),
    ...grants,
    dropProc('specvet_move_members'),
    moveMembers,
    'CALL specvet_move_members()',
    dropProc('specvet_move_members'),
    dropProc('specvet_revoke_server_roles'),
    revokeOld(db),
    'CALL specvet_revoke_server_roles()',
    dropProc('specvet_revoke_server_roles'),
  ];
}

export const migration: Migration = { version: 1090, name: 'db-roles', statements };
