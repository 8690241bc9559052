/**
 * The side panel's survey fields (issue 13): a target's source and magnitudes and its plan's
 * seeing and moon travel from the survey tables through batch_add's snapshot and the pull into
 * the reviewer's cache — also for items assigned before central migration 1520 added them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model';
import { migrateUrl } from '../../src-main/central/migrate';
import { useWorld } from '../support/world';
import { assign, cacheOf, reviewer, syncOnce, type Person } from './world';

const w = useWorld({ plans: 2, spectrographs: 1, fibers: 6 });

interface SurveyRow {
  obsid: string;
  tsource: string;
  mag_g: number | null;
  mag_r: number | null;
  mag_i: number | null;
  seeing: number | null;
  moon: number | null;
}

/** What the survey tables say of each spectrum, read behind the sync's back. */
async function surveyFields(): Promise<Map<number, Pick<Item, 'tsource' | 'mag' | 'seeing' | 'moon'>>> {
  const [rows] = await w.admin.query(
    `SELECT si.obsid, ti.tsource, ti.mag_g, ti.mag_r, ti.mag_i, pi.seeing, pi.moon
     FROM spec_info si JOIN target_info ti USING (lmjd, planid, spid, fiberid) JOIN plan_info pi USING (lmjd, planid)`,
  );
  return new Map(
    (rows as SurveyRow[]).map((r) => [Number(r.obsid), { tsource: r.tsource, mag: { g: r.mag_g, r: r.mag_r, i: r.mag_i }, seeing: r.seeing, moon: r.moon }]),
  );
}

const fieldsOf = (i: Item) => ({ tsource: i.tsource, mag: i.mag, seeing: i.seeing, moon: i.moon });

describe('survey fields of an item', () => {
  let alice: Person;
  let bob: Person;
  beforeAll(async () => {
    // Each plan its own night, each fibre its own target: a mix-up of rows would show.
    await w.admin.query("UPDATE plan_info SET seeing = 1.85, moon = 0.73 WHERE planid = 'PLAN001'");
    await w.admin.query("UPDATE plan_info SET seeing = NULL, moon = NULL WHERE planid = 'PLAN000'");
    await w.admin.query("UPDATE target_info SET tsource = CONCAT('LEGAS-', fiberid), mag_g = 14 + fiberid / 10, mag_r = 13.5 + fiberid / 100, mag_i = IF(fiberid = 2, NULL, 13.2)");
    [alice, bob] = await Promise.all([reviewer(w), reviewer(w)]);
  });

  it('arrive with a pull, each spectrum with its own target and plan', async () => {
    await assign(w, 'fields', [alice], 12);
    const cache = cacheOf(w, alice);
    expect((await syncOnce(w, cache, alice)).error).toBeNull();
    const items = cache.listItems(cache.listBatches()[0]!.id);
    expect(items).toHaveLength(12);
    const survey = await surveyFields();
    for (const item of items) expect(fieldsOf(item)).toEqual(survey.get(item.obsid));
    // Both nights and a missing magnitude are among them, so the check above saw each case.
    expect(new Set(items.map((i) => i.seeing))).toEqual(new Set([null, 1.85]));
    expect(items.some((i) => i.mag.i === null && i.mag.g !== null)).toBe(true);
    cache.close();
  });

  it('reach items assigned before the fields existed, on the next pull after the migration', async () => {
    await assign(w, 'older', [bob], 12);
    // As batch_add left an item before migration 1520: no survey fields in the snapshot.
    await w.admin.query("UPDATE spec_check SET tsource = '', mag_g = NULL, mag_r = NULL, mag_i = NULL, seeing = NULL, moon = NULL WHERE assignee = ?", [bob.user]);
    const cache = cacheOf(w, bob);
    expect((await syncOnce(w, cache, bob)).error).toBeNull();
    const batchId = cache.listBatches()[0]!.id;
    expect(cache.listItems(batchId).every((i) => i.tsource === '' && i.seeing === null)).toBe(true);

    // The server as it was before 1520: migrate runs it (and every later one) again.
    await w.admin.query('DELETE FROM schema_version WHERE version >= 1520');
    await migrateUrl(w.db.url);
    expect((await syncOnce(w, cache, bob)).error).toBeNull();
    const survey = await surveyFields();
    const items = cache.listItems(batchId);
    expect(items).toHaveLength(12);
    for (const item of items) expect(fieldsOf(item)).toEqual(survey.get(item.obsid));
    cache.close();
  });
});
