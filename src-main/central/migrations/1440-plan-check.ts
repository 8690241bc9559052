/**
 * Progress per plan and per night without reading every verdict of the period's spectra (issue
 * 15: 2–4 s for a month at survey size). `spectrum_check` holds a row per checked spectrum —
 * one with a verdict or recheck, or paged past in a browse batch — with its plan, the
 * pipeline's class and whether its answer (the latest recheck, else the latest verdict)
 * corrects the pipeline; a plan's share is then a range of that table and of a covering index
 * of spec_info.
 *
 * `plan_check_refresh` (coordinator) recomputes the row of every spectrum touched since the
 * revision in tally_mark row PLAN_CHECK_MARK: a new verdict or recheck on it, a new item with
 * it, or a moved bookmark of a batch holding it. Revision order is commit order, so nothing is
 * skipped; nothing on the push path changes; it reads READ COMMITTED and locks no verdicts.
 * Survey rows are taken as loaded: a reloaded pipeline answer is seen at the spectrum's next
 * change (as recheck_summary, 1300).
 */
import type { Migration, MigrationContext } from './types';
import { TABLE_OPTIONS } from './types';
import { foldStatements, markFoldProc } from './1210-batch-tally';
import { ifNoIndex } from './1200-batch-progress';
import { dropProc } from './sql';

/** tally_mark's row for this fold (14 is progress_days_refresh's, 1420). */
export const PLAN_CHECK_MARK = 15;
/** As progressQueries.CORRECTED_DZ (a migration is frozen SQL, so the number is its own). */
const CORRECTED_DZ = 0.0033;

const tables = [
  `CREATE TABLE IF NOT EXISTS spectrum_check (
    obsid BIGINT UNSIGNED NOT NULL,
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    class ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL,
    corrected BOOLEAN NOT NULL,
    PRIMARY KEY (obsid),
    KEY spectrum_check_plan (lmjd, planid, class, corrected)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS spectrum_check_touched (
    obsid BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (obsid)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO tally_mark (id, rev) VALUES (${PLAN_CHECK_MARK}, 0)`,
];

// A plan's spectra per pipeline class, counted from the index alone.
const addIndex = `CREATE PROCEDURE specvet_add_plan_class_index()
MODIFIES SQL DATA
BEGIN
  ${ifNoIndex('spec_info', 'spec_info_plan_class', 'CREATE INDEX spec_info_plan_class ON spec_info (lmjd, planid, class)')}
END`;

const NEW = (table: string) => `${table}.rev > mark AND ${table}.rev <= head`;

/** The touched spectra's answers, newest first (survey row joined inside the window: see 1300). */
const ANSWERS = `SELECT a.obsid, si.lmjd, si.planid, si.class AS p_class, si.z AS p_z, a.class, a.z,
    ROW_NUMBER() OVER (PARTITION BY a.obsid ORDER BY a.final DESC, a.created_at DESC, a.rev DESC) AS nth
  FROM (
    SELECT v.obsid, v.class, v.z, 0 AS final, v.created_at, v.rev FROM spectrum_check_touched t JOIN humanverify v ON v.obsid = t.obsid
    UNION ALL
    SELECT r.obsid, r.class, r.z, 1 AS final, r.created_at, r.rev FROM spectrum_check_touched t JOIN humanrecheck r ON r.obsid = t.obsid) a
  JOIN spec_info si ON si.obsid = a.obsid`;

const refresh = markFoldProc(
  'plan_check_refresh',
  PLAN_CHECK_MARK,
  `DELETE FROM spectrum_check_touched;
    INSERT IGNORE INTO spectrum_check_touched (obsid)
      SELECT obsid FROM humanverify WHERE ${NEW('humanverify')}
      UNION SELECT obsid FROM humanrecheck WHERE ${NEW('humanrecheck')}
      UNION SELECT obsid FROM spec_check WHERE ${NEW('spec_check')}
      UNION SELECT sc.obsid FROM check_status cs JOIN spec_check sc ON sc.batch_id = cs.batch_id WHERE ${NEW('cs')};
    DELETE s FROM spectrum_check s JOIN spectrum_check_touched t ON t.obsid = s.obsid;
    INSERT INTO spectrum_check (obsid, lmjd, planid, class, corrected)
      SELECT obsid, lmjd, planid, p_class,
        COALESCE(class <> p_class OR ABS(z - p_z) / NULLIF(1 + p_z, 0) >= ${CORRECTED_DZ}, FALSE)
      FROM (${ANSWERS}) x WHERE nth = 1;
    -- Paged past in a browse batch: seen and accepted.
    INSERT IGNORE INTO spectrum_check (obsid, lmjd, planid, class, corrected)
      SELECT si.obsid, si.lmjd, si.planid, si.class, FALSE FROM spectrum_check_touched t JOIN spec_info si ON si.obsid = t.obsid
      WHERE EXISTS (SELECT 1 FROM spec_check sc JOIN check_batch b ON b.id = sc.batch_id JOIN check_status cs ON cs.batch_id = sc.batch_id
        WHERE sc.obsid = t.obsid AND b.mode = 'browse' AND sc.position < cs.position);
    DELETE FROM spectrum_check_touched;`,
);

function statements({ database }: MigrationContext): string[] {
  return [
    ...tables,
    dropProc('specvet_add_plan_class_index'),
    addIndex,
    'CALL specvet_add_plan_class_index()',
    dropProc('specvet_add_plan_class_index'),
    ...foldStatements(database, 'plan_check_refresh', refresh, ['spectrum_check']),
  ];
}

export const migration: Migration = { version: 1440, name: 'plan-check', statements };
