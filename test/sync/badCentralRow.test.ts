/**
 * One bad central row must not block a sync (issue 16, finding 8): a spectrum without a
 * target_info row has NULL ra/dec centrally; the cache takes it. A row the cache still cannot
 * take is set aside with its reason (status shows it) while the rest syncs, and the push
 * happens even when the pull fails. Real MariaDB, real SQLite files, the CLI in-process.
 */
import type { PushBatch } from '../../src-main/sync/contract';
import { describe, expect, it } from 'vitest';
import { CentralError, type CentralClient } from '../../src-main/central/centralClient';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import { runCli } from '../support/cli';
import { assign, cacheOf, loginOf, overriding, reviewer, syncOnce, type Person, type World } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 2, spectrographs: 2, fibers: 10 });

async function centralVerdicts(user: string): Promise<string[]> {
  const [rows] = await w.admin.query('SELECT id FROM humanverify WHERE reviewer = ? ORDER BY id', [user]);
  return (rows as { id: string }[]).map((r) => r.id);
}

const verdictOn = (batchId: string, obsid: number) => ({ obsid, batchId, class: 'STAR' as const, subclass: 'K0', z: 0.001, quality: 3 as const, flags: [], comment: 'pending' });

/** The person's client, with its pull replaced: a pull that fails for a reason no retry fixes. */
function failingPull(w: World, p: Person) {
  return async (): Promise<CentralClient> => {
    const real = await openCentralClient(loginOf(w, p), { poolSize: 1 });
    return overriding(real, { pull: () => Promise.reject(new Error('page 1 could not be read')) });
  };
}

describe('a spectrum without a target_info row', () => {
  it('syncs with ra/dec missing, and the pending verdict is pushed in the same sync', async () => {
    const kim = await reviewer(w);
    await assign(w, 'first', [kim], 3);
    const cache = cacheOf(w, kim);
    try {
      expect((await syncOnce(w, cache, kim)).error).toBeNull();
      const [first] = cache.listBatches();
      const pending = cache.addVerdict(verdictOn(first!.id, cache.listItems(first!.id)[0]!.obsid), new Date());
      // The survey lost those spectra's target_info rows; a batch made of them now has NULL ra/dec.
      await w.admin.query('DELETE t FROM target_info t JOIN spec_check s USING (lmjd, planid, spid, fiberid)');
      await assign(w, 'second', [kim], 3);
      const [[nulls]] = (await w.admin.query("SELECT count(*) AS n FROM spec_check s JOIN check_batch b ON b.id = s.batch_id WHERE b.name = 'second' AND s.ra IS NULL")) as unknown as [[{ n: number }]];
      expect(Number(nulls.n)).toBe(3);

      const r = await syncOnce(w, cache, kim);
      expect(r).toMatchObject({ error: null, pushed: 1 });
      expect(await centralVerdicts(kim.user)).toEqual([pending.id]);
      const second = cache.listBatches().find((b) => b.name === 'second')!;
      const items = cache.listItems(second.id);
      expect(items).toHaveLength(3);
      for (const i of items) expect(i).toMatchObject({ ra: null, dec: null });
      expect(cache.listSetAside()).toEqual([]);
    } finally {
      cache.close();
    }
  });
});

describe('a pull that fails', () => {
  it('does not keep the outbox from being pushed; the sync still reports the failure', async () => {
    const lea = await reviewer(w);
    await assign(w, 'pull-fails', [lea], 3);
    const cache = cacheOf(w, lea);
    try {
      expect((await syncOnce(w, cache, lea)).error).toBeNull();
      const [b] = cache.listBatches();
      const v = cache.addVerdict(verdictOn(b!.id, cache.listItems(b!.id)[1]!.obsid), new Date());
      const r = await syncOnce(w, cache, lea, { openClient: failingPull(w, lea) });
      expect(r.error).toMatch(/^sync failed: page 1 could not be read; your work is kept/);
      expect(r.pushed).toBe(1);
      expect(await centralVerdicts(lea.user)).toEqual([v.id]);
      expect(cache.counts()).toMatchObject({ outboxPending: 0, lastError: r.error });
    } finally {
      cache.close();
    }
  });

  it('an offline pull does not try to push (nothing could land)', async () => {
    const max = await reviewer(w);
    await assign(w, 'pull-offline', [max], 2);
    const cache = cacheOf(w, max);
    try {
      expect((await syncOnce(w, cache, max)).error).toBeNull();
      const [b] = cache.listBatches();
      cache.addVerdict(verdictOn(b!.id, cache.listItems(b!.id)[0]!.obsid), new Date());
      let pushes = 0;
      const openClient = async (): Promise<CentralClient> => {
        const real = await openCentralClient(loginOf(w, max), { poolSize: 1 });
        return overriding(real, { push: (x: PushBatch) => (pushes++, real.push(x)), pull: () => Promise.reject(new CentralError('offline', 'connection lost')) });
      };
      const r = await syncOnce(w, cache, max, { openClient });
      expect(r.failure?.kind).toBe('offline');
      expect(pushes).toBe(0);
      expect(cache.counts().outboxPending).toBe(1);
    } finally {
      cache.close();
    }
  });
});

describe('a central row this SpecVet cannot take', () => {
  it('is set aside with its reason while the rest syncs; status shows it', async () => {
    const noa = await reviewer(w);
    await assign(w, 'known', [noa], 2);
    // A newer central schema with a review mode this SpecVet does not know.
    await w.admin.query("ALTER TABLE check_batch MODIFY mode ENUM('single','browse','spectrograph','tile') NOT NULL");
    try {
      await assign(w, 'tiled', [noa], 2);
      await w.admin.query("UPDATE check_batch SET mode = 'tile' WHERE name = 'tiled'");
      const login = loginOf(w, noa);
      const env = {
        SPECVET_HOME: `${w.home}/cli-setaside`,
        SPECVET_CENTRAL: `mysql://${encodeURIComponent(noa.user)}:${encodeURIComponent(noa.password)}@${login.host}:${login.port}/${login.database}`,
      };
      const sync = await runCli(['sync', '--json'], env);
      expect(sync.code, sync.stderr).toBe(0);
      expect(JSON.parse(sync.stdout)).toMatchObject({ setAside: 1, error: null });
      const status = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { items: number; pulledSetAside: number; setAside: { kind: string; reason: string }[] };
      expect(status).toMatchObject({ items: 4, pulledSetAside: 1 });
      expect(status.setAside).toMatchObject([{ kind: 'batch', reason: expect.stringMatching(/CHECK constraint failed: mode/) }]);
      const text = (await runCli(['status'], env)).stdout;
      expect(text).toMatch(/1 central row\(s\) this SpecVet could not store, set aside/);
      expect(text).toMatch(/batch .*: CHECK constraint failed: mode/);
    } finally {
      await w.admin.query("ALTER TABLE check_batch MODIFY mode ENUM('single','browse','spectrograph') NOT NULL").catch(() => {});
    }
  });
});
