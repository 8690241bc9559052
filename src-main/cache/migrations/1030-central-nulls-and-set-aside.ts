/**
 * The cache takes what the central schema allows, and keeps what it still cannot take aside:
 * - `item.ra` / `item.dec` become nullable. Centrally they are (`spec_check.ra`, `.dec` are
 *   NULL for a spectrum without a target_info row — batch_add LEFT JOINs it); the cache
 *   requiring them made every sync of such a batch fail on "NOT NULL constraint failed:
 *   item.ra", forever. Every other column of `my_items`, `my_batches` and `my_verdicts` is
 *   NOT NULL centrally or already nullable here (snr_*, supersedes).
 * - `pull_set_aside`: a pulled row the cache still refuses (a newer central's review mode, a
 *   value SQLite will not store) is kept here with the reason instead of failing its page, so
 *   the rest of the page, the watermark and the push go on. The row is tried again on every
 *   pull (a newer SpecVet may take it) and leaves once stored or superseded.
 * SQLite cannot drop NOT NULL in place: the item table is rebuilt with the same rows.
 */
import type { Migration } from './types';

export const migration1030: Migration = {
  version: 1030,
  name: 'central-nulls-and-set-aside',
  sql: `
    CREATE TABLE item_1030 (
      batch_id TEXT NOT NULL,
      obsid INTEGER NOT NULL,
      position INTEGER NOT NULL,
      assigned INTEGER NOT NULL CHECK (assigned IN (0, 1)),
      lmjd INTEGER NOT NULL,
      planid TEXT NOT NULL,
      spid INTEGER NOT NULL,
      fiberid INTEGER NOT NULL,
      ra REAL,
      dec REAL,
      objtype TEXT NOT NULL,
      class TEXT NOT NULL,
      subclass TEXT NOT NULL,
      z REAL NOT NULL,
      z_err REAL NOT NULL,
      snr_u REAL,
      snr_g REAL,
      snr_r REAL,
      snr_i REAL,
      snr_z REAL,
      file_path TEXT NOT NULL,
      rev TEXT NOT NULL,
      PRIMARY KEY (batch_id, obsid)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO item_1030 SELECT batch_id, obsid, position, assigned, lmjd, planid, spid, fiberid, ra, dec, objtype,
      class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path, rev FROM item;
    DROP TABLE item;
    ALTER TABLE item_1030 RENAME TO item;
    CREATE INDEX item_by_obsid ON item (obsid);

    -- kind: batch | item | verdict; key: its id (an item: batch_id/obsid); row: the pulled row as JSON.
    CREATE TABLE pull_set_aside (
      kind TEXT NOT NULL CHECK (kind IN ('batch', 'item', 'verdict')),
      key TEXT NOT NULL,
      rev TEXT NOT NULL,
      reason TEXT NOT NULL,
      row TEXT NOT NULL,
      set_aside_at TEXT NOT NULL,
      PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID;
  `,
};
