/**
 * The 2D team's handling of a person's problem reports comes back with the pull (issue 15):
 * who changed the state, when, with what note, and the central revision of that change (a
 * late page never puts an older state back). `pull_set_aside` may now keep a problem row too;
 * SQLite cannot change a CHECK in place, so that table is rebuilt with the same rows.
 */
import type { Migration } from './types';

export const migration1050: Migration = {
  version: 1050,
  name: 'problem-handling',
  sql: `
    ALTER TABLE problem ADD COLUMN handled_by TEXT;
    ALTER TABLE problem ADD COLUMN handled_at TEXT;
    ALTER TABLE problem ADD COLUMN handled_note TEXT;
    ALTER TABLE problem ADD COLUMN rev TEXT;

    CREATE TABLE pull_set_aside_new (
      kind TEXT NOT NULL CHECK (kind IN ('batch', 'item', 'verdict', 'problem')),
      key TEXT NOT NULL,
      rev TEXT NOT NULL,
      reason TEXT NOT NULL,
      row TEXT NOT NULL,
      set_aside_at TEXT NOT NULL,
      PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO pull_set_aside_new SELECT kind, key, rev, reason, row, set_aside_at FROM pull_set_aside;
    DROP TABLE pull_set_aside;
    ALTER TABLE pull_set_aside_new RENAME TO pull_set_aside;
  `,
};
