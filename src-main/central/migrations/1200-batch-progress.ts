/**
 * Batches with a due date, and the indexes the coordinator's batch list and progress need
 * (issue 15). `batch_set_due` is a coordinator's definer procedure like batch_add (the caller
 * checked against this database's chk_member), and bumps the batch's revision so the change
 * travels to its reviewer like every other change to a synced row.
 *
 * MySQL has neither ADD COLUMN IF NOT EXISTS nor CREATE INDEX IF NOT EXISTS, so a throwaway
 * procedure asks information_schema first: a re-run is safe on both servers.
 */
import type { Migration, MigrationContext } from './types';
import { dbRoleName } from './1090-db-roles';
import { boundedProc, deny, dropProc, requireRole, takeRevs } from './sql';

export const ifNoColumn = (table: string, column: string, ddl: string) => `
  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' AND COLUMN_NAME = '${column}') THEN
    ${ddl};
  END IF;`;

export const ifNoIndex = (table: string, index: string, ddl: string) => `
  IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' AND INDEX_NAME = '${index}') THEN
    ${ddl};
  END IF;`;

// humanverify_batch_obsid: a batch's done count asks, per item, "has its reviewer a verdict on
// it in this batch" (without it, each item scans all the batch's verdicts).
// humanverify_created: progress reads one period's verdicts, whoever made them (covering:
// the per-day counts and the gaps between verdicts read nothing else).
const addSchema = `CREATE PROCEDURE specvet_add_batch_progress()
MODIFIES SQL DATA
BEGIN
  ${ifNoColumn('check_batch', 'due_date', 'ALTER TABLE check_batch ADD COLUMN due_date DATE NULL')}
  ${ifNoIndex('humanverify', 'humanverify_batch_obsid', 'CREATE INDEX humanverify_batch_obsid ON humanverify (batch_id, obsid, reviewer)')}
  ${ifNoIndex('humanverify', 'humanverify_created', 'CREATE INDEX humanverify_created ON humanverify (created_at, reviewer, batch_id)')}
END`;

const batchSetDue = boundedProc(
  'batch_set_due',
  'IN p_id CHAR(36), IN p_due DATE',
  '',
  `${requireRole('coordinator')}
  IF NOT EXISTS (SELECT 1 FROM check_batch WHERE id = p_id AND state = 'active' FOR UPDATE) THEN
    ${deny("CONCAT('no active batch ', COALESCE(p_id, 'nothing'))")}
  END IF;
  ${takeRevs('1')}
  UPDATE check_batch SET due_date = p_due, rev = first_rev + 1 WHERE id = p_id;`,
);

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  const coordinator = '`' + dbRoleName(database, 'coordinator').replace(/`/g, '``') + '`';
  return [
    dropProc('specvet_add_batch_progress'),
    addSchema,
    'CALL specvet_add_batch_progress()',
    dropProc('specvet_add_batch_progress'),
    dropProc('batch_set_due'),
    batchSetDue,
    `GRANT EXECUTE ON PROCEDURE ${db}.batch_set_due TO ${coordinator}`,
  ];
}

export const migration: Migration = { version: 1200, name: 'batch-progress', statements };
