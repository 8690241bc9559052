/**
 * A batch's due date reaches its reviewer (issue 13): set, moved and cleared by the coordinator
 * on the central server, it is in the reviewer's batch list after their next sync, and only
 * their own batches' dates travel. Real MariaDB, real cache, the real sync engine.
 */
import { describe, expect, it } from 'vitest';
import { setDueDate } from '../../src-main/central/batches';
import { createPool } from '../../src-main/central/connection';
import { useWorld } from '../support/world';
import { assign, cacheOf, loginOf, reviewer, syncOnce } from './world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });

async function due(ids: string[], date: string | null): Promise<void> {
  const pool = createPool(loginOf(w, w.coordinator), 1);
  try {
    await setDueDate(pool, ids, date);
  } finally {
    await pool.end();
  }
}

describe('due dates', () => {
  it('set, moved and cleared by the coordinator, appear in the reviewer\'s batch list after sync', async () => {
    const [ann, ben] = [await reviewer(w), await reviewer(w)];
    const plan = await assign(w, 'feb', [ann, ben], 2);
    const [annBatch, benBatch] = plan.batches.map((b) => b.id) as [string, string];
    const cache = cacheOf(w, ann);
    const dueOf = () => cache.listBatches().map((b) => [b.name, b.dueDate]);
    expect((await syncOnce(w, cache, ann)).failure ?? null).toBeNull();
    expect(dueOf()).toEqual([['feb', null]]);

    await due([annBatch, benBatch], '2026-02-01');
    await syncOnce(w, cache, ann);
    expect(dueOf()).toEqual([['feb', '2026-02-01']]);
    await due([annBatch], '2026-02-15');
    await syncOnce(w, cache, ann);
    expect(dueOf()).toEqual([['feb', '2026-02-15']]);
    await due([annBatch], null);
    await syncOnce(w, cache, ann);
    expect(dueOf()).toEqual([['feb', null]]);
    // ben's batch and its date never reach ann's cache.
    expect(cache.listBatches().map((b) => b.id)).toEqual([annBatch]);
  });
});
