/**
 * The push procedures again (issue 16, findings 2, 4 and 5):
 * - each joins the caller's transaction (a push is one transaction) or commits its own, and
 *   bounds the caller's session so that no one can sit on the revision counter's lock
 *   (boundedProc); an empty push takes no revision at all;
 * - only an active member of this database may push (requireRole);
 * - bookmarks only into batches still active; verdicts into the pusher's own items;
 * - every field is checked before it is stored (pushChecks.ts), nothing cut or converted;
 * - `supersedes` may name only the pusher's own verdict;
 * - a reviewer reports problems only on a plan and spectrograph they are checking (the 2D
 *   team and coordinators anywhere).
 */
import { LOGIN, type Migration, type MigrationContext } from './types';
import { ROLE_NAMES } from './1040-roles';
import { deny, dropProc, boundedProc, requireRole, takeRevs } from './sql';
import { allHold, firstFailure, PROBLEM_RULES, rawColumns, refuseFirstBreach, VERDICT_RULES } from './pushChecks';

const PUSHERS = ['reviewer', 'coordinator', '2d'];

const verdictColumns = rawColumns({
  id: 'id', obsid: 'obsid', batch_id: 'batchId', class: 'class', subclass: 'subclass', z: 'z', quality: 'quality',
  flags: 'flags', comment: 'comment', supersedes: 'supersedes', created_at: 'createdAt',
});
// Not `assigned = 1`: a verdict made offline before a batch was cancelled still landed here;
// 1100 refuses it by the batch's server-side end time instead (issue 16, finding 4).
const ownItem = 'sc.batch_id = j.batch_id AND sc.obsid = j.obsid AND sc.assignee = me';

/** Which of the pusher's own items (`spec_check sc`) a verdict may land on, as SQL pieces of
 * push_verdicts. 1080: any own item; 1100: only items of a batch that has not ended. */
export interface VerdictTarget {
  /** More JOINs after `JOIN spec_check sc` that a landing verdict must pass. */
  join: string;
  /** The same tables LEFT JOINed, for the pass that names a refused row. */
  leftJoin: string;
  /** True for a row that did not land for a reason of this target (not a bad field). */
  outside: string;
  /** Why such a row did not land: an SQL text expression. */
  refusal: string;
}

export const ANY_OWN_ITEM: VerdictTarget = {
  join: '',
  leftJoin: '',
  outside: 'sc.obsid IS NULL',
  refusal: "'is for a spectrum that is not in one of your batches'",
};

// Rows that pass every rule and are for the pusher's own assigned items go in; when fewer
// went in than were sent (duplicates, or a bad row) a second pass names the first bad row.
export const pushVerdictsProc = (t: VerdictTarget) => boundedProc(
  'push_verdicts',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad VARCHAR(512) CHARACTER SET utf8mb4; DECLARE n INT;',
  `${requireRole(...PUSHERS)}
  SET n = JSON_LENGTH(doc);
  IF n > 0 THEN
    -- The counter first: reading humanverify here takes gap locks (a read inside a writing
    -- statement locks), and a pusher holding them while it queued for the counter deadlocked
    -- with the counter's holder inserting into those gaps — 50 concurrent pushers deadlocked on
    -- every retry (test/sync/faults.test.ts). Behind the counter, pushes are serial.
    ${takeRevs('n')}
    -- Checked before any verdict is written: inside a caller's transaction, rows written before
    -- a refusal would stay there for the caller to COMMIT (a revision number skipped is harmless).
    SET bad = (SELECT LEFT(j.id, 36) FROM JSON_TABLE(doc, '$[*]' COLUMNS (${verdictColumns})) j
      JOIN humanverify o ON o.id = j.supersedes WHERE o.reviewer <> me ORDER BY j.ord LIMIT 1);
    IF bad IS NOT NULL THEN
      ${deny("CONCAT('denied: verdict ', bad, ' supersedes a verdict of another reviewer; a verdict may supersede only your own')")}
    END IF;
    INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
    SELECT j.id, j.obsid, j.batch_id, me, j.class, j.subclass, j.z, j.quality, j.flags, j.comment, j.supersedes, j.created_at, first_rev + j.ord
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${verdictColumns})) j
    JOIN spec_check sc ON ${ownItem}${t.join}
    WHERE ${allHold(VERDICT_RULES)}
    ON DUPLICATE KEY UPDATE humanverify.id = humanverify.id;
    IF ROW_COUNT() < n THEN
      SET bad = (SELECT CONCAT(LEFT(COALESCE(j.id, '(no id)'), 36), ' ', COALESCE(${firstFailure(VERDICT_RULES)},
          ${t.refusal}))
        FROM JSON_TABLE(doc, '$[*]' COLUMNS (${verdictColumns})) j
        LEFT JOIN spec_check sc ON ${ownItem}${t.leftJoin}
        WHERE ${t.outside} OR NOT (${allHold(VERDICT_RULES)}) ORDER BY j.ord LIMIT 1);
      IF bad IS NOT NULL THEN
        ${deny("CONCAT('denied: verdict ', bad)")}
      END IF;
    END IF;
  END IF;`,
);
const pushVerdicts = pushVerdictsProc(ANY_OWN_ITEM);

const problemColumns = rawColumns({
  id: 'id', lmjd: 'lmjd', planid: 'planid', spid: 'spid', fiber_from: 'fiberFrom', fiber_to: 'fiberTo',
  type: 'type', origin: 'origin', text: 'text', created_at: 'createdAt',
});

// Every check runs before the insert (a refusal inside a caller's transaction must leave
// nothing behind); a row outside the survey (spectrograph 17, fibre 999) is left to the
// insert, so that it is still reported by its CHECK constraint's name.
const pushProblems = boundedProc(
  'push_problems',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad VARCHAR(512) CHARACTER SET utf8mb4; DECLARE n INT;',
  `${requireRole(...PUSHERS)}
  SET n = JSON_LENGTH(doc);
  IF n > 0 THEN
    ${refuseFirstBreach(PROBLEM_RULES, problemColumns, 'problem report')}
    IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = me AND role IN ('coordinator', '2d')) THEN
      SET bad = (SELECT LEFT(j.id, 36) FROM JSON_TABLE(doc, '$[*]' COLUMNS (${problemColumns})) j
        WHERE j.spid BETWEEN 1 AND 16 AND NOT EXISTS (SELECT 1 FROM spec_check sc
          WHERE sc.assignee = me AND sc.assigned = 1 AND sc.lmjd = j.lmjd AND sc.planid = j.planid AND sc.spid = j.spid)
        ORDER BY j.ord LIMIT 1);
      IF bad IS NOT NULL THEN
        ${deny("CONCAT('denied: problem report ', bad, ' is for a plan and spectrograph that is not in one of your batches')")}
      END IF;
    END IF;
    ${takeRevs('n')}
    INSERT INTO prob2d (id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at, rev)
    SELECT j.id, j.lmjd, j.planid, j.spid, j.fiber_from, j.fiber_to, j.type, j.origin, j.text, me, j.created_at, first_rev + j.ord
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${problemColumns})) j
    ON DUPLICATE KEY UPDATE prob2d.id = prob2d.id;
  END IF;`,
);

const bookmarkColumns = `ord FOR ORDINALITY,
      batch_id CHAR(36) PATH '$.batchId',
      position INT PATH '$.position',
      updated_at DATETIME(3) PATH '$.updatedAt'`;

const pushBookmarks = boundedProc(
  'push_bookmarks',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad CHAR(36); DECLARE n INT;',
  `${requireRole(...PUSHERS)}
  SET n = JSON_LENGTH(doc);
  SET bad = (SELECT j.batch_id FROM JSON_TABLE(doc, '$[*]' COLUMNS (${bookmarkColumns})) j
    LEFT JOIN check_batch b ON b.id = j.batch_id AND b.assignee = me AND b.state = 'active'
    WHERE b.id IS NULL LIMIT 1);
  IF bad IS NOT NULL THEN
    ${deny("CONCAT('denied: batch ', bad, ' is not one of your batches (or no longer active)')")}
  END IF;
  IF n > 0 THEN
    ${takeRevs('n')}
    INSERT INTO check_status (batch_id, position, updated_at, rev)
    SELECT j.batch_id, j.position, j.updated_at, first_rev + j.ord
    FROM JSON_TABLE(doc, '$[*]' COLUMNS (${bookmarkColumns})) j
    ON DUPLICATE KEY UPDATE
      position = IF(VALUES(updated_at) > check_status.updated_at, VALUES(position), check_status.position),
      rev = IF(VALUES(updated_at) > check_status.updated_at, VALUES(rev), check_status.rev),
      updated_at = GREATEST(VALUES(updated_at), check_status.updated_at);
  END IF;`,
);

// Reassignment revokes: others' verdicts only on spectra still assigned to the reader; the
// reader's own verdicts always (their history).
const myVerdicts = `CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW my_verdicts AS
  SELECT v.id, v.obsid, v.batch_id, v.reviewer, v.class, v.subclass, v.z, v.quality, v.flags,
    v.comment, v.supersedes, v.created_at, v.rev
  FROM humanverify v
  WHERE v.reviewer = ${LOGIN}
    OR v.obsid IN (SELECT sc.obsid FROM spec_check sc WHERE sc.assignee = ${LOGIN} AND sc.assigned = 1)`;

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  const to = `${ROLE_NAMES.reviewer}, ${ROLE_NAMES.coordinator}, ${ROLE_NAMES['2d']}`;
  return [
    myVerdicts,
    ...[['push_verdicts', pushVerdicts], ['push_problems', pushProblems], ['push_bookmarks', pushBookmarks]].flatMap(([name, sql]) => [dropProc(name!), sql!]),
    ...['push_verdicts', 'push_problems', 'push_bookmarks'].map((p) => `GRANT EXECUTE ON PROCEDURE ${db}.${p} TO ${to}`),
  ];
}

export const migration: Migration = { version: 1080, name: 'push-checked', statements };
