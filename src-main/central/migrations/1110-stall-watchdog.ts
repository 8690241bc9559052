/**
 * No one can stall the server (issue 16, finding 2), enforced by the server rather than by the
 * caller's session variables, which are the caller's own to reset (`SET SESSION
 * idle_transaction_timeout = 0`, `max_statement_time = 0` — the per-account MAX_STATEMENT_TIME
 * is only a session default):
 * - a watchdog event ends, every 2 s, the connection of any member of this database whose
 *   transaction has been open STALL_S seconds or more while another transaction waits for its
 *   locks — the revision counter, or rows a member locked with SELECT … FOR UPDATE through a
 *   view or a survey table. Ending the connection rolls its transaction back: nothing half done
 *   stays, and the waiting writers go on. Migrating accounts and non-members are never touched;
 * - the coordinator and 2D procedures get the push procedures' session bounds (boundedProc);
 * - recheck_add checks every field as push_verdicts does (nothing cut or converted), and
 *   batch_add caps its criteria text.
 *
 * The event needs the server's event scheduler: migrate turns it on when it may (SUPER or
 * SYSTEM_VARIABLES_ADMIN); otherwise a deployment sets `event_scheduler = ON` itself (docs).
 */
import type { Migration, MigrationContext } from './types';
import type { ROLE_NAMES } from './1040-roles';
import { batchAddSpec, problemSetStateSpec } from './1030-manage';
import { dbRoleName, quoteId } from './1090-db-roles';
import { boundedProc, deny, dropProc, requireRole, takeRevs, type ProcSpec } from './sql';
import { rawColumns, refuseFirstBreach, VERDICT_FIELD_RULES } from './pushChecks';

/** How long a member's transaction may hold locks someone waits for, in seconds. */
export const STALL_S = 15;
/** Longest batch criteria text (the coordinator's filters, kept for the record). */
export const MAX_CRITERIA_CHARS = 10_000;

export const bounded = ([name, params, declarations, body]: ProcSpec, role: string, check = '') => [
  dropProc(name),
  boundedProc(name, params, declarations, `${requireRole(role)}${check}\n  ${body}`),
];

export const criteriaCap = `
  IF CHAR_LENGTH(p_criteria) > ${MAX_CRITERIA_CHARS} THEN
    ${deny(`CONCAT('denied: batch criteria of ', CHAR_LENGTH(p_criteria), ' characters; at most ${MAX_CRITERIA_CHARS}')`)}
  END IF;`;

const RECHECK_FIELDS = ['id', 'obsid', 'class', 'subclass', 'z', 'quality', 'comment'] as const;
const RECHECK_RULES = RECHECK_FIELDS.map((f) => VERDICT_FIELD_RULES[f]);
const recheckColumns = rawColumns(Object.fromEntries(RECHECK_FIELDS.map((f) => [f, f])));

const recheckAdd: ProcSpec = [
  'recheck_add',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad VARCHAR(512) CHARACTER SET utf8mb4; DECLARE n INT;',
  `SET n = JSON_LENGTH(doc);
  IF n > 0 THEN
    ${refuseFirstBreach(RECHECK_RULES, recheckColumns, 'resolution')}
    ${takeRevs('n')}
    INSERT INTO humanrecheck (id, obsid, coordinator, class, subclass, z, quality, comment, rev)
    SELECT j.id, j.obsid, me, j.class, j.subclass, j.z, j.quality, j.comment, first_rev + j.ord
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${recheckColumns})) j
    ON DUPLICATE KEY UPDATE humanrecheck.id = humanrecheck.id;
  END IF;`,
];

// Runs as the definer (the migrating account: PROCESS to see others' transactions, and the
// right to KILL them, which member_disable needs too). INNODB_TRX shows times in the server's
// own zone, so NOW() is read there. No cursor: MariaDB 10.11 crashed (signal 11, freeing the
// temporary table) opening a cursor over information_schema in an event, after some hundreds
// of runs; a plain SELECT per stalled session does not take that path. MySQL has no
// INNODB_LOCK_WAITS (performance_schema instead): there the watchdog does nothing (untried).
const endStalls = `CREATE PROCEDURE specvet_end_stalls()
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE tid BIGINT UNSIGNED DEFAULT 0;
  IF VERSION() LIKE '%MariaDB%' THEN
    SET time_zone = 'SYSTEM';
    next_stall: LOOP
      SET tid = (SELECT MIN(t.trx_mysql_thread_id)
        FROM information_schema.INNODB_LOCK_WAITS w
        JOIN information_schema.INNODB_TRX t ON t.trx_id = w.blocking_trx_id
        JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
        WHERE t.trx_mysql_thread_id > tid
          AND t.trx_started <= NOW() - INTERVAL ${STALL_S} SECOND
          AND p.USER IN (SELECT user FROM chk_member)
          AND p.USER NOT IN (SELECT user FROM chk_owner));
      IF tid IS NULL THEN LEAVE next_stall; END IF;
      BEGIN
        -- 1094: it ended by itself in the meantime.
        DECLARE CONTINUE HANDLER FOR 1094 BEGIN END;
        KILL CONNECTION tid;
      END;
    END LOOP;
  END IF;
END`;

// Turned on when the migrating account may; a deployment without that right sets it itself.
const startScheduler = `CREATE PROCEDURE specvet_start_scheduler()
MODIFIES SQL DATA
BEGIN
  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
  IF @@GLOBAL.event_scheduler = 'OFF' THEN
    SET GLOBAL event_scheduler = ON;
  END IF;
END`;

function statements({ database }: MigrationContext): string[] {
  const db = quoteId(database);
  const role = (r: keyof typeof ROLE_NAMES) => quoteId(dbRoleName(database, r));
  return [
    ...bounded(batchAddSpec, 'coordinator', criteriaCap),
    ...bounded(recheckAdd, 'coordinator'),
    ...bounded(problemSetStateSpec, '2d'),
    `GRANT EXECUTE ON PROCEDURE ${db}.batch_add TO ${role('coordinator')}`,
    `GRANT EXECUTE ON PROCEDURE ${db}.recheck_add TO ${role('coordinator')}`,
    `GRANT EXECUTE ON PROCEDURE ${db}.problem_set_state TO ${role('2d')}`,
    'DROP EVENT IF EXISTS specvet_stall_watchdog',
    dropProc('specvet_end_stalls'),
    endStalls,
    `CREATE EVENT specvet_stall_watchdog ON SCHEDULE EVERY 2 SECOND ON COMPLETION PRESERVE ENABLE
      COMMENT 'SpecVet: ends a member''s transaction that holds locks others wait for (issue 16, finding 2)'
      DO CALL specvet_end_stalls()`,
    dropProc('specvet_start_scheduler'),
    startScheduler,
    'CALL specvet_start_scheduler()',
    dropProc('specvet_start_scheduler'),
  ];
}

export const migration: Migration = { version: 1110, name: 'stall-watchdog', statements };
