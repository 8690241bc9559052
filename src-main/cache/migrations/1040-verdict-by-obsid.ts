/**
 * The review screen lists every other reviewer's verdict on the spectra of a batch (the central
 * history a pull brings): that asks by spectrum, not by reviewer, so it needs an index led by
 * obsid — verdict_by_spectrum is led by reviewer and would mean a scan of every verdict.
 */
import type { Migration } from './types';

export const migration1040: Migration = {
  version: 1040,
  name: 'verdict-by-obsid',
  sql: `
    CREATE INDEX IF NOT EXISTS verdict_by_obsid ON verdict (obsid, reviewer, created_at, seq);
  `,
};
