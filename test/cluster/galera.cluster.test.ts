/**
 * SpecVet on a real 3-node MariaDB Galera cluster (issue 16, findings 13 and 14), started by
 * ./setup.ts: the database identity replicates; reviewers writing through different nodes
 * lose and double nothing, revisions stay unique, and a pull from another node right after a
 * push sees it (wsrep_sync_wait); a SIGKILLed node's client fails over to the next listed node
 * and its outbox — found by the database's identity — lands there once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { cacheFile, resolveCacheFile } from '../../src-main/cache';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import { addressFromUrl } from '../../src-main/central/connection';
import { runCli } from '../support/cli';
import { waitForClusterSize } from '../support/galera';
import { useWorld } from '../support/world';
import { assign, cacheOf, expectCentralEqualsLocal, loginOf, review, reviewer, syncOnce, type Person } from '../sync/world';

const urls = (process.env.GALERA_URLS ?? '').split(',');
const pids = (process.env.GALERA_PIDS ?? '').split(',').map(Number);
const ports = urls.map((u) => addressFromUrl(u).port);
// The test database and its accounts are made through node 1; the SIGKILL test kills node 3.
process.env.MYSQL_URL = urls[0];

beforeAll(() => {
  if (urls.length !== 3) throw new Error('GALERA_URLS is not set: run through npm run test:cluster');
});
const w = useWorld({ plans: 2, spectrographs: 2, fibers: 15 });

async function onNode<T>(i: number, fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const c = await mysql.createConnection(`${urls[i]}/${w.db.database}`);
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('a 3-node Galera cluster', () => {
  it('has one database identity, the same on every node', async () => {
    const ids = await Promise.all([0, 1, 2].map((i) => onNode(i, async (c) => ((await c.query('SELECT id FROM central_identity'))[0] as { id: string }[]).map((r) => r.id))));
    expect(ids[0]).toHaveLength(1);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it('reviewers pushing through different nodes lose and double nothing; revisions are unique; a pull elsewhere sees each push', async () => {
    const people: Person[] = [];
    for (let i = 0; i < 6; i++) people.push(await reviewer(w));
    await assign(w, 'spread', people, 60);
    const caches = people.map((p) => cacheOf(w, p));
    const made = people.map(() => 0);
    for (const round of ['r1', 'r2', 'r3']) {
      caches.forEach((c, i) => (made[i]! += review(c, round)));
      // Everyone at once, reviewer i through node i % 3: writers on every node.
      const results = await Promise.all(caches.map(async (cache, i) => syncUntilSent(cache, people[i]!, ports[i % 3]!)));
      for (const messages of results) for (const m of messages) expect(m).toMatch(/^the server is busy; your work is kept/);
      // Right after the push, the same person pulls from the next node: it sees every row.
      await Promise.all(
        people.map(async (p, i) => {
          const s = await openCentralClient(loginOf(w, p, ports[(i + 1) % 3]), { poolSize: 1 });
          try {
            const page = await s.pull('0', 100_000);
            expect(page.verdicts.filter((v) => v.reviewer === p.user)).toHaveLength(made[i]!);
          } finally {
            await s.close();
          }
        }),
      );
    }
    await onNode(1, async (admin) => {
      for (const [i, p] of people.entries()) await expectCentralEqualsLocal(admin, caches[i]!, p, made[i]!);
      const [revs] = await admin.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT rev) AS d FROM (
           SELECT rev FROM humanverify UNION ALL SELECT rev FROM spec_check UNION ALL SELECT rev FROM check_batch) r`,
      );
      const { n, d } = (revs as { n: number; d: number }[])[0]!;
      expect(Number(d)).toBe(Number(n));
    });
    for (const c of caches) c.close();
  });

  it("fails a SIGKILLed node's client over to the next listed node, where its outbox lands once", async () => {
    const zoe = await reviewer(w);
    await assign(w, 'failover', [zoe], 4);
    const l = loginOf(w, zoe);
    const url = `mysql://${zoe.user}:${encodeURIComponent(zoe.password)}@${[ports[2], ports[0]].map((p) => `127.0.0.1:${p}`).join(',')}/${l.database}`;
    const env = { SPECVET_HOME: `${w.home}/zoe`, SPECVET_CENTRAL: url };
    expect((await runCli(['sync'], env)).code).toBe(0);
    const items = JSON.parse((await runCli(['items', '--json'], env)).stdout) as { obsid: number }[];
    for (const [k, item] of items.slice(0, 3).entries()) {
      const r = await runCli(['verdict', 'add', '--obsid', String(item.obsid), '--class', 'QSO', '--z', '2.1', '--comment', `before the crash ${k}`], env);
      expect(r.code, r.stderr).toBe(0);
    }

    process.kill(pids[2]!, 'SIGKILL');
    const killedAt = Date.now();
    const sync = await runCli(['sync', '--json'], env);
    const firstSync = (Date.now() - killedAt) / 1000;
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    // No data source on this machine: the note says that too, after the failover.
    const noSource = "no data source set: 4 spectrum file(s) cannot be fetched; choose one in the app's Settings (Ctrl+,) or set SPECVET_DATA";
    expect(JSON.parse(sync.stdout)).toMatchObject({ pushed: 3, error: null, note: `127.0.0.1:${ports[2]} did not answer; used 127.0.0.1:${ports[0]}; ${noSource}` });
    await waitForClusterSize(urls[0]!, 2);
    process.stderr.write(`galera: first sync after SIGKILL of node 3 took ${firstSync.toFixed(1)} s\n`);

    const landed = await onNode(1, async (c) => (await c.query('SELECT comment FROM humanverify WHERE reviewer = ? ORDER BY comment', [zoe.user]))[0] as { comment: string }[]);
    expect(landed.map((r) => r.comment)).toEqual(['before the crash 0', 'before the crash 1', 'before the crash 2']);
    // The cache is the database identity's, not the dead node's address.
    const id = await onNode(0, async (c) => ((await c.query('SELECT id FROM central_identity'))[0] as { id: string }[])[0]!.id);
    const file = resolveCacheFile(env.SPECVET_HOME, { nodes: [{ host: '127.0.0.1', port: ports[0]! }], database: l.database, user: zoe.user });
    expect(file).toBe(cacheFile(env.SPECVET_HOME, { kind: 'central', databaseId: id, user: zoe.user }));
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({ outboxPending: 0 });
  });
});

/** Syncs until the outbox is empty (at most 5 runs); returns the failure lines seen on the way. */
async function syncUntilSent(cache: ReturnType<typeof cacheOf>, p: Person, port: number): Promise<string[]> {
  const failures: string[] = [];
  for (let run = 0; run < 5; run++) {
    const r = await syncOnce(w, cache, p, { port });
    if (r.error) failures.push(r.error);
    if (!r.error && cache.counts().outboxPending === 0) return failures;
  }
  throw new Error(`${p.user}: outbox not sent after 5 syncs: ${failures.join(' | ')}`);
}
