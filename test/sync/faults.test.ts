/** Network faults and many reviewers at once, against the real MariaDB. */
import { describe, expect, it } from 'vitest';
import { addressFromUrl } from '../../src-main/central/connection';
import { CuttingProxy } from './proxy';
import { assign, cacheOf, expectCentralEqualsLocal, review, reviewer, syncOnce } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 4, spectrographs: 4, fibers: 50 });

describe('network faults', () => {
  it('connections cut mid-pull and mid-push: the next sync converges, nothing lost or doubled', async () => {
    const erin = await reviewer(w);
    await assign(w, 'cut', [erin], 120);
    const a = addressFromUrl(w.db.url);
    const proxy = new CuttingProxy(a.host, a.port);
    await proxy.start();
    const cache = cacheOf(w, erin);
    try {
      // Mid-pull: small pages, the connection dies after some kilobytes of answers.
      proxy.arm('down', 6000);
      const cutPull = await syncOnce(w, cache, erin, { port: proxy.port }, { pageSize: 10 });
      expect(cutPull.error).toMatch(/^offline: cannot reach 127\.0\.0\.1:/);
      expect(cache.counts().items).toBeLessThan(120);
      expect((await syncOnce(w, cache, erin, { port: proxy.port }, { pageSize: 10 })).error).toBeNull();
      expect(cache.counts().items).toBe(120);

      const total = review(cache, 'cut');
      // Mid-push, both ways: a request cut short (rolled back) and an answer cut short
      // (committed centrally, not marked locally: pushed again, landing once).
      let failures = 0;
      for (let round = 0; round < 8 && cache.counts().outboxPending > 0; round++) {
        proxy.arm(round % 2 ? 'down' : 'up', 3000 + Math.floor(Math.random() * 20_000));
        const r = await syncOnce(w, cache, erin, { port: proxy.port }, { pushSize: 15 });
        if (r.error) {
          expect(r.error).toMatch(/^offline: /);
          failures++;
        }
      }
      expect(failures).toBeGreaterThan(0);
      proxy.disarm();
      expect((await syncOnce(w, cache, erin, { port: proxy.port }, { pushSize: 15 })).error).toBeNull();
      expect(proxy.cuts).toBeGreaterThan(1);
      await expectCentralEqualsLocal(w.admin, cache, erin, total);
    } finally {
      cache.close();
      await proxy.stop();
    }
  });
});

describe('many reviewers', () => {
  it('50 reviewers syncing and pushing at once: no lost or duplicated row', async () => {
    const people = await Promise.all(Array.from({ length: 50 }, () => reviewer(w)));
    await assign(w, 'crowd', people, 50 * 12);
    const caches = people.map((p) => cacheOf(w, p));
    try {
      const pulled = await Promise.all(people.map((p, k) => syncOnce(w, caches[k]!, p)));
      expect(pulled.map((r) => r.error)).toEqual(people.map(() => null));
      expect(caches.map((c) => c.counts().items)).toEqual(people.map(() => 12));
      const made = caches.map((c, k) => review(c, `r${k}`));
      const pushed = await Promise.all(people.map((p, k) => syncOnce(w, caches[k]!, p, {}, { pushSize: 5 })));
      expect(pushed.map((r) => r.error)).toEqual(people.map(() => null));
      expect(pushed.map((r) => r.pushed)).toEqual(made);
      for (const [k, p] of people.entries()) await expectCentralEqualsLocal(w.admin, caches[k]!, p, made[k]!);
      const [dups] = await w.admin.query('SELECT count(*) AS n, count(DISTINCT id) AS d FROM humanverify');
      const { n, d } = (dups as { n: number; d: number }[])[0]!;
      expect(Number(n)).toBe(Number(d));
    } finally {
      for (const c of caches) c.close();
    }
  });
});
