/**
 * A sync that fails part way through the push says what did land (issue 16, finding 12): the
 * batches committed before the failure are counted in `pushed`, not reported as 0. Real
 * MariaDB; the connection is cut by a wrapper after two committed pushes.
 */
import type { PushBatch } from '../../src-main/sync/contract';
import { describe, expect, it } from 'vitest';
import { CentralError, type CentralClient } from '../../src-main/central/centralClient';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import { adminConnection } from '../central/fixtures';
import { assign, cacheOf, loginOf, overriding, reviewer, syncOnce } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 10 });

describe('a push cut off part way', () => {
  it('reports the verdicts that landed before the failure', async () => {
    const ola = await reviewer(w);
    await assign(w, 'partial', [ola], 5);
    const cache = cacheOf(w, ola);
    try {
      expect((await syncOnce(w, cache, ola)).error).toBeNull();
      const [b] = cache.listBatches();
      for (const [k, item] of cache.listItems(b!.id).entries()) {
        cache.addVerdict({ obsid: item.obsid, batchId: b!.id, class: 'STAR', subclass: '', z: 0, quality: 2, flags: [], comment: `#${k}` }, new Date(Date.now() + k));
      }
      let pushes = 0;
      const openClient = async (): Promise<CentralClient> => {
        const real = await openCentralClient(loginOf(w, ola), { poolSize: 1 });
        return overriding(real, {
          push: (x: PushBatch) => (++pushes > 2 ? Promise.reject(new CentralError('offline', 'connection lost')) : real.push(x)),
        });
      };
      const r = await syncOnce(w, cache, ola, { openClient }, { pushSize: 2 });
      expect(r.failure?.kind).toBe('offline');
      expect(r.pushed).toBe(4);
      const admin = await adminConnection(w.db);
      const [rows] = await admin.query('SELECT count(*) AS n FROM humanverify WHERE reviewer = ?', [ola.user]);
      await admin.end();
      expect(Number((rows as { n: number }[])[0]!.n)).toBe(4);
      expect(cache.counts().outboxPending).toBe(1);
    } finally {
      cache.close();
    }
  });
});
