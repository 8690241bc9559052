/**
 * The recheck list without reading every verdict (issue 15: 22 s at 1 million verdicts). A row
 * of `recheck_summary` per spectrum whose reviewers' latest verdicts differ in anything, or
 * contradict the pipeline on an extragalactic target — how far apart they are, not whether that
 * is far enough: the coordinator's thresholds are chosen per call. A spectrum in full agreement
 * has no row, so the list reads only the few that may need a recheck.
 *
 * `recheck_refresh` (coordinator) recomputes the row of every spectrum that received a verdict
 * since the revision in `tally_mark` row 2 from all of that spectrum's verdicts (a later verdict
 * of a reviewer supersedes their earlier one, so min / max cannot be kept by increments).
 * Revision order is commit order, so nothing is skipped; nothing on the push path changes; it
 * reads READ COMMITTED and takes no locks on the verdicts. Rechecks are not folded: whether one
 * is newer than the last verdict is one index lookup per listed spectrum at read time.
 *
 * Survey rows (spec_info, target_info) are taken as loaded: a reloaded pipeline answer is seen
 * at the spectrum's next verdict.
 */
import type { Migration, MigrationContext } from './types';
import { TABLE_OPTIONS } from './types';
import { foldStatements, markFoldProc } from './1210-batch-tally';

/** tally_mark's row for this fold (row 1 is progress_refresh's). */
const MARK_ID = 2;

const EXTRAGALACTIC = "(si.class IN ('GALAXY', 'QSO') OR LOWER(COALESCE(ti.objtype, '')) IN ('galaxy', 'qso'))";

/**
 * diff / base, the form the thresholds compare with. A base ≤ 0 (a sentinel z ≤ −1) makes every
 * |Δz| ≥ dz·base, so it is stored as "any threshold".
 */
const ratio = (diff: string, base: string) => `IF(${base} <= 0, 1e300, (${diff}) / (${base}))`;

const tables = [
  `CREATE TABLE IF NOT EXISTS recheck_summary (
    obsid BIGINT UNSIGNED NOT NULL,
    extragalactic BOOLEAN NOT NULL,
    class_split BOOLEAN NOT NULL,
    z_spread DOUBLE NOT NULL,
    quality_spread TINYINT UNSIGNED NOT NULL,
    last_received DATETIME(3) NOT NULL,
    PRIMARY KEY (obsid)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO tally_mark (id, rev) VALUES (${MARK_ID}, 0)`,
];

const TOUCHED = 'SELECT obsid FROM humanverify WHERE rev > mark AND rev <= head';

/**
 * Every verdict on the touched spectra, numbered newest first per reviewer, with the pipeline's
 * answer. The survey tables are joined in here, not outside: joined outside, the optimizer
 * splits the window per spectrum (LATERAL DERIVED), which took minutes for the first fold.
 */
const LATEST_OF_TOUCHED = `SELECT v.obsid, v.class, v.z, v.quality, v.received_at,
    si.class AS p_class, si.z AS p_z, ${EXTRAGALACTIC} AS extragalactic,
    ROW_NUMBER() OVER (PARTITION BY v.obsid, v.reviewer ORDER BY v.created_at DESC, v.rev DESC) AS newest
  FROM (SELECT DISTINCT obsid FROM (${TOUCHED}) r) t
  JOIN humanverify v ON v.obsid = t.obsid
  JOIN spec_info si ON si.obsid = v.obsid
  LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid`;

const refresh = markFoldProc(
  'recheck_refresh',
  MARK_ID,
  `DELETE FROM recheck_summary WHERE obsid IN (${TOUCHED});
    INSERT INTO recheck_summary (obsid, extragalactic, class_split, z_spread, quality_spread, last_received)
    SELECT obsid, extragalactic, class_split, z_spread, quality_spread, last_received FROM (
      SELECT l.obsid, l.extragalactic,
        COUNT(DISTINCT l.class) > 1 OR (l.extragalactic AND SUM(l.class <> l.p_class) > 0) AS class_split,
        GREATEST(${ratio('MAX(l.z) - MIN(l.z)', '1 + MIN(l.z)')},
          IF(l.extragalactic, ${ratio('MAX(ABS(l.z - l.p_z))', '1 + l.p_z')}, 0)) AS z_spread,
        COALESCE(MAX(NULLIF(l.quality, 0)) - MIN(NULLIF(l.quality, 0)), 0) AS quality_spread,
        MAX(l.received_at) AS last_received
      FROM (${LATEST_OF_TOUCHED}) l
      WHERE l.newest = 1
      GROUP BY l.obsid, l.p_class, l.p_z, l.extragalactic) s
    WHERE class_split OR z_spread > 0 OR quality_spread > 0;`,
);

function statements({ database }: MigrationContext): string[] {
  return [...tables, ...foldStatements(database, 'recheck_refresh', refresh, ['recheck_summary'])];
}

export const migration: Migration = { version: 1300, name: 'recheck-summary', statements };
