/**
 * The account procedures (member_add / member_disable / member_enable) as 1070 and later
 * migrations define them: only an active admin of this database (or its owner) may call
 * them, user names are plain and never an existing account or role, every account gets
 * connection and statement limits, and disabling ends the person's open sessions at once.
 */
import { LOGIN } from './types';
import { deny, requireRole, runDdl } from './sql';

const TEXT = 'CHARACTER SET utf8mb4';

/** A plain user name: lower-case letter first, at most 32 characters (shared/… mirrors it). */
export const PLAIN_USER_NAME = '^[a-z][a-z0-9_.-]{0,31}$';
/** Names that are the server's own, or SpecVet's roles' prefix, never a person's. */
export const RESERVED_USER_NAMES = ['root', 'mysql', 'mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema', 'public', 'none'];
/** Per-account limits: one person's connections cannot use up the server's, nor one statement run for ever. */
export const MAX_USER_CONNECTIONS = 10;
export const MAX_STATEMENT_SECONDS = 300;

const quoted = (list: readonly string[]) => list.map((n) => `'${n}'`).join(', ');

/** SQL setting the account limits of the account named by the SQL expression `userExpr`. */
export const accountLimits = (userExpr: string) =>
  runDdl(`CONCAT('ALTER USER ', QUOTE(${userExpr}), '@''%'' WITH MAX_USER_CONNECTIONS ${MAX_USER_CONNECTIONS}',
    IF(VERSION() LIKE '%MariaDB%', ' MAX_STATEMENT_TIME ${MAX_STATEMENT_SECONDS}', ''))`);

const nameChecks = `
  IF p_user IS NULL OR NOT (p_user COLLATE utf8mb4_bin REGEXP '${PLAIN_USER_NAME}') THEN
    ${deny("CONCAT('a user name is a lower-case letter then up to 31 lower-case letters, digits, _ . or -; got ', COALESCE(p_user, 'nothing'))")}
  END IF;
  IF p_user IN (${quoted(RESERVED_USER_NAMES)}) OR p_user LIKE 'specvet\\_%' THEN
    ${deny("CONCAT('the name ', p_user, ' is reserved (the server''s own accounts and SpecVet''s roles); choose another')")}
  END IF;
  IF EXISTS (SELECT 1 FROM mysql.user WHERE User = p_user) THEN
    ${deny("CONCAT('an account or role named ', p_user, ' already exists on this server; choose another name')")}
  END IF;`;

/**
 * member_add. `roleExpr` is the SQL expression for the role to grant, from p_role (checked to
 * be one of the four first). The password arrives as a mysql_native_password hash.
 */
export function memberAddProc(roleExpr: string): string {
  return `CREATE PROCEDURE member_add(IN p_user VARCHAR(64) ${TEXT}, IN p_role VARCHAR(16),
  IN p_department VARCHAR(128) ${TEXT}, IN p_hash VARCHAR(64))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE me VARCHAR(64) ${TEXT} DEFAULT ${LOGIN};
  DECLARE role_name VARCHAR(128) ${TEXT};
  DECLARE msg VARCHAR(512) ${TEXT};
  ${requireRole('admin')}
  ${nameChecks}
  IF p_role IS NULL OR p_role NOT IN ('reviewer', 'coordinator', '2d', 'admin') THEN
    ${deny("CONCAT('a role is reviewer, coordinator, 2d or admin; got ', COALESCE(p_role, 'nothing'))")}
  END IF;
  SET role_name = ${roleExpr};
  IF p_hash IS NULL OR NOT p_hash REGEXP '^[*][0-9A-F]{40}$' THEN
    ${deny("'the password must arrive as a mysql_native_password hash'")}
  END IF;
  IF EXISTS (SELECT 1 FROM chk_member WHERE user = p_user) THEN
    ${deny("CONCAT('user ', p_user, ' already exists')")}
  END IF;
  ${runDdl(`CONCAT('CREATE USER ', QUOTE(p_user), '@''%'' IDENTIFIED WITH mysql_native_password AS ', QUOTE(p_hash))`)}
  ${accountLimits('p_user')}
  ${runDdl(`CONCAT('GRANT ', role_name, ' TO ', QUOTE(p_user), '@''%''')`)}
  ${runDdl(`IF(VERSION() LIKE '%MariaDB%',
    CONCAT('SET DEFAULT ROLE ', role_name, ' FOR ', QUOTE(p_user), '@''%'''),
    CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' DEFAULT ROLE ', role_name))`)}
  INSERT INTO chk_member (user, role, department, active) VALUES (p_user, p_role, COALESCE(p_department, ''), 1);
END`;
}

/** Ends every open connection of `p_user` but the caller's own: a locked account keeps the
 * sessions it already has, and those still carry its role. No cursor over PROCESSLIST: MariaDB
 * 10.11 crashed opening one over information_schema (see 1110's watchdog); one plain SELECT per
 * session does not take that path. */
const killSessions = `
  BEGIN
    DECLARE tid BIGINT UNSIGNED DEFAULT 0;
    next_session: LOOP
      SET tid = (SELECT MIN(ID) FROM information_schema.PROCESSLIST
        WHERE USER = p_user AND ID <> CONNECTION_ID() AND ID > tid);
      IF tid IS NULL THEN LEAVE next_session; END IF;
      BEGIN
        -- 1094: the session ended by itself in the meantime.
        DECLARE CONTINUE HANDLER FOR 1094 BEGIN END;
        KILL CONNECTION tid;
      END;
    END LOOP;
  END;`;

/** member_disable / member_enable: (un)locks a member's account and marks the member. */
export function memberSwitchProc(name: string, lock: boolean): string {
  return `CREATE PROCEDURE ${name}(IN p_user VARCHAR(64) ${TEXT})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE me VARCHAR(64) ${TEXT} DEFAULT ${LOGIN};
  DECLARE msg VARCHAR(512) ${TEXT};
  ${requireRole('admin')}
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = p_user) THEN
    ${deny("CONCAT('no SpecVet user ', COALESCE(p_user, 'nothing'))")}
  END IF;
  ${runDdl(`CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' ACCOUNT ${lock ? 'LOCK' : 'UNLOCK'}')`)}
  UPDATE chk_member SET active = ${lock ? 0 : 1} WHERE user = p_user;
  ${lock ? killSessions : ''}
END`;
}
