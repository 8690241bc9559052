/**
 * A browse batch's seen-and-accepted count without reading its items on every batch list:
 * `batch_seen` keeps, per browse batch, the items before its bookmark that have no verdict of
 * the batch's reviewer in it (batch_tally counts those with one). At survey size the batch list
 * read ~50,000 items of the 100 browse batches on every call, most of the reviewer and batch
 * progress views' time.
 *
 * `batch_seen_refresh` (coordinator) recounts every browse batch touched since the revision in
 * tally_mark row BATCH_SEEN_MARK — its bookmark moved, a verdict or an item came — from its
 * items. Revision order is commit order, so nothing is skipped; nothing on the push path
 * changes; it reads READ COMMITTED and locks no verdicts.
 */
import type { Migration, MigrationContext } from './types';
import { TABLE_OPTIONS } from './types';
import { foldStatements, markFoldProc } from './1210-batch-tally';

/** tally_mark's row for this fold (14: progress_days_refresh, 15: plan_check_refresh). */
export const BATCH_SEEN_MARK = 16;

const BATCH_ID = 'CHAR(36) CHARACTER SET ascii NOT NULL';

const tables = [
  `CREATE TABLE IF NOT EXISTS batch_seen (
    batch_id ${BATCH_ID},
    seen INT UNSIGNED NOT NULL,
    PRIMARY KEY (batch_id)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS batch_seen_touched (
    batch_id ${BATCH_ID},
    PRIMARY KEY (batch_id)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO tally_mark (id, rev) VALUES (${BATCH_SEEN_MARK}, 0)`,
];

const NEW = (table: string) => `FROM ${table} WHERE rev > mark AND rev <= head`;

const refresh = markFoldProc(
  'batch_seen_refresh',
  BATCH_SEEN_MARK,
  `DELETE FROM batch_seen_touched;
    INSERT IGNORE INTO batch_seen_touched (batch_id)
      SELECT batch_id ${NEW('check_status')}
      UNION SELECT batch_id ${NEW('humanverify')}
      UNION SELECT batch_id ${NEW('spec_check')};
    DELETE s FROM batch_seen s JOIN batch_seen_touched t ON t.batch_id = s.batch_id;
    INSERT INTO batch_seen (batch_id, seen)
      SELECT b.id, COUNT(*) FROM batch_seen_touched t
      JOIN check_batch b ON b.id = t.batch_id AND b.mode = 'browse'
      JOIN check_status cs ON cs.batch_id = b.id
      JOIN spec_check sc ON sc.batch_id = b.id AND sc.position < cs.position
      WHERE NOT EXISTS (SELECT 1 FROM humanverify v WHERE v.batch_id = sc.batch_id AND v.obsid = sc.obsid AND v.reviewer = b.assignee)
      GROUP BY b.id;
    DELETE FROM batch_seen_touched;`,
);

function statements({ database }: MigrationContext): string[] {
  return [...tables, ...foldStatements(database, 'batch_seen_refresh', refresh, ['batch_seen'])];
}

export const migration: Migration = { version: 1445, name: 'batch-seen', statements };
