/**
 * Undo across processes: a verdict that a `specvet sync` in another process is sending cannot be
 * withdrawn locally (it may already be committed centrally), because the push claims it in the
 * cache file itself. A claim left by a process killed mid-push blocks only undo, never the next
 * push, which sends the row again (idempotent by UUID) and settles the claim.
 * Real processes, one real SQLite file opened by each, real MariaDB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveCacheFile, openLocalCache, VerdictBeingSentError, type SqliteCache } from '../../src-main/cache';
import { assign, loginOf, reviewer, syncOnce, type Person } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 1, spectrographs: 2, fibers: 10 });

interface Setup {
  person: Person;
  cache: SqliteCache;
  env: NodeJS.ProcessEnv;
  ids: string[];
}

/** A reviewer with three unsent verdicts in a cache file that a child `specvet sync` will share. */
async function setup(name: string): Promise<Setup> {
  const person = await reviewer(w);
  await assign(w, name, [person], 3);
  const login = loginOf(w, person);
  const env = {
    PATH: process.env.PATH,
    SPECVET_HOME: `${w.home}/${name}`,
    SPECVET_CENTRAL: `mysql://${encodeURIComponent(person.user)}:${encodeURIComponent(person.password)}@${login.host}:${login.port}/${login.database}`,
  };
  const cache = openLocalCache(resolveCacheFile(env.SPECVET_HOME, { nodes: [login], database: login.database, user: login.user }), person.user);
  expect((await syncOnce(w, cache, person)).error).toBeNull();
  const [batch] = cache.listBatches();
  const ids = cache.listItems(batch!.id).map(
    (item, k) => cache.addVerdict({ obsid: item.obsid, batchId: batch!.id, class: 'STAR', subclass: '', z: k, quality: 2, flags: [], comment: `v${k}` }, new Date(Date.now() + k)).id,
  );
  return { person, cache, env, ids };
}

function cliSync(env: NodeJS.ProcessEnv): { child: ChildProcess; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['bin/specvet.mjs', 'sync'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  return { child, exit };
}

/**
 * Holds the central revision counter's row lock: every push waits on it inside its transaction,
 * after it claimed its rows and sent them — a push caught mid-flight, for as long as we like.
 */
async function holdPushes(): Promise<() => Promise<void>> {
  await w.admin.query('START TRANSACTION');
  await w.admin.query('SELECT rev FROM sync_rev WHERE id = 1 FOR UPDATE');
  return async () => void (await w.admin.query('ROLLBACK'));
}

/** Until a push of this test database waits on the held counter (procedures show as their definer). */
async function waitForPushBlocked(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [rows] = await w.admin.query(
      "SELECT count(*) AS n FROM information_schema.processlist WHERE db = ? AND info LIKE 'UPDATE sync_rev %' AND id <> CONNECTION_ID()",
      [w.db.database],
    );
    if (Number((rows as { n: number }[])[0]!.n) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the push never reached the server');
}

async function centralCount(user: string): Promise<number> {
  const [rows] = await w.admin.query('SELECT count(*) AS n FROM humanverify WHERE reviewer = ?', [user]);
  return Number((rows as { n: number }[])[0]!.n);
}

describe('undo while another process pushes', () => {
  it('refuses the verdict a sync in another process is sending, then finds it pushed', async () => {
    const s = await setup('undo-live');
    try {
      const release = await holdPushes();
      const run = cliSync(s.env);
      try {
        await waitForPushBlocked();
        expect(() => s.cache.undoLastVerdict()).toThrow(VerdictBeingSentError);
        expect(() => s.cache.undoLastVerdict()).toThrow(/^that verdict \(on \d+\) is being sent to the central server right now .*; change it with a new verdict instead$/);
        expect(s.cache.counts().outboxPending).toBe(3); // nothing withdrawn
      } finally {
        await release();
      }
      const done = await run.exit;
      expect(done.code, done.stderr).toBe(0);
      expect(await centralCount(s.person.user)).toBe(3);
      expect(s.cache.undoLastVerdict()).toBeNull(); // all pushed: nothing left to withdraw
      expect(s.ids.map((id) => s.cache.ledger.isSending(id))).toEqual([false, false, false]);
    } finally {
      s.cache.close();
    }
  });

  it('a claim left by a process killed mid-push blocks undo, not the next push, which settles it', async () => {
    const s = await setup('undo-killed');
    try {
      const release = await holdPushes();
      const run = cliSync(s.env);
      try {
        await waitForPushBlocked();
        run.child.kill('SIGKILL');
        expect((await run.exit).code).toBeNull();
      } finally {
        await release();
      }
      // Killed mid-push: this process cannot know whether central committed, so undo stays refused.
      expect(() => s.cache.undoLastVerdict()).toThrow(VerdictBeingSentError);
      expect(await centralCount(s.person.user)).toBe(0);
      // The dead claim does not hold the rows back: the next sync sends them, once each.
      expect(await syncOnce(w, s.cache, s.person)).toMatchObject({ error: null, pushed: 3 });
      expect(await centralCount(s.person.user)).toBe(3);
      expect(s.ids.map((id) => s.cache.ledger.isSending(id))).toEqual([false, false, false]);
      expect(s.cache.undoLastVerdict()).toBeNull();
    } finally {
      s.cache.close();
    }
  });
});

describe('two handles on one cache file', () => {
  it('a verdict undone between reading the outbox and claiming it is not sent; a rolled-back push frees undo again', async () => {
    const s = await setup('undo-handles');
    const other = openLocalCache(s.cache.file, s.person.user);
    try {
      const read = other.ledger.outbox({ verdicts: 10, problems: 0, bookmarks: 0 });
      expect(read.verdicts.map((v) => v.id)).toEqual(s.ids);
      expect(s.cache.undoLastVerdict()?.id).toBe(s.ids[2]);
      const claimed = other.ledger.claim(read);
      expect(claimed.verdicts.map((v) => v.id)).toEqual(s.ids.slice(0, 2));
      expect(() => s.cache.undoLastVerdict()).toThrow(VerdictBeingSentError);
      other.ledger.release(claimed); // the server answered with a rollback: nothing of it landed
      expect(s.cache.undoLastVerdict()?.id).toBe(s.ids[1]);
    } finally {
      other.close();
      s.cache.close();
    }
  });
});
