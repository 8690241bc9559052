/**
 * Sync tests in the world of test/support/world.ts (a migrated database with survey rows and
 * a coordinator on the real MariaDB): reviewers with batches, and each reviewer's local cache
 * wired to the real sync engine (the central area's CentralClient over mysql2).
 */
import type { Connection } from 'mysql2/promise';
import { expect } from 'vitest';
import { join } from 'node:path';
import { QUALITIES } from '../../shared/model';
import { openLocalCache, type SqliteCache } from '../../src-main/cache';
import { createBatches } from '../../src-main/central/batches';
import { addressFromUrl, createPool } from '../../src-main/central/connection';
import { openCentralClient } from '../../src-main/central/mysqlClient';
import type { CentralClient, CentralLogin } from '../../src-main/central/centralClient';
import { runSync, type SyncDeps, type SyncOptions, type SyncResult } from '../../src-main/sync/engine';
import { addPerson, type Person } from '../central/fixtures';
import type { World } from '../support/world';

export function loginOf(w: World, p: Pick<Person, 'user' | 'password'>, port?: number): CentralLogin {
  const a = addressFromUrl(w.db.url);
  return { host: a.host, port: port ?? a.port, database: w.db.database, user: p.user, password: p.password };
}

/** Assigns `limit` spectra (criteria as `batch create` takes them) to each reviewer, split evenly. */
export async function assign(w: World, name: string, reviewers: Person[], limit: number, mode: 'single' | 'browse' = 'single') {
  const pool = createPool(loginOf(w, w.coordinator), 2);
  try {
    return await createBatches(pool, { name, assignees: reviewers.map((r) => r.user), mode, criteria: { limit } });
  } finally {
    await pool.end();
  }
}

export async function reviewer(w: World): Promise<Person> {
  return addPerson(w.db, 'reviewer');
}

export function cacheOf(w: World, p: Person, device = 'laptop'): SqliteCache {
  return openLocalCache(join(w.home, device, `${p.user}.sqlite`), p.user);
}

export function syncOnce(w: World, cache: SqliteCache, p: Pick<Person, 'user' | 'password'>, extra: Partial<SyncDeps> & { port?: number } = {}, opts: SyncOptions = {}): Promise<SyncResult> {
  const login = loginOf(w, p, extra.port);
  return runSync(
    {
      cache,
      openClient: () => openCentralClient(login, { poolSize: 1 }),
      server: { host: login.host, port: login.port },
      files: null,
      clock: () => new Date(),
      ...extra,
    },
    opts,
  );
}

/** Adds one verdict per item (some twice: a superseding change), as a reviewer would. */
export function review(cache: SqliteCache, tag: string): number {
  let n = 0;
  for (const b of cache.listBatches()) {
    for (const [k, item] of cache.listItems(b.id).entries()) {
      const input = { obsid: item.obsid, batchId: b.id, class: 'STAR' as const, subclass: tag, z: k / 1e4, quality: QUALITIES[1 + (k % 4)]!, flags: [], comment: `${tag} #${k} ${'x'.repeat(k % 50)}` };
      cache.addVerdict(input, new Date(Date.now() + k));
      n++;
      if (k % 7 === 0) {
        cache.addVerdict({ ...input, class: 'GALAXY', z: 0.2 }, new Date(Date.now() + k + 1));
        n++;
      }
    }
  }
  return n;
}

/** Central rows of a reviewer, compared with the local ones field by field. */
export async function expectCentralEqualsLocal(admin: Connection, cache: SqliteCache, p: Person, count: number) {
  const [rows] = await admin.query(
    'SELECT id, obsid, batch_id, class, subclass, z, quality, comment, supersedes FROM humanverify WHERE reviewer = ? ORDER BY id',
    [p.user],
  );
  const central = (rows as Record<string, unknown>[]).map((r): Record<string, unknown> => ({ ...r, obsid: Number(r.obsid) }));
  const local = cache.listBatches().flatMap((b) => cache.listItems(b.id).flatMap((i) => cache.verdictHistory(i.obsid)));
  const unique = new Map(local.filter((v) => v.reviewer === p.user).map((v) => [v.id, v]));
  expect(central).toHaveLength(count);
  expect(unique.size).toBe(count);
  for (const r of central) {
    const v = unique.get(String(r.id));
    expect(v, String(r.id)).toBeDefined();
    expect(r).toEqual({ id: v!.id, obsid: v!.obsid, batch_id: v!.batchId, class: v!.class, subclass: v!.subclass, z: v!.z, quality: v!.quality, comment: v!.comment, supersedes: v!.supersedes });
  }
  expect(cache.counts().outboxPending).toBe(0);
}

export { type Person, type World };

/**
 * `real` with some of its methods replaced (a server that fails at a chosen step): every other
 * call goes to `real` itself, so the wrapper shares its connection and closes it.
 */
export function overriding(real: CentralClient, over: Partial<CentralClient>): CentralClient {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key in over) return over[key as keyof CentralClient];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
