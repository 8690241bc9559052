/**
 * A batch's due date as the coordinator set it centrally (issue 13), YYYY-MM-DD or NULL; the
 * reviewer's batch list shows it and marks it when past. Rows pulled before this migration get
 * theirs at the batch's next change (a due date set later bumps the batch's revision).
 */
import type { Migration } from './types';

export const migration1100: Migration = {
  version: 1100,
  name: 'batch-due',
  sql: `ALTER TABLE batch ADD COLUMN due_date TEXT;`,
};
