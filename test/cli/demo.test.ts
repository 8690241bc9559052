/** With no central server configured, the local commands work on the app's demo survey. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFile, DEMO_USER, openLocalCache } from '../../src-main/cache';
import { runCli } from '../support/cli';

const home = mkdtempSync(join(tmpdir(), 'specvet-cli-demo-'));
const env = { SPECVET_HOME: home };
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the local commands on a fresh SPECVET_HOME without a server', () => {
  it('open the demo the app installs, and keep a verdict in its cache', async () => {
    const status = await runCli(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ user: 'demo', server: 'demo', batches: 3, outboxPending: 0 });
    expect(status.stderr).toBe(`specvet: no central server configured; installed the demo survey in ${join(home, 'demo')}\n`);
    // Installed once: the next command opens it silently.
    expect((await runCli(['status'], env)).stderr).toBe('');

    expect(await runCli(['outbox'], env)).toMatchObject({ code: 0, stdout: 'nothing waiting (the demo has no central server)\n' });
    const items = JSON.parse((await runCli(['items', '--json'], env)).stdout) as { obsid: number }[];
    expect(items.length).toBeGreaterThan(0);
    const obsid = items[0]!.obsid;
    const add = await runCli(['verdict', 'add', '--obsid', String(obsid), '--class', 'STAR', '--z', '0.0001', '--quality', '3'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(new RegExp(`^verdict \\S+ on ${obsid}: STAR .* quality 3 \\(kept in this computer's cache; the demo has no central server\\)\\n$`));
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout).outboxPending).toBe(1);
    expect((await runCli(['outbox'], env)).stdout).toMatch(new RegExp(`^verdict\\t\\S+\\tverdict on ${obsid}: STAR`));

    // The very file the app opens for the demo (app/openApp.ts), so both show the same work.
    const cache = openLocalCache(cacheFile(home, { kind: 'demo' }), DEMO_USER);
    try {
      expect(cache.counts()).toMatchObject({ batches: 3, outboxPending: 1 });
    } finally {
      cache.close();
    }
  });

  it('problem add says where the report stays', async () => {
    const [item] = JSON.parse((await runCli(['items', '--json'], env)).stdout) as { planid: string; spid: number }[];
    const r = await runCli(['problem', 'add', '--planid', item!.planid, '--spid', String(item!.spid), '--fibers', '3-5', '--type', 'stray-light', '--origin', '2d'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/fibres 3-5 \(2d\) recorded; kept in this computer's cache; the demo has no central server\n$/);
  });

  it('sync --json says there is no server in the same JSON a failed sync prints', async () => {
    const r = await runCli(['sync', '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      pulled: 0,
      filesFetched: 0,
      filesFailed: 0,
      pushed: 0,
      refused: 0,
      outboxRefused: 0,
      setAside: 0,
      error: expect.stringMatching(/^no central server configured .*set SPECVET_CENTRAL=mysql:\/\//),
    });
    const human = await runCli(['sync'], env);
    expect(human).toMatchObject({ code: 1, stdout: '' });
    expect(human.stderr).toMatch(/^specvet: no central server configured [^\n]*\n$/);
  });
});
