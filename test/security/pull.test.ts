/**
 * Issue 16, finding 5 (the pull side): a colleague's large verdicts cannot make someone's sync
 * take hundreds of MB. A pull page carries at most a byte budget of verdict text, whether the
 * verdicts arrive as changes or as the history of newly assigned spectra, and every verdict
 * still arrives, once.
 */
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatches } from '../../src-main/central/batches';
import type { CentralVerdict } from '../../src-main/sync/contract';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { addPerson, connectAs, newId, poolAs as poolOf, seed, sessionAs, type Person } from '../central/fixtures';

const SPECTRA = 40;
// 20,000 four-byte characters (the server's cap on a comment) and 4,000 characters of flags.
const BIG_COMMENT = '😀'.repeat(20_000);
const BIG_FLAGS = JSON.stringify(['x'.repeat(3_990)]);
const BUDGET = 1_000_000;

let db: TestDatabase;
let mallory: Person, bob: Person, carl: Person, carol: Person;
/** Carl's watermark before he is given the spectra: past mallory's verdicts, which he could not see then. */
let carlSince: string;
const pools: Pool[] = [];
const poolAs = (p: Person) => {
  const pool = poolOf(db, p);
  pools.push(pool);
  return pool;
};
const assignAll = async (p: Person, name: string) => (await createBatches(poolAs(carol), { name, assignees: [p.user], mode: 'single', criteria: {} })).batches[0]!;
const textBytes = (v: CentralVerdict) => Buffer.byteLength(v.comment) + Buffer.byteLength(JSON.stringify(v.flags)) + Buffer.byteLength(v.subclass);

/** The verdicts of every page of `p`'s pull from `since`, and the watermark it ends at. */
async function pullAll(p: Person, since = '0') {
  const session = await sessionAs(db, p, { maxPageBytes: BUDGET });
  const pages: CentralVerdict[][] = [];
  try {
    for (let more = true; more; ) {
      const page = await session.pull(since, 1000);
      pages.push(page.verdicts);
      ({ rev: since, more } = page);
    }
  } finally {
    await session.close();
  }
  return { pages, since };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db, { plans: 1, spectrographs: 1, fibers: SPECTRA });
  [mallory, bob, carl, carol] = await Promise.all([
    addPerson(db, 'reviewer', 'mallory'), addPerson(db, 'reviewer', 'bob'), addPerson(db, 'reviewer', 'carl'), addPerson(db, 'coordinator', 'carol'),
  ]);
  const theirs = await assignAll(mallory, 'all');
  await assignAll(bob, 'all');
  const rows = theirs.obsids.map((obsid) => ({
    id: newId(), obsid, batchId: theirs.id, class: 'GALAXY', subclass: '', z: 0.1, quality: 2, flags: BIG_FLAGS, comment: BIG_COMMENT, supersedes: null, createdAt: '2024-01-01 00:00:00.000',
  }));
  const c = await connectAs(db, mallory);
  await c.execute('CALL push_verdicts(?)', [JSON.stringify(rows)]);
  await c.end();
  // Carl has synced past mallory's verdicts before he is given the spectra: they reach him as history.
  carlSince = (await pullAll(carl)).since;
  await assignAll(carl, 'all');
}, 120_000);

afterAll(async () => {
  for (const p of pools) await p.end();
  await db.cleanup();
});

describe("a colleague's large verdicts (finding 5)", () => {
  for (const [who, since, how] of [[() => bob, () => '0', 'as changes'], [() => carl, () => carlSince, 'as the history of newly assigned spectra']] as const) {
    it(`arrive ${how} in pages of at most the byte budget, every one once`, async () => {
      const { pages } = await pullAll(who(), since());
      const mine = pages.map((page) => page.filter((v) => v.reviewer === mallory.user));
      const largest = Math.max(...mine[0]!.map(textBytes));
      for (const page of mine) expect(page.map(textBytes).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BUDGET + largest);
      expect(mine.filter((page) => page.length > 0).length).toBeGreaterThan(1);
      const ids = mine.flat().map((v) => v.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(SPECTRA);
    });
  }
});
