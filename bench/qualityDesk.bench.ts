/**
 * The coordinator's desk at survey scale (issue 15): 1,000,000 spectra, 1,000,000 verdicts
 * from 100 reviewers (950,000 spectra checked once, 25,000 twice, some in disagreement), the
 * recheck list, one trace, and the export of every checked spectrum (streamed to a CSV file,
 * with its client CPU time and memory).
 * The survey is made inside the server from MariaDB's sequence tables (bench-only seeding:
 * one INSERT … SELECT per table, no rows cross the wire). One world serves all three rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, Result } from './benchmark';
import type { CentralClient } from '../src-main/central/centralClient';
import { exportCatalogue } from '../src-main/central/catalogueExport';
import { createTestDatabase, useOrStartMariaDb, type TestDatabase } from '../test/support/mariadb';
import { addPerson, adminConnection, sessionAs } from '../test/central/fixtures';

const SPECTRA = 1_000_000;
const PER_PLAN = 4000; // 16 spectrographs × 250 fibres
const TWICE = 25_000; // spectra with a second reviewer: 1,000,000 verdicts in all

const BATCH = "'00000000-0000-4000-8000-000000000000'";
const SEED = [
  `INSERT INTO plan_info (lmjd, planid, obsdate, ra, \`dec\`, seeing, moon, science)
   SELECT 60000 + seq, CONCAT('P', seq), DATE '2024-01-01' + INTERVAL seq DIV 2 DAY, seq % 360, 30, 2.5, 0.3, 1
   FROM seq_0_to_${SPECTRA / PER_PLAN - 1}`,
  `INSERT INTO spec_info (obsid, lmjd, planid, spid, fiberid, class, subclass, z, z_err, version_1d, file_path)
   SELECT seq, 60000 + (seq DIV ${PER_PLAN}), CONCAT('P', seq DIV ${PER_PLAN}), (seq DIV 250) % 16 + 1, seq % 250 + 1,
     ELT(seq % 4 + 1, 'STAR', 'GALAXY', 'QSO', 'STAR'), IF(seq % 4 IN (0, 3), 'G5', ''), IF(seq % 4 = 2, 1.5, 0.1), 0.001, 'v2.9', CONCAT('f/', seq)
   FROM seq_1_to_${SPECTRA}`,
  `INSERT INTO target_info (lmjd, planid, spid, fiberid, ra, \`dec\`, objtype, tsource, fibertype, mag_g, mag_r, mag_i)
   SELECT lmjd, planid, spid, fiberid, (obsid * 0.000359) % 360, -10 + (obsid % 7000) * 0.01, IF(class = 'STAR', 'Star', 'Galaxy'), 'bench', 'Obj', 17, 16.5, 16
   FROM spec_info`,
  `INSERT INTO obj_info (lmjd, planid, spid, fiberid, snr_u, snr_g, snr_r, snr_i, snr_z, version_2d)
   SELECT lmjd, planid, spid, fiberid, 2, 10, 20, 15, 8, 'v2.9' FROM spec_info`,
  // Verdicts: the first 975,000 spectra once (reviewer seq % 100), the first 25,000 again by
  // another reviewer; one in five of those seconds gives another class.
  `INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
   SELECT CONCAT('00000000-0000-4000-8000-', LPAD(HEX(seq), 12, '0')), seq, ${BATCH}, CONCAT('r', seq % 100),
     ELT(seq % 4 + 1, 'STAR', 'GALAXY', 'QSO', 'STAR'), '', IF(seq % 4 = 2, 1.5, 0.1), 3, '[]', '', NULL,
     TIMESTAMP '2024-06-01 00:00:00' + INTERVAL seq SECOND, seq
   FROM seq_1_to_${SPECTRA - TWICE}`,
  `INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
   SELECT CONCAT('00000000-0000-4000-9000-', LPAD(HEX(seq), 12, '0')), seq, ${BATCH}, CONCAT('r', (seq + 1) % 100),
     IF(seq % 5 = 0, 'UNKNOWN', ELT(seq % 4 + 1, 'STAR', 'GALAXY', 'QSO', 'STAR')), '', IF(seq % 4 = 2, 1.5, 0.1), 3, '[]', '', NULL,
     TIMESTAMP '2024-09-01 00:00:00' + INTERVAL seq SECOND, ${SPECTRA} + seq
   FROM seq_1_to_${TWICE}`,
  `UPDATE sync_rev SET rev = ${SPECTRA + TWICE} WHERE id = 1`,
];

interface World {
  client: CentralClient;
  db: TestDatabase;
  close(): Promise<void>;
}

let built: Promise<World> | null = null;

function world(): Promise<World> {
  built ??= (async () => {
    const server = await useOrStartMariaDb();
    const db = await createTestDatabase({ adminUrl: server.url });
    const admin = await adminConnection(db);
    const t0 = performance.now();
    for (const sql of SEED) await admin.query(sql);
    await admin.query('ANALYZE TABLE spec_info, target_info, humanverify');
    await admin.end();
    console.error(`seeded ${SPECTRA} spectra and ${SPECTRA} verdicts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const coordinator = await addPerson(db, 'coordinator', 'benchco');
    const client = await sessionAs(db, coordinator);
    return {
      client,
      db,
      async close() {
        await client.close();
        await db.cleanup();
        await server.stop();
      },
    };
  })();
  return built;
}

async function timed(rounds: number, fn: (round: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await fn(r);
    samples.push((performance.now() - t0) / 1000);
  }
  return samples;
}

async function recheckList(): Promise<Result> {
  const w = await world();
  let n = 0;
  // The first list folds the seeded million verdicts into recheck_summary (on a real server the
  // migration and each list fold them as they arrive); the samples are lists with new work folded.
  const [fold] = await timed(1, () => w.client.recheckList());
  const cpu0 = process.cpuUsage();
  const samples = await timed(3, async () => (n = (await w.client.recheckList()).length));
  const cpu = process.cpuUsage(cpu0);
  return { samples, note: `${n} spectra to recheck among ${SPECTRA} verdicts; first fold of all ${fold!.toFixed(1)} s; client CPU ${((cpu.user + cpu.system) / 3e6).toFixed(2)} s per list` };
}

async function oneTrace(): Promise<Result> {
  const w = await world();
  await w.client.trace({ obsid: 1 }); // warm-up: connection, plans
  const samples = await timed(20, (r) => w.client.trace({ obsid: 1 + ((r * 48_611) % SPECTRA) }));
  return { samples: samples.map((s) => s * 1000), note: 'by obsid, as the coordinator' };
}

async function exportAll(): Promise<Result> {
  const w = await world();
  const dir = mkdtempSync(join(tmpdir(), 'specvet-export-'));
  try {
    // The seeded million verdicts are folded into catalogue_answer first, as the admin: a live
    // server folds them as they arrive, export by export, and under a loaded machine this one
    // fold outlasted a coordinator's MAX_STATEMENT_TIME (300 s).
    const [fold] = await timed(1, async () => {
      const admin = await adminConnection(w.db);
      await admin.query('CALL catalogue_refresh()').finally(() => admin.end());
    });
    let rows = 0;
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const before = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const samples = await timed(2, async (r) => (rows = await exportCatalogue(w.client, {}, 'csv', join(dir, `all-${r}.csv`))));
    const cpu = process.cpuUsage(cpu0);
    clearInterval(watch);
    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    return {
      samples,
      note: `${rows} spectra to CSV; client CPU ${((cpu.user + cpu.system) / 2e6).toFixed(1)} s per export; RSS ${mib(before)} → peak ${mib(peak)} MiB; first fold of all ${fold!.toFixed(1)} s`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await w.close();
    built = null;
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'desk: recheck list (1M verdicts)', unit: 's', target: { kind: 'max', value: 1 }, run: recheckList },
  { name: 'desk: one trace', unit: 'ms', target: { kind: 'max', value: 50 }, run: oneTrace },
  // Last: it closes the shared world.
  { name: 'desk: export of all checked spectra (1M verdicts)', unit: 's', target: { kind: 'max', value: 10 }, run: exportAll },
];
