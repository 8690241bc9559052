/**
 * Central push: 10,000 verdicts through CentralClient.push (one transaction), and the same
 * 10,000 again (all duplicates, which must land nowhere). Runs against a throwaway MariaDB
 * unless MYSQL_URL names a server.
 */
import type { Benchmark, Result } from './benchmark';
import type { CentralClient } from '../src-main/central/centralClient';
import type { PushBatch } from '../src-main/sync/contract';
import { createBatches } from '../src-main/central/batches';
import { addressFromUrl, createPool } from '../src-main/central/connection';
import { createTestDatabase, useOrStartMariaDb, type TestDatabase } from '../test/support/mariadb';
import { addPerson, seed, sessionAs } from '../test/central/fixtures';

const VERDICTS = 10_000;
const ROUNDS = 5;

interface World {
  session: CentralClient;
  batchId: string;
  obsids: number[];
  close(): Promise<void>;
}

async function world(plans = 4): Promise<World> {
  const server = await useOrStartMariaDb();
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase({ adminUrl: server.url });
    await seed(db, { plans, spectrographs: 10, fibers: 250 });
    const [reviewer, coordinator] = await Promise.all([addPerson(db, 'reviewer', 'bench'), addPerson(db, 'coordinator', 'benchco')]);
    const a = addressFromUrl(db.url);
    const pool = createPool({ host: a.host, port: a.port, database: db.database, user: coordinator.user, password: coordinator.password }, 1);
    const plan = await createBatches(pool, { name: 'bench', assignees: [reviewer.user], mode: 'browse', criteria: {} });
    await pool.end();
    const session = await sessionAs(db, reviewer);
    const made = db;
    return {
      session,
      batchId: plan.batches[0]!.id,
      obsids: plan.batches[0]!.obsids,
      async close() {
        await session.close();
        await made.cleanup();
        await server.stop();
      },
    };
  } catch (err) {
    await db?.cleanup().catch(() => {});
    await server.stop();
    throw err;
  }
}

function verdicts(w: World): PushBatch {
  const now = new Date().toISOString();
  return {
    verdicts: w.obsids.slice(0, VERDICTS).map((obsid, i) => ({
      id: crypto.randomUUID(), obsid, batchId: w.batchId, class: i % 3 === 0 ? 'GALAXY' : 'STAR', subclass: 'G2', z: 0.0123, quality: 3,
      flags: i % 10 === 0 ? ['sky-residual'] : [], comment: i % 50 === 0 ? 'broad Hα, check z' : '', supersedes: null, createdAt: now,
    })),
    problems: [],
    bookmarks: [],
  };
}

async function measure(repeat: boolean): Promise<Result> {
  const w = await world();
  try {
    const samples: number[] = [];
    await w.session.push(verdicts(w)); // warm-up: connection, prepared statements
    for (let round = 0; round < ROUNDS; round++) {
      const batch = verdicts(w);
      if (repeat) await w.session.push(batch);
      const t0 = performance.now();
      await w.session.push(batch);
      samples.push((performance.now() - t0) / 1000);
    }
    return { samples, note: `${VERDICTS} verdicts per push` };
  } finally {
    await w.close();
  }
}

/** The central half of a first sync: 100,000 assigned items through CentralClient.pull in
 * pages of 10,000 (the sync engine's pull into SQLite adds its own writes on top). */
async function measurePull(): Promise<Result> {
  const w = await world(40);
  try {
    const samples: number[] = [];
    for (let round = 0; round < 4; round++) {
      const t0 = performance.now();
      let rev = '0';
      let items = 0;
      for (;;) {
        const page = await w.session.pull(rev, 10_000);
        items += page.items.length;
        rev = page.rev;
        if (!page.more) break;
      }
      samples.push((performance.now() - t0) / 1000);
      if (items !== w.obsids.length) throw new Error(`pulled ${items} items, expected ${w.obsids.length}`);
    }
    return { samples, note: `${w.obsids.length} items, pages of 10,000` };
  } finally {
    await w.close();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'central: pull 100,000 items (server side, no cache)', unit: 's', target: null, run: measurePull },
  { name: 'central: push 10,000 verdicts', unit: 's', target: { kind: 'max', value: 0.5 }, run: () => measure(false) },
  { name: 'central: push 10,000 verdicts again (all duplicates)', unit: 's', target: { kind: 'max', value: 0.5 }, run: () => measure(true) },
];
