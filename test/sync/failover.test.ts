/**
 * Issue 16, finding 13: failing over must not strand work. A reviewer's cache was made by an
 * older SpecVet under one node's address; that node dies; they list the nodes of the cluster
 * and sync. The cache is found through the database's identity, carried over, and its unsent
 * verdicts land on the node that answered — once. (One real MariaDB; its "nodes" are a TCP
 * proxy, which dies, and the server's own port. test/cluster/ does the same on real Galera.)
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { addressOrigin, cacheFile, openLocalCache, resolveCacheFile } from '../../src-main/cache';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import { runCli } from '../support/cli';
import { CuttingProxy } from './proxy';
import { useWorld } from '../support/world';
import { assign, loginOf, reviewer, syncOnce, type Person } from './world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 8 });
let ivy: Person;

beforeAll(async () => {
  ivy = await reviewer(w);
  await assign(w, 'failover', [ivy], 5);
});

const url = (ports: number[]) => {
  const l = loginOf(w, ivy);
  return `mysql://${ivy.user}:${encodeURIComponent(ivy.password)}@${ports.map((p) => `${l.host}:${p}`).join(',')}/${l.database}`;
};

async function centralVerdicts(): Promise<{ comment: string }[]> {
  const admin = await mysql.createConnection(w.db.url);
  try {
    const [rows] = await admin.query('SELECT comment FROM humanverify WHERE reviewer = ? ORDER BY comment', [ivy.user]);
    return rows as { comment: string }[];
  } finally {
    await admin.end();
  }
}

describe('a cache keyed by an address, after its node died', () => {
  it('is carried over to the database identity and its unsent verdicts pushed through the next node, once', async () => {
    const l = loginOf(w, ivy);
    const home = `${w.home}/failover`;
    const dying = new CuttingProxy(l.host, l.port);
    await dying.start();
    // What an older SpecVet left: the cache under the node's address, pulled, 3 verdicts unsent.
    const oldFile = cacheFile(home, addressOrigin({ host: l.host, port: dying.port, database: l.database, user: ivy.user }));
    const old = openLocalCache(oldFile, ivy.user);
    expect((await syncOnce(w, old, ivy, { port: dying.port })).error).toBeNull();
    const [batch] = old.listBatches();
    for (const [k, item] of old.listItems(batch!.id).slice(0, 3).entries()) {
      old.addVerdict({ obsid: item.obsid, batchId: batch!.id, class: 'GALAXY', subclass: '', z: 0.1, quality: 3, flags: [], comment: `unsent ${k}` }, new Date());
    }
    old.close();
    await dying.stop();

    const env = { SPECVET_HOME: home, SPECVET_CENTRAL: url([dying.port, l.port]) };
    const sync = await runCli(['sync'], env);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/3 change\(s\) pushed/);
    expect(sync.stdout).toContain(`${l.host}:${dying.port} did not answer; used ${l.host}:${l.port}`);
    expect((await centralVerdicts()).map((v) => v.comment)).toEqual(['unsent 0', 'unsent 1', 'unsent 2']);

    // The cache now lives under the identity, and the old address key holds nothing.
    const s = await openCentralClient(l, { poolSize: 1 });
    const { databaseId } = await s.server();
    await s.close();
    const moved = resolveCacheFile(home, { nodes: [{ host: l.host, port: l.port }], database: l.database, user: ivy.user });
    expect(moved).toBe(cacheFile(home, { kind: 'central', databaseId, user: ivy.user }));
    expect(existsSync(oldFile)).toBe(false);
    // Pointing at the live node alone finds the same cache: nothing pending, nothing sent twice.
    const status = await runCli(['status', '--json'], { SPECVET_HOME: home, SPECVET_CENTRAL: url([l.port]) });
    expect(JSON.parse(status.stdout)).toMatchObject({ outboxPending: 0, items: 5 });
    expect((await runCli(['sync'], { SPECVET_HOME: home, SPECVET_CENTRAL: url([l.port]) })).code).toBe(0);
    expect(await centralVerdicts()).toHaveLength(3);
  });

  it('names every node when none answers, and keeps the work', async () => {
    const dead = [new CuttingProxy('127.0.0.1', 9), new CuttingProxy('127.0.0.1', 9)];
    for (const p of dead) await p.start();
    const ports = dead.map((p) => p.port);
    for (const p of dead) await p.stop();
    const r = await runCli(['sync'], { SPECVET_HOME: `${w.home}/nobody`, SPECVET_CENTRAL: url(ports) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`specvet: offline: cannot reach any of 127.0.0.1:${ports[0]}, 127.0.0.1:${ports[1]}; your work is kept and will be pushed on the next sync`);
  });
});
