/**
 * The exported catalogue without reading every verdict on every export (issue 15: 55 s for
 * 1 million rows, mostly decoding three result sets and working out each answer in the
 * client). `catalogue_answer` keeps one row per spectrum with at least one verdict: its final
 * answer and where it comes from, the flags, the reviewers, first and last check and the
 * recheck — so an export is one scan of this table's primary key joined to the survey rows.
 *
 * The answer is catalogue.ts's rule, worked out here: a recheck wins (the newest by time, then
 * revision); else each reviewer's latest verdict counts and the newest of those (by time, then
 * reviewer) is the answer, `unresolved` when two of them disagree by shared/agreement.ts at its
 * default thresholds (the same pair test, earlier verdict as the reference; the constants are
 * taken from agreement.ts, so the two cannot drift apart silently).
 *
 * `catalogue_refresh` (coordinator) rebuilds the row of every spectrum that received a verdict
 * or a recheck since the revision in `tally_mark` row 3, from all of its verdicts; revision
 * order is commit order, so nothing is skipped; nothing on the push path changes; it reads READ
 * COMMITTED and takes no locks on the verdicts (as migrations 1210 and 1300).
 */
import { QUALITY_DISAGREEMENT, Z_DISAGREEMENT } from '../../../shared/agreement';
import type { Migration, MigrationContext } from './types';
import { TABLE_OPTIONS } from './types';
import { foldStatements, markFoldProc } from './1210-batch-tally';

/** tally_mark's row for this fold (1: progress_refresh, 2: recheck_refresh). */
const MARK_ID = 3;

const CLASS = "ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL";

const tables = [
  `CREATE TABLE IF NOT EXISTS catalogue_answer (
    obsid BIGINT UNSIGNED NOT NULL,
    class ${CLASS},
    subclass VARCHAR(64) NOT NULL,
    z DOUBLE NOT NULL,
    quality TINYINT UNSIGNED NOT NULL,
    source ENUM('recheck','verdict','unresolved') NOT NULL,
    flags VARCHAR(1024) NOT NULL,
    reviewers TEXT NOT NULL,
    first_checked DATETIME(3) NOT NULL,
    last_checked DATETIME(3) NOT NULL,
    rechecked_by VARCHAR(64) NULL,
    rechecked_at DATETIME(3) NULL,
    PRIMARY KEY (obsid)
  ) ${TABLE_OPTIONS}`,
  // Each reviewer's latest verdict per spectrum (newest by time, then revision), kept by
  // upsert: no window over the verdicts, and a spectrum's reviewers in primary-key order.
  `CREATE TABLE IF NOT EXISTS catalogue_latest (
    obsid BIGINT UNSIGNED NOT NULL,
    reviewer VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (obsid, reviewer)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO tally_mark (id, rev) VALUES (${MARK_ID}, 0)`,
];

export const TOUCHED = `SELECT obsid FROM humanverify WHERE rev > mark AND rev <= head
  UNION SELECT obsid FROM humanrecheck WHERE rev > mark AND rev <= head`;

/**
 * agreement.ts's disagrees(a, b) at its defaults, a the earlier verdict. A reference z of −1
 * divides by zero: JavaScript's x / 0 is Infinity (disagree) for x > 0 and NaN (agree) for 0.
 */
const DISAGREE = `(a.class <> b.class
  OR IF(1 + a.z = 0, b.z <> a.z, ABS(b.z - a.z) / (1 + a.z) >= ${Z_DISAGREEMENT})
  OR (a.quality > 0 AND b.quality > 0 AND GREATEST(a.quality, b.quality) - LEAST(a.quality, b.quality) >= ${QUALITY_DISAGREEMENT}))`;

/** x comes before y in the order catalogue rows list verdicts: time, then reviewer. */
const EARLIER = '(x.created_at < y.created_at OR (x.created_at = y.created_at AND x.reviewer < y.reviewer))';

/** The upserted verdict is newer than the reviewer's stored latest (time, then revision). */
const L = 'catalogue_latest';
const NEWER = `(VALUES(created_at) > ${L}.created_at OR (VALUES(created_at) = ${L}.created_at AND VALUES(rev) > ${L}.rev))`;

/**
 * The fold, one job a statement; each is led by the touched spectra as a derived table and
 * reaches the rest by primary key (`IN (… UNION …)` is not made a semi-join: it scanned every
 * answer with a dependent subquery, seconds for a fold of a few verdicts).
 */
const T = `(${TOUCHED}) t`;
export const FOLD = [
  // rev first; created_at then follows whichever verdict rev now names (revisions are unique).
  `INSERT INTO catalogue_latest (obsid, reviewer, created_at, rev)
    SELECT v.obsid, v.reviewer, v.created_at, v.rev FROM humanverify v WHERE v.rev > mark AND v.rev <= head
    ON DUPLICATE KEY UPDATE ${L}.rev = IF(${NEWER}, VALUES(rev), ${L}.rev),
      ${L}.created_at = IF(${L}.rev = VALUES(rev), VALUES(created_at), ${L}.created_at)`,
  `DELETE c FROM catalogue_answer c JOIN ${T} ON t.obsid = c.obsid`,
  // The answer is the newest latest verdict (time, then reviewer).
  `INSERT INTO catalogue_answer (obsid, class, subclass, z, quality, source, flags, reviewers, first_checked, last_checked)
    SELECT g.obsid, n.class, n.subclass, n.z, n.quality, 'verdict', '', g.reviewers, g.first_checked, g.last_checked
    FROM (
      SELECT l.obsid, GROUP_CONCAT(l.reviewer ORDER BY l.created_at, l.reviewer SEPARATOR ',') AS reviewers,
        MIN(l.created_at) AS first_checked, MAX(l.created_at) AS last_checked,
        (SELECT x.rev FROM catalogue_latest x WHERE x.obsid = l.obsid ORDER BY x.created_at DESC, x.reviewer DESC LIMIT 1) AS newest
      FROM ${T} JOIN catalogue_latest l ON l.obsid = t.obsid GROUP BY l.obsid) g
    JOIN humanverify n ON n.rev = g.newest`,
  `UPDATE catalogue_answer c JOIN (
      SELECT DISTINCT x.obsid FROM ${T}
      JOIN catalogue_latest x ON x.obsid = t.obsid
      JOIN catalogue_latest y ON y.obsid = x.obsid AND ${EARLIER}
      JOIN humanverify a ON a.rev = x.rev JOIN humanverify b ON b.rev = y.rev
      WHERE ${DISAGREE}) d ON d.obsid = c.obsid
    SET c.source = 'unresolved'`,
  // Flags, sorted and each once, only where a latest verdict has any.
  `UPDATE catalogue_answer c JOIN (
      SELECT DISTINCT l.obsid FROM ${T} JOIN catalogue_latest l ON l.obsid = t.obsid JOIN humanverify v ON v.rev = l.rev
      WHERE JSON_LENGTH(v.flags) > 0) g ON g.obsid = c.obsid
    SET c.flags = (
      SELECT COALESCE(GROUP_CONCAT(DISTINCT f.flag ORDER BY f.flag SEPARATOR ','), '')
      FROM catalogue_latest l JOIN humanverify v ON v.rev = l.rev, JSON_TABLE(v.flags, '$[*]' COLUMNS (flag VARCHAR(64) PATH '$')) f
      WHERE l.obsid = c.obsid)`,
  // A recheck wins: the newest (time, then revision).
  `UPDATE catalogue_answer c JOIN (
      SELECT t.obsid, (SELECT r.rev FROM humanrecheck r WHERE r.obsid = t.obsid ORDER BY r.created_at DESC, r.rev DESC LIMIT 1) AS rev
      FROM ${T}) k ON k.obsid = c.obsid
    JOIN humanrecheck h ON h.rev = k.rev
    SET c.class = h.class, c.subclass = h.subclass, c.z = h.z, c.quality = h.quality, c.source = 'recheck',
      c.rechecked_by = h.coordinator, c.rechecked_at = h.created_at`,
];

const refresh = markFoldProc('catalogue_refresh', MARK_ID, `${FOLD.join(';\n    ')};`);

function statements({ database }: MigrationContext): string[] {
  return [...tables, ...foldStatements(database, 'catalogue_refresh', refresh, ['catalogue_answer'])];
}

export const migration: Migration = { version: 1450, name: 'catalogue-answer', statements };
