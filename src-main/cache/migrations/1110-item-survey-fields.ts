/**
 * The item's snapshot gains the target's source and magnitudes and the plan's seeing and moon
 * (issue 13, side panel), as central's spec_check has them since its migration 1520. Items
 * stored before are filled by the next pull: central gave its open items fresh revisions.
 */
import type { Migration } from './types';

export const migration1110: Migration = {
  version: 1110,
  name: 'item-survey-fields',
  sql: `
    ALTER TABLE item ADD COLUMN tsource TEXT NOT NULL DEFAULT '';
    ALTER TABLE item ADD COLUMN mag_g REAL;
    ALTER TABLE item ADD COLUMN mag_r REAL;
    ALTER TABLE item ADD COLUMN mag_i REAL;
    ALTER TABLE item ADD COLUMN seeing REAL;
    ALTER TABLE item ADD COLUMN moon REAL;
  `,
};
