/**
 * Coordinator, 2D and admin actions as definer procedures: each role is granted EXECUTE on
 * its own procedures only (1040-roles.ts), and the procedures keep the invariants the sync
 * depends on (fresh revisions, a batch's assignee never changing, accounts for '%' with a
 * default role) however they are called — from SpecVet or from the `mariadb` client.
 */
import type { Migration } from './types';
import { definerProc, deny, dropProc, memberLockProc, runDdl, takeRevs, type ProcSpec } from './sql';

const TEXT = 'CHARACTER SET utf8mb4';

// Exported so that later migrations can re-create it with more checks (1070).
export const batchAddSpec: ProcSpec = [
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
    ra, \`dec\`, objtype, class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path)
  SELECT p_id, j.obsid, p_assignee, j.ord - 1, 1, first_rev + 1 + j.ord, si.lmjd, si.planid, si.spid, si.fiberid,
    ti.ra, ti.\`dec\`, COALESCE(ti.objtype, ''), si.class, si.subclass, si.z, si.z_err,
    oi.snr_u, oi.snr_g, oi.snr_r, oi.snr_i, oi.snr_z, si.file_path
  FROM JSON_TABLE(p_obsids, '$[*]' COLUMNS (ord FOR ORDINALITY, obsid BIGINT UNSIGNED PATH '$')) j
  LEFT JOIN spec_info si ON si.obsid = j.obsid
  LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid
  LEFT JOIN obj_info oi ON oi.lmjd = si.lmjd AND oi.planid = si.planid AND oi.spid = si.spid AND oi.fiberid = si.fiberid;`,
];
const batchAdd = definerProc(...batchAddSpec);

// Cancelling turns every item into a tombstone (assigned = 0) with a fresh revision, so the
// reviewer's next pull learns of it; their verdicts on those items stay.
// Exported so that later migrations can re-create it with more checks (1070).
export const batchCancelSpec: ProcSpec = [
  'batch_cancel',
  'IN p_id CHAR(36)',
  'DECLARE n BIGINT UNSIGNED;',
  `IF NOT EXISTS (SELECT 1 FROM check_batch WHERE id = p_id AND state = 'active' FOR UPDATE) THEN
    ${deny("CONCAT('no active batch ', p_id)")}
  END IF;
  SET n = (SELECT COALESCE(MAX(position) + 1, 0) FROM spec_check WHERE batch_id = p_id);
  ${takeRevs('n + 1')}
  UPDATE check_batch SET state = 'cancelled', rev = first_rev + 1 WHERE id = p_id;
  UPDATE spec_check SET assigned = 0, rev = first_rev + 2 + position WHERE batch_id = p_id;`,
];
const batchCancel = definerProc(...batchCancelSpec);

// A coordinator's resolution of a disagreement; like verdicts, idempotent by client UUID.
// Exported so that later migrations can re-create it with more checks (1070).
export const recheckAddSpec: ProcSpec = [
  'recheck_add',
  `IN doc LONGTEXT ${TEXT}`,
  '',
  `${takeRevs('JSON_LENGTH(doc)')}
  INSERT INTO humanrecheck (id, obsid, coordinator, class, subclass, z, quality, comment, rev)
  SELECT j.id, j.obsid, me, j.class, j.subclass, j.z, j.quality, j.comment, first_rev + j.ord
  FROM JSON_TABLE(doc, '$[*]' COLUMNS (ord FOR ORDINALITY,
      id CHAR(36) PATH '$.id',
      obsid BIGINT UNSIGNED PATH '$.obsid',
      class VARCHAR(16) PATH '$.class',
      subclass VARCHAR(64) ${TEXT} PATH '$.subclass',
      z DOUBLE PATH '$.z',
      quality INT PATH '$.quality',
      comment MEDIUMTEXT ${TEXT} PATH '$.comment')) j
  ON DUPLICATE KEY UPDATE humanrecheck.id = humanrecheck.id;`,
];
const recheckAdd = definerProc(...recheckAddSpec);

// Exported so that later migrations can re-create it with more checks (1070).
export const problemSetStateSpec: ProcSpec = [
  'problem_set_state',
  'IN p_id CHAR(36), IN p_state VARCHAR(16)',
  '',
  `IF p_state NOT IN ('acknowledged', 'resolved', 'discarded') THEN
    ${deny("CONCAT('a problem can be set to acknowledged, resolved or discarded, not ', p_state)")}
  END IF;
  ${takeRevs('1')}
  UPDATE prob2d SET state = p_state, handled_by = me, handled_at = CURRENT_TIMESTAMP(3), rev = first_rev + 1
  WHERE id = p_id;
  IF ROW_COUNT() = 0 THEN
    ${deny("CONCAT('no problem report ', p_id)")}
  END IF;`,
];
const problemSetState = definerProc(...problemSetStateSpec);

const USER_NAME = "'^[A-Za-z][A-Za-z0-9_.-]{0,63}$'";

// The password arrives as a mysql_native_password hash made by the client: the plain text
// never reaches the server's logs. Account DDL commits implicitly, so this procedure is not
// transactional; it does the checks first and the chk_member row last. `IDENTIFIED WITH … AS`
// is spelt the same on MariaDB and MySQL 8.0; only the default role needs each server's own
// statement (MariaDB has no ALTER USER … DEFAULT ROLE, MySQL no SET DEFAULT ROLE … FOR).
const memberAdd = `CREATE PROCEDURE member_add(IN p_user VARCHAR(64) ${TEXT}, IN p_role VARCHAR(16),
  IN p_department VARCHAR(128) ${TEXT}, IN p_hash VARCHAR(64))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
  DECLARE role_name VARCHAR(32);
  DECLARE msg VARCHAR(512) ${TEXT};
  IF p_user IS NULL OR NOT p_user REGEXP ${USER_NAME} THEN
    ${deny("CONCAT('a user name is a letter then up to 63 letters, digits, _ . or -; got ', COALESCE(p_user, 'nothing'))")}
  END IF;
  SET role_name = CASE p_role WHEN 'reviewer' THEN 'specvet_reviewer' WHEN 'coordinator' THEN 'specvet_coordinator'
    WHEN '2d' THEN 'specvet_2d' WHEN 'admin' THEN 'specvet_admin' END;
  IF role_name IS NULL THEN
    ${deny("CONCAT('a role is reviewer, coordinator, 2d or admin; got ', COALESCE(p_role, 'nothing'))")}
  END IF;
  IF p_hash IS NULL OR NOT p_hash REGEXP '^[*][0-9A-F]{40}$' THEN
    ${deny("'the password must arrive as a mysql_native_password hash'")}
  END IF;
  IF EXISTS (SELECT 1 FROM chk_member WHERE user = p_user) THEN
    ${deny("CONCAT('user ', p_user, ' already exists')")}
  END IF;
  ${runDdl(`CONCAT('CREATE USER ', QUOTE(p_user), '@''%'' IDENTIFIED WITH mysql_native_password AS ', QUOTE(p_hash))`)}
  ${runDdl(`CONCAT('GRANT ', role_name, ' TO ', QUOTE(p_user), '@''%''')`)}
  ${runDdl(`IF(VERSION() LIKE '%MariaDB%',
    CONCAT('SET DEFAULT ROLE ', role_name, ' FOR ', QUOTE(p_user), '@''%'''),
    CONCAT('ALTER USER ', QUOTE(p_user), '@''%'' DEFAULT ROLE ', role_name))`)}
  INSERT INTO chk_member (user, role, department, active) VALUES (p_user, p_role, COALESCE(p_department, ''), 1);
END`;

const memberDisable = memberLockProc('member_disable', true);

export const migration: Migration = {
  version: 1030,
  name: 'manage-procedures',
  statements: () => [
    dropProc('batch_add'),
    batchAdd,
    dropProc('batch_cancel'),
    batchCancel,
    dropProc('recheck_add'),
    recheckAdd,
    dropProc('problem_set_state'),
    problemSetState,
    dropProc('member_add'),
    memberAdd,
    dropProc('member_disable'),
    memberDisable,
  ],
};
