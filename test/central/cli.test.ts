/** The admin and coordinator commands, run as a person would, against a real MariaDB. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromUrl } from '../../src-main/central/connection';
import { writeBundle } from '../../src-main/survey/bundle';
import { runCli } from '../support/cli';
import { createTestDatabase, uniqueName, type TestDatabase } from '../support/mariadb';
import { addPerson, adminQuery, buildBundle, mariadbClient, type Person } from './fixtures';

let db: TestDatabase;
let rootUrl: string;
const home = mkdtempSync(join(tmpdir(), 'specvet-central-cli-'));
const as = (url: string) => ({ SPECVET_HOME: home, SPECVET_CENTRAL: url });
const urlOf = (p: Person) => p.url;

const query = <T>(sql: string, args: unknown[] = []) => adminQuery<T>(db, sql, args);

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  const a = addressFromUrl(db.url);
  rootUrl = `mysql://${a.user}@${a.host}:${a.port}/${db.database}`;
});
afterAll(() => db.cleanup());

describe('specvet central migrate / seed', () => {
  it('prints the SQL with --dry-run, migrates, and says so when up to date', async () => {
    const dry = await runCli(['central', 'migrate', '--dry-run'], as(rootUrl));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/CREATE TABLE IF NOT EXISTS spec_check/);
    expect(await query('SHOW TABLES')).toEqual([]);
    const run = await runCli(['central', 'migrate'], as(rootUrl));
    expect(run.stdout).toMatch(/schema 0 → \d+ \(1000 initial, /);
    const again = await runCli(['central', 'migrate', '--json'], as(rootUrl));
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: [] });
  });

  it('loads a survey bundle, and loading it again changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-bundle-'));
    await writeBundle(dir, buildBundle({ plans: 4, spectrographs: 3, fibers: 10 }));
    const r = await runCli(['central', 'seed', '--from', dir], as(rootUrl));
    expect(r.stdout.trim()).toBe('loaded 4 plans, 120 spectra (120 targets, 120 2D rows)');
    expect((await runCli(['central', 'seed', '--from', dir], as(rootUrl))).code).toBe(0);
    expect(await query('SELECT COUNT(*) AS n FROM spec_info')).toEqual([{ n: '120' }]);
    const missing = await runCli(['central', 'seed', '--from', join(dir, 'nope')], as(rootUrl));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is not a survey bundle .* specvet demo-data/);
  });
});

describe('specvet user', () => {
  it('adds a person whose role is active on login, disables them and enables them again', async () => {
    const admin = await addPerson(db, 'admin', 'erin');
    const name = uniqueName('gina');
    const added = await runCli(['user', 'add', name, '--role', 'coordinator', '--department', 'LAMOST QC', '--password-stdin'], as(urlOf(admin)), undefined, 'a long "secret"\n');
    expect(added).toMatchObject({ code: 0, stdout: `added coordinator ${name}\n` });
    const gina = { user: name, password: 'a long "secret"' };
    expect((await mariadbClient(db, gina, 'SELECT CURRENT_ROLE()')).stdout.trim()).toBe(`specvet_${db.database}_coordinator`);
    expect(await query('SELECT role, department, active FROM chk_member WHERE user = ?', [name])).toEqual([{ role: 'coordinator', department: 'LAMOST QC', active: 1 }]);
    expect((await runCli(['user', 'disable', name], as(urlOf(admin)))).code).toBe(0);
    expect((await mariadbClient(db, gina, 'SELECT 1')).stderr).toMatch(/locked/i);
    expect(await runCli(['user', 'enable', name], as(urlOf(admin)))).toMatchObject({ code: 0, stdout: `enabled ${name}\n` });
    expect((await mariadbClient(db, gina, 'SELECT CURRENT_ROLE()')).stdout.trim()).toBe(`specvet_${db.database}_coordinator`);
    expect(await query('SELECT active FROM chk_member WHERE user = ?', [name])).toEqual([{ active: 1 }]);
  });

  it('refuses bad usage and non-admins with one line', async () => {
    const reviewer = await addPerson(db, 'reviewer', 'hal');
    const noStdin = await runCli(['user', 'add', uniqueName('x'), '--role', 'reviewer'], as(rootUrl));
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toMatch(/--password-stdin/);
    expect((await runCli(['user', 'add', 'x', '--role', 'boss', '--password-stdin'], as(rootUrl), undefined, 'pw\n')).stderr).toMatch(/--role must be one of/);
    const denied = await runCli(['user', 'add', uniqueName('x'), '--role', 'admin', '--password-stdin'], as(urlOf(reviewer)), undefined, 'long enough\n');
    expect(denied.code).toBe(1);
    expect(denied.stderr.trim().split('\n')).toHaveLength(1);
    expect(denied.stderr).toMatch(/denied: hal_\w+ may not do this/);
    const offline = await runCli(['central', 'migrate'], as('mysql://root@127.0.0.1:1/specvet'));
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/^specvet: offline: cannot reach the central server 127\.0\.0\.1:1 [^\n]*\n$/);
    const wrong = await runCli(['user', 'disable', 'x'], as(urlOf({ ...reviewer, url: reviewer.url.replace(/:[^:@]*@/, ':wrong@') })));
    expect(wrong.stderr).toMatch(/^specvet: [^\n]*refused the password for hal_\w+[^\n]*\n$/);
  });

  it('without a password in SPECVET_CENTRAL and no terminal, says how to give one when the server wants one', async () => {
    const admin = await addPerson(db, 'admin', 'ivy');
    const a = addressFromUrl(db.url);
    const bare = as(`mysql://${admin.user}@${a.host}:${a.port}/${db.database}`);
    const url = `mysql://${admin.user}:PASSWORD@${a.host}:${a.port}/${db.database}`;
    expect(await runCli(['user', 'disable', 'x'], bare)).toMatchObject({
      code: 1,
      stderr: `specvet: no password for ${admin.user}: put it in SPECVET_CENTRAL (${url}) or run on a terminal to be asked\n`,
    });
    // stdin carries the new person's password: a terminal would not be asked, so it is not offered.
    const add = await runCli(['user', 'add', uniqueName('x'), '--role', 'reviewer', '--password-stdin'], bare, undefined, 'long enough\n');
    expect(add.stderr).toBe(`specvet: no password for ${admin.user}: put it in SPECVET_CENTRAL (${url})\n`);
    // An account without a password is still used as it is (root here).
    expect((await runCli(['central', 'migrate'], as(rootUrl))).code).toBe(0);
  });
});

describe('specvet batch create', () => {
  let carol: Person;
  const reviewers: Person[] = [];
  beforeAll(async () => {
    carol = await addPerson(db, 'coordinator', 'carol');
    for (let i = 0; i < 3; i++) reviewers.push(await addPerson(db, 'reviewer', `rev${i}`));
  });
  const names = () => reviewers.map((r) => r.user).join(',');
  const create = (args: string[]) => runCli(['batch', 'create', '--json', ...args], as(urlOf(carol)));

  it('counts with --dry-run and applies each filter', async () => {
    const count = async (args: string[]) => {
      const r = await create(['--name', 'n', '--assignee', reviewers[0]!.user, '--mode', 'single', '--dry-run', ...args]);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout).count as number;
    };
    expect(await count([])).toBe(120);
    expect(await count(['--class', 'galaxy,QSO'])).toBe(60);
    expect(await count(['--from', '2024-01-02', '--to', '2024-01-03'])).toBe(60);
    expect(await count(['--planid', 'PLAN001', '--spid', '2'])).toBe(10);
    expect(await count(['--snr-min', '15'])).toBe(4 * 3 * 3);
    expect(await count(['--limit', '7'])).toBe(7);
    expect(await query('SELECT COUNT(*) AS n FROM check_batch')).toEqual([{ n: '0' }]);
    const human = await runCli(['batch', 'create', '--name', 'n', '--assignee', names(), '--mode', 'browse', '--class', 'STAR', '--dry-run'], as(urlOf(carol)));
    expect(human.stdout.split('\n')[0]).toBe(`60 spectra match; would assign ${reviewers.map((r) => `${r.user} 20`).join(', ')}`);
  });

  it('splits evenly between assignees, in review order', async () => {
    const r = await create(['--name', 'even', '--assignee', names(), '--mode', 'single', '--limit', '100']);
    const out = JSON.parse(r.stdout) as { batches: { id: string; assignee: string; count: number }[] };
    expect(out.batches.map((b) => b.count)).toEqual([34, 33, 33]);
    const rows = await query<{ assignee: string; n: string; first: string; last: string }>(
      `SELECT sc.assignee, COUNT(*) AS n, MIN(sc.obsid) AS first, MAX(sc.obsid) AS last FROM spec_check sc
       JOIN check_batch b ON b.id = sc.batch_id WHERE b.name = ? GROUP BY sc.assignee ORDER BY first`,
      ['even'],
    );
    // The bundle's obsids follow date → plan → spectrograph → fibre: each share is one run.
    expect(rows.map((x) => [x.assignee, x.n])).toEqual(reviewers.map((p, i) => [p.user, String(i === 0 ? 34 : 33)]));
    expect(rows.map((x) => Number(x.last) - Number(x.first) + 1)).toEqual([34, 33, 33]);
    const again = await create(['--name', 'even', '--assignee', reviewers[0]!.user, '--mode', 'single', '--limit', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists .* choose another name/);
  });

  it('keeps whole spectrographs together in spectrograph mode', async () => {
    // The same nights as "even": asked for again on purpose.
    const r = await create(['--name', 'sp', '--assignee', names(), '--mode', 'spectrograph', '--from', '2024-01-01', '--to', '2024-01-02', '--include-assigned']);
    const out = JSON.parse(r.stdout) as { count: number; batches: { count: number }[] };
    expect(out.count).toBe(60);
    expect(out.batches.map((b) => b.count)).toEqual([20, 20, 20]);
    const split = await query<{ n: string }>(
      `SELECT COUNT(DISTINCT sc.assignee) AS n FROM spec_check sc JOIN spec_info si USING (obsid) JOIN check_batch b ON b.id = sc.batch_id
       WHERE b.name = 'sp' GROUP BY si.lmjd, si.planid, si.spid`,
    );
    expect(split).toHaveLength(6);
    expect(split.every((s) => s.n === '1')).toBe(true);
  });

  it('is refused to a reviewer, and to nobody who is not a member', async () => {
    const denied = `specvet: denied: ${reviewers[0]!.user} is a SpecVet reviewer and may not create batches; ask a coordinator\n`;
    const r = await runCli(['batch', 'create', '--name', 'mine', '--assignee', reviewers[0]!.user, '--mode', 'single'], as(urlOf(reviewers[0]!)));
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: denied });
    // The dry run does not promise what the real run refuses.
    const dry = await runCli(['batch', 'create', '--name', 'mine', '--assignee', reviewers[0]!.user, '--mode', 'single', '--dry-run'], as(urlOf(reviewers[0]!)));
    expect(dry).toMatchObject({ code: 1, stdout: '', stderr: denied });
    const bare = urlOf(carol).replace(/:[^:@]*@/, '@');
    const noPassword = await runCli(['batch', 'create', '--name', 'n', '--assignee', reviewers[0]!.user, '--mode', 'single', '--dry-run'], as(bare));
    expect(noPassword).toMatchObject({ code: 1, stdout: '' });
    const a = addressFromUrl(db.url);
    expect(noPassword.stderr).toBe(`specvet: no password for ${carol.user}: put it in SPECVET_CENTRAL (mysql://${carol.user}:PASSWORD@${a.host}:${a.port}/${db.database}) or run on a terminal to be asked\n`);
    const ghost = await create(['--name', 'ghost', '--assignee', 'nobody_here', '--mode', 'single', '--limit', '3']);
    expect(ghost.stderr).toMatch(/denied: nobody_here is not an active SpecVet member/);
    expect((await create(['--name', 'x', '--assignee', 'a', '--mode', 'fast'])).code).toBe(2);
    expect((await create(['--name', 'x', '--assignee', 'a', '--mode', 'single', '--from', '2024-13'])).stderr).toMatch(/--from must be a date/);
  });

  it('prints the id of each batch it creates, which reassign and cancel then take', async () => {
    const [rev0, rev1, rev2] = reviewers as [Person, Person, Person];
    const made = await runCli(['batch', 'create', '--name', 'ids', '--assignee', `${rev0.user},${rev1.user}`, '--mode', 'single', '--planid', 'PLAN003', '--limit', '7'], as(urlOf(carol)));
    expect(made.code, made.stderr).toBe(0);
    const rows = await query<{ id: string; assignee: string; n: string }>(
      `SELECT b.id, b.assignee, COUNT(*) AS n FROM check_batch b JOIN spec_check sc ON sc.batch_id = b.id WHERE b.name = 'ids' GROUP BY b.id, b.assignee`,
    );
    const lines = [rev0, rev1].map((p) => {
      const row = rows.find((x) => x.assignee === p.user)!;
      return `created batch ids for ${p.user}: ${row.n} spectra (id ${row.id})`;
    });
    expect(made.stdout).toBe(lines.join('\n') + '\n');

    const first = rows.find((x) => x.assignee === rev0.user)!.id;
    const moved = await runCli(['batch', 'reassign', first, '--to', rev2.user], as(urlOf(carol)));
    expect(moved.code, moved.stderr).toBe(0);
    const [newBatch] = await query<{ id: string }>(`SELECT id FROM check_batch WHERE name = 'ids' AND assignee = ? AND state = 'active'`, [rev2.user]);
    expect(moved.stdout).toBe(`cancelled batch ids of ${rev0.user} (id ${first}); its remaining spectra are now batch ids for ${rev2.user} (id ${newBatch!.id})\n`);
    expect((await runCli(['batch', 'cancel', newBatch!.id], as(urlOf(carol)))).stdout).toBe(`cancelled batch ids of ${rev2.user} (id ${newBatch!.id})\n`);

    // rev0 still has the (cancelled) batch called "ids": one moved back to them gets the next free name.
    const second = rows.find((x) => x.assignee === rev1.user)!.id;
    const toRev0 = await runCli(['batch', 'reassign', second, '--to', rev0.user, '--json'], as(urlOf(carol)));
    expect(toRev0.code, toRev0.stderr).toBe(0);
    expect(JSON.parse(toRev0.stdout)).toMatchObject({ name: 'ids (2)', assignee: rev0.user, from: second });
  });
});
