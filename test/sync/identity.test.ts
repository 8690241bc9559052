/**
 * A cache belongs to one central database (issue 16's last risk): when the address it syncs with
 * reaches a database with another identity — reinstalled, or another server under the same
 * name — the sync refuses in one line, sends nothing and keeps every unsent verdict.
 */
import mysql from 'mysql2/promise';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world';
import { assign, cacheOf, reviewer, review, syncOnce, type Person } from './world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 6 });
let jo: Person;

beforeAll(async () => {
  jo = await reviewer(w);
  await assign(w, 'identity', [jo], 4);
});

async function central<T>(sql: string, params: unknown[] = []): Promise<T> {
  const admin = await mysql.createConnection(w.db.url);
  try {
    return (await admin.query(sql, params))[0] as T;
  } finally {
    await admin.end();
  }
}

describe('a cache synced with a database that was replaced', () => {
  it('refuses to sync, says what happened and keeps the unsent verdicts; the same database syncs again', async () => {
    const cache = cacheOf(w, jo);
    expect((await syncOnce(w, cache, jo)).error).toBeNull();
    const unsent = review(cache, 'before-replacement');
    expect(unsent).toBeGreaterThan(0);
    const [{ id: original }] = await central<{ id: string }[]>('SELECT id FROM central_identity');
    await central("UPDATE central_identity SET id = UUID()");
    try {
      const r = await syncOnce(w, cache, jo);
      expect(r.error).toMatch(new RegExp(`is now another SpecVet database \\(\\w{8}, this cache's is ${original.slice(0, 8)}\\); nothing was sent and your ${unsent} unsent changes are kept here`));
      expect(r.pushed).toBe(0);
      expect(cache.ledger.outboxPending()).toBe(unsent);
      expect(await central<unknown[]>('SELECT 1 FROM humanverify WHERE reviewer = ?', [jo.user])).toHaveLength(0);
    } finally {
      await central('UPDATE central_identity SET id = ?', [original]);
    }
    const again = await syncOnce(w, cache, jo);
    expect(again.error).toBeNull();
    expect(again.pushed).toBe(unsent);
    cache.close();
  });
});
