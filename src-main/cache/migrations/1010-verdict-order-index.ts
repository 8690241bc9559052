/**
 * "The reviewer's newest verdict on a spectrum" orders by created_at, then seq: an index in
 * that order answers it from the index alone (one seek per item, no sort), however many
 * verdicts a spectrum collected.
 */
import type { Migration } from './types';

export const migration1010: Migration = {
  version: 1010,
  name: 'verdict-order-index',
  sql: `
    DROP INDEX IF EXISTS verdict_by_spectrum;
    CREATE INDEX verdict_by_spectrum ON verdict (reviewer, obsid, created_at, seq);
  `,
};
