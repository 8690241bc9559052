/**
 * The New batch screen's live count, as the app asks it while the coordinator types: one
 * previewBatch call (a connection as the coordinator, the role check, the team's members, the
 * selection counted and split between two reviewers, the 10-spectrum sample), against the
 * coordinator bench's survey-sized database (1 million spectra on 250 nights of 2025, all in
 * batches and all with a verdict) with obj_info and target_info filled too. Criteria: one
 * month's galaxies with r-band S/N 5–50 — once as the form starts (leave out what is assigned
 * or verified: nothing is left) and once including both (a month's worth is counted).
 */
import { median, type Benchmark, type Result } from './benchmark';
import { seedSql } from './coordinator.bench';
import { openCentralDesk } from '../src-main/app/centralDesk';
import { deskBatchHandlers } from '../src-main/app/deskBatchHandlers';
import { parseCentralUrl } from '../src-main/config/config';
import type { DeskBatchRequest } from '../shared/desk';
import { createTestDatabase, useOrStartMariaDb } from '../test/support/mariadb';
import { addPerson, adminConnection } from '../test/central/fixtures';

const SURVEY_EXTRA = [
  `INSERT INTO obj_info (lmjd, planid, spid, fiberid, snr_u, snr_g, snr_r, snr_i, snr_z, version_2d)
   SELECT lmjd, planid, spid, fiberid, NULL, 1 + obsid MOD 60, 1 + obsid MOD 80, 1 + obsid MOD 70, 1 + obsid MOD 50, 'v2.9' FROM spec_info`,
  `INSERT INTO target_info (lmjd, planid, spid, fiberid, ra, \`dec\`, objtype, tsource, fibertype)
   SELECT lmjd, planid, spid, fiberid, 10, 30, IF(class = 'STAR', 'Star', 'Galaxy'), 'LEGAS', 'Obj' FROM spec_info`,
];

async function measurePreview(): Promise<Result | null> {
  const server = await useOrStartMariaDb();
  const db = await createTestDatabase({ adminUrl: server.url });
  try {
    const admin = await adminConnection(db);
    const t0 = performance.now();
    try {
      await admin.query('SET GLOBAL innodb_buffer_pool_size = 1024 * 1024 * 1024');
      for (const sql of [...seedSql(), ...SURVEY_EXTRA]) await admin.query(sql).catch((err: Error) => Promise.reject(new Error(`seeding: ${err.message}`)));
      await admin.query('ANALYZE TABLE spec_info, plan_info, obj_info, target_info, check_batch, spec_check, humanverify');
    } finally {
      await admin.end();
    }
    const seeded = (performance.now() - t0) / 1000;
    const carol = await addPerson(db, 'coordinator', 'benchco');
    const [ann, ben] = [await addPerson(db, 'reviewer', 'ann'), await addPerson(db, 'reviewer', 'ben')];
    const handlers = deskBatchHandlers(() => openCentralDesk(parseCentralUrl(carol.url), carol.password));
    const ask = (leaveOut: boolean): DeskBatchRequest => ({
      name: '',
      assignees: [ann.user, ben.user],
      mode: 'single',
      criteria: { from: '2025-03-01', to: '2025-03-31', classes: ['GALAXY'], snrMin: 5, snrMax: 50, leaveOut: { assigned: leaveOut, verified: leaveOut } },
    });
    const warm = await handlers.previewBatch(ask(false));
    if (warm.count === 0 || warm.sample.length !== 10) throw new Error('the preview saw the wrong world');
    const each: Record<'left out' | 'included', number[]> = { 'left out': [], included: [] };
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [key, leaveOut] of [['left out', true], ['included', false]] as const) {
        const t = performance.now();
        await handlers.previewBatch(ask(leaveOut));
        each[key].push((performance.now() - t) / 1000);
      }
      samples.push(Math.max(each['left out'][round]!, each.included[round]!));
    }
    const per = Object.entries(each).map(([k, xs]) => `${k} ${median(xs).toFixed(2)} s`).join(', ');
    return { samples, note: `slower of the two; medians ${per}; ${warm.count} spectra counted when included; seeded in ${seeded.toFixed(0)} s` };
  } finally {
    await db.cleanup();
    await server.stop();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'coordinator: New batch live count (previewBatch, 1M spectra, a month of galaxies by S/N)', unit: 's', target: { kind: 'max', value: 0.5 }, run: measurePreview },
];
