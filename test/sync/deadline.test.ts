/**
 * `specvet sync` never hangs silently (issue 16, finding 2): with the revision counter held by
 * someone on the server, a sync ends at its deadline with one line and exit 1, the unsent
 * verdict kept; the real binary exits too. Real MariaDB, real cache, the real CLI.
 */
import { spawn } from 'node:child_process';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminConnection } from '../central/fixtures';
import { runCli } from '../support/cli';
import { useWorld } from '../support/world';
import { assign, loginOf, reviewer, type Person } from './world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
let ivy: Person;
let env: NodeJS.ProcessEnv;
let holder: Connection;

beforeAll(async () => {
  ivy = await reviewer(w);
  await assign(w, 'deadline', [ivy], 4);
  const l = loginOf(w, ivy);
  env = { SPECVET_HOME: `${w.home}/ivy`, SPECVET_CENTRAL: `mysql://${ivy.user}:${encodeURIComponent(ivy.password)}@${l.host}:${l.port}/${l.database}` };
  expect((await runCli(['sync'], env)).code).toBe(0);
  const [item] = JSON.parse((await runCli(['items', '--batch', 'deadline', '--json'], env)).stdout) as { obsid: number }[];
  expect((await runCli(['verdict', 'add', '--obsid', String(item!.obsid), '--class', 'STAR', '--z', '0', '--quality', '4'], env)).code).toBe(0);
  // The server's own account (not a member, so the stall watchdog leaves it) sits on the counter.
  holder = await adminConnection(w.db);
  await holder.query('START TRANSACTION');
  await holder.query('SELECT rev FROM sync_rev WHERE id = 1 FOR UPDATE');
});

afterAll(async () => {
  await holder?.end();
});

/** The real `specvet` binary, as a terminal user runs it; resolves when the process has exited. */
function specvet(args: string[]): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/specvet.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

describe('specvet sync with a lock held on the server', () => {
  it('ends at its deadline with one line and exit 1; the process exits; the verdict stays unsent', async () => {
    const r = await specvet(['sync', '--deadline', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^specvet: sync did not finish within 3 s \(.* a lock held there\); your work is kept — try again later, or give more time with --deadline$/);
    expect(r.ms).toBeLessThan(20_000);
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { outboxPending: number };
    expect(status.outboxPending).toBe(1);
  }, 60_000);

  it('SPECVET_SYNC_DEADLINE sets it too, --json says it; once the lock goes the verdict is pushed', async () => {
    const r = await runCli(['sync', '--json'], { ...env, SPECVET_SYNC_DEADLINE: '2' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ pushed: 0, error: expect.stringMatching(/^sync did not finish within 2 s/) });
    await holder.query('ROLLBACK');
    expect(await runCli(['sync', '--deadline', 'soon'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--deadline must be a number/) });
    for (let tries = 0; ; tries++) {
      const done = await runCli(['sync', '--json'], env);
      if (done.code === 0 || tries === 5) {
        expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({ outboxPending: 0 });
        break;
      }
      await new Promise((r) => setTimeout(r, 1000)); // the first run, still finishing in-process, holds the verdict's claim
    }
  }, 60_000);
});
