/** Pieces of stored-procedure SQL shared by the procedure migrations. */
import { LOGIN } from './types';

/** A procedure's name, parameters, declarations and body, as definerProc takes them. */
export type ProcSpec = readonly [name: string, params: string, declarations: string, body: string];

export const dropProc = (name: string) => `DROP PROCEDURE IF EXISTS ${name}`;

/**
 * A definer procedure that runs in the caller's transaction when there is one (a push is one
 * transaction over several calls) and in its own otherwise (a call from the `mariadb` client),
 * so its revisions are always taken and used in one transaction. `me` is the login.
 *
 * Whether a transaction is open is asked the portable way: MariaDB's @@in_transaction does not
 * exist on MySQL 8, but on both servers `SET TRANSACTION` (next-transaction characteristics)
 * fails with SQLSTATE 25001 inside an open transaction and only sets up our own otherwise.
 */
export function definerProc(name: string, params: string, declarations: string, body: string, prelude = ''): string {
  return `CREATE PROCEDURE ${name}(${params})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE me VARCHAR(64) CHARACTER SET utf8mb4 DEFAULT ${LOGIN};
  DECLARE own_tx BOOLEAN DEFAULT TRUE;
  DECLARE msg VARCHAR(512) CHARACTER SET utf8mb4;
  DECLARE first_rev BIGINT UNSIGNED;
  ${declarations}
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    IF own_tx THEN ROLLBACK; END IF;
    RESIGNAL;
  END;
  BEGIN
    DECLARE CONTINUE HANDLER FOR SQLSTATE '25001' SET own_tx = FALSE;
    SET TRANSACTION READ WRITE;
  END;${prelude}
  IF own_tx THEN START TRANSACTION; END IF;
  ${body}
  IF own_tx THEN COMMIT; END IF;
END`;
}

/** Takes `n` revisions: first_rev + 1 … first_rev + n are ours; the counter row stays locked
 * by this transaction until it commits, which is what makes revision order the commit order. */
export const takeRevs = (n: string) => `
  UPDATE sync_rev SET rev = LAST_INSERT_ID(rev + (${n})) WHERE id = 1;
  SET first_rev = LAST_INSERT_ID() - (${n});`;

/** SIGNAL with a message that starts with "denied:" (mapped to CentralError 'denied'). */
export const deny = (messageExpr: string) => `
    SET msg = ${messageExpr};
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = msg;`;

/** Runs account DDL built at call time: CREATE USER / ALTER USER / GRANT take no parameters. */
export const runDdl = (sqlExpr: string) => `
  SET @specvet_ddl = ${sqlExpr};
  PREPARE ddl FROM @specvet_ddl;
  EXECUTE ddl;
  DEALLOCATE PREPARE ddl;
  SET @specvet_ddl = NULL;`;

/**
 * member_disable / member_enable: locks or unlocks a SpecVet member's account and marks the
 * member. Only members: an admin must not (un)lock accounts SpecVet knows nothing about.
 */
export function memberLockProc(name: string, lock: boolean): string {
  return `CREATE PROCEDURE ${name}(IN p_user VARCHAR(64) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE msg VARCHAR(512) CHARACTER SET utf8mb4;
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = p_user) THEN
    ${deny("CONCAT('no SpecVet user ', COALESCE(p_user, 'nothing'))")}
  END IF;
  ${runDdl(`CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' ACCOUNT ${lock ? 'LOCK' : 'UNLOCK'}')`)}
  UPDATE chk_member SET active = ${lock ? 0 : 1} WHERE user = p_user;
END`;
}

export const requireActiveMember = `
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = me AND active = 1) THEN
    ${deny("CONCAT('denied: ', me, ' is not an active SpecVet member; ask an admin to add you')")}
  END IF;`;

/** Longest a push procedure's caller waits for a row lock, in seconds (see boundedProc). */
export const PUSH_LOCK_WAIT_S = 10;
/** Longest a caller may sit idle in an open transaction after a push procedure joined it (MariaDB). */
export const PUSH_IDLE_TX_S = 5;

/**
 * A push procedure (from 1080 on): like definerProc it joins the caller's transaction when
 * there is one — our client sends a whole push as one transaction of several calls and
 * commits it only after the last, so a push killed mid-way leaves nothing — and otherwise
 * runs in a transaction of its own and commits it (a call from the `mariadb` client).
 *
 * A caller's open transaction that has taken revisions holds the counter row, and every writer
 * queues behind it (that is what makes revision order the commit order). So that no reviewer
 * can sit on it (issue 16, finding 2), before taking anything the procedure bounds the
 * session it runs in: row-lock waits to PUSH_LOCK_WAIT_S (a stalled writer gets 1205, which
 * the client retries and then reports as "the server is busy"), and — on MariaDB, when it
 * joined an open transaction — idle_transaction_timeout to PUSH_IDLE_TX_S, so a transaction
 * left open after a push is ended by the server (connection closed, rolled back) within
 * seconds. Only ever lowered, never raised. An empty push takes no revision and no lock.
 */
export function boundedProc(name: string, params: string, declarations: string, body: string, prelude = ''): string {
  return definerProc(name, params, declarations, body, `
  IF @@SESSION.innodb_lock_wait_timeout > ${PUSH_LOCK_WAIT_S} THEN
    SET SESSION innodb_lock_wait_timeout = ${PUSH_LOCK_WAIT_S};
  END IF;
  IF NOT own_tx AND VERSION() LIKE '%MariaDB%' THEN
    -- Dynamic, because MySQL has no such variable and would refuse the procedure.
    ${runDdl(`'SET SESSION idle_transaction_timeout = IF(@@SESSION.idle_transaction_timeout BETWEEN 1 AND ${PUSH_IDLE_TX_S}, @@SESSION.idle_transaction_timeout, ${PUSH_IDLE_TX_S})'`)}
  END IF;${prelude}`);
}

/**
 * The caller must be an active member of THIS database (its own chk_member) with one of
 * `roles`, or one of the accounts that migrated it (chk_owner, the definers). Roles alone are
 * not enough: a session opened before member_disable keeps its role, and a server may hold
 * several SpecVet databases (issue 16, findings 1 and 3).
 */
export const requireRole = (...roles: string[]) => `
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = me AND active = 1 AND role IN (${roles.map((r) => `'${r}'`).join(', ')}))
      AND NOT EXISTS (SELECT 1 FROM chk_owner WHERE user = me) THEN
    ${deny(`CONCAT('denied: ', me, ' is not an active ${roles.join(' or ')} in database ', DATABASE(), '; ask a SpecVet admin of that database')`)}
  END IF;`;
