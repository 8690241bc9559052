import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFile, openLocalCache } from '../../src-main/cache';
import { runCli } from '../support/cli';
import { batchOf, itemsOf, page } from '../cache/pages';

let home: string;
let env: NodeJS.ProcessEnv;
const batch = batchOf({ name: 'gal-1', mode: 'single' });
const other = batchOf({ name: 'stars-2', mode: 'browse', createdAt: '2026-11-03T00:00:00.000Z' });

function openAsAlice() {
  return openLocalCache(cacheFile(home, { kind: 'central-address', host: '127.0.0.1', port: 9, database: 'specvet', user: 'alice' }), 'alice');
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-cli-'));
  env = { SPECVET_HOME: home, SPECVET_CENTRAL: 'mysql://alice@127.0.0.1:9/specvet' };
  const cache = openAsAlice();
  cache.applyPullPage(
    page({ batches: [batch, other], items: [...itemsOf(batch.id, 3, 100, { class: 'GALAXY', subclass: '', z: 0.12 }), ...itemsOf(other.id, 2, 200)], rev: '3' }),
  );
  cache.close();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('specvet status / items / verdict add / problem add', () => {
  it('status --json reports the local cache', async () => {
    const r = await runCli(['status', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      user: 'alice',
      server: 'mysql://alice@127.0.0.1:9/specvet',
      batches: 2,
      items: 5,
      filesCached: 0,
      outboxPending: 0,
      outboxRefused: 0,
      pulledSetAside: 0,
      lastSync: null,
      lastError: null,
      setAside: [],
      damagedCaches: [],
    });
  });

  it('verdict add goes to the outbox and shows as reviewed in items', async () => {
    const add = await runCli(['verdict', 'add', '--obsid', '101', '--class', 'qso', '--z', '2.25', '--quality', '4', '--flag', 'cosmic-ray', '--comment', 'Lyα at 3950', '--json'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ obsid: 101, batchId: batch.id, class: 'QSO', z: 2.25, quality: 4, flags: ['cosmic-ray'], comment: 'Lyα at 3950', pushed: false });
    const items = await runCli(['items', '--batch', 'gal-1', '--json'], env);
    expect(JSON.parse(items.stdout)).toEqual([
      { obsid: 100, batch: 'gal-1', mode: 'single', planid: 'PLAN0', spid: 1, fiberid: 1, reviewed: false },
      { obsid: 101, batch: 'gal-1', mode: 'single', planid: 'PLAN1', spid: 2, fiberid: 2, reviewed: true },
      { obsid: 102, batch: 'gal-1', mode: 'single', planid: 'PLAN2', spid: 3, fiberid: 3, reviewed: false },
    ]);
    expect(JSON.parse((await runCli(['items', '--json'], env)).stdout)).toHaveLength(5);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout).outboxPending).toBe(1);
    // Accepting the pipeline's class keeps its subclass and z, as Enter does in the UI.
    const accept = await runCli(['verdict', 'add', '--obsid', '200', '--class', 'STAR', '--json'], env);
    expect(JSON.parse(accept.stdout)).toMatchObject({ class: 'STAR', subclass: 'G2', z: 0, quality: 0 });
  });

  it('verdict add rejects bad input with a clear message and records nothing', async () => {
    const badQ = await runCli(['verdict', 'add', '--obsid', '101', '--class', 'STAR', '--quality', '7'], env);
    expect(badQ).toMatchObject({ code: 2, stderr: 'specvet: --quality must be a whole number from 0 to 4, got 7 (see specvet verdict add --help)\n' });
    expect((await runCli(['verdict', 'add', '--obsid', '101', '--class', 'STAR', '--quality', 'high'], env)).stderr).toMatch(/^specvet: --quality must be a whole number from 0 to 4, got "high" /);
    expect((await runCli(['verdict', 'add', '--obsid', '101', '--class', 'STAR', '--z', '9'], env)).stderr).toMatch(/^specvet: --z must be a number from -0\.1 to 8, got 9 /);
    const badClass = await runCli(['verdict', 'add', '--obsid', '101', '--class', 'PLANET'], env);
    expect(badClass.code).toBe(2);
    expect(badClass.stderr).toMatch(/--class/);
    const unknown = await runCli(['verdict', 'add', '--obsid', '999', '--class', 'STAR'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/999 is in none of your batches/);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout).outboxPending).toBe(0);
  });

  it('problem add records a fibre-range report; a bad range is a one-line usage error', async () => {
    const ok = await runCli(['problem', 'add', '--planid', 'PLAN1', '--spid', '2', '--fibers', '20-45', '--type', 'stray-light', '--origin', '2d', '--text', "can't trust", '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ lmjd: 58001, planid: 'PLAN1', spid: 2, fiberFrom: 20, fiberTo: 45, origin: '2d', text: "can't trust", reporter: 'alice' });
    for (const fibers of ['45-20', '20-', 'abc', '0-3']) {
      const bad = await runCli(['problem', 'add', '--planid', 'PLAN1', '--spid', '2', '--fibers', fibers, '--type', 't', '--origin', 'raw'], env);
      expect(bad.code, fibers).toBe(2);
      expect(bad.stderr, fibers).toMatch(/^specvet: --fibers[^\n]* \(see specvet problem add --help\)\n$/);
    }
    for (const spid of ['x', '0', '2.5']) {
      const bad = await runCli(['problem', 'add', '--planid', 'PLAN1', '--spid', spid, '--fibers', '3', '--type', 't', '--origin', 'raw'], env);
      expect(bad.code, spid).toBe(2);
      expect(bad.stderr, spid).toMatch(/^specvet: --spid[^\n]*\n$/);
    }
    const badOrigin = await runCli(['problem', 'add', '--planid', 'PLAN1', '--spid', '2', '--fibers', '3', '--type', 't', '--origin', 'cooked'], env);
    expect(badOrigin.code).toBe(2);
    expect(badOrigin.stderr).toMatch(/--origin/);
    const noPlan = await runCli(['problem', 'add', '--planid', 'NOPE', '--spid', '2', '--fibers', '3', '--type', 't', '--origin', 'raw'], env);
    expect(noPlan.code).toBe(1);
    expect(noPlan.stderr).toMatch(/--lmjd/);
    // A night the central INT column cannot hold is refused here, not clamped by the server.
    const farNight = await runCli(['problem', 'add', '--planid', 'PLAN1', '--spid', '2', '--fibers', '3', '--type', 't', '--origin', 'raw', '--lmjd', '3000000000'], env);
    expect(farNight.code).toBe(2);
    expect(farNight.stderr).toMatch(/--lmjd/);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout).outboxPending).toBe(1);
  });

  it('items --batch with an unknown name lists the batches there are', async () => {
    const r = await runCli(['items', '--batch', 'nope'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no batch named "nope"; yours: gal-1, stars-2/);
  });

  it('sync --json that cannot reach the server prints the failure as JSON', async () => {
    const r = await runCli(['sync', '--json'], { ...env, SPECVET_CENTRAL: 'mysql://alice@127.0.0.1:1/specvet' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ pushed: 0, error: expect.stringMatching(/^offline: cannot reach 127\.0\.0\.1:1;/) });
  });
});
