/**
 * `batch create --suspects` against a real MariaDB: a demo survey (its files on disk, its
 * pipeline answers partly wrong on purpose, the truth recorded) is seeded; the coordinator's
 * run fits the files under SPECVET_DATA and the planted wrong answers must lead the suspects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBundle } from '../../src-main/central/seed';
import { generateSurvey } from '../../src-main/demo/generate';
import { bundleFilesDir, type SurveyBundle } from '../../src-main/survey/bundle';
import { runCli } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { addPerson, adminConnection, type Person } from './fixtures';

const COUNT = 120;
const home = mkdtempSync(join(tmpdir(), 'specvet-suspects-'));
const dir = join(home, 'survey');
let db: TestDatabase;
let bundle: SurveyBundle;
let carol: Person;

beforeAll(async () => {
  db = await createTestDatabase();
  bundle = await generateSurvey(dir, { count: COUNT, seed: 5 });
  const c = await adminConnection(db);
  try {
    await seedBundle(c, bundle);
  } finally {
    await c.end();
  }
  carol = await addPerson(db, 'coordinator', 'carol');
}, 120_000);
afterAll(async () => {
  await db.cleanup();
  rmSync(home, { recursive: true, force: true });
});

interface Out {
  count: number;
  batches: { count: number }[];
  suspects: { fitted: number; failed: number; seconds: number; suspects: { obsid: number; reason: string; deltaChi2: number | null }[] };
}

describe('specvet batch create --suspects', () => {
  it('puts the planted wrong pipeline answers at the top (precision and recall printed)', async () => {
    const env = { SPECVET_HOME: home, SPECVET_CENTRAL: carol.url, SPECVET_DATA: bundleFilesDir(dir) };
    const r = await runCli(['batch', 'create', '--json', '--name', 'suspects', '--assignee', carol.user, '--mode', 'single', '--suspects', '--dry-run'], env);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Out;
    const ranked = out.suspects.suspects.map((s) => s.obsid);
    const planted = new Set(bundle.truth.spectra.filter((t) => t.pipelineError !== null).map((t) => t.obsid));
    expect(out.suspects.fitted + out.suspects.failed).toBe(bundle.spec_info.length);
    expect(out.count).toBe(ranked.length);
    const hits = ranked.filter((o) => planted.has(o)).length;
    const topK = ranked.slice(0, planted.size).filter((o) => planted.has(o)).length;
    const precision = hits / ranked.length;
    const recall = hits / planted.size;
    console.log(
      `suspects on a ${COUNT}-spectrum demo survey (seed 5): ${planted.size} planted wrong answers, ${ranked.length} suspects; ` +
        `precision ${(100 * precision).toFixed(0)} %, recall ${(100 * recall).toFixed(0)} %, ` +
        `planted among the first ${planted.size}: ${topK}; fitted in ${out.suspects.seconds.toFixed(1)} s`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(topK / planted.size).toBeGreaterThanOrEqual(0.6);
  }, 300_000);

  it('wants SPECVET_DATA as a directory, and not spectrograph mode', async () => {
    const base = { SPECVET_HOME: home, SPECVET_CENTRAL: carol.url };
    const args = ['batch', 'create', '--name', 'x', '--assignee', carol.user, '--suspects', '--dry-run'];
    expect((await runCli([...args, '--mode', 'single'], { ...base, SPECVET_DATA: '' })).stderr).toMatch(/set SPECVET_DATA to the directory/);
    expect((await runCli([...args, '--mode', 'single'], { ...base, SPECVET_DATA: 'https://example.org/data' })).stderr).toMatch(/needs SPECVET_DATA as a directory/);
    expect((await runCli([...args, '--mode', 'spectrograph'], { ...base, SPECVET_DATA: dir })).stderr).toMatch(/--suspects takes --mode single or browse/);
  });
});
