/** Pieces of stored-procedure SQL shared by the procedure migrations. */
import { LOGIN } from './types';

export const dropProc = (name: string) => `DROP PROCEDURE IF EXISTS ${name}`;

/**
 * A definer procedure that runs in the caller's transaction when there is one (a push is one
 * transaction over several calls) and in its own otherwise (a call from the `mariadb` client),
 * so its revisions are always taken and used in one transaction. `me` is the login.
 */
export function definerProc(name: string, params: string, declarations: string, body: string): string {
  return `CREATE PROCEDURE ${name}(${params})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE me VARCHAR(64) CHARACTER SET utf8mb4 DEFAULT ${LOGIN};
  DECLARE own_tx BOOLEAN DEFAULT @@in_transaction = 0;
  DECLARE msg VARCHAR(512) CHARACTER SET utf8mb4;
  DECLARE first_rev BIGINT UNSIGNED;
  ${declarations}
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    IF own_tx THEN ROLLBACK; END IF;
    RESIGNAL;
  END;
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

export const requireActiveMember = `
  IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = me AND active = 1) THEN
    ${deny("CONCAT('denied: ', me, ' is not an active SpecVet member; ask an admin to add you')")}
  END IF;`;
