/**
 * A poisoned outbox row — one the central server refuses every time — is set aside with the
 * server's reason while every other row is pushed; it stays visible (status, outbox listing,
 * the sync's last-problem line) and is sent again only when asked or edited. Real MariaDB,
 * real SQLite file, the real CLI in-process.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCacheFile, openLocalCache, type SqliteCache } from '../../src-main/cache';
import { disableMember } from '../../src-main/central/members';
import { pushOutbox } from '../../src-main/sync/push';
import { sessionAs } from '../central/fixtures';
import { runCli } from '../support/cli';
import { assign, cacheOf, loginOf, reviewer, syncOnce, type Person } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 10 });

async function centralIds(table: 'humanverify' | 'prob2d', column: 'reviewer' | 'reporter', user: string): Promise<string[]> {
  const [rows] = await w.admin.query(`SELECT id FROM ${table} WHERE ${column} = ? ORDER BY id`, [user]);
  return (rows as { id: string }[]).map((r) => r.id);
}

/** Takes a spectrum out of the person's batches centrally (as an admin's clean-up would), or gives it back. */
async function setAssignee(batchId: string, obsid: number, assignee: string): Promise<void> {
  await w.admin.query('UPDATE spec_check SET assignee = ? WHERE batch_id = ? AND obsid = ?', [assignee, batchId, obsid]);
}

/**
 * A problem report with its fibre range reversed, written straight into the cache file: what an
 * older SpecVet that did not check the range left behind. The central CHECK refuses it.
 */
function insertReversedProblem(file: string, reporter: string, planid: string, lmjd: number): string {
  const id = randomUUID();
  const db = new Database(file);
  db.prepare(
    `INSERT INTO problem (id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at, state, pushed)
     VALUES (?, ?, ?, 1, 45, 20, 'stray-light', 'raw', 'reversed range', ?, ?, 'open', 0)`,
  ).run(id, lmjd, planid, reporter, new Date().toISOString());
  db.close();
  return id;
}

const verdict = (batchId: string, obsid: number, k: number) => ({
  obsid, batchId, class: 'STAR' as const, subclass: `k${k}`, z: k / 100, quality: 3 as const, flags: [], comment: `verdict ${k}`,
});

describe('a row the server refuses every time', () => {
  let hana: Person;
  let cache: SqliteCache;
  beforeAll(async () => {
    hana = await reviewer(w);
    await assign(w, 'poison', [hana], 8);
    cache = cacheOf(w, hana);
    expect((await syncOnce(w, cache, hana)).error).toBeNull();
  });
  afterAll(() => cache.close());

  it('is set aside with the reason while every other row is pushed, and stays visible', async () => {
    const [batch] = cache.listBatches();
    const items = cache.listItems(batch!.id);
    const made = items.slice(0, 6).map((item, k) => cache.addVerdict(verdict(batch!.id, item.obsid, k), new Date(Date.now() + k)));
    const poisoned = made[3]!;
    const good = cache.addProblem({ lmjd: items[0]!.lmjd, planid: items[0]!.planid, spid: 1, fiberFrom: 1, fiberTo: 5, type: 'negative-flux', origin: '2d', text: 'ok' }, new Date());
    const reversed = insertReversedProblem(cache.file, hana.user, items[0]!.planid, items[0]!.lmjd);
    cache.setBookmark(batch!.id, 4, new Date());
    await setAssignee(batch!.id, poisoned.obsid, w.coordinator.user);

    // All nine rows in one push: the refusal of two must not keep the seven others out.
    const r = await syncOnce(w, cache, hana, {}, { pushSize: 500 });
    expect(r).toMatchObject({ error: null, pushed: 7, refused: 2, outboxRefused: 2 });
    expect(await centralIds('humanverify', 'reviewer', hana.user)).toEqual(made.filter((v) => v !== poisoned).map((v) => v.id).sort());
    expect(await centralIds('prob2d', 'reporter', hana.user)).toEqual([good.id]);
    const [bm] = await w.admin.query('SELECT position FROM check_status WHERE batch_id = ?', [batch!.id]);
    expect(bm).toEqual([{ position: 4 }]);

    // Kept, counted, listed with the server's one-line reason, and named in the last-problem line.
    expect(cache.counts()).toMatchObject({ outboxPending: 0, outboxRefused: 2 });
    expect(cache.counts().lastError).toMatch(/^2 change\(s\) refused by the central server and set aside .*specvet outbox --refused.*specvet sync --retry-refused/);
    const refused = cache.listOutbox('refused');
    expect(refused.map((e) => [e.kind, e.id])).toEqual([['verdict', poisoned.id], ['problem', reversed]]);
    expect(refused[0]!.refused).toBe(`denied: verdict ${poisoned.id} is for a spectrum that is not in one of your batches`);
    expect(refused[1]!.refused).toMatch(/^denied: the central server refused a row \(.*prob2d_fibres/);
    expect(refused[1]!.what).toBe(`problem ${items[0]!.planid} sp1 fibres 45-20 (raw): stray-light`);
    expect(cache.verdictHistory(poisoned.obsid).map((v) => [v.id, v.pushed])).toEqual([[poisoned.id, false]]);

    // Later work is not held up, and the refused rows are not sent again on their own.
    const later = cache.addVerdict(verdict(batch!.id, items[6]!.obsid, 6), new Date());
    expect(await syncOnce(w, cache, hana)).toMatchObject({ error: null, pushed: 1, refused: 0, outboxRefused: 2 });
    expect(await centralIds('humanverify', 'reviewer', hana.user)).toContain(later.id);
  });

  it('is sent again when edited (a new verdict on that spectrum) or when asked (--retry-refused)', async () => {
    const [batch] = cache.listBatches();
    const [poisoned] = cache.listOutbox('refused').filter((e) => e.kind === 'verdict');
    const obsid = cache.listItems(batch!.id)[3]!.obsid; // the spectrum whose verdict was refused
    await setAssignee(batch!.id, obsid, hana.user); // the coordinator gives the spectrum back
    const edit = cache.addVerdict({ ...verdict(batch!.id, obsid, 9), class: 'GALAXY' }, new Date());
    expect(edit.supersedes).toBe(poisoned!.id);
    expect(cache.counts()).toMatchObject({ outboxPending: 2, outboxRefused: 1 });
    expect(await syncOnce(w, cache, hana)).toMatchObject({ error: null, pushed: 2, refused: 0, outboxRefused: 1 });
    const central = await centralIds('humanverify', 'reviewer', hana.user);
    expect(central).toContain(poisoned!.id);
    expect(central).toContain(edit.id);

    // The reversed report is still refused when retried: set aside again, not lost, not doubled.
    expect(await syncOnce(w, cache, hana, {}, { retryRefused: true })).toMatchObject({ error: null, pushed: 0, refused: 1, outboxRefused: 1 });
    expect(cache.listOutbox('refused').map((e) => e.kind)).toEqual(['problem']);
  });
});

describe('a refusal about the person, not the rows', () => {
  it('a member disabled mid-sync: the push stops whole and sets nothing aside', async () => {
    const ivan = await reviewer(w);
    await assign(w, 'disabled-mid-sync', [ivan], 3);
    const cache = cacheOf(w, ivan);
    try {
      expect((await syncOnce(w, cache, ivan)).error).toBeNull();
      const [batch] = cache.listBatches();
      for (const [k, item] of cache.listItems(batch!.id).entries()) cache.addVerdict(verdict(batch!.id, item.obsid, k), new Date());
      // The session's connection was opened while the account was active; the procedures refuse it now.
      const session = await sessionAs(w.db, ivan, { poolSize: 1 });
      try {
        await session.me();
        await disableMember(w.admin, ivan.user);
        await expect(pushOutbox({ client: session, ledger: cache.ledger, clock: () => new Date() }, 500)).rejects.toMatchObject({ kind: 'disabled' });
      } finally {
        await session.close();
      }
      expect(cache.counts()).toMatchObject({ outboxPending: 3, outboxRefused: 0 });
      expect(await centralIds('humanverify', 'reviewer', ivan.user)).toEqual([]);
    } finally {
      cache.close();
    }
  });
});

describe('specvet sync / status / outbox', () => {
  it('sync says how many were refused and how to see them (exit 1); status and outbox --refused show them', async () => {
    const jun = await reviewer(w);
    await assign(w, 'cli-poison', [jun], 3);
    const login = loginOf(w, jun);
    const env = {
      SPECVET_HOME: `${w.home}/cli-poison`,
      SPECVET_CENTRAL: `mysql://${encodeURIComponent(jun.user)}:${encodeURIComponent(jun.password)}@${login.host}:${login.port}/${login.database}`,
    };
    expect((await runCli(['sync'], env)).code).toBe(0);
    const items = JSON.parse((await runCli(['items', '--json'], env)).stdout) as { obsid: number; planid: string }[];
    for (const i of items) expect((await runCli(['verdict', 'add', '--obsid', String(i.obsid), '--class', 'QSO'], env)).code).toBe(0);
    const file = resolveCacheFile(env.SPECVET_HOME, { nodes: [login], database: login.database, user: login.user });
    const c = openLocalCache(file, jun.user);
    const batchId = c.listBatches()[0]!.id;
    c.close();
    await setAssignee(batchId, items[1]!.obsid, w.coordinator.user);

    const sync = await runCli(['sync'], env);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/synced: .* 2 change\(s\) pushed, 1 refused/);
    expect(sync.stderr).toMatch(/1 change\(s\) refused by the central server and set aside \(latest: denied: verdict .* not in one of your batches\); see them with: specvet outbox --refused/);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({ outboxPending: 0, outboxRefused: 1 });
    const status = await runCli(['status'], env);
    expect(status.stdout).toMatch(/0 change\(s\) waiting to be pushed, 1 refused by the server and set aside \(specvet outbox --refused\)/);
    const listed = JSON.parse((await runCli(['outbox', '--refused', '--json'], env)).stdout) as { kind: string; what: string; refused: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.kind).toBe('verdict');
    expect(listed[0]!.what).toMatch(new RegExp(`^verdict on ${items[1]!.obsid}: QSO z=[0-9.]+ quality 0$`));
    expect(listed[0]!.refused).toMatch(/^denied: verdict /);
    expect((await runCli(['outbox'], env)).stdout).toMatch(/REFUSED .*denied: verdict/);

    // Not retried unless asked; once the cause is fixed, --retry-refused sends it and all is well.
    expect(JSON.parse((await runCli(['sync', '--json'], env)).stdout)).toMatchObject({ pushed: 0, refused: 0, outboxRefused: 1, error: null });
    await setAssignee(batchId, items[1]!.obsid, jun.user);
    const retried = await runCli(['sync', '--retry-refused', '--json'], env);
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ pushed: 1, refused: 0, outboxRefused: 0, error: null });
    expect(await centralIds('humanverify', 'reviewer', jun.user)).toHaveLength(3);
    expect((await runCli(['outbox', '--refused'], env)).stdout.trim()).toBe('no refused changes');
  });
});
