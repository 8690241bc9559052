/**
 * Loads a survey bundle (plan_info, target_info, obj_info, spec_info) into the survey tables,
 * as the pipelines would. Rows are upserted by their keys, so seeding again is harmless.
 * The catalogue's answers copy survey fields (migration 1760): those of every plan loaded are
 * re-folded in the same transaction, so the next export shows what was seeded.
 */
import type { Connection } from 'mysql2/promise';
import type { SurveyBundle } from '../survey/bundle';
import { surveyFold } from './migrations/1760-catalogue-survey-fields';

export interface SeedCounts {
  plan_info: number;
  target_info: number;
  obj_info: number;
  spec_info: number;
}

const CHUNK = 2000;

const TABLES = {
  plan_info: ['lmjd', 'planid', 'obsdate', 'ra', 'dec', 'seeing', 'moon', 'science'],
  target_info: ['lmjd', 'planid', 'spid', 'fiberid', 'ra', 'dec', 'objtype', 'tsource', 'fibertype', 'mag_g', 'mag_r', 'mag_i'],
  obj_info: ['lmjd', 'planid', 'spid', 'fiberid', 'snr_u', 'snr_g', 'snr_r', 'snr_i', 'snr_z', 'version_2d'],
  spec_info: ['obsid', 'lmjd', 'planid', 'spid', 'fiberid', 'class', 'subclass', 'z', 'z_err', 'version_1d', 'file_path'],
} as const;

type Table = keyof typeof TABLES;

/** Loads every table in one transaction (plans first: the others refer to them). */
export async function seedBundle(c: Connection, bundle: SurveyBundle): Promise<SeedCounts> {
  await c.query('START TRANSACTION');
  try {
    for (const table of Object.keys(TABLES) as Table[]) await upsert(c, table, bundle[table] as unknown as Record<string, unknown>[]);
    await refoldSurvey(c, bundle);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  }
  return {
    plan_info: bundle.plan_info.length,
    target_info: bundle.target_info.length,
    obj_info: bundle.obj_info.length,
    spec_info: bundle.spec_info.length,
  };
}

async function upsert(c: Connection, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  const cols = TABLES[table];
  const names = cols.map((k) => `\`${k}\``).join(', ');
  const update = cols.map((k) => `\`${k}\` = VALUES(\`${k}\`)`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => cols.map((k) => r[k] ?? null));
    // mysql2 expands the nested array into escaped (…), (…) groups: still parameterised.
    await c.query(`INSERT INTO ${table} (${names}) VALUES ? ON DUPLICATE KEY UPDATE ${update}`, [values]);
  }
}

const REFOLD = surveyFold('catalogue_answer a', ' WHERE si.lmjd = ? AND si.planid = ?');

/** Re-folds the answers' survey fields of each plan the bundle touched (any of its tables). */
async function refoldSurvey(c: Connection, bundle: SurveyBundle): Promise<void> {
  const plans = new Map<string, [number, string]>();
  for (const r of [...bundle.plan_info, ...bundle.target_info, ...bundle.spec_info]) plans.set(`${r.lmjd}\t${r.planid}`, [r.lmjd, r.planid]);
  for (const [lmjd, planid] of plans.values()) await c.query(REFOLD, [lmjd, planid]);
}
