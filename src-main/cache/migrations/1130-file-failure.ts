/**
 * The spectrum files the last sync could not fetch, each with why (corrupt at its source,
 * missing there, source unreachable): the review screen says that of the spectrum instead of
 * "not fetched yet", and a stored file takes its row away.
 */
import type { Migration } from './types';

export const migration1130: Migration = {
  version: 1130,
  name: 'file-failure',
  sql: `
    CREATE TABLE file_failure (
      obsid INTEGER PRIMARY KEY,
      file_path TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('corrupt', 'missing', 'unreachable')),
      reason TEXT NOT NULL,
      failed_at TEXT NOT NULL
    ) STRICT;
  `,
};
