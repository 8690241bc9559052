/**
 * Progress per reviewer and per batch without reading a month of verdicts on every request
 * (issue 15: the month's window over ~85,000 verdicts was most of the 1 s target). Per
 * reviewer, day and batch, `progress_day` keeps the verdicts made and `progress_gap` the gaps
 * to the reviewer's previous verdict as a histogram of whole seconds (pauses over BREAK_SECONDS
 * left out), so a period is a range of a small table and the median is still exact.
 *
 * `progress_days_refresh` (coordinator) recomputes every reviewer-day touched by a verdict
 * committed since the revision in tally_mark row MARK_ID, from all that reviewer's verdicts of
 * that day: verdicts arrive late and out of order (made offline, pushed later), so a new one
 * can split a gap already counted. A verdict changes its own day's counts and the gap of the
 * reviewer's next verdict, which is on the same day or — within BREAK_SECONDS of midnight —
 * the next, so both days are recomputed. Revision order is commit order, so nothing is skipped;
 * nothing on the push path changes; it reads READ COMMITTED and locks no verdicts.
 *
 * A gap whose earlier verdict is on an earlier day is marked `crossing`: a period leaves it out
 * on its first day (its earlier verdict is outside the period), as the window over the period's
 * own verdicts did.
 */
import type { Migration, MigrationContext } from './types';
import { TABLE_OPTIONS } from './types';
import { foldStatements, markFoldProc } from './1210-batch-tally';

/** tally_mark's row for this fold (1: progress_refresh, 2: recheck_refresh). */
export const PROGRESS_DAYS_MARK = 14;
/** As progressQueries.BREAK_SECONDS (a migration is frozen SQL, so the number is its own). */
const BREAK_SECONDS = 600;
/** TIMESTAMPDIFF truncates: an earlier verdict up to this long before still makes a kept gap. */
const REACH = `INTERVAL ${BREAK_SECONDS + 1} SECOND`;

const KEY = `reviewer VARCHAR(64) NOT NULL,
    day DATE NOT NULL,
    batch_id CHAR(36) CHARACTER SET ascii NOT NULL`;

const tables = [
  `CREATE TABLE IF NOT EXISTS progress_day (
    ${KEY},
    verdicts INT UNSIGNED NOT NULL,
    PRIMARY KEY (day, reviewer, batch_id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS progress_gap (
    ${KEY},
    crossing BOOLEAN NOT NULL,
    seconds SMALLINT UNSIGNED NOT NULL,
    n INT UNSIGNED NOT NULL,
    PRIMARY KEY (day, reviewer, batch_id, crossing, seconds)
  ) ${TABLE_OPTIONS}`,
  // The fold's work list, empty between calls (the fold holds the mark row, so one at a time).
  `CREATE TABLE IF NOT EXISTS progress_day_touched (
    reviewer VARCHAR(64) NOT NULL,
    day DATE NOT NULL,
    PRIMARY KEY (reviewer, day)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO tally_mark (id, rev) VALUES (${PROGRESS_DAYS_MARK}, 0)`,
];

const NEW = 'FROM humanverify WHERE rev > mark AND rev <= head';
const TOUCHED = 'JOIN progress_day_touched t ON t.reviewer = x.reviewer AND t.day = x.day';

const refresh = markFoldProc(
  'progress_days_refresh',
  PROGRESS_DAYS_MARK,
  `DELETE FROM progress_day_touched;
    INSERT IGNORE INTO progress_day_touched (reviewer, day)
      SELECT reviewer, DATE(created_at) ${NEW}
      UNION SELECT reviewer, DATE(created_at + ${REACH}) ${NEW};
    DELETE x FROM progress_day x ${TOUCHED};
    DELETE x FROM progress_gap x ${TOUCHED};
    INSERT INTO progress_day (reviewer, day, batch_id, verdicts)
      SELECT t.reviewer, t.day, v.batch_id, COUNT(*) FROM progress_day_touched t
      JOIN humanverify v ON v.reviewer = t.reviewer AND v.created_at >= t.day AND v.created_at < t.day + INTERVAL 1 DAY
      GROUP BY t.reviewer, t.day, v.batch_id;
    INSERT INTO progress_gap (reviewer, day, batch_id, crossing, seconds, n)
      SELECT reviewer, day, batch_id, crossing, gap, COUNT(*) FROM (
        SELECT w.reviewer, w.day, w.batch_id, w.prev < w.day AS crossing, TIMESTAMPDIFF(SECOND, w.prev, w.created_at) AS gap, w.created_at
        FROM (
          SELECT t.reviewer, t.day, v.batch_id, v.created_at,
            LAG(v.created_at) OVER (PARTITION BY t.reviewer, t.day ORDER BY v.created_at, v.id) AS prev
          FROM progress_day_touched t
          JOIN humanverify v ON v.reviewer = t.reviewer AND v.created_at >= t.day - ${REACH} AND v.created_at < t.day + INTERVAL 1 DAY) w
        WHERE w.prev IS NOT NULL AND w.created_at >= w.day) g
      WHERE gap <= ${BREAK_SECONDS}
      GROUP BY reviewer, day, batch_id, crossing, gap;
    DELETE FROM progress_day_touched;`,
);

function statements({ database }: MigrationContext): string[] {
  return [...tables, ...foldStatements(database, 'progress_days_refresh', refresh, ['progress_day', 'progress_gap'])];
}

export const migration: Migration = { version: 1420, name: 'progress-days', statements };
