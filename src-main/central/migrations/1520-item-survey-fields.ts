/**
 * An item's snapshot carries what the side panel shows beside the pipeline's answer (issue 13):
 * the target's source and magnitudes (target_info.tsource, mag_g/r/i) and the night's seeing and
 * moon (plan_info). Taken like the rest of the snapshot when batch_add assigns the spectrum, so
 * a pull still reads one table.
 *
 * Items assigned before this migration are filled from the survey tables and get fresh
 * revisions, so every reviewer's next pull brings them again with the new fields (a one-time
 * re-pull of their open items). Tombstones are left as they are.
 */
import type { Migration, MigrationContext } from './types';
import { ifNoColumn } from './1200-batch-progress';
import { bounded, criteriaCap } from './1110-stall-watchdog';
import { dbRoleName, quoteId } from './1090-db-roles';
import { deny, dropProc, takeRevs, type ProcSpec } from './sql';
import { LOGIN } from './types';

const TEXT = 'CHARACTER SET utf8mb4';
const FIELDS = 'tsource, mag_g, mag_r, mag_i, seeing, moon';
const FIELD_VALUES = "COALESCE(ti.tsource, ''), ti.mag_g, ti.mag_r, ti.mag_i, pi.seeing, pi.moon";
const TARGET_AND_PLAN = (at: string) => `
  LEFT JOIN target_info ti ON ti.lmjd = ${at}.lmjd AND ti.planid = ${at}.planid AND ti.spid = ${at}.spid AND ti.fiberid = ${at}.fiberid
  LEFT JOIN plan_info pi ON pi.lmjd = ${at}.lmjd AND pi.planid = ${at}.planid`;

const addColumns = `CREATE PROCEDURE specvet_add_item_survey_fields()
MODIFIES SQL DATA
BEGIN
  DECLARE first_rev BIGINT UNSIGNED;
  DECLARE lo BIGINT UNSIGNED;
  DECLARE hi BIGINT UNSIGNED;
  ${ifNoColumn(
    'spec_check',
    'tsource',
    `ALTER TABLE spec_check ADD COLUMN tsource VARCHAR(64) NOT NULL DEFAULT '' AFTER objtype,
      ADD COLUMN mag_g DOUBLE NULL AFTER tsource, ADD COLUMN mag_r DOUBLE NULL AFTER mag_g,
      ADD COLUMN mag_i DOUBLE NULL AFTER mag_r, ADD COLUMN seeing DOUBLE NULL AFTER mag_i,
      ADD COLUMN moon DOUBLE NULL AFTER seeing`,
  )}
  START TRANSACTION;
  SELECT MIN(rev), MAX(rev) INTO lo, hi FROM spec_check WHERE assigned = 1;
  IF lo IS NOT NULL THEN
    ${takeRevs('hi - lo + 1')}
    -- Shifted past every revision there is: unique, and in the same order as before.
    UPDATE spec_check sc ${TARGET_AND_PLAN('sc')}
    SET sc.tsource = COALESCE(ti.tsource, ''), sc.mag_g = ti.mag_g, sc.mag_r = ti.mag_r, sc.mag_i = ti.mag_i,
      sc.seeing = pi.seeing, sc.moon = pi.moon, sc.rev = first_rev + 1 + (sc.rev - lo)
    WHERE sc.assigned = 1;
  END IF;
  COMMIT;
END`;

// batch_add as 1030/1110 have it, with the new fields in its snapshot.
const batchAdd: ProcSpec = [
  'batch_add',
  `IN p_id CHAR(36), IN p_name VARCHAR(128) ${TEXT}, IN p_mode VARCHAR(16), IN p_assignee VARCHAR(64) ${TEXT},
   IN p_criteria LONGTEXT ${TEXT}, IN p_obsids LONGTEXT`,
  'DECLARE n BIGINT UNSIGNED; DECLARE missing BIGINT UNSIGNED;',
  `IF NOT EXISTS (SELECT 1 FROM chk_member WHERE user = p_assignee AND active = 1) THEN
    ${deny("CONCAT('denied: ', p_assignee, ' is not an active SpecVet member')")}
  END IF;
  SET missing = (SELECT j.obsid FROM JSON_TABLE(p_obsids, '$[*]' COLUMNS (obsid BIGINT UNSIGNED PATH '$')) j
    LEFT JOIN spec_info si ON si.obsid = j.obsid WHERE si.obsid IS NULL LIMIT 1);
  IF missing IS NOT NULL THEN
    ${deny("CONCAT('no spectrum with obsid ', missing, ' in spec_info')")}
  END IF;
  SET n = JSON_LENGTH(p_obsids);
  ${takeRevs('n + 1')}
  INSERT INTO check_batch (id, name, mode, assignee, state, criteria, created_by, rev)
  VALUES (p_id, p_name, p_mode, p_assignee, 'active', p_criteria, me, first_rev + 1);
  INSERT INTO spec_check (batch_id, obsid, assignee, position, assigned, rev, lmjd, planid, spid, fiberid,
    ra, \`dec\`, objtype, ${FIELDS}, class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path)
  SELECT p_id, j.obsid, p_assignee, j.ord - 1, 1, first_rev + 1 + j.ord, si.lmjd, si.planid, si.spid, si.fiberid,
    ti.ra, ti.\`dec\`, COALESCE(ti.objtype, ''), ${FIELD_VALUES}, si.class, si.subclass, si.z, si.z_err,
    oi.snr_u, oi.snr_g, oi.snr_r, oi.snr_i, oi.snr_z, si.file_path
  FROM JSON_TABLE(p_obsids, '$[*]' COLUMNS (ord FOR ORDINALITY, obsid BIGINT UNSIGNED PATH '$')) j
  LEFT JOIN spec_info si ON si.obsid = j.obsid ${TARGET_AND_PLAN('si')}
  LEFT JOIN obj_info oi ON oi.lmjd = si.lmjd AND oi.planid = si.planid AND oi.spid = si.spid AND oi.fiberid = si.fiberid;`,
];

const myItems = `CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW my_items AS
  SELECT batch_id, obsid, position, assigned, rev, lmjd, planid, spid, fiberid, ra, \`dec\`, objtype, ${FIELDS},
    class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path
  FROM spec_check WHERE assignee = ${LOGIN}`;

function statements({ database }: MigrationContext): string[] {
  const coordinator = quoteId(dbRoleName(database, 'coordinator'));
  return [
    dropProc('specvet_add_item_survey_fields'),
    addColumns,
    'CALL specvet_add_item_survey_fields()',
    dropProc('specvet_add_item_survey_fields'),
    myItems,
    ...bounded(batchAdd, 'coordinator', criteriaCap),
    `GRANT EXECUTE ON PROCEDURE ${quoteId(database)}.batch_add TO ${coordinator}`,
  ];
}

export const migration: Migration = { version: 1520, name: 'item-survey-fields', statements };
