/**
 * The coordinator's recheck and the 2D team's problem handling (issue 15):
 * - `recheck_add` checks every field it stores (as the push procedures do since 1080): a
 *   recheck names a spectrum that exists, a known class, quality 0–4, a capped comment;
 * - `problem_set_state` takes the 2D user's note, and every change of state is appended to
 *   `prob2d_event` — prob2d keeps only the latest state, and `trace --at` must be able to say
 *   what the state was at any earlier moment;
 * - `my_problems` shows the note, so the reporter's pull brings the whole handling;
 * - a (ra, dec) index on target_info, so a designation finds its fibre without a scan.
 *
 * Dropping a procedure drops its EXECUTE grants, so they are given again here to this
 * database's roles (1090).
 */
import { LOGIN, TABLE_OPTIONS, type Migration, type MigrationContext } from './types';
import { dbRoleName } from './1090-db-roles';
import { boundedProc, deny, dropProc, requireRole, takeRevs } from './sql';
import { allHold, firstFailure, MAX_TEXT_CHARS, rawColumns, RECHECK_RULES } from './pushChecks';

const recheckColumns = rawColumns({
  id: 'id', obsid: 'obsid', class: 'class', subclass: 'subclass', z: 'z', quality: 'quality', comment: 'comment',
});

const recheckAdd = boundedProc(
  'recheck_add',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad VARCHAR(512) CHARACTER SET utf8mb4; DECLARE n INT;',
  `${requireRole('coordinator')}
  SET n = JSON_LENGTH(doc);
  IF n IS NULL THEN
    ${deny("'denied: recheck_add takes a JSON array of rechecks'")}
  END IF;
  SET bad = (SELECT CONCAT('recheck ', LEFT(COALESCE(j.id, '(no id)'), 36), ' ', ${firstFailure(RECHECK_RULES)})
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${recheckColumns})) j
    WHERE NOT (${allHold(RECHECK_RULES)}) ORDER BY j.ord LIMIT 1);
  IF bad IS NOT NULL THEN
    ${deny("CONCAT('denied: ', bad)")}
  END IF;
  SET bad = (SELECT LEFT(j.obsid, 20) FROM JSON_TABLE(doc, '$[*]' COLUMNS (${recheckColumns})) j
    LEFT JOIN spec_info si ON si.obsid = j.obsid WHERE si.obsid IS NULL ORDER BY j.ord LIMIT 1);
  IF bad IS NOT NULL THEN
    ${deny("CONCAT('denied: no spectrum with obsid ', bad, ' in spec_info')")}
  END IF;
  IF n > 0 THEN
    ${takeRevs('n')}
    INSERT INTO humanrecheck (id, obsid, coordinator, class, subclass, z, quality, comment, rev)
    SELECT j.id, j.obsid, me, j.class, j.subclass, j.z, j.quality, j.comment, first_rev + j.ord
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${recheckColumns})) j
    ON DUPLICATE KEY UPDATE humanrecheck.id = humanrecheck.id;
  END IF;`,
);

const problemSetState = boundedProc(
  'problem_set_state',
  'IN p_id CHAR(36), IN p_state VARCHAR(16), IN p_note MEDIUMTEXT CHARACTER SET utf8mb4',
  '',
  `${requireRole('2d')}
  IF p_state IS NULL OR p_state NOT IN ('acknowledged', 'resolved', 'discarded') THEN
    ${deny("CONCAT('denied: a problem can be set to acknowledged, resolved or discarded, not ', COALESCE(p_state, 'nothing'))")}
  END IF;
  IF CHAR_LENGTH(COALESCE(p_note, '')) > ${MAX_TEXT_CHARS} THEN
    ${deny(`CONCAT('denied: the note has ', CHAR_LENGTH(p_note), ' characters; at most ${MAX_TEXT_CHARS}')`)}
  END IF;
  IF NOT EXISTS (SELECT 1 FROM prob2d WHERE id = p_id FOR UPDATE) THEN
    ${deny("CONCAT('denied: no problem report ', COALESCE(p_id, 'nothing'))")}
  END IF;
  ${takeRevs('1')}
  UPDATE prob2d SET state = p_state, handled_by = me, handled_at = CURRENT_TIMESTAMP(3),
    handled_note = COALESCE(p_note, ''), rev = first_rev + 1
  WHERE id = p_id;
  INSERT INTO prob2d_event (rev, problem_id, state, note, handled_by, handled_at)
  SELECT rev, id, state, handled_note, handled_by, handled_at FROM prob2d WHERE id = p_id;`,
);

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  const role = (r: Parameters<typeof dbRoleName>[1]) => '`' + dbRoleName(database, r).replace(/`/g, '``') + '`';
  return [
    'ALTER TABLE prob2d ADD COLUMN IF NOT EXISTS handled_note MEDIUMTEXT NULL AFTER handled_at',
    // Append-only: one row per change of a report's state (the report's own row is the first).
    `CREATE TABLE IF NOT EXISTS prob2d_event (
      rev BIGINT UNSIGNED NOT NULL,
      problem_id CHAR(36) CHARACTER SET ascii NOT NULL,
      state ENUM('open','acknowledged','resolved','discarded') NOT NULL,
      note MEDIUMTEXT NOT NULL,
      handled_by VARCHAR(64) NOT NULL,
      handled_at DATETIME(3) NOT NULL,
      PRIMARY KEY (rev),
      KEY prob2d_event_problem (problem_id, handled_at)
    ) ${TABLE_OPTIONS}`,
    'CREATE INDEX IF NOT EXISTS target_info_position ON target_info (ra, `dec`)',
    'CREATE INDEX IF NOT EXISTS humanrecheck_obsid_time ON humanrecheck (obsid, created_at)',
    `CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW my_problems AS
      SELECT id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at,
        state, handled_by, handled_at, handled_note, rev
      FROM prob2d WHERE reporter = ${LOGIN}`,
    dropProc('recheck_add'),
    recheckAdd,
    dropProc('problem_set_state'),
    problemSetState,
    `GRANT EXECUTE ON PROCEDURE ${db}.recheck_add TO ${role('coordinator')}`,
    `GRANT EXECUTE ON PROCEDURE ${db}.problem_set_state TO ${role('2d')}`,
    `GRANT SELECT ON ${db}.prob2d_event TO ${role('coordinator')}, ${role('2d')}`,
  ];
}

export const migration: Migration = { version: 1250, name: 'quality-desk', statements };
