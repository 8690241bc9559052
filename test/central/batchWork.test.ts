/**
 * A coordinator's batch work against a real MariaDB, run as a person would: batches built by
 * criteria and split, what is left out unless asked, batches named the way people name them,
 * the list with done / total per reviewer, progress numbers checked against the verdicts this
 * test makes, and a reviewer refused by the database itself (mysql2 and the `mariadb` client).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyBundle } from '../../src-main/survey/bundle';
import type { SpecClass } from '../../shared/model';
import { medianOf } from '../../src-main/central/progress';
import { BREAK_SECONDS, CORRECTED_DZ } from '../../src-main/central/progressQueries';
import { runCli } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { addPerson, adminQuery, connectAs, mariadbClient, newId, seed, sessionAs, type Person } from './fixtures';

let db: TestDatabase;
let bundle: SurveyBundle;
let carol: Person;
const rev: Person[] = [];
const home = mkdtempSync(join(tmpdir(), 'specvet-batch-work-'));
const as = (p: Person) => ({ SPECVET_HOME: home, SPECVET_CENTRAL: p.url });
const cli = (p: Person, args: string[]) => runCli(args, as(p));
const json = async (p: Person, args: string[]) => {
  const r = await cli(p, [...args, '--json']);
  expect(r.stderr, args.join(' ')).toBe('');
  return JSON.parse(r.stdout);
};

const query = <T>(sql: string, args: unknown[] = []) => adminQuery<T>(db, sql, args);

/** The bundle's spectra matching `keep`, in review order (the bundle is written in it). */
function spectra(keep: (s: SurveyBundle['spec_info'][number], snrR: number) => boolean): number[] {
  return bundle.spec_info.filter((s) => keep(s, s.fiberid * 2)).map((s) => s.obsid);
}
const dateOf = (lmjd: number) => bundle.plan_info.find((p) => p.lmjd === lmjd)!.obsdate;

async function itemsOf(name: string, assignee: string): Promise<{ id: string; obsids: number[] }> {
  const rows = await query<{ id: string; obsid: string }>(
    `SELECT b.id, sc.obsid FROM check_batch b JOIN spec_check sc ON sc.batch_id = b.id WHERE b.name = ? AND b.assignee = ? AND b.state = 'active' ORDER BY sc.position`,
    [name, assignee],
  );
  return { id: rows[0]?.id ?? '', obsids: rows.map((r) => Number(r.obsid)) };
}

interface Said {
  obsid: number;
  class: SpecClass;
  z: number;
  at: string;
  supersedes?: string;
}

/** Pushes `p`'s verdicts in batch `batchId` through the CentralClient (as a sync would); returns their ids. */
async function verdicts(p: Person, batchId: string, said: Said[]): Promise<string[]> {
  const client = await sessionAs(db, p);
  try {
    const rows = said.map((s) => ({ id: newId(), obsid: s.obsid, batchId, class: s.class, subclass: '', z: s.z, quality: 3, flags: [], comment: '', supersedes: s.supersedes ?? null, createdAt: s.at }));
    await client.push({ verdicts: rows, problems: [], bookmarks: [] });
    return rows.map((r) => r.id);
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  // 4 nights (2024-01-01 …), 2 spectrographs of 10 fibres: 80 spectra. By fibre: STAR 1 4 5 8 9,
  // GALAXY 2 6 10, QSO 3 7; S/N r = 2 × fibre; objtype Star / Galaxy / QSO; tsource "test".
  bundle = await seed(db, { plans: 4, spectrographs: 2, fibers: 10 });
  carol = await addPerson(db, 'coordinator', 'carol');
  for (let i = 0; i < 6; i++) rev.push(await addPerson(db, 'reviewer', `r${i}`));
});
afterAll(() => db.cleanup());

describe('batch create by criteria', () => {
  const early = (s: { lmjd: number }) => dateOf(s.lmjd) <= '2024-01-02';

  it('counts, splits and samples with --dry-run, for each criterion, creating nothing', async () => {
    const [a, b, c] = rev as [Person, Person, Person];
    const dry = (args: string[]) => json(carol, ['batch', 'create', '--name', 'x', '--assignee', `${a.user},${b.user},${c.user}`, '--mode', 'single', '--dry-run', ...args]);
    const galaxies = spectra((s, snr) => s.class === 'GALAXY' && snr <= 12 && early(s));
    const r = await dry(['--class', 'galaxy', '--snr-max', '12', '--from', '2024-01-01', '--to', '2024-01-02']);
    expect(r.count).toBe(galaxies.length);
    expect(galaxies).toHaveLength(8);
    expect(r.batches.map((x: { count: number }) => x.count)).toEqual([3, 3, 2]);
    expect(r.sample.map((x: { obsid: number }) => x.obsid)).toEqual(galaxies);
    expect(r.sample[0]).toMatchObject({ class: 'GALAXY', obsdate: '2024-01-01', planid: 'PLAN000', spid: 1, fiberid: 2, snrR: 4, objtype: 'Galaxy', tsource: 'test' });
    expect((await dry(['--subclass', 'G5'])).count).toBe(40);
    expect((await dry(['--objtype', 'Galaxy,QSO', '--snr-min', '6'])).count).toBe(spectra((s, snr) => s.class !== 'STAR' && snr >= 6).length);
    expect((await dry(['--tsource', 'elsewhere'])).count).toBe(0);
    expect(await query('SELECT COUNT(*) AS n FROM check_batch')).toEqual([{ n: '0' }]);
    const human = await cli(carol, ['batch', 'create', '--name', 'x', '--assignee', a.user, '--mode', 'single', '--class', 'QSO', '--planid', 'PLAN001', '--spid', '2', '--dry-run']);
    expect(human.stdout).toMatch(new RegExp(`^2 spectra match; would assign ${a.user} 2\\nthe first 2:\\n +obsid +date +plan .*\\n${spectra((s) => s.class === 'QSO' && s.planid === 'PLAN001' && s.spid === 2)[0]} +2024-01-02 +PLAN001 +2 +3 +QSO `));
  });

  it('splits evenly in review order with a due date, then leaves out what is assigned or verified unless asked', async () => {
    const [a, b, c] = rev as [Person, Person, Person];
    const args = ['--mode', 'single', '--class', 'GALAXY', '--from', '2024-01-01', '--to', '2024-01-02'];
    const made = await cli(carol, ['batch', 'create', '--name', 'gal-1', '--assignee', `${a.user},${b.user},${c.user}`, '--due', '2024-02-01', ...args]);
    expect(made.code, made.stderr).toBe(0);
    const galaxies = spectra((s) => s.class === 'GALAXY' && early(s));
    const shares = await Promise.all([a, b, c].map((p) => itemsOf('gal-1', p.user)));
    expect(shares.map((s) => s.obsids)).toEqual([galaxies.slice(0, 4), galaxies.slice(4, 8), galaxies.slice(8, 12)]);
    expect(await query(`SELECT DISTINCT DATE_FORMAT(due_date, '%Y-%m-%d') AS due FROM check_batch WHERE name = 'gal-1'`)).toEqual([{ due: '2024-02-01' }]);

    const again = (extra: string[]) => json(carol, ['batch', 'create', '--name', 'gal-2', '--assignee', a.user, '--dry-run', ...args, ...extra]);
    expect((await again([])).count).toBe(0);
    expect((await again(['--include-assigned'])).count).toBe(12);
    const none = await cli(carol, ['batch', 'create', '--name', 'gal-2', '--assignee', a.user, ...args]);
    expect(none).toMatchObject({ code: 1, stderr: 'specvet: no spectra match these criteria; nothing to assign\n' });

    // a checks one spectrum, then a's share is cancelled: 4 free again, one of them verified.
    await verdicts(a, shares[0]!.id, [{ obsid: shares[0]!.obsids[0]!, class: 'GALAXY', z: 0.1, at: '2025-02-01T10:00:00Z' }]);
    expect((await cli(carol, ['batch', 'cancel', 'gal-1', '--assignee', a.user])).code).toBe(0);
    expect((await again([])).count).toBe(3);
    expect((await again(['--include-verified'])).sample.map((s: { obsid: number }) => s.obsid)).toEqual(shares[0]!.obsids);
  });
});

describe('batches by name', () => {
  it('cancels, reassigns and dates batches by name (one share with --assignee) or by id', async () => {
    const [a, b, c, d] = rev as [Person, Person, Person, Person];
    await cli(carol, ['batch', 'create', '--name', 'qso-1', '--assignee', `${a.user},${b.user},${c.user}`, '--mode', 'single', '--class', 'QSO']);
    const ambiguous = await cli(carol, ['batch', 'reassign', 'qso-1', '--to', d.user]);
    expect(ambiguous).toMatchObject({ code: 1, stdout: '', stderr: `specvet: batch "qso-1" is shared by ${a.user}, ${b.user}, ${c.user}: say whose with --assignee\n` });
    const before = await itemsOf('qso-1', b.user);
    const moved = await json(carol, ['batch', 'reassign', 'qso-1', '--assignee', b.user, '--to', d.user]);
    expect(moved).toMatchObject({ name: 'qso-1', assignee: d.user, from: before.id });
    expect((await itemsOf('qso-1', d.user)).obsids).toEqual(before.obsids);

    const due = await cli(carol, ['batch', 'due', 'qso-1', '2024-03-01']);
    expect(due.stdout.trim().split('\n')).toHaveLength(3);
    expect(await query(`SELECT assignee FROM check_batch WHERE name = 'qso-1' AND due_date = '2024-03-01' ORDER BY assignee`)).toEqual([a, c, d].map((p) => ({ assignee: p.user })).sort((x, y) => (x.assignee < y.assignee ? -1 : 1)));

    const one = await cli(carol, ['batch', 'cancel', 'qso-1', '--assignee', c.user]);
    expect(one.stdout).toBe(`cancelled batch qso-1 of ${c.user} (id ${(await query<{ id: string }>(`SELECT id FROM check_batch WHERE name = 'qso-1' AND assignee = ?`, [c.user]))[0]!.id})\n`);
    const rest = await json(carol, ['batch', 'cancel', 'qso-1']);
    expect(rest.cancelled.map((x: { assignee: string }) => x.assignee).sort()).toEqual([a.user, d.user].sort());
    expect(await query(`SELECT COUNT(*) AS n FROM check_batch WHERE name = 'qso-1' AND state = 'active'`)).toEqual([{ n: '0' }]);

    expect((await cli(carol, ['batch', 'cancel', 'qso-1'])).stderr).toBe('specvet: batch "qso-1" is already cancelled; `specvet batch list --state all` shows it\n');
    expect((await cli(carol, ['batch', 'cancel', 'nope'])).stderr).toBe('specvet: no batch "nope"; `specvet batch list` shows the batches\n');
    expect((await cli(carol, ['batch', 'cancel', before.id])).stderr).toMatch(/^specvet: batch id "[0-9a-f-]{36}" is already cancelled/);
    expect((await cli(carol, ['batch', 'due', 'qso-1', '2024-02-30'])).code).toBe(2);
  });
});

describe('batch list and progress', () => {
  let single: { id: string; obsids: number[] };
  let browse: { id: string; obsids: number[] };
  let firstVerdict = '';

  beforeAll(async () => {
    const [e, f] = rev.slice(4) as [Person, Person];
    for (const [name, p, mode, spid] of [['p-1', e, 'single', '1'], ['p-2', f, 'browse', '2']] as const) {
      const r = await cli(carol, ['batch', 'create', '--name', name, '--assignee', p.user, '--mode', mode, '--planid', 'PLAN002', '--spid', spid]);
      expect(r.code, r.stderr).toBe(0);
    }
    single = await itemsOf('p-1', e.user);
    browse = await itemsOf('p-2', f.user);
    // Fibres 1–4 of spectrograph 1: STAR, GALAXY, QSO, STAR (z 0.1, 0.1, 1.5, 0.1).
    const [f1, f2, f3, f4] = single.obsids as [number, number, number, number];
    [firstVerdict] = await verdicts(e, single.id, [
      { obsid: f1, class: 'STAR', z: 0.1, at: '2025-03-10T10:00:00Z' }, // agrees
      { obsid: f2, class: 'GALAXY', z: 0.111, at: '2025-03-10T10:00:30Z' }, // Δz/(1+z) = 0.01: corrected
      { obsid: f3, class: 'STAR', z: 0, at: '2025-03-10T10:01:30Z' }, // corrected
      { obsid: f4, class: 'STAR', z: 0.1, at: '2025-03-11T09:00:00Z' }, // after a pause: no time counted
    ]);
    await verdicts(e, single.id, [{ obsid: f1, class: 'GALAXY', z: 0.1, at: '2025-03-11T09:00:20Z', supersedes: firstVerdict }]); // changed: corrected
    // f pages past 6 spectra of the browse batch and corrects the 9th (fibre 9, a STAR).
    await verdicts(f, browse.id, [{ obsid: browse.obsids[8]!, class: 'QSO', z: 2, at: '2025-03-12T12:00:00Z' }]);
    const client = await sessionAs(db, f);
    await client.push({ verdicts: [], problems: [], bookmarks: [{ batchId: browse.id, position: 6, updatedAt: '2025-03-12T12:00:05Z' }] });
    await client.close();
  });

  it('lists batches with done / total per reviewer, filtered by assignee and state', async () => {
    const [a, e, f] = [rev[0], rev[4], rev[5]] as [Person, Person, Person];
    expect(await json(carol, ['batch', 'list', '--assignee', e.user])).toEqual([expect.objectContaining({ name: 'p-1', assignee: e.user, mode: 'single', state: 'active', done: 4, total: 10, due: null })]);
    expect(await json(carol, ['batch', 'list', '--assignee', f.user])).toEqual([expect.objectContaining({ name: 'p-2', mode: 'browse', done: 7, total: 10 })]);
    const cancelled = await json(carol, ['batch', 'list', '--assignee', a.user, '--state', 'cancelled']);
    expect(cancelled.map((b: { name: string; done: number; total: number }) => [b.name, b.done, b.total])).toEqual([['gal-1', 1, 4], ['qso-1', 0, expect.any(Number)]]);
    const table = await cli(carol, ['batch', 'list', '--name', 'p-1']);
    expect(table.stdout).toMatch(new RegExp(`^name +assignee +mode +state +done +total +due +created +id\\np-1 +${e.user} +single +active +4 +10 +- +\\d{4}-\\d\\d-\\d\\d +${single.id}\\n$`));
    expect((await cli(carol, ['batch', 'list', '--state', 'open'])).code).toBe(2);
  });

  it('reports per reviewer and per batch: verdicts, per day, median time, done / total', async () => {
    const [e, f] = rev.slice(4) as [Person, Person];
    const march = ['progress', '--from', '2025-03-01', '--to', '2025-03-31'];
    const byReviewer = await json(carol, march);
    expect(byReviewer).toMatchObject({ from: '2025-03-01', to: '2025-03-31', by: 'reviewer' });
    const row = (user: string) => byReviewer.rows.find((r: { reviewer: string }) => r.reviewer === user);
    // Gaps 30, 60 and 20 s (the 23-hour pause is left out): median 30 s.
    expect(row(e.user)).toEqual({ reviewer: e.user, done: 4, total: 10, openBatches: 1, verdicts: 5, perDay: [{ day: '2025-03-10', verdicts: 3 }, { day: '2025-03-11', verdicts: 2 }], medianSeconds: 30 });
    expect(row(f.user)).toEqual({ reviewer: f.user, done: 7, total: 10, openBatches: 1, verdicts: 1, perDay: [{ day: '2025-03-12', verdicts: 1 }], medianSeconds: null });
    const onlyTenth = await json(carol, ['progress', '--from', '2025-03-10', '--to', '2025-03-10']);
    expect(onlyTenth.rows.find((r: { reviewer: string }) => r.reviewer === e.user)).toMatchObject({ verdicts: 3, medianSeconds: 45 });
    const byBatch = await json(carol, [...march, '--by', 'batch']);
    expect(byBatch.rows.find((b: { id: string }) => b.id === single.id)).toMatchObject({ name: 'p-1', assignee: e.user, done: 4, total: 10, verdicts: 5, medianSeconds: 30 });
    const human = await cli(carol, march);
    expect(human.stdout).toMatch(new RegExp(`\\n${e.user} +4 +10 +1 +5 +30 s +03-10:3 03-11:2\\n`));
  });

  it('reports per plan and per night the share checked and corrected, by pipeline class', async () => {
    const night = ['progress', '--from', '2024-01-03', '--to', '2024-01-03'];
    const plans = await json(carol, [...night, '--by', 'plan']);
    // PLAN002: 20 spectra; checked: 4 by verdict on sp 1, 6 paged past and 1 verdict on sp 2.
    // Corrected: fibre 1 (changed to GALAXY), 2 (z), 3 (QSO → STAR) on sp 1; fibre 9 on sp 2.
    expect(plans.rows).toEqual([{
      obsdate: '2024-01-03', lmjd: 60002, planid: 'PLAN002', total: 20, checked: 11, corrected: 4,
      byClass: { STAR: { total: 10, checked: 6, corrected: 2 }, GALAXY: { total: 6, checked: 3, corrected: 1 }, QSO: { total: 4, checked: 2, corrected: 1 }, UNKNOWN: { total: 0, checked: 0, corrected: 0 } },
    }]);
    const nights = await json(carol, ['progress', '--from', '2024-01-01', '--to', '2024-01-04', '--by', 'night']);
    expect(nights.rows.map((n: { obsdate: string; plans: number; total: number; checked: number }) => [n.obsdate, n.plans, n.total, n.checked])).toEqual([
      ['2024-01-01', 1, 20, 1], // a's verdict on gal-1
      ['2024-01-02', 1, 20, 0],
      ['2024-01-03', 1, 20, 11],
      ['2024-01-04', 1, 20, 0],
    ]);
    const table = await cli(carol, [...night, '--by', 'night']);
    expect(table.stdout).toMatch(/\n2024-01-03 +1 +20 +11 +55\.0% +36\.4% +33\.3% +33\.3% +50\.0% +-\n$/);
    expect((await cli(carol, ['progress', '--from', '2024-02-01', '--to', '2024-01-01'])).stderr).toMatch(/--from 2024-02-01 is after --to 2024-01-01/);
    expect((await cli(carol, ['progress', '--by', 'colour'])).code).toBe(2);
  });
});

describe('a reviewer', () => {
  it('is refused batch creation, due dates and the progress reads by the database itself', async () => {
    const r = rev[0]!;
    const obsid = bundle.spec_info[0]!.obsid;
    const c = await connectAs(db, r);
    try {
      await expect(c.query('CALL batch_add(?, ?, ?, ?, ?, ?)', [newId(), 'mine', 'single', r.user, null, JSON.stringify([obsid])])).rejects.toThrow(/denied: .* is not an active coordinator|command denied/);
      await expect(c.query('SELECT COUNT(*) FROM humanverify')).rejects.toThrow(/command denied/);
    } finally {
      await c.end();
    }
    for (const call of ['CALL batch_set_due(?, ?)', 'CALL progress_refresh()', 'CALL progress_days_refresh()', 'CALL plan_check_refresh()', 'SELECT * FROM progress_day', 'SELECT * FROM spectrum_check']) {
      const c2 = await connectAs(db, r);
      await expect(c2.query(call, [newId(), '2024-01-01']), call).rejects.toThrow(/denied/);
      await c2.end();
    }
    expect((await mariadbClient(db, r, 'CALL progress_refresh()')).stderr).toMatch(/denied/);
    const viaClient = await mariadbClient(db, r, `CALL batch_add('${newId()}', 'mine', 'single', '${r.user}', NULL, '[${obsid}]')`);
    expect(viaClient.code).not.toBe(0);
    expect(viaClient.stderr).toMatch(/denied/);
    expect((await mariadbClient(db, r, `CALL batch_set_due('${newId()}', '2024-01-01')`)).stderr).toMatch(/denied/);
    expect((await mariadbClient(db, r, 'SELECT COUNT(*) FROM check_batch')).stderr).toMatch(/denied/);
    expect(await query(`SELECT COUNT(*) AS n FROM check_batch WHERE name = 'mine'`)).toEqual([{ n: '0' }]);
    const progress = await cli(r, ['progress']);
    expect(progress.code).toBe(1);
    expect(progress.stderr).toMatch(/^specvet: denied: [^\n]+\n$/);
    expect((await cli(r, ['batch', 'list'])).stderr).toMatch(/^specvet: denied: [^\n]+\n$/);
  });
});

describe('done counts as work arrives', () => {
  it('counts a new verdict once, and a changed one not again', async () => {
    const d = rev[3]!;
    expect((await cli(carol, ['batch', 'create', '--name', 'late', '--assignee', d.user, '--mode', 'single', '--planid', 'PLAN003', '--spid', '1', '--limit', '3'])).code).toBe(0);
    const late = await itemsOf('late', d.user);
    const done = async () => (await json(carol, ['batch', 'list', '--name', 'late']))[0].done as number;
    expect(await done()).toBe(0);
    const [first] = await verdicts(d, late.id, [{ obsid: late.obsids[0]!, class: 'STAR', z: 0.1, at: '2025-05-01T10:00:00Z' }]);
    expect(await done()).toBe(1);
    await verdicts(d, late.id, [{ obsid: late.obsids[0]!, class: 'GALAXY', z: 0.1, at: '2025-05-01T10:00:09Z', supersedes: first! }]);
    await verdicts(d, late.id, [{ obsid: late.obsids[2]!, class: 'QSO', z: 1.5, at: '2025-05-01T10:00:30Z' }]);
    expect(await json(carol, ['batch', 'list', '--name', 'late'])).toEqual([expect.objectContaining({ done: 2, total: 3 })]);
  });
});

describe('progress per day as work arrives late', () => {
  /** Straight from the verdicts (the window the per-day tables replace): a reviewer's verdicts
   * per day and the gaps between their consecutive verdicts in the period, pauses left out. */
  async function fromVerdicts(user: string, from: string, to: string) {
    const inPeriod = `reviewer = ? AND created_at >= ? AND created_at < DATE_ADD(?, INTERVAL 1 DAY)`;
    const days = await query<{ day: string; n: string }>(`SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, COUNT(*) AS n FROM humanverify WHERE ${inPeriod} GROUP BY day ORDER BY day`, [user, from, to]);
    const gaps = await query<{ gap: string; n: string }>(
      `SELECT gap, COUNT(*) AS n FROM (SELECT TIMESTAMPDIFF(SECOND, LAG(created_at) OVER (ORDER BY created_at, id), created_at) AS gap FROM humanverify WHERE ${inPeriod}) g
       WHERE gap <= ${BREAK_SECONDS} GROUP BY gap`,
      [user, from, to],
    );
    return {
      verdicts: days.reduce((n, d) => n + Number(d.n), 0),
      perDay: days.map((d) => ({ day: d.day, verdicts: Number(d.n) })),
      medianSeconds: medianOf(gaps.map((g) => ({ seconds: Number(g.gap), count: Number(g.n) }))),
    };
  }
  /** Per plan and class, straight from the verdicts and bookmarks (the query spectrum_check replaced). */
  const PLANS_FROM_VERDICTS = `WITH period_spectra AS (
    SELECT si.obsid FROM plan_info p JOIN spec_info si ON si.lmjd = p.lmjd AND si.planid = p.planid
    WHERE p.obsdate BETWEEN ? AND ?),
  answers AS (
    SELECT obsid, class, z, ROW_NUMBER() OVER (PARTITION BY obsid ORDER BY final DESC, created_at DESC, rev DESC) AS nth FROM (
      SELECT v.obsid, v.class, v.z, 0 AS final, v.created_at, v.rev FROM humanverify v JOIN period_spectra s ON s.obsid = v.obsid
      UNION ALL
      SELECT r.obsid, r.class, r.z, 1 AS final, r.created_at, r.rev FROM humanrecheck r JOIN period_spectra s ON s.obsid = r.obsid) a)
  SELECT DATE_FORMAT(p.obsdate, '%Y-%m-%d') AS obsdate, p.lmjd, p.planid, si.class, COUNT(*) AS total,
    SUM(a.obsid IS NOT NULL OR EXISTS (SELECT 1 FROM spec_check sc JOIN check_batch b ON b.id = sc.batch_id
        JOIN check_status cs ON cs.batch_id = sc.batch_id
      WHERE sc.obsid = si.obsid AND b.mode = 'browse' AND sc.position < cs.position)) AS checked,
    COALESCE(SUM(a.class <> si.class OR ABS(a.z - si.z) / (1 + si.z) >= ?), 0) AS corrected
  FROM plan_info p
  JOIN spec_info si ON si.lmjd = p.lmjd AND si.planid = p.planid
  LEFT JOIN answers a ON a.obsid = si.obsid AND a.nth = 1
  WHERE p.obsdate BETWEEN ? AND ?
  GROUP BY p.obsdate, p.lmjd, p.planid, si.class
  ORDER BY p.obsdate, p.lmjd, p.planid, si.class`;
  const PERIODS = [['2025-06-01', '2025-06-01'], ['2025-06-02', '2025-06-02'], ['2025-06-01', '2025-06-02'], ['2025-06-01', '2025-06-30']] as const;

  it('stays equal to the verdicts after a late verdict splits a gap across midnight, a cancel and a new batch', async () => {
    const g = await addPerson(db, 'reviewer', 'pace');
    const mine = async (from: string, to: string, by = 'reviewer') => {
      const report = await json(carol, ['progress', '--from', from, '--to', to, '--by', by]);
      return by === 'reviewer' ? report.rows.find((r: { reviewer: string }) => r.reviewer === g.user) : report.rows;
    };
    const sameAsVerdicts = async () => {
      for (const [from, to] of PERIODS) expect(await mine(from, to), `${from}…${to}`).toMatchObject(await fromVerdicts(g.user, from, to));
    };
    expect((await cli(carol, ['batch', 'create', '--name', 'pace', '--assignee', g.user, '--mode', 'single', '--planid', 'PLAN003', '--spid', '2', '--limit', '5'])).code).toBe(0);
    const pace = await itemsOf('pace', g.user);
    const [o1, o2, o3, o4] = pace.obsids as [number, number, number, number];
    await verdicts(g, pace.id, [
      { obsid: o1, class: 'STAR', z: 0.1, at: '2025-06-01T23:55:00Z' },
      { obsid: o2, class: 'STAR', z: 0.1, at: '2025-06-02T00:04:00Z' }, // 540 s, from the day before
      { obsid: o3, class: 'STAR', z: 0.1, at: '2025-06-02T00:12:20Z' }, // 500 s
    ]);
    expect(await mine('2025-06-01', '2025-06-02')).toMatchObject({ verdicts: 3, medianSeconds: 520 });
    // The first verdict of 06-02 follows one of 06-01: not time spent in a period starting 06-02.
    expect(await mine('2025-06-02', '2025-06-02')).toMatchObject({ verdicts: 2, medianSeconds: 500 });
    await sameAsVerdicts();

    // Made offline before the others were pushed: it splits 540 s into 60 s and 480 s (a gap
    // counted on the next day: kept as 540 s, the median would be 500 s).
    await verdicts(g, pace.id, [{ obsid: o4, class: 'STAR', z: 0.1, at: '2025-06-01T23:56:00Z' }]);
    expect(await mine('2025-06-01', '2025-06-02')).toMatchObject({ verdicts: 4, perDay: [{ day: '2025-06-01', verdicts: 2 }, { day: '2025-06-02', verdicts: 2 }], medianSeconds: 480 });
    expect(await mine('2025-06-01', '2025-06-01')).toMatchObject({ verdicts: 2, medianSeconds: 60 });
    await sameAsVerdicts();

    // Cancelled, its work stays in the period; the next batch's verdict follows on.
    expect((await cli(carol, ['batch', 'cancel', 'pace', '--assignee', g.user])).code).toBe(0);
    expect((await cli(carol, ['batch', 'create', '--name', 'pace-2', '--assignee', g.user, '--mode', 'single', '--planid', 'PLAN003', '--spid', '2', '--limit', '1'])).code).toBe(0);
    const next = await itemsOf('pace-2', g.user);
    await verdicts(g, next.id, [{ obsid: next.obsids[0]!, class: 'GALAXY', z: 0.1, at: '2025-06-02T00:13:00Z' }]);
    // Gaps 60, 480, 500, 40: median (60 + 480) / 2.
    expect(await mine('2025-06-01', '2025-06-30')).toMatchObject({ verdicts: 5, medianSeconds: 270, done: 1, total: 1, openBatches: 0 });
    const batches = await mine('2025-06-01', '2025-06-30', 'batch');
    const of = (id: string) => batches.find((b: { id: string }) => b.id === id);
    expect(of(pace.id)).toMatchObject({ state: 'cancelled', verdicts: 4, medianSeconds: 480 });
    expect(of(next.id)).toMatchObject({ state: 'active', verdicts: 1, medianSeconds: 40 });
    await sameAsVerdicts();

    // Per plan, after all this file's work (changed verdicts, paged browse, cancels): as the verdicts say.
    const nights = ['2024-01-01', '2024-01-04'];
    const direct = await query<Record<string, string>>(PLANS_FROM_VERDICTS, [...nights, CORRECTED_DZ, ...nights]);
    const report = await json(carol, ['progress', '--from', nights[0]!, '--to', nights[1]!, '--by', 'plan']);
    const shares = report.rows.flatMap((r: { planid: string; byClass: Record<string, { total: number; checked: number; corrected: number }> }) =>
      Object.entries(r.byClass).filter(([, c]) => c.total > 0).map(([cls, c]) => [r.planid, cls, c.total, c.checked, c.corrected]));
    expect(shares).toEqual(direct.map((d) => [d.planid, d.class, Number(d.total), Number(d.checked), Number(d.corrected)]));
    expect(shares.some(([, , , checked]: number[]) => checked > 0)).toBe(true);
  });
});
