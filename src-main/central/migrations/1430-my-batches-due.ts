/**
 * A batch's due date reaches its reviewer (issue 13): `my_batches` carries `due_date`. The
 * coordinator's `batch_set_due` (1200) already bumps the batch's revision, so a changed date
 * travels with the next pull like any other change to a synced row. CREATE OR REPLACE keeps
 * the grants on the view (1040, 1090).
 */
import { LOGIN, type Migration } from './types';

export const migration: Migration = {
  version: 1430,
  name: 'my-batches-due',
  statements: () => [
    `CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW my_batches AS
      SELECT id, name, mode, assignee, state, created_at, due_date, rev FROM check_batch WHERE assignee = ${LOGIN}`,
  ],
};
