/** `specvet sync` and `status` in-process against the real MariaDB, as a terminal user runs them. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCacheFile, openLocalCache } from '../../src-main/cache';
import { PassThrough } from 'node:stream';
import { main } from '../../src-main/cli/main';
import { runCli } from '../support/cli';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';
import { CuttingProxy } from './proxy';
import { assign, loginOf, reviewer, type Person } from './world';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 1, spectrographs: 2, fibers: 10 });
let gina: Person;
let env: NodeJS.ProcessEnv;
let url: (password: string, port?: number) => string;

beforeAll(async () => {
  gina = await reviewer(w);
  await assign(w, 'cli-batch', [gina], 6);
  const l = loginOf(w, gina);
  url = (password, port = l.port) => `mysql://${encodeURIComponent(gina.user)}:${encodeURIComponent(password)}@${l.host}:${port}/${l.database}`;
  env = { SPECVET_HOME: `${w.home}/cli`, SPECVET_CENTRAL: url(gina.password) };
});

describe('specvet sync', () => {
  it('pulls, then pushes what verdict add / problem add recorded; status tells the story', async () => {
    const first = await runCli(['sync', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ pushed: 0, error: null });
    const items = JSON.parse((await runCli(['items', '--batch', 'cli-batch', '--json'], env)).stdout) as { obsid: number; planid: string; spid: number }[];
    expect(items).toHaveLength(6);
    expect((await runCli(['verdict', 'add', '--obsid', String(items[0]!.obsid), '--class', 'GALAXY', '--z', '0.31', '--quality', '3'], env)).code).toBe(0);
    const prob = await runCli(['problem', 'add', '--planid', items[0]!.planid, '--spid', String(items[0]!.spid), '--fibers', '1-5', '--type', 'negative-flux', '--origin', 'raw', '--text', 'sky'], env);
    expect(prob.code, prob.stderr).toBe(0);
    expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({ user: gina.user, batches: 1, items: 6, outboxPending: 2 });

    const push = await runCli(['sync'], env);
    expect(push.code, push.stderr).toBe(0);
    expect(push.stdout).toMatch(/synced: .* 2 change\(s\) pushed/);
    // Not a terminal: plain progress lines, no carriage returns.
    expect(push.stderr).toMatch(/^pulling: 1\/1$/m);
    expect(push.stderr).toMatch(/^pushing: 2\/2$/m);
    expect(push.stderr).not.toContain('\r');
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
    expect(status).toMatchObject({ outboxPending: 0, lastError: null });
    expect(Date.parse(status.lastSync)).toBeGreaterThan(Date.now() - 60_000);
    // The password never reaches the cache or the output.
    expect(JSON.stringify(status) + push.stdout + push.stderr).not.toContain(gina.password);
  });

  it('offline: one line, exit 1, the outbox kept and pushed later; a wrong password says what to do', async () => {
    const l = loginOf(w, gina);
    const proxy = new CuttingProxy(l.host, l.port);
    await proxy.start();
    const viaProxy = { ...env, SPECVET_CENTRAL: url(gina.password, proxy.port) };
    expect((await runCli(['sync'], viaProxy)).code).toBe(0);
    const items = JSON.parse((await runCli(['items', '--json'], viaProxy)).stdout) as { obsid: number }[];
    expect((await runCli(['verdict', 'add', '--obsid', String(items[1]!.obsid), '--class', 'STAR', '--z', '0'], viaProxy)).code).toBe(0);
    await proxy.stop();

    const off = await runCli(['sync'], viaProxy);
    expect(off.code).toBe(1);
    expect(off.stderr.trim().split('\n')).toEqual([`specvet: offline: cannot reach 127.0.0.1:${proxy.port}; your work is kept and will be pushed on the next sync`]);
    // Local work goes on offline.
    expect((await runCli(['verdict', 'add', '--obsid', String(items[2]!.obsid), '--class', 'QSO', '--z', '1.1'], viaProxy)).code).toBe(0);
    expect(JSON.parse((await runCli(['status', '--json'], viaProxy)).stdout)).toMatchObject({ outboxPending: 2, lastError: off.stderr.trim().replace(/^specvet: /, '') });

    const wrong = await runCli(['sync'], { ...env, SPECVET_CENTRAL: url('wrong-password') });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/password/);
    expect(wrong.stderr).not.toContain('wrong-password');

    // The server is back (same address): the kept work is pushed.
    const back = new CuttingProxy(l.host, l.port);
    await back.start(proxy.port);
    try {
      const ok = await runCli(['sync', '--json'], viaProxy);
      expect(JSON.parse(ok.stdout)).toMatchObject({ pushed: 2, error: null });
    } finally {
      await back.stop();
    }
  });

  it('fetches the spectrum files from SPECVET_DATA; a missing one is named and fetched on a later sync', async () => {
    const l = loginOf(w, gina);
    const cache = openLocalCache(resolveCacheFile(env.SPECVET_HOME!, { nodes: [l], database: l.database, user: l.user }), gina.user);
    const wanted = cache.ledger.missingFiles();
    cache.close();
    expect(wanted.length).toBe(6);
    const data = mkdtempSync(join(tmpdir(), 'specvet-data-'));
    const put = (f: { filePath: string }) => {
      mkdirSync(dirname(join(data, f.filePath)), { recursive: true });
      copyFileSync(FIXTURE, join(data, f.filePath));
    };
    wanted.slice(1).forEach(put);
    try {
      const first = await runCli(['sync', '--json'], { ...env, SPECVET_DATA: data });
      // The verdicts synced, but a spectrum has no file: exit 1, the file named with why.
      expect(first.code, first.stderr).toBe(1);
      expect(JSON.parse(first.stdout)).toMatchObject({
        filesFetched: 5, filesFailed: 1, error: null,
        failedFiles: [{ obsid: wanted[0]!.obsid, filePath: wanted[0]!.filePath, kind: 'missing' }],
      });
      const status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
      expect(status.filesCached).toBe(5);
      expect(status.lastError).toContain(wanted[0]!.filePath);
      // Without --json: every failed file on its own line, its name once, and the one-line error.
      const text = await runCli(['sync'], { ...env, SPECVET_DATA: data });
      expect(text.code).toBe(1);
      const lines = text.stdout.split('\n').filter((l) => l.startsWith('  '));
      expect(lines.map((l) => l.trim().split(' ')[0])).toEqual([wanted[0]!.filePath]);
      expect(lines[0]).toMatch(/not at the source — /);
      expect(lines[0]!.split(wanted[0]!.filePath)).toHaveLength(2);
      expect(text.stderr).toMatch(/1 spectrum file\(s\) could not be fetched \(listed above\); your verdicts synced — ask whoever keeps the survey files/);
      put(wanted[0]!);
      const second = await runCli(['sync', '--json'], { ...env, SPECVET_DATA: data });
      expect(JSON.parse(second.stdout)).toMatchObject({ filesFetched: 1, filesFailed: 0 });
      expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({ filesCached: 6, lastError: null });
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('asks for the password on a terminal without echoing it, and shows a progress bar there', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const l = loginOf(w, gina);
    const noPassword = `mysql://${encodeURIComponent(gina.user)}@${l.host}:${l.port}/${l.database}`;
    setTimeout(() => stdin.write(`${gina.password}\n`), 50);
    const code = await main(['sync'], { stdin, stdout, stderr, env: { ...env, SPECVET_CENTRAL: noPassword } });
    expect(code, err).toBe(0);
    expect(err).toContain(`password for ${noPassword}: `);
    expect(err).toMatch(/\rpulling +\[#+\] 1\/1/);
    expect(out + err).not.toContain(gina.password);
  });

  it('without a password and a terminal: one line saying how to give it, also with --json', async () => {
    const l = loginOf(w, gina);
    const noPassword = { ...env, SPECVET_CENTRAL: `mysql://${encodeURIComponent(gina.user)}@${l.host}:${l.port}/${l.database}` };
    const expected = `no password for ${gina.user}: put it in SPECVET_CENTRAL (mysql://${gina.user}:PASSWORD@${l.host}:${l.port}/${l.database}) or run on a terminal to be asked`;
    const r = await runCli(['sync'], noPassword);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `specvet: ${expected}\n` });
    const j = await runCli(['sync', '--json'], noPassword);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ pushed: 0, error: expected });
    expect(JSON.parse((await runCli(['status', '--json'], noPassword)).stdout).lastError).toBe(expected);
  });
});
