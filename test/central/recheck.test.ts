/**
 * Recheck, export and tracing against a real MariaDB (issue 15): two reviewers' verdicts
 * arrive through the real sync, their disagreements appear in the coordinator's recheck list
 * and leave it when resolved; a reviewer is refused by the database itself (mysql2 and the
 * `mariadb` client); the exported catalogue passes fitsverify and reads back in astropy with
 * the CSV's values; `trace --at` gives the earlier state.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecClass } from '../../shared/model';
import type { SqliteCache } from '../../src-main/cache';
import type { RecheckCase, Trace } from '../../src-main/central/qualityDesk';
import { runCli } from '../support/cli';
import { assign, cacheOf, reviewer, syncOnce, type Person } from '../sync/world';
import { useWorld } from '../support/world';
import { connectAs, mariadbClient, newId } from './fixtures';

const run = promisify(execFile);
const w = useWorld({ plans: 1, spectrographs: 1, fibers: 8 });
let alice: Person;
let bob: Person;
let obsids: number[];
let batchId: string;
const env = (p: Person) => ({ SPECVET_HOME: w.home, SPECVET_CENTRAL: p.url });
const json = async <T>(argv: string[], p: Person): Promise<T> => {
  const r = await runCli([...argv, '--json'], env(p));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
};

/** The reviewer's verdicts: [class, z, quality] per item, in batch order (null: none). */
function answer(cache: SqliteCache, answers: ([SpecClass, number, number] | null)[], at: Date) {
  const [b] = cache.listBatches();
  cache.listItems(b!.id).forEach((item, k) => {
    const a = answers[k];
    if (a) cache.addVerdict({ obsid: item.obsid, batchId: b!.id, class: a[0], subclass: '', z: a[1], quality: a[2] as 0, flags: k === 0 ? ['bad-sky-subtraction'] : [], comment: `#${k}, "quoted"` }, at);
  });
}

beforeAll(async () => {
  // Pipeline classes by fibre: STAR GALAXY QSO STAR STAR GALAXY; z 0.1, QSO 1.5.
  alice = await reviewer(w);
  bob = await reviewer(w);
  const a = await assign(w, 'jan-a', [alice], 6);
  await assign(w, 'jan-b', [bob], 4);
  obsids = a.batches[0]!.obsids;
  batchId = a.batches[0]!.id;
  const ca = cacheOf(w, alice);
  const cb = cacheOf(w, bob);
  await syncOnce(w, ca, alice);
  await syncOnce(w, cb, bob);
  const early = new Date('2024-03-01T10:00:00Z');
  // alice: the pipeline's answers, except fibre 5 (a star's z, not extragalactic) and fibre 6
  // (a galaxy at another z: contradicts the pipeline on an extragalactic target).
  answer(ca, [['STAR', 0.1, 3], ['GALAXY', 0.1, 3], ['QSO', 1.5, 3], ['STAR', 0.1, 3], ['STAR', 0.5, 3], ['GALAXY', 0.3, 3]], early);
  // bob: another class on fibre 1; a z within the threshold and quality 1 apart on fibre 2;
  // quality 2 apart on fibre 3; agreement on fibre 4.
  answer(cb, [['GALAXY', 0.12, 3], ['GALAXY', 0.1001, 4], ['QSO', 1.5, 1], ['STAR', 0.1, 3]], early);
  expect((await syncOnce(w, ca, alice)).failure ?? null).toBeNull();
  expect((await syncOnce(w, cb, bob)).failure ?? null).toBeNull();
}, 120_000);

describe('specvet recheck', () => {
  it('lists the disagreements of verdicts that came through sync, with their reasons', async () => {
    const list = await json<RecheckCase[]>(['recheck', 'list'], w.coordinator);
    expect(list.map((c) => [c.obsid, c.reasons])).toEqual([
      [obsids[0], ['reviewers disagree']],
      [obsids[2], ['reviewers disagree']],
      [obsids[5], ['contradicts the pipeline']],
    ]);
    expect(list[0]!.verdicts.map((v) => [v.reviewer, v.class])).toEqual([[alice.user, 'STAR'], [bob.user, 'GALAXY']].sort((x, y) => x[0]!.localeCompare(y[0]!)));
    // Thresholds are configurable: quality 3 apart is needed now, so fibre 3 agrees.
    const lenient = await json<RecheckCase[]>(['recheck', 'list', '--dq', '3'], w.coordinator);
    expect(lenient.map((c) => c.obsid)).toEqual([obsids[0], obsids[5]]);
  });

  it('records the final answer (what is left out taken from the answer it confirms) and the list shrinks', async () => {
    const r = await json<{ z: number; class: string; quality: number }>(['recheck', 'resolve', String(obsids[0]), '--class', 'GALAXY', '--quality', '4', '--comment', 'broad Hα'], w.coordinator);
    // z left out: taken from the GALAXY answer it confirms (bob's).
    expect(r).toMatchObject({ class: 'GALAXY', z: 0.12, quality: 4 });
    const list = await json<RecheckCase[]>(['recheck', 'list'], w.coordinator);
    expect(list.map((c) => c.obsid)).toEqual([obsids[2], obsids[5]]);
    const c = await connectAs(w.db, w.coordinator);
    const [rows] = await c.query('SELECT coordinator, class, z, quality, comment FROM humanrecheck WHERE obsid = ?', [obsids[0]]);
    await c.end();
    expect(rows).toEqual([{ coordinator: w.coordinator.user, class: 'GALAXY', z: 0.12, quality: 4, comment: 'broad Hα' }]);
  });

  it('asks for z when nobody gave that class, and names a spectrum that does not exist', async () => {
    const noZ = await runCli(['recheck', 'resolve', String(obsids[5]), '--class', 'QSO'], env(w.coordinator));
    expect(noZ.code).toBe(1);
    expect(noZ.stderr).toMatch(/nobody answered QSO .* --z/);
    const none = await runCli(['recheck', 'resolve', '999', '--class', 'STAR', '--z', '0'], env(w.coordinator));
    expect(none.stderr).toMatch(/no spectrum with obsid 999/);
    const bad = await runCli(['recheck', 'resolve', String(obsids[5]), '--class', 'STAR', '--quality', '7'], env(w.coordinator));
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--quality must be a whole number from 0 to 4, got 7/)]);
  });

  it('refuses a reviewer in the database itself: from the CLI, mysql2 and the mariadb client', async () => {
    const cli = await runCli(['recheck', 'resolve', String(obsids[2]), '--class', 'QSO', '--z', '1.5'], env(alice));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/denied/);
    expect((await runCli(['recheck', 'list'], env(alice))).stderr).toMatch(/denied/);
    const row = JSON.stringify([{ id: newId(), obsid: obsids[2], class: 'QSO', subclass: '', z: 1.5, quality: 4, comment: '' }]);
    const c = await connectAs(w.db, alice);
    await expect(c.execute('CALL recheck_add(?)', [row])).rejects.toMatchObject({ errno: 1370 });
    await expect(c.query('SELECT * FROM humanverify')).rejects.toMatchObject({ errno: 1142 });
    await c.end();
    const sql = `CALL recheck_add('${row}')`;
    expect((await mariadbClient(w.db, alice, sql)).stderr).toMatch(/execute command denied/i);
    // A coordinator's bad value is refused by the procedure, also from the mariadb client.
    const badQuality = sql.replace('"quality":4', '"quality":9');
    expect((await mariadbClient(w.db, w.coordinator, badQuality)).stderr).toMatch(/denied: recheck .* quality "9"; it must be a whole number 0-4/);
    const list = await json<RecheckCase[]>(['recheck', 'list'], w.coordinator);
    expect(list.map((c) => c.obsid)).toEqual([obsids[2], obsids[5]]);
  });
});

describe('specvet export', () => {
  const csvRows = (file: string) =>
    readFileSync(file, 'utf8').trim().split('\n').map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

  it('writes the checked spectra as CSV, a recheck winning and disagreements marked unresolved', async () => {
    const file = join(w.home, 'catalogue.csv');
    const r = await json<{ rows: number }>(['export', '--format', 'csv', '--out', file, '--from', '2024-01-01', '--to', '2024-01-01'], w.coordinator);
    expect(r.rows).toBe(6);
    const [header, ...rows] = csvRows(file);
    const col = (name: string) => header!.indexOf(name);
    const byObsid = new Map(rows.map((row) => [Number(row[col('obsid')]), row]));
    expect(byObsid.get(obsids[0]!)!.filter((_, i) => ['class', 'z', 'quality', 'source', 'flags'].includes(header![i]!))).toEqual(['GALAXY', '0.12', '4', 'recheck', 'bad-sky-subtraction']);
    expect(byObsid.get(obsids[2]!)![col('source')]).toBe('unresolved');
    expect(byObsid.get(obsids[3]!)![col('reviewers')]).toBe([alice.user, bob.user].sort().join(','));
    expect(byObsid.get(obsids[5]!)![col('source')]).toBe('verdict');
    // Nothing checked on a night with no verdicts; an existing file is never overwritten.
    expect((await json<{ rows: number }>(['export', '--format', 'csv', '--out', join(w.home, 'none.csv'), '--from', '2025-01-01'], w.coordinator)).rows).toBe(0);
    const again = await runCli(['export', '--format', 'csv', '--out', file], env(w.coordinator));
    expect(again.stderr).toMatch(/already exists/);
    expect(csvRows(file)).toHaveLength(7);
  });

  it('writes a FITS table that fitsverify accepts and astropy reads back with the same values', async () => {
    const fits = join(w.home, 'catalogue.fits');
    const csv = join(w.home, 'batch.csv');
    expect((await json<{ rows: number }>(['export', '--format', 'fits', '--out', fits, '--batch', batchId], w.coordinator)).rows).toBe(6);
    await json(['export', '--format', 'csv', '--out', csv, '--batch', batchId], w.coordinator);
    const verify = await run('fitsverify', ['-e', fits]).catch((e: { stdout: string }) => e);
    expect(verify.stdout).toMatch(/found 0 warning\(s\) and 0 error\(s\)/);
    const script = `
import json, sys
from astropy.table import Table
t = Table.read(sys.argv[1], hdu='CATALOGUE')
print(json.dumps({'units': {c: str(t[c].unit) for c in t.colnames if t[c].unit is not None},
  'rows': [[v.decode() if isinstance(v, bytes) else v for v in r] for r in t.as_array().tolist()],
  'names': t.colnames}))`;
    const out = await run('/usr/bin/python3', ['-c', script, fits]);
    const table = JSON.parse(out.stdout) as { units: Record<string, string>; rows: unknown[][]; names: string[] };
    expect(table.units).toMatchObject({ RA: 'deg', DEC: 'deg', LMJD: 'd' });
    const [header, ...rows] = csvRows(csv);
    expect(table.names.map((n) => n.toLowerCase())).toEqual(header);
    const asText = (v: unknown) => (typeof v === 'string' ? v.trimEnd() : String(v));
    expect(table.rows.map((r) => r.map(asText))).toEqual(rows);
  });
});

describe('specvet trace', () => {
  it('tells the story now and at an earlier moment, within what each role may read', async () => {
    const now = await json<Trace>(['trace', String(obsids[0])], w.coordinator);
    expect(now).toMatchObject({ state: 'rechecked', planid: 'PLAN000', spid: 1, fiberid: 1, result1d: { class: 'STAR', version: 'v2.9' }, result2d: { version: 'v2.9' } });
    expect(now.target).toMatchObject({ objtype: 'Star', tsource: 'test', mag: { g: 17, r: 16.5, i: null } });
    expect(now.plan).toMatchObject({ obsdate: '2024-01-01', seeing: 2.5 });
    expect(now.verdicts.map((v) => v.reviewer).sort()).toEqual([alice.user, bob.user].sort());
    expect(now.rechecks.map((r) => r.coordinator)).toEqual([w.coordinator.user]);
    // The coordinator reviews nothing here: no local copy to fit, and the trace says why.
    expect((now as Trace & { assistant: unknown }).assistant).toEqual({ fit: null, none: expect.stringMatching(/^no local cache on this SPECVET_HOME|is in none of your batches$/) });
    // The verdicts were made on 2024-03-01; the recheck and the batches today.
    const before = await json<Trace>(['trace', String(obsids[0]), '--at', '2024-03-02'], w.coordinator);
    expect(before).toMatchObject({ state: 'corrected', rechecks: [], batches: [] });
    expect(before.verdicts).toHaveLength(2);
    expect((await json<Trace>(['trace', String(obsids[0]), '--at', '2024-02-01'], w.coordinator)).state).toBe('unchecked');
    // By designation and by plan + spectrograph + fibre: the same spectrum.
    expect((await json<Trace>(['trace', now.designation!], w.coordinator)).obsid).toBe(obsids[0]);
    expect((await json<Trace>(['trace', '--plan', 'PLAN000', '--spid', '1', '--fiber', '1'], w.coordinator)).obsid).toBe(obsids[0]);
    // A reviewer reads no rechecks: their trace stops at what the server lets them see.
    const mine = await json<Trace>(['trace', String(obsids[0])], alice);
    expect(mine).toMatchObject({ rechecks: [], state: 'corrected' });
    const wrong = await runCli(['trace', String(obsids[0]), '--at', 'yesterday'], env(alice));
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringMatching(/--at must be a date/)]);
  });
});
