/**
 * The central desk through the app's services (issue 15), against a real MariaDB: each call
 * runs as the signed-in person, so a coordinator sees and resolves a disagreement that came
 * through sync, a 2D user acknowledges a reviewer's report, a reviewer is refused by the
 * database itself, and the demo or a dead server says "offline" in one line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/api';
import { toApiError } from '../../src-main/app/apiErrors';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import { openApp, type OpenedApp } from '../../src-main/app/openApp';
import { parseCentralUrl } from '../../src-main/config/config';
import { addPerson, type Person } from '../central/fixtures';
import { dataSourceFor, disagreeAndReport, LAMOST_FIXTURE, nearAgreement } from '../support/deskWorld';

import { useWorld } from '../support/world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
const apps: OpenedApp[] = [];
const homes: string[] = [];
let alice: Person;
let bob: Person;
let obsid: number;
let reportId: string;

async function appAs(url: string | null, data: string | null = null): Promise<OpenedApp> {
  const home = mkdtempSync(join(tmpdir(), 'specvet-desk-'));
  homes.push(home);
  const app = await openApp({ config: { home, central: url ? parseCentralUrl(url) : null, data, file: null }, credentials: memoryCredentialStore(), background: false });
  apps.push(app);
  return app;
}
const refusal = (p: Promise<unknown>) => p.then<null, ReturnType<typeof toApiError>>(() => null, (err: unknown) => toApiError(err));

beforeAll(async () => {
  ({ alice, bob, obsid, reportId } = await disagreeAndReport(w, new Date('2024-03-01T10:00:00Z')));
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe('the coordinator through the app', () => {
  it('is told its role, sees the batches and the disagreement, and resolves it', async () => {
    const app = await appAs(w.coordinator.url);
    expect(await app.handlers.deskMember({})).toEqual({ user: w.coordinator.user, role: 'coordinator' });
    const batches = await app.handlers.teamBatches({});
    expect(batches.map((b) => [b.name, b.done, b.total]).sort()).toEqual([['jan-a', 1, 2], ['jan-b', 1, 2]]);
    const report = await app.handlers.progress({ from: '2024-03-01', to: '2024-03-01', by: 'reviewer' });
    expect(report.by === 'reviewer' && report.rows.map((r) => r.verdicts)).toEqual([1, 1]);
    const nights = await app.handlers.progress({ from: '2024-01-01', to: '2024-12-31', by: 'night' });
    expect(nights.by === 'night' && nights.rows.map((n) => [n.total, n.checked])).toEqual([[4, 1]]);
    const [found] = await app.handlers.recheckList({});
    expect([found?.obsid, found?.verdicts.map((v) => v.class).sort()]).toEqual([obsid, ['GALAXY', 'STAR']]);
    expect((await app.handlers.recheckResolve({ obsid, class: 'GALAXY', quality: 4 })).obsid).toBe(obsid);
    expect(await app.handlers.recheckList({})).toEqual([]);
  });
});

describe('the coordinator builds a batch through the app', () => {
  const criteria = { leaveOut: { assigned: false, verified: false } };
  const request = { name: 'feb-all', assignees: [] as string[], mode: 'single' as const, criteria };

  it('counts before anything is named, creates what it counted split across two reviewers, and sets its due date', async () => {
    const app = await appAs(w.coordinator.url);
    const bob = await addPerson(w.db, 'reviewer');
    const members = await app.handlers.teamMembers({});
    expect(members.slice(0, 2).every((m) => m.role === 'reviewer')).toBe(true);
    expect(members.map((m) => m.user)).toEqual(expect.arrayContaining([alice.user, bob.user, w.coordinator.user]));
    const counted = await app.handlers.previewBatch(parseInput('previewBatch', { ...request, name: '' }));
    expect([counted.shares, counted.sample.length]).toEqual([[], Math.min(10, counted.count)]);
    const preview = await app.handlers.previewBatch({ ...request, assignees: [alice.user, bob.user] });
    const made = await app.handlers.createBatch({ ...request, assignees: [alice.user, bob.user], due: '2024-04-01' });
    expect(made.count).toBe(counted.count);
    expect(made.batches.map((b) => ({ assignee: b.assignee, count: b.count }))).toEqual(preview.shares);
    const listed = (await app.handlers.teamBatches({})).filter((b) => b.name === 'feb-all');
    expect(listed.map((b) => [b.assignee, b.total, b.due])).toEqual(preview.shares.map((s) => [s.assignee, s.count, '2024-04-01']));
    await app.handlers.setBatchDue({ id: made.batches[0]!.id, due: '2024-05-15' });
    expect((await app.handlers.teamBatches({})).find((b) => b.id === made.batches[0]!.id)?.due).toBe('2024-05-15');
  });

  it('refuses a bad date, S/N min above max, an unknown reviewer and a bad due date in one line naming the field', async () => {
    const app = await appAs(w.coordinator.url);
    const asked = [
      { ...request, criteria: { ...criteria, from: '2024-13-01' } },
      { ...request, criteria: { ...criteria, snrMin: 5, snrMax: 1 } },
      { ...request, assignees: [alice.user, 'nobody'] },
    ];
    const lines = [];
    for (const r of asked) lines.push((await refusal(app.handlers.previewBatch(r)))?.message);
    const [batch] = await app.handlers.teamBatches({});
    lines.push((await refusal(app.handlers.setBatchDue({ id: batch!.id, due: '2024-02-30' })))?.message);
    expect(lines).toEqual([
      'from night must be a date YYYY-MM-DD, got "2024-13-01"',
      'S/N min 5 is above S/N max 1',
      expect.stringMatching(new RegExp(`^"nobody" is not an active member of the team; choose among .*${alice.user}`)),
      'due date must be a date YYYY-MM-DD, got "2024-02-30"; or "none" to clear it',
    ]);
  });
});

describe('the 2D team through the app', () => {
  it('acknowledges a report with a note; an empty note is refused before the server', async () => {
    const app = await appAs((await addPerson(w.db, '2d')).url);
    const open = await app.handlers.problemList({ state: 'open' });
    expect(open.map((p) => [p.id, p.reporter])).toEqual([[reportId, alice.user]]);
    expect(() => parseInput('problemSetState', { id: reportId, action: 'acknowledged', note: ' ' })).toThrow(/problemSetState: note: say why in a note/);
    const acked = await app.handlers.problemSetState({ id: reportId, action: 'acknowledged', note: 'looking at the flat' });
    expect([acked.state, acked.note]).toEqual(['acknowledged', 'looking at the flat']);
    expect(await app.handlers.problemList({ state: 'open' })).toEqual([]);
  });
});

describe("the desk's spectra", () => {
  const at = { lmjd: 60_000, planid: 'PLAN000', spid: 1 };

  it('are read from the data source though in none of the person\'s batches; without one, one line says what to set', async () => {
    const twoD = await addPerson(w.db, '2d');
    const without = await appAs(twoD.url);
    expect(await without.handlers.deskFibres(at)).toEqual({
      source: null,
      fibres: [1, 2, 3, 4].map((fiberid) => ({ obsid: expect.any(Number), lmjd: 60_000, planid: 'PLAN000', spid: 1, fiberid, local: false })),
    });
    const err = await refusal(without.handlers.deskSpectrum({ obsid }));
    expect([err?.code, err?.message]).toEqual(['not-found', `spectrum ${obsid} is not on this computer and no data source is set: set SPECVET_DATA (or "data" in the config file) to the survey's spectrum files and open it again`]);

    const data = await dataSourceFor(w);
    try {
      const withData = await appAs(twoD.url, data);
      expect((await withData.handlers.deskFibres(at)).source).toBe(data);
      expect(Buffer.from(await withData.handlers.deskSpectrum({ obsid })).equals(readFileSync(LAMOST_FIXTURE))).toBe(true);
      const missing = await refusal(withData.handlers.deskSpectrum({ obsid: 999_999 }));
      expect([missing?.code, missing?.message]).toEqual(['not-found', 'no spectrum with obsid 999999 on the central server']);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('a reviewer through the app', () => {
  it('is refused recheck, batches and problem handling by the database itself', async () => {
    const app = await appAs(alice.url);
    expect((await app.handlers.deskMember({})).role).toBe('reviewer');
    for (const call of [
      () => app.handlers.recheckList({}),
      () => app.handlers.recheckResolve({ obsid, class: 'STAR' }),
      () => app.handlers.teamBatches({}),
      () => app.handlers.problemSetState({ id: reportId, action: 'discarded', note: 'mine' }),
    ]) {
      const err = await refusal(call());
      expect([err?.code, err?.message]).toEqual(['auth', expect.stringMatching(/denied/)]);
    }
  });
});

// After the tests that count the reviewers' batches: its verdicts complete them.
describe("the recheck list's thresholds through the app", () => {
  it('lists at the |Δz|/(1+z) and quality difference asked, refuses ones out of range in one line, and records a subclass and comment', async () => {
    const near = await nearAgreement(w, [alice, bob]);
    const app = await appAs(w.coordinator.url);
    expect((await app.handlers.recheckList({})).map((c) => c.obsid)).not.toContain(near);
    expect((await app.handlers.recheckList({ dz: 0.002 })).map((c) => c.obsid)).toContain(near);
    expect((await app.handlers.recheckList({ dz: 0.002, quality: 1 })).map((c) => c.obsid)).toContain(near);
    const lines = [(await refusal(app.handlers.recheckList({ dz: 1.5 })))?.message, (await refusal(app.handlers.recheckList({ quality: 2.5 })))?.message];
    expect(lines).toEqual(['the redshift threshold |Δz|/(1+z) must be between 0 and 1, got 1.5', 'the quality threshold must be a whole number 1–4, got 2.5']);
    await app.handlers.recheckResolve({ obsid: near, class: 'GALAXY', subclass: 'AGN', comment: 'narrow lines only' });
    const [rows] = await w.admin.query('SELECT subclass, comment FROM humanrecheck WHERE obsid = ?', [near]);
    expect(rows).toEqual([{ subclass: 'AGN', comment: 'narrow lines only' }]);
    expect((await app.handlers.recheckList({ dz: 0.002 })).map((c) => c.obsid)).not.toContain(near);
  });
});

describe('without a server', () => {
  it('the demo says the desk needs the central server', async () => {
    const err = await refusal((await appAs(null)).handlers.recheckList({}));
    expect([err?.code, err?.message]).toEqual(['offline', expect.stringMatching(/^offline — .* need the central server/)]);
  });

  it('a dead server is offline, in one line', async () => {
    const err = await refusal((await appAs('mysql://nobody:pw@127.0.0.1:1/specvet')).handlers.problemList({}));
    expect([err?.code, err?.message]).toEqual(['offline', expect.stringMatching(/^offline: cannot reach the central server 127\.0\.0\.1:1/)]);
  });
});
