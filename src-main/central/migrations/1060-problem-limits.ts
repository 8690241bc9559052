/**
 * The survey's limits on problem reports, enforced by the server too: LAMOST has 16
 * spectrographs of 250 fibres (shared/model.ts), and a report outside them, from an old client
 * or the `mariadb` client, would send the 2D team looking for fibres that do not exist.
 *
 * The numbers are written out rather than imported: a migration records what ran, and a later
 * change of the limits is a new migration. MySQL has no ADD CONSTRAINT IF NOT EXISTS, so a
 * throwaway procedure asks information_schema first, which makes a re-run safe on both servers.
 * The constraint names say the rule, because they are what a refused push shows the user.
 */
import type { Migration } from './types';
import { deny, dropProc } from './sql';

const OUTSIDE = 'NOT (spid BETWEEN 1 AND 16 AND fiber_from >= 1 AND fiber_to <= 250)';

const addCheck = (name: string, rule: string) => `
  IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'prob2d' AND CONSTRAINT_NAME = '${name}') THEN
    ALTER TABLE prob2d ADD CONSTRAINT ${name} CHECK (${rule});
  END IF;`;

// Rows already outside the limits would make ALTER TABLE fail with a bare constraint error;
// the admin gets told which rows instead, and decides about them: they are people's reports.
const addLimits = `CREATE PROCEDURE specvet_add_problem_limits()
MODIFIES SQL DATA
BEGIN
  DECLARE msg VARCHAR(512) CHARACTER SET utf8mb4;
  DECLARE n BIGINT UNSIGNED;
  DECLARE example CHAR(36);
  SELECT COUNT(*), MIN(id) INTO n, example FROM prob2d WHERE ${OUTSIDE};
  IF n > 0 THEN
    ${deny("CONCAT('prob2d has ', n, ' problem report(s) outside spectrographs 1-16 or fibres 1-250 (e.g. id ', example, '); correct or delete them, then run specvet central migrate again')")}
  END IF;
  ${addCheck('prob2d_spid_1_to_16', 'spid BETWEEN 1 AND 16')}
  ${addCheck('prob2d_fibres_1_to_250', 'fiber_from >= 1 AND fiber_to <= 250')}
END`;

export const migration: Migration = {
  version: 1060,
  name: 'problem-limits',
  statements: () => [
    dropProc('specvet_add_problem_limits'),
    addLimits,
    'CALL specvet_add_problem_limits()',
    dropProc('specvet_add_problem_limits'),
  ],
};
