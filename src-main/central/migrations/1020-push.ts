/**
 * How a person writes: definer procedures taking a JSON array of rows (one round trip for
 * thousands of rows), inserting under the login's own name only. Each row is an idempotent
 * insert keyed by its client UUID: pushing the same rows again changes nothing.
 * A reviewer has no INSERT/UPDATE on any table; these procedures are their only way in.
 */
import type { Migration } from './types';
import { definerProc, deny, dropProc, requireActiveMember, takeRevs } from './sql';

const TEXT = 'CHARACTER SET utf8mb4';

const verdictColumns = `ord FOR ORDINALITY,
      id CHAR(36) PATH '$.id',
      obsid BIGINT UNSIGNED PATH '$.obsid',
      batch_id CHAR(36) PATH '$.batchId',
      class VARCHAR(16) PATH '$.class',
      subclass VARCHAR(64) ${TEXT} PATH '$.subclass',
      z DOUBLE PATH '$.z',
      quality INT PATH '$.quality',
      flags MEDIUMTEXT ${TEXT} PATH '$.flags',
      comment MEDIUMTEXT ${TEXT} PATH '$.comment',
      supersedes CHAR(36) PATH '$.supersedes',
      created_at DATETIME(3) PATH '$.createdAt'`;

// Only rows for spectra in the person's own batches can be inserted (the JOIN); when fewer
// rows went in than were sent — duplicates, or a row that is not theirs — one more pass
// tells which, and a row that is not theirs fails the whole call. Checking after the insert
// spares the common case (all new, all theirs) a second parse of the JSON.
const pushVerdicts = definerProc(
  'push_verdicts',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad CHAR(36); DECLARE n INT;',
  `${requireActiveMember}
  SET n = JSON_LENGTH(doc);
  ${takeRevs('n')}
  INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
  SELECT j.id, j.obsid, j.batch_id, me, j.class, j.subclass, j.z, j.quality, j.flags, j.comment, j.supersedes, j.created_at, first_rev + j.ord
  FROM JSON_TABLE(doc, '$[*]' COLUMNS (${verdictColumns})) j
  JOIN spec_check sc ON sc.batch_id = j.batch_id AND sc.obsid = j.obsid AND sc.assignee = me
  ON DUPLICATE KEY UPDATE humanverify.id = humanverify.id;
  IF ROW_COUNT() < n THEN
    SET bad = (SELECT j.id FROM JSON_TABLE(doc, '$[*]' COLUMNS (id CHAR(36) PATH '$.id', obsid BIGINT UNSIGNED PATH '$.obsid', batch_id CHAR(36) PATH '$.batchId')) j
      LEFT JOIN spec_check sc ON sc.batch_id = j.batch_id AND sc.obsid = j.obsid AND sc.assignee = me
      WHERE sc.obsid IS NULL LIMIT 1);
    IF bad IS NOT NULL THEN
      ${deny("CONCAT('denied: verdict ', bad, ' is for a spectrum that is not in one of your batches')")}
    END IF;
  END IF;`,
);

const problemColumns = `ord FOR ORDINALITY,
      id CHAR(36) PATH '$.id',
      lmjd INT PATH '$.lmjd',
      planid VARCHAR(64) ${TEXT} PATH '$.planid',
      spid INT PATH '$.spid',
      fiber_from INT PATH '$.fiberFrom',
      fiber_to INT PATH '$.fiberTo',
      type VARCHAR(64) ${TEXT} PATH '$.type',
      origin VARCHAR(8) PATH '$.origin',
      text MEDIUMTEXT ${TEXT} PATH '$.text',
      created_at DATETIME(3) PATH '$.createdAt'`;

const pushProblems = definerProc(
  'push_problems',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  '',
  `${requireActiveMember}
  ${takeRevs('JSON_LENGTH(doc)')}
  INSERT INTO prob2d (id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at, rev)
  SELECT j.id, j.lmjd, j.planid, j.spid, j.fiber_from, j.fiber_to, j.type, j.origin, j.text, me, j.created_at, first_rev + j.ord
  FROM JSON_TABLE(doc, '$[*]' COLUMNS (${problemColumns})) j
  ON DUPLICATE KEY UPDATE prob2d.id = prob2d.id;`,
);

const bookmarkColumns = `ord FOR ORDINALITY,
      batch_id CHAR(36) PATH '$.batchId',
      position INT PATH '$.position',
      updated_at DATETIME(3) PATH '$.updatedAt'`;

// Last writer by the reviewer's own clock wins: an older bookmark arriving late changes nothing.
const pushBookmarks = definerProc(
  'push_bookmarks',
  'IN doc LONGTEXT CHARACTER SET utf8mb4',
  'DECLARE bad CHAR(36);',
  `${requireActiveMember}
  SET bad = (SELECT j.batch_id FROM JSON_TABLE(doc, '$[*]' COLUMNS (${bookmarkColumns})) j
    LEFT JOIN check_batch b ON b.id = j.batch_id AND b.assignee = me
    WHERE b.id IS NULL LIMIT 1);
  IF bad IS NOT NULL THEN
    ${deny("CONCAT('denied: batch ', bad, ' is not one of your batches')")}
  END IF;
  ${takeRevs('JSON_LENGTH(doc)')}
  INSERT INTO check_status (batch_id, position, updated_at, rev)
  SELECT j.batch_id, j.position, j.updated_at, first_rev + j.ord
  FROM JSON_TABLE(doc, '$[*]' COLUMNS (${bookmarkColumns})) j
  ON DUPLICATE KEY UPDATE
    position = IF(VALUES(updated_at) > check_status.updated_at, VALUES(position), check_status.position),
    rev = IF(VALUES(updated_at) > check_status.updated_at, VALUES(rev), check_status.rev),
    updated_at = GREATEST(VALUES(updated_at), check_status.updated_at);`,
);

export const migration: Migration = {
  version: 1020,
  name: 'push-procedures',
  statements: () => [
    dropProc('push_verdicts'),
    pushVerdicts,
    dropProc('push_problems'),
    pushProblems,
    dropProc('push_bookmarks'),
    pushBookmarks,
  ],
};
