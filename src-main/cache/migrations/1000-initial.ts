/**
 * The first local cache schema. Tables mirror the central check side under the names the
 * domain uses; `pushed` marks what central has confirmed (set only after its commit).
 */
import type { Migration } from './types';

export const migration1000: Migration = {
  version: 1000,
  name: 'initial',
  sql: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE batch (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('single', 'browse', 'spectrograph')),
      assignee TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),
      created_at TEXT NOT NULL,
      rev TEXT NOT NULL
    ) STRICT;

    -- One spectrum in one batch with its survey metadata. assigned = 0 is a tombstone:
    -- central took the item away, but local work on it stays (and is still pushed).
    CREATE TABLE item (
      batch_id TEXT NOT NULL,
      obsid INTEGER NOT NULL,
      position INTEGER NOT NULL,
      assigned INTEGER NOT NULL CHECK (assigned IN (0, 1)),
      lmjd INTEGER NOT NULL,
      planid TEXT NOT NULL,
      spid INTEGER NOT NULL,
      fiberid INTEGER NOT NULL,
      ra REAL NOT NULL,
      dec REAL NOT NULL,
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
    CREATE INDEX item_by_obsid ON item (obsid);

    -- Verdicts: the reviewer's own (pushed = 0 while in the outbox) and the central history
    -- of the same spectra (pushed = 1). seq keeps local order, which is also push order, so
    -- a verdict always reaches central after the one it supersedes.
    CREATE TABLE verdict (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      obsid INTEGER NOT NULL,
      batch_id TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      class TEXT NOT NULL,
      subclass TEXT NOT NULL,
      z REAL NOT NULL,
      quality INTEGER NOT NULL,
      flags TEXT NOT NULL,
      comment TEXT NOT NULL,
      supersedes TEXT,
      created_at TEXT NOT NULL,
      rev TEXT,
      pushed INTEGER NOT NULL CHECK (pushed IN (0, 1))
    ) STRICT;
    CREATE INDEX verdict_by_spectrum ON verdict (reviewer, obsid, seq);
    CREATE INDEX verdict_outbox ON verdict (seq) WHERE pushed = 0;

    CREATE TABLE problem (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      lmjd INTEGER NOT NULL,
      planid TEXT NOT NULL,
      spid INTEGER NOT NULL,
      fiber_from INTEGER NOT NULL,
      fiber_to INTEGER NOT NULL,
      type TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('raw', '2d')),
      text TEXT NOT NULL,
      reporter TEXT NOT NULL,
      created_at TEXT NOT NULL,
      state TEXT NOT NULL,
      pushed INTEGER NOT NULL CHECK (pushed IN (0, 1))
    ) STRICT;
    CREATE INDEX problem_outbox ON problem (seq) WHERE pushed = 0;

    CREATE TABLE bookmark (
      batch_id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      pushed INTEGER NOT NULL CHECK (pushed IN (0, 1))
    ) STRICT;

    -- A spectrum file in the content-addressed store; a row exists only once the file
    -- was written whole and decoded.
    CREATE TABLE spectrum_file (
      obsid INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      stored_at TEXT NOT NULL
    ) STRICT;
  `,
};
