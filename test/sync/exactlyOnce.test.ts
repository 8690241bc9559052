/**
 * Exactly once: 1,000 verdicts pushed by `specvet sync` child processes killed with SIGKILL at
 * random points (at least 20 kills) end as exactly 1,000 central rows with identical content.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { resolveCacheFile, openLocalCache, type SqliteCache } from '../../src-main/cache';
import { QUALITIES } from '../../shared/model';
import { assign, expectCentralEqualsLocal, loginOf, reviewer, syncOnce, type Person } from './world';
import { useWorld } from '../support/world';

const N = 1000;
const w = useWorld({ plans: 4, spectrographs: 2, fibers: 125 });

interface Run {
  killed: boolean;
  code: number | null;
  stderr: string;
}

/** When to kill a run: `ms` after it starts, or `ms` after it says the push phase began. */
type KillAt = { ms: number; afterPushStarts: boolean } | null;

/** `node bin/specvet.mjs sync`, SIGKILLed as `killAt` says unless it finished first. */
function cliSync(env: NodeJS.ProcessEnv, killAt: KillAt): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/specvet.mjs', 'sync', '--push-size', '1'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    const arm = () => (timer ??= setTimeout(() => (killed = child.kill('SIGKILL')), killAt!.ms));
    if (killAt && !killAt.afterPushStarts) arm();
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Off a terminal, sync prints "pulling: n/n" as the push phase begins.
      if (killAt?.afterPushStarts && /^pulling: /m.test(stderr)) arm();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed, code, stderr });
    });
  });
}

async function centralCount(user: string): Promise<number> {
  const [rows] = await w.admin.query('SELECT count(*) AS n FROM humanverify WHERE reviewer = ?', [user]);
  return Number((rows as { n: number }[])[0]!.n);
}

it('1,000 verdicts through sync runs killed at random points land exactly once', { timeout: 600_000 }, async () => {
  const frank: Person = await reviewer(w);
  await assign(w, 'kill', [frank], N);
  const login = loginOf(w, frank);
  const home = `${w.home}/kill-home`;
  const target = { nodes: [login], database: login.database, user: login.user };
  let cache: SqliteCache = openLocalCache(resolveCacheFile(home, target), frank.user);
  expect((await syncOnce(w, cache, frank)).error).toBeNull();
  const [batch] = cache.listBatches();
  const items = cache.listItems(batch!.id);
  expect(items).toHaveLength(N);
  for (const [k, item] of items.entries()) {
    cache.addVerdict({ obsid: item.obsid, batchId: batch!.id, class: 'QSO', subclass: `k${k}`, z: 1 + k / 1000, quality: QUALITIES[k % 5]!, flags: k % 3 ? [] : ['bad-fibre'], comment: `verdict ${k} "quoted" \\ ✓` }, new Date());
  }
  cache.close();

  const env = {
    PATH: process.env.PATH,
    SPECVET_HOME: home,
    SPECVET_CENTRAL: `mysql://${encodeURIComponent(frank.user)}:${encodeURIComponent(frank.password)}@${login.host}:${login.port}/${login.database}`,
  };
  // How long a run takes to get going: some kills land while it starts, signs in or pulls.
  const t0 = performance.now();
  await cliSync({ ...env, SPECVET_CENTRAL: env.SPECVET_CENTRAL.replace(`:${login.port}/`, ':9/') }, null);
  const startup = performance.now() - t0;

  let kills = 0;
  let midPush = 0;
  for (let round = 0; kills < 20 || (await centralCount(frank.user)) < N; round++) {
    expect(round, 'too many rounds without converging').toBeLessThan(200);
    const before = await centralCount(frank.user);
    const early = Math.random() < 0.3;
    const run = await cliSync(env, early ? { ms: Math.random() * startup * 1.2, afterPushStarts: false } : { ms: Math.random() * 250, afterPushStarts: true });
    const after = await centralCount(frank.user);
    if (run.killed) {
      kills++;
      if (after > before && after < N) midPush++;
    } else {
      expect(run.code, run.stderr).toBe(0);
    }
  }
  const last = await cliSync(env, null);
  expect(last.code, last.stderr).toBe(0);
  expect(kills).toBeGreaterThanOrEqual(20);
  expect(midPush).toBeGreaterThanOrEqual(3);

  // Where the CLI left it: under the database's identity, learned by its first sync.
  cache = openLocalCache(resolveCacheFile(home, target), frank.user);
  try {
    await expectCentralEqualsLocal(w.admin, cache, frank, N);
  } finally {
    cache.close();
  }
});
