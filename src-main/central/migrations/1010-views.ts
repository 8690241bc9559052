/**
 * What each person may read of the check side: definer views filtered by the login
 * (USER(), never CURRENT_USER(), which inside definer code is the definer). Reviewers get
 * these views, not the tables, so they read only their own batches and the verdict history
 * of the spectra in them.
 */
import { LOGIN, type Migration } from './types';

const view = (name: string, body: string) => `CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW ${name} AS ${body}`;

export const migration: Migration = {
  version: 1010,
  name: 'views',
  statements: () => [
    view('my_member', `SELECT user, role, department, active FROM chk_member WHERE user = ${LOGIN}`),
    view(
      'my_batches',
      `SELECT id, name, mode, assignee, state, created_at, rev FROM check_batch WHERE assignee = ${LOGIN}`,
    ),
    view(
      'my_items',
      `SELECT batch_id, obsid, position, assigned, rev, lmjd, planid, spid, fiberid, ra, \`dec\`, objtype,
        class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path
      FROM spec_check WHERE assignee = ${LOGIN}`,
    ),
    view(
      'my_verdicts',
      `SELECT v.id, v.obsid, v.batch_id, v.reviewer, v.class, v.subclass, v.z, v.quality, v.flags,
        v.comment, v.supersedes, v.created_at, v.rev
      FROM humanverify v
      WHERE v.obsid IN (SELECT sc.obsid FROM spec_check sc WHERE sc.assignee = ${LOGIN})`,
    ),
    view(
      'my_bookmarks',
      `SELECT cs.batch_id, cs.position, cs.updated_at, cs.rev
      FROM check_status cs JOIN check_batch b ON b.id = cs.batch_id
      WHERE b.assignee = ${LOGIN}`,
    ),
    view(
      'my_problems',
      `SELECT id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at,
        state, handled_by, handled_at, rev
      FROM prob2d WHERE reporter = ${LOGIN}`,
    ),
  ],
};
