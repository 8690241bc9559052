/** The sync engine against a real MariaDB, through the central area's CentralClient. */
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { disableMember } from '../../src-main/central/members';
import { connectAs } from '../central/fixtures';
import { openSyncRunner } from '../../src-main/sync/runner';
import { assign, cacheOf, loginOf, reviewer, syncOnce, type Person } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 25 });

const NASTY = `q ' dq " bs \\ nul \u0000 ${'😀'.repeat(2500)} '); DROP TABLE humanverify; --`;

async function centralVerdicts(user: string) {
  const [rows] = await w.admin.query('SELECT id, obsid, class, subclass, z, quality, flags, comment, supersedes FROM humanverify WHERE reviewer = ? ORDER BY id', [user]);
  return rows as Record<string, unknown>[];
}

function verdictInput(batchId: string, obsid: number, k = 0) {
  return { obsid, batchId, class: 'GALAXY' as const, subclass: `sc${k}`, z: 0.1 + k / 1000, quality: 3 as const, flags: ['cosmic-ray' as const], comment: `c${k}` };
}

/** A port nobody listens on: what a dead server looks like. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('sync against the central database', () => {
  let alice: Person;
  beforeAll(async () => {
    alice = await reviewer(w);
    await assign(w, 'gal-A', [alice], 10);
  });

  it('pulls the batch, pushes verdicts and a problem verbatim, and a second device sees them', async () => {
    const cache = cacheOf(w, alice);
    const first = await syncOnce(w, cache, alice);
    expect(first.error).toBeNull();
    const [batch] = cache.listBatches();
    expect(batch).toMatchObject({ name: 'gal-A', assignee: alice.user, itemCount: 10, reviewedCount: 0 });
    const items = cache.listItems(batch!.id);
    const v1 = cache.addVerdict({ ...verdictInput(batch!.id, items[0]!.obsid), comment: NASTY, subclass: "K'\\" }, new Date());
    const v2 = cache.addVerdict({ ...verdictInput(batch!.id, items[0]!.obsid, 1), class: 'QSO', z: 2.5 }, new Date(Date.now() + 1));
    const p = cache.addProblem({ lmjd: items[1]!.lmjd, planid: items[1]!.planid, spid: items[1]!.spid, fiberFrom: 3, fiberTo: 9, type: 'stray-light', origin: '2d', text: NASTY }, new Date());
    cache.setBookmark(batch!.id, 1, new Date());
    expect(cache.counts().outboxPending).toBe(3); // two verdicts and a report; the bookmark rides along

    const second = await syncOnce(w, cache, alice);
    expect(second).toMatchObject({ error: null, pushed: 4 });
    expect(cache.counts()).toMatchObject({ outboxPending: 0, lastError: null });
    const central = await centralVerdicts(alice.user);
    expect(central.map((r) => r.id).sort()).toEqual([v1.id, v2.id].sort());
    const c1 = central.find((r) => r.id === v1.id)!;
    expect(c1.comment).toBe(NASTY);
    expect(c1.subclass).toBe("K'\\");
    expect(central.find((r) => r.id === v2.id)!.supersedes).toBe(v1.id);
    const [probs] = await w.admin.query('SELECT text, fiber_from, fiber_to FROM prob2d WHERE id = ?', [p.id]);
    expect(probs).toEqual([{ text: NASTY, fiber_from: 3, fiber_to: 9 }]);
    const [tables] = await w.admin.query("SHOW TABLES LIKE 'humanverify'");
    expect(tables).toHaveLength(1);

    // The same person on a second machine pulls the history back, byte for byte.
    const desktop = cacheOf(w, alice, 'desktop');
    expect((await syncOnce(w, desktop, alice)).error).toBeNull();
    const history = desktop.verdictHistory(items[0]!.obsid);
    expect(history.map((v) => v.id)).toEqual([v1.id, v2.id]);
    expect(history[0]).toMatchObject({ comment: NASTY, subclass: "K'\\", pushed: true });
    expect(desktop.findItem(items[0]!.obsid)!.verdict!.id).toBe(v2.id);
    cache.close();
    desktop.close();
  });

  it('offline: every local action works, sync says offline in one line, the outbox is kept', async () => {
    const cache = cacheOf(w, alice, 'train');
    expect((await syncOnce(w, cache, alice)).error).toBeNull();
    const batch = cache.listBatches()[0]!;
    const port = await deadPort();
    const v = cache.addVerdict(verdictInput(batch.id, cache.listItems(batch.id)[2]!.obsid, 7), new Date());
    cache.setBookmark(batch.id, 2, new Date());
    const r = await syncOnce(w, cache, alice, { port });
    expect(r.error).toBe(`offline: cannot reach 127.0.0.1:${port}; your work is kept and will be pushed on the next sync`);
    expect(r.failure?.transient).toBe(true);
    expect(cache.counts()).toMatchObject({ outboxPending: 1, lastError: r.error });
    expect(cache.ledger.outbox({ verdicts: 10, problems: 10, bookmarks: 10 }).bookmarks).toHaveLength(1);
    expect(cache.undoLastVerdict()?.id).toBe(v.id);
    const again = cache.addVerdict(verdictInput(batch.id, cache.listItems(batch.id)[2]!.obsid, 8), new Date());
    expect(cache.listItems(batch.id)[2]!.verdict?.id).toBe(again.id);
    const back = await syncOnce(w, cache, alice);
    expect(back).toMatchObject({ error: null, pushed: 2 });
    expect((await centralVerdicts(alice.user)).map((x) => x.id)).toContain(again.id);
    expect((await centralVerdicts(alice.user)).map((x) => x.id)).not.toContain(v.id);
    expect(cache.counts().lastError).toBeNull();
    cache.close();
  });

  it('a wrong password, a newer central schema or a disabled account is a message saying what to do; the outbox is untouched', async () => {
    const bob = await reviewer(w);
    await assign(w, 'gal-B', [bob], 4);
    const cache = cacheOf(w, bob);
    expect((await syncOnce(w, cache, bob)).error).toBeNull();
    const batch = cache.listBatches()[0]!;
    cache.addVerdict(verdictInput(batch.id, cache.listItems(batch.id)[0]!.obsid), new Date());
    const wrong = await syncOnce(w, cache, { user: bob.user, password: 'not-the-password' });
    expect(wrong.failure?.kind).toBe('auth');
    expect(wrong.failure?.transient).toBe(false);
    expect(wrong.error).toMatch(/password/);
    expect(wrong.error).not.toContain('\n');
    expect(cache.counts().outboxPending).toBe(1);

    // A central schema newer than this SpecVet: update the app, nothing pushed or dropped.
    await w.admin.query("INSERT INTO schema_version (version, name) VALUES (999999, 'from-the-future')");
    try {
      const newer = await syncOnce(w, cache, bob);
      expect(newer.failure?.kind).toBe('schema-newer');
      expect(newer.error).toMatch(/newer.*update SpecVet/);
      expect(cache.counts().outboxPending).toBe(1);
    } finally {
      await w.admin.query('DELETE FROM schema_version WHERE version = 999999');
    }

    await disableMember(w.admin, bob.user);
    const disabled = await syncOnce(w, cache, bob);
    expect(disabled.failure?.kind).toBe('disabled');
    expect(disabled.error).toMatch(/disabled.*admin/);
    expect(cache.counts().outboxPending).toBe(1);
    expect(await centralVerdicts(bob.user)).toEqual([]);
    cache.close();
  });

  it('commit order: a writer that commits late is still seen by the next pull', async () => {
    const carol = await reviewer(w);
    const cache = cacheOf(w, carol);
    expect((await syncOnce(w, cache, carol)).error).toBeNull();
    // Writer A takes its revision first but holds its transaction open.
    const a = await connectAs(w.db, w.coordinator);
    await a.query('START TRANSACTION');
    const [spectra] = await w.admin.query('SELECT obsid FROM spec_info ORDER BY obsid DESC LIMIT 2');
    const [s1, s2] = (spectra as { obsid: number }[]).map((r) => Number(r.obsid));
    const idA = crypto.randomUUID();
    await a.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', [idA, 'late', 'single', carol.user, null, JSON.stringify([s1])]);
    // Writer B starts after A and commits (possibly waiting on A) while the client pulls.
    const b = await connectAs(w.db, w.coordinator);
    const idB = crypto.randomUUID();
    const writerB = (async () => {
      await b.query('START TRANSACTION');
      await b.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', [idB, 'early', 'single', carol.user, null, JSON.stringify([s2])]);
      await b.query('COMMIT');
    })();
    await new Promise((r) => setTimeout(r, 300));
    const during = await syncOnce(w, cache, carol);
    expect(during.error).toBeNull();
    expect(cache.listBatches().map((x) => x.id)).not.toContain(idA);
    await a.query('COMMIT');
    await writerB;
    await a.end();
    await b.end();
    expect((await syncOnce(w, cache, carol)).error).toBeNull();
    expect(cache.listBatches().map((x) => x.id).sort()).toEqual([idA, idB].sort());
    expect(cache.listItems(idA).map((i) => i.obsid)).toEqual([s1]);
    cache.close();
  });

  it('a verdict made before its batch was cancelled and pushed after is kept locally, set aside with the reason', async () => {
    const dave = await reviewer(w);
    const plan = await assign(w, 'gal-D', [dave], 3);
    const cache = cacheOf(w, dave);
    expect((await syncOnce(w, cache, dave)).error).toBeNull();
    const batchId = plan.batches[0]!.id;
    const obsid = cache.listItems(batchId)[0]!.obsid;
    const v = cache.addVerdict(verdictInput(batchId, obsid), new Date());
    const c = await connectAs(w.db, w.coordinator);
    await c.execute('CALL batch_cancel(?)', [batchId]);
    await c.end();
    // The server cannot tell it from a backdated one (issue 16, finding 4): refused, never lost.
    const r = await syncOnce(w, cache, dave);
    expect(r).toMatchObject({ error: null, refused: 1, outboxRefused: 1 });
    const item = cache.listItems(batchId).find((i) => i.obsid === obsid)!;
    expect(item.assigned).toBe(false);
    expect(item.verdict?.id).toBe(v.id);
    expect(cache.listOutbox('refused').map((e) => [e.id, e.refused])).toEqual([
      [v.id, expect.stringMatching(/^denied: verdict \S+ is for batch "gal-D", which ended \(cancelled or reassigned\) at .* UTC, before this push: .*specvet outbox --refused/)],
    ]);
    expect(await centralVerdicts(dave.user)).toEqual([]);
    cache.close();
  });

  it('the app host runner: progress events in order, one run at a time, no password means sign in again', async () => {
    const hank = await reviewer(w);
    await assign(w, 'runner', [hank], 5);
    const cache = cacheOf(w, hank);
    const l = loginOf(w, hank);
    const target = { host: l.host, port: l.port, database: l.database, user: hank.user, display: `mysql://${hank.user}@${l.host}:${l.port}/${l.database}` };
    const config = { home: w.home, central: target, data: null, file: null };
    const phases: string[] = [];
    const runner = openSyncRunner({ target, password: hank.password, cache, data: config.data });
    // Two presses of the sync button while one runs: one sync, the same answer.
    const [a, b] = await Promise.all([runner.run((p) => phases.push(p.phase)), runner.run(() => {})]);
    expect(a).toBe(b);
    expect(a.error).toBeNull();
    expect(cache.counts().items).toBe(5);
    expect([...new Set(phases)]).toEqual(['pull', 'push', 'done']);
    const none = await openSyncRunner({ target, password: null, cache, data: config.data }).run(() => {});
    expect(none.failure?.kind).toBe('auth');
    expect(none.error).toMatch(/sign in again/);
    cache.close();
  });
});

