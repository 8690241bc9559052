/**
 * The tables. Survey side (plan_info, target_info, obj_info, spec_info) keeps LAMOST's names;
 * the pipelines write it and SpecVet only reads it. Check side is SpecVet's own.
 *
 * Every synced row carries `rev`, unique and taken from the single counter row in sync_rev
 * inside the writing transaction, so revision order is commit order (docs/architecture.md, Sync).
 */
import { TABLE_OPTIONS, type Migration } from './types';

const survey = [
  `CREATE TABLE IF NOT EXISTS plan_info (
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    obsdate DATE NOT NULL,
    ra DOUBLE NOT NULL,
    \`dec\` DOUBLE NOT NULL,
    seeing DOUBLE NULL,
    moon DOUBLE NULL,
    science TINYINT NOT NULL DEFAULT 1,
    PRIMARY KEY (lmjd, planid),
    KEY plan_info_obsdate (obsdate),
    KEY plan_info_planid (planid)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS target_info (
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    spid TINYINT UNSIGNED NOT NULL,
    fiberid SMALLINT UNSIGNED NOT NULL,
    ra DOUBLE NOT NULL,
    \`dec\` DOUBLE NOT NULL,
    objtype VARCHAR(32) NOT NULL DEFAULT '',
    tsource VARCHAR(64) NOT NULL DEFAULT '',
    fibertype VARCHAR(16) NOT NULL DEFAULT '',
    mag_g DOUBLE NULL,
    mag_r DOUBLE NULL,
    mag_i DOUBLE NULL,
    PRIMARY KEY (lmjd, planid, spid, fiberid),
    KEY target_info_tsource (tsource)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS obj_info (
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    spid TINYINT UNSIGNED NOT NULL,
    fiberid SMALLINT UNSIGNED NOT NULL,
    snr_u DOUBLE NULL,
    snr_g DOUBLE NULL,
    snr_r DOUBLE NULL,
    snr_i DOUBLE NULL,
    snr_z DOUBLE NULL,
    version_2d VARCHAR(32) NOT NULL DEFAULT '',
    PRIMARY KEY (lmjd, planid, spid, fiberid)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS spec_info (
    obsid BIGINT UNSIGNED NOT NULL,
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    spid TINYINT UNSIGNED NOT NULL,
    fiberid SMALLINT UNSIGNED NOT NULL,
    class ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL,
    subclass VARCHAR(64) NOT NULL DEFAULT '',
    z DOUBLE NOT NULL,
    z_err DOUBLE NOT NULL,
    version_1d VARCHAR(32) NOT NULL DEFAULT '',
    file_path VARCHAR(512) NOT NULL,
    PRIMARY KEY (obsid),
    UNIQUE KEY spec_info_fibre (lmjd, planid, spid, fiberid),
    KEY spec_info_plan (planid, spid),
    KEY spec_info_class (class)
  ) ${TABLE_OPTIONS}`,
];

const check = [
  `CREATE TABLE IF NOT EXISTS chk_member (
    user VARCHAR(64) NOT NULL,
    role ENUM('reviewer','coordinator','2d','admin') NOT NULL,
    department VARCHAR(128) NOT NULL DEFAULT '',
    active TINYINT NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user)
  ) ${TABLE_OPTIONS}`,
  // The revision counter: one row, bumped with LAST_INSERT_ID(rev + n) inside each writing
  // transaction, so writers serialise on it for the instant before commit.
  `CREATE TABLE IF NOT EXISTS sync_rev (
    id TINYINT UNSIGNED NOT NULL,
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (id)
  ) ${TABLE_OPTIONS}`,
  `INSERT IGNORE INTO sync_rev (id, rev) VALUES (1, 0)`,
  // A batch never changes assignee: reassigning cancels it and makes a new one, so a
  // reviewer's pull needs only rows tagged with their own name.
  `CREATE TABLE IF NOT EXISTS check_batch (
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    name VARCHAR(128) NOT NULL,
    mode ENUM('single','browse','spectrograph') NOT NULL,
    assignee VARCHAR(64) NOT NULL,
    state ENUM('active','cancelled') NOT NULL DEFAULT 'active',
    criteria JSON NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY check_batch_name (name, assignee),
    UNIQUE KEY check_batch_rev (rev),
    KEY check_batch_assignee (assignee, rev)
  ) ${TABLE_OPTIONS}`,
  // An item carries a snapshot of its spectrum's survey metadata, taken when it is assigned:
  // a pull then reads one table by (assignee, rev) instead of joining three survey tables on
  // their four-column keys (3x faster for 100k items), and the reviewer sees what the
  // coordinator selected on.
  `CREATE TABLE IF NOT EXISTS spec_check (
    batch_id CHAR(36) CHARACTER SET ascii NOT NULL,
    obsid BIGINT UNSIGNED NOT NULL,
    assignee VARCHAR(64) NOT NULL,
    position INT UNSIGNED NOT NULL,
    assigned TINYINT NOT NULL DEFAULT 1,
    rev BIGINT UNSIGNED NOT NULL,
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    spid TINYINT UNSIGNED NOT NULL,
    fiberid SMALLINT UNSIGNED NOT NULL,
    ra DOUBLE NULL,
    \`dec\` DOUBLE NULL,
    objtype VARCHAR(32) NOT NULL DEFAULT '',
    class ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL,
    subclass VARCHAR(64) NOT NULL DEFAULT '',
    z DOUBLE NOT NULL,
    z_err DOUBLE NOT NULL,
    snr_u DOUBLE NULL,
    snr_g DOUBLE NULL,
    snr_r DOUBLE NULL,
    snr_i DOUBLE NULL,
    snr_z DOUBLE NULL,
    file_path VARCHAR(512) NOT NULL,
    PRIMARY KEY (batch_id, obsid),
    UNIQUE KEY spec_check_position (batch_id, position),
    UNIQUE KEY spec_check_rev (rev),
    KEY spec_check_assignee (assignee, rev),
    KEY spec_check_obsid (obsid, assignee),
    CONSTRAINT spec_check_batch FOREIGN KEY (batch_id) REFERENCES check_batch (id),
    CONSTRAINT spec_check_spectrum FOREIGN KEY (obsid) REFERENCES spec_info (obsid)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS check_status (
    batch_id CHAR(36) CHARACTER SET ascii NOT NULL,
    position INT UNSIGNED NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (batch_id),
    UNIQUE KEY check_status_rev (rev),
    CONSTRAINT check_status_batch FOREIGN KEY (batch_id) REFERENCES check_batch (id)
  ) ${TABLE_OPTIONS}`,
  // Append-only: a changed verdict is a new row naming the one it supersedes.
  `CREATE TABLE IF NOT EXISTS humanverify (
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    obsid BIGINT UNSIGNED NOT NULL,
    batch_id CHAR(36) CHARACTER SET ascii NOT NULL,
    reviewer VARCHAR(64) NOT NULL,
    class ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL,
    subclass VARCHAR(64) NOT NULL DEFAULT '',
    z DOUBLE NOT NULL,
    quality TINYINT UNSIGNED NOT NULL,
    flags JSON NOT NULL,
    comment MEDIUMTEXT NOT NULL,
    supersedes CHAR(36) CHARACTER SET ascii NULL,
    created_at DATETIME(3) NOT NULL,
    received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY humanverify_rev (rev),
    KEY humanverify_obsid (obsid, rev),
    KEY humanverify_reviewer (reviewer, created_at),
    KEY humanverify_batch (batch_id),
    CONSTRAINT humanverify_quality CHECK (quality <= 4)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS humanrecheck (
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    obsid BIGINT UNSIGNED NOT NULL,
    coordinator VARCHAR(64) NOT NULL,
    class ENUM('STAR','GALAXY','QSO','UNKNOWN') NOT NULL,
    subclass VARCHAR(64) NOT NULL DEFAULT '',
    z DOUBLE NOT NULL,
    quality TINYINT UNSIGNED NOT NULL,
    comment MEDIUMTEXT NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY humanrecheck_rev (rev),
    KEY humanrecheck_obsid (obsid),
    CONSTRAINT humanrecheck_quality CHECK (quality <= 4)
  ) ${TABLE_OPTIONS}`,
  `CREATE TABLE IF NOT EXISTS prob2d (
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    lmjd INT NOT NULL,
    planid VARCHAR(64) NOT NULL,
    spid TINYINT UNSIGNED NOT NULL,
    fiber_from SMALLINT UNSIGNED NOT NULL,
    fiber_to SMALLINT UNSIGNED NOT NULL,
    type VARCHAR(64) NOT NULL,
    origin ENUM('raw','2d') NOT NULL,
    text MEDIUMTEXT NOT NULL,
    reporter VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    state ENUM('open','acknowledged','resolved','discarded') NOT NULL DEFAULT 'open',
    handled_by VARCHAR(64) NULL,
    handled_at DATETIME(3) NULL,
    rev BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY prob2d_rev (rev),
    KEY prob2d_plan (lmjd, planid, spid),
    KEY prob2d_state (state, lmjd),
    KEY prob2d_reporter (reporter, rev),
    CONSTRAINT prob2d_fibres CHECK (fiber_from <= fiber_to)
  ) ${TABLE_OPTIONS}`,
];

export const migration: Migration = {
  version: 1000,
  name: 'initial',
  statements: () => [...survey, ...check],
};
