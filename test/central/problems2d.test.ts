/**
 * The 2D team's problem desk against a real MariaDB (issue 15): a reviewer's report arrives
 * through sync, a 2D user acknowledges and resolves it with notes, and the reviewer sees each
 * new state in their cache after their next sync; the list for a range of nights is empty
 * once all is handled; a reviewer is refused by the database itself, also from the `mariadb`
 * client; the trace gives the report's state at an earlier moment from its history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqliteCache } from '../../src-main/cache';
import type { ProblemCase, Trace } from '../../src-main/central/qualityDesk';
import { runCli } from '../support/cli';
import { assign, cacheOf, reviewer, syncOnce, type Person } from '../sync/world';
import { useWorld } from '../support/world';
import { addPerson, connectAs, mariadbClient } from './fixtures';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 6 });
let kim: Person;
let dave: Person;
let cache: SqliteCache;
let reportId: string;
const env = (p: Person) => ({ SPECVET_HOME: w.home, SPECVET_CENTRAL: p.url });
const json = async <T>(argv: string[], p: Person): Promise<T> => {
  const r = await runCli([...argv, '--json'], env(p));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const sync = async () => expect((await syncOnce(w, cache, kim)).failure ?? null).toBeNull();
const NIGHT = ['--from', '2024-01-01', '--to', '2024-01-01'];

beforeAll(async () => {
  kim = await reviewer(w);
  dave = await addPerson(w.db, '2d');
  await assign(w, 'night-1', [kim], 6);
  cache = cacheOf(w, kim);
  await sync();
  reportId = cache.addProblem({ lmjd: 60_000, planid: 'PLAN000', spid: 1, fiberFrom: 2, fiberTo: 4, type: 'dead fibres', origin: '2d', text: 'flat in all three' }, new Date()).id;
  await sync();
}, 120_000);

describe('specvet problems', () => {
  it('lists the night\'s open report, filtered by night, plan, spectrograph, type and origin', async () => {
    const list = await json<ProblemCase[]>(['problems', 'list', ...NIGHT], dave);
    expect(list.map((p) => [p.id, p.state, p.reporter, p.obsdate, p.fiberFrom, p.fiberTo])).toEqual([[reportId, 'open', kim.user, '2024-01-01', 2, 4]]);
    for (const other of [['--from', '2024-01-02'], ['--plan', 'PLAN001'], ['--spid', '2'], ['--type', 'scattered light'], ['--origin', 'raw'], ['--state', 'resolved']]) {
      expect(await json<ProblemCase[]>(['problems', 'list', ...other], dave), other.join(' ')).toEqual([]);
    }
    const bad = await runCli(['problems', 'list', '--state', 'closed'], env(dave));
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--state is one of unhandled, open, .*; got "closed"/)]);
  });

  it('refuses a reviewer in the database itself: CLI, mysql2 and the mariadb client', async () => {
    const cli = await runCli(['problems', 'ack', reportId, '--note', 'mine'], env(kim));
    expect([cli.code, cli.stderr]).toEqual([1, expect.stringMatching(/denied/)]);
    const c = await connectAs(w.db, kim);
    await expect(c.execute('CALL problem_set_state(?, ?, ?)', [reportId, 'resolved', 'x'])).rejects.toMatchObject({ errno: 1370 });
    await expect(c.query('SELECT * FROM prob2d_event')).rejects.toMatchObject({ errno: 1142 });
    await c.end();
    expect((await mariadbClient(w.db, kim, `CALL problem_set_state('${reportId}', 'discarded', 'gone')`)).stderr).toMatch(/execute command denied/i);
    // The 2D user's own bad input is refused with what was wrong.
    const long = await mariadbClient(w.db, dave, `CALL problem_set_state('${reportId}', 'acknowledged', REPEAT('x', 20001))`);
    expect(long.stderr).toMatch(/denied: the note has 20001 characters; at most 20000/);
    expect((await mariadbClient(w.db, dave, `CALL problem_set_state('${reportId}', 'open', '')`)).stderr).toMatch(/acknowledged, resolved or discarded, not open/);
    expect((await json<ProblemCase[]>(['problems', 'list', ...NIGHT], dave))[0]!.state).toBe('open');
  });

  it('acknowledged by the 2D team, the reporter sees it after syncing; resolved, the night is empty', async () => {
    const acked = await json<ProblemCase>(['problems', 'ack', reportId, '--note', 'looking at the flats'], dave);
    expect(acked).toMatchObject({ state: 'acknowledged', handledBy: dave.user, note: 'looking at the flats' });
    expect(cache.listProblems()[0]!.state).toBe('open');
    await sync();
    expect(cache.listProblems()[0]).toMatchObject({ id: reportId, state: 'acknowledged', handling: { by: dave.user, note: 'looking at the flats' }, pushed: true });
    // Still unhandled: acknowledged is not done.
    expect(await json<ProblemCase[]>(['problems', 'list', ...NIGHT], dave)).toHaveLength(1);
    await json(['problems', 'resolve', reportId, '--note', 'reprocessed with v2.9.1'], dave);
    expect(await json<ProblemCase[]>(['problems', 'list', ...NIGHT], dave)).toEqual([]);
    expect((await json<ProblemCase[]>(['problems', 'list', ...NIGHT, '--state', 'all'], dave)).map((p) => p.state)).toEqual(['resolved']);
    await sync();
    expect(cache.listProblems()[0]).toMatchObject({ state: 'resolved', handling: { note: 'reprocessed with v2.9.1' } });
  });

  it('the trace of a spectrum in the range gives the report\'s state then and now', async () => {
    const [b] = cache.listBatches();
    const obsid = cache.listItems(b!.id).find((i) => i.spid === 1 && i.fiberid === 3)!.obsid;
    const now = await json<Trace>(['trace', String(obsid)], dave);
    expect(now.problems.map((p) => [p.id, p.stateAt])).toEqual([[reportId, 'resolved']]);
    expect(now.problemReported).toBe(false);
    const events = await connectAs(w.db, dave);
    const [rows] = await events.query('SELECT state, handled_at FROM prob2d_event WHERE problem_id = ? ORDER BY rev', [reportId]);
    await events.end();
    const [ack, resolved] = rows as { state: string; handled_at: string }[];
    expect([ack!.state, resolved!.state]).toEqual(['acknowledged', 'resolved']);
    const between = await json<Trace>(['trace', String(obsid), '--at', `${ack!.handled_at.replace(' ', 'T')}Z`], dave);
    expect(between.problems.map((p) => p.stateAt)).toEqual(['acknowledged']);
    expect(between.problemReported).toBe(true);
    // A fibre outside the range has no report.
    const outside = cache.listItems(b!.id).find((i) => i.spid === 1 && i.fiberid === 5)!.obsid;
    expect((await json<Trace>(['trace', String(outside)], dave)).problems).toEqual([]);
  });
});
