/**
 * Reassignment revokes (issue 16, finding 4): the server records when a batch ended
 * (`check_batch.ended_at`, UTC, written by batch_cancel, which reassigning also calls), and
 * push_verdicts stores no verdict for an item of a batch that ended before the push reached
 * it, whatever `createdAt` the client claims — a former assignee backdated theirs and pushed
 * into a batch already given to someone else.
 *
 * The server cannot tell a backdated verdict from one honestly made offline before the end,
 * so both are refused, with a message saying when the batch ended and that the verdict stays
 * on the reviewer's computer (the client sets refused rows aside, listed by `specvet status`
 * and `specvet outbox --refused`): nothing is lost, and nothing unverifiable enters the
 * survey's record. A verdict already stored before the end and sent again (a lost answer) is
 * still a harmless duplicate.
 */
import type { Migration, MigrationContext } from './types';
import type { ROLE_NAMES } from './1040-roles';
import { pushVerdictsProc, type VerdictTarget } from './1080-push-checked';
import { dbRoleName, quoteId } from './1090-db-roles';
import { boundedProc, deny, dropProc, requireRole, takeRevs } from './sql';

const ENDED = 'check_batch_ended_when_cancelled';

// Cancelled before this migration: when is not known, but not later than now.
const addEndedAt = `CREATE PROCEDURE specvet_add_batch_end()
MODIFIES SQL DATA
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'check_batch' AND COLUMN_NAME = 'ended_at') THEN
    ALTER TABLE check_batch ADD COLUMN ended_at DATETIME(3) NULL AFTER state;
  END IF;
  UPDATE check_batch SET ended_at = UTC_TIMESTAMP(3) WHERE state = 'cancelled' AND ended_at IS NULL;
  IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'check_batch' AND CONSTRAINT_NAME = '${ENDED}') THEN
    ALTER TABLE check_batch ADD CONSTRAINT ${ENDED} CHECK ((state = 'active') = (ended_at IS NULL));
  END IF;
END`;

const batchCancel = boundedProc(
  'batch_cancel',
  'IN p_id CHAR(36)',
  'DECLARE n BIGINT UNSIGNED;',
  `${requireRole('coordinator')}
  IF NOT EXISTS (SELECT 1 FROM check_batch WHERE id = p_id AND state = 'active' FOR UPDATE) THEN
    ${deny("CONCAT('no active batch ', COALESCE(p_id, 'nothing'))")}
  END IF;
  SET n = (SELECT COALESCE(MAX(position) + 1, 0) FROM spec_check WHERE batch_id = p_id);
  ${takeRevs('n + 1')}
  -- Server time, never the client's: the end is what later pushes are measured against.
  UPDATE check_batch SET state = 'cancelled', ended_at = UTC_TIMESTAMP(3), rev = first_rev + 1 WHERE id = p_id;
  UPDATE spec_check SET assigned = 0, rev = first_rev + 2 + position WHERE batch_id = p_id;`,
);

/** Only items of batches that have not ended; a verdict already stored is a duplicate, not refused. */
const OPEN_BATCH: VerdictTarget = {
  join: '\n    JOIN check_batch b ON b.id = sc.batch_id AND b.ended_at IS NULL',
  leftJoin: '\n        LEFT JOIN check_batch b ON b.id = sc.batch_id',
  outside: 'sc.obsid IS NULL OR (b.ended_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM humanverify h WHERE h.id = j.id))',
  refusal: `IF(sc.obsid IS NULL, 'is for a spectrum that is not in one of your batches',
          CONCAT('is for batch "', LEFT(b.name, 60), '", which ended (cancelled or reassigned) at ',
            DATE_FORMAT(b.ended_at, '%Y-%m-%d %H:%i:%s'), ' UTC, before this push: it is not stored centrally and stays',
            ' on your computer (specvet outbox --refused); tell your coordinator if it should count'))`,
};

function statements({ database }: MigrationContext): string[] {
  const db = quoteId(database);
  const role = (r: keyof typeof ROLE_NAMES) => quoteId(dbRoleName(database, r));
  return [
    dropProc('specvet_add_batch_end'),
    addEndedAt,
    'CALL specvet_add_batch_end()',
    dropProc('specvet_add_batch_end'),
    dropProc('batch_cancel'),
    batchCancel,
    dropProc('push_verdicts'),
    pushVerdictsProc(OPEN_BATCH),
    // Dropping a procedure drops its grants.
    `GRANT EXECUTE ON PROCEDURE ${db}.batch_cancel TO ${role('coordinator')}`,
    `GRANT EXECUTE ON PROCEDURE ${db}.push_verdicts TO ${role('reviewer')}, ${role('coordinator')}, ${role('2d')}`,
  ];
}

export const migration: Migration = { version: 1100, name: 'batch-ended', statements };
