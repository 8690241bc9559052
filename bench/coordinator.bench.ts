/**
 * The coordinator's progress for one month against a survey-sized central database: 1 million
 * spectra on 250 nights of 2025 (16 spectrographs × 250 fibres each), 1,000 batches of 1,000
 * spectra for 100 reviewers (every tenth in browse mode, bookmarked half way), and 1 million
 * verdicts, one per spectrum, spread over the year (a month holds ~83,000), a tenth of them
 * correcting the pipeline's class. Seeded in bulk with INSERT … SELECT from MariaDB's sequence
 * engine (bench only; target_info and obj_info are left empty, progress does not read them).
 *
 * SPECVET_BENCH_EXPLAIN=1 prints the EXPLAIN of each query (docs/central.md shows them).
 */
import { loadavg } from 'node:os';
import type { Connection, Pool } from 'mysql2/promise';
import { median, type Benchmark, type Result } from './benchmark';
import { addressFromUrl, createPool } from '../src-main/central/connection';
import { progress, type Period } from '../src-main/central/progress';
import { listSql } from '../src-main/central/batchList';
import { DAY_SQL, GAP_SQL, gapArgs, PLAN_SQL, planArgs } from '../src-main/central/progressQueries';
import { createTestDatabase, useOrStartMariaDb } from '../test/support/mariadb';
import { addPerson, adminConnection } from '../test/central/fixtures';

const SPECTRA = 1_000_000;
const PLANS = 250;
const PER_PLAN = SPECTRA / PLANS;
const BATCH = 1_000;
const REVIEWERS = 100;
const MONTH: Period = { from: '2025-03-01', to: '2025-03-31' };
/** Seconds between verdicts, so that 1 million of them fill 2025. */
const STEP_S = (365 * 86_400) / SPECTRA;
const ROUNDS = 5;

/** The statements that fill the database, in order (all from seq_0_to_N, so one round trip each). */
export function seedSql(): string[] {
  const reviewer = (batch: string) => `CONCAT('rev', LPAD(${batch} MOD ${REVIEWERS}, 3, '0'))`;
  return [
    'SET SESSION foreign_key_checks = 0, unique_checks = 0',
    `INSERT INTO plan_info (lmjd, planid, obsdate, ra, \`dec\`, seeing, moon, science)
     SELECT 60676 + seq, CONCAT('P', LPAD(seq, 4, '0')), DATE_ADD('2025-01-01', INTERVAL FLOOR(seq * 365 / ${PLANS}) DAY), seq, 30, 2.5, 0.3, 1
     FROM seq_0_to_${PLANS - 1}`,
    `INSERT INTO spec_info (obsid, lmjd, planid, spid, fiberid, class, subclass, z, z_err, version_1d, file_path)
     SELECT seq + 1, 60676 + seq DIV ${PER_PLAN}, CONCAT('P', LPAD(seq DIV ${PER_PLAN}, 4, '0')), 1 + (seq MOD ${PER_PLAN}) DIV 250, 1 + seq MOD 250,
       ELT(1 + seq MOD 4, 'STAR', 'GALAXY', 'QSO', 'STAR'), '', IF(seq MOD 4 = 2, 1.5, 0.1), 0.001, 'v2.9', CONCAT('f/', seq, '.fits.gz')
     FROM seq_0_to_${SPECTRA - 1}`,
    `INSERT INTO chk_member (user, role) SELECT ${reviewer('seq')}, 'reviewer' FROM seq_0_to_${REVIEWERS - 1}`,
    `INSERT INTO check_batch (id, name, mode, assignee, state, created_by, created_at, rev)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')), CONCAT('b-', seq), IF(seq MOD 10 = 9, 'browse', 'single'), ${reviewer('seq')},
       'active', 'coordinator', DATE_ADD('2025-01-01', INTERVAL FLOOR(seq * ${BATCH} * ${STEP_S}) SECOND), seq + 1
     FROM seq_0_to_${SPECTRA / BATCH - 1}`,
    `INSERT INTO spec_check (batch_id, obsid, assignee, position, assigned, rev, lmjd, planid, spid, fiberid, class, subclass, z, z_err, file_path)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD((si.obsid - 1) DIV ${BATCH}, 12, '0')), si.obsid, ${reviewer(`((si.obsid - 1) DIV ${BATCH})`)},
       (si.obsid - 1) MOD ${BATCH}, 1, 10000 + si.obsid, si.lmjd, si.planid, si.spid, si.fiberid, si.class, si.subclass, si.z, si.z_err, si.file_path
     FROM spec_info si`,
    `INSERT INTO check_status (batch_id, position, updated_at, rev)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')), ${BATCH / 2}, '2025-12-31', 2000000 + seq
     FROM seq_0_to_${SPECTRA / BATCH - 1} WHERE seq MOD 10 = 9`,
    `INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
     SELECT CONCAT('10000000-0000-4000-8000-', LPAD(si.obsid, 12, '0')), si.obsid, CONCAT('00000000-0000-4000-8000-', LPAD((si.obsid - 1) DIV ${BATCH}, 12, '0')),
       ${reviewer(`((si.obsid - 1) DIV ${BATCH})`)}, IF(si.obsid MOD 10 = 0, IF(si.class = 'STAR', 'GALAXY', 'STAR'), si.class), '', si.z, 3, '[]', '', NULL,
       DATE_ADD('2025-01-01', INTERVAL FLOOR((si.obsid - 1) * ${STEP_S} * 1000) * 1000 MICROSECOND), 3000000 + si.obsid
     FROM spec_info si`,
    `UPDATE sync_rev SET rev = 5000000 WHERE id = 1`,
  ];
}

async function explain(c: Connection): Promise<void> {
  const show = async (title: string, sql: string, args: unknown[]) => {
    const [rows] = await c.query(`EXPLAIN ${sql}`, args);
    console.error(`\n-- ${title}\n${(rows as Record<string, unknown>[]).map((r) => [r.id, r.select_type, r.table, r.type, r.key, r.rows, r.Extra].join(' | ')).join('\n')}`);
  };
  await show('batch list (done / total)', listSql(), []);
  await show('verdicts per day', DAY_SQL, [MONTH.from, MONTH.to]);
  await show('time between verdicts', GAP_SQL, gapArgs(MONTH));
  await show('plans: checked and corrected', PLAN_SQL, planArgs(MONTH));
}

async function measureProgress(): Promise<Result> {
  const server = await useOrStartMariaDb();
  const db = await createTestDatabase({ adminUrl: server.url });
  let pool: Pool | undefined;
  try {
    const admin = await adminConnection(db);
    const t0 = performance.now();
    try {
      // A production server has far more than the throwaway server's 128 MB.
      await admin.query('SET GLOBAL innodb_buffer_pool_size = 1024 * 1024 * 1024');
      for (const sql of seedSql()) await admin.query(sql);
      await admin.query('ANALYZE TABLE spec_info, plan_info, check_batch, spec_check, check_status, humanverify');
    } finally {
      await admin.end();
    }
    const seeded = (performance.now() - t0) / 1000;
    const carol = await addPerson(db, 'coordinator', 'benchco');
    const a = addressFromUrl(db.url);
    pool = createPool({ host: a.host, port: a.port, database: db.database, user: carol.user, password: carol.password }, 1);
    const views = ['reviewer', 'batch', 'plan'] as const;
    // Warm-up: the buffer pool, and the first fold of all the seeded work into the summaries.
    const t1 = performance.now();
    const first = await Promise.all(views.map((by) => progress(pool!, MONTH, by)));
    const folded = (performance.now() - t1) / 1000;
    if (process.env.SPECVET_BENCH_EXPLAIN) {
      const admin = await adminConnection(db);
      await admin.query('ANALYZE TABLE progress_day, progress_gap').then(() => explain(admin)).finally(() => admin.end());
    }
    if (first[0]!.rows.length !== REVIEWERS || first[2]!.rows.length === 0) throw new Error('progress saw the wrong world');
    // One sample is the slowest of the three views in a round: `specvet progress` asks for one.
    const samples: number[] = [];
    const each: Record<string, number[]> = { reviewer: [], batch: [], plan: [] };
    const cpu0 = process.cpuUsage();
    for (let round = 0; round < ROUNDS; round++) {
      for (const by of views) {
        const t = performance.now();
        await progress(pool, MONTH, by);
        each[by]!.push((performance.now() - t) / 1000);
      }
      samples.push(Math.max(...views.map((by) => each[by]![round]!)));
    }
    const cpu = process.cpuUsage(cpu0);
    const verdicts = first[0]!.by === 'reviewer' ? first[0]!.rows.reduce((n, r) => n + r.verdicts, 0) : 0;
    const per = views.map((by) => `${by} ${median(each[by]!).toFixed(2)} s`).join(', ');
    return { samples, note: `slowest view; medians ${per}; ${verdicts} verdicts in ${MONTH.from.slice(0, 7)}; client CPU ${((cpu.user + cpu.system) / (ROUNDS * views.length * 1e6)).toFixed(2)} s per view; seeded in ${seeded.toFixed(0)} s, first call (folds it all) ${folded.toFixed(0)} s; load ${loadavg()[0]!.toFixed(1)}` };
  } finally {
    await pool?.end();
    await db.cleanup();
    await server.stop();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'coordinator: progress for a month (1M spectra, 1M verdicts, 100 reviewers)', unit: 's', target: { kind: 'max', value: 1 }, run: measureProgress },
];
