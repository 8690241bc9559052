/**
 * The web edition's secret (issue 16, finding 10): another account on the same machine reaches
 * 127.0.0.1 too, so every API request needs the secret, on loopback as well; it reaches the
 * browser only in the URL's fragment, and never comes from the command line.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api';
import { secretFor } from '../../src-main/web/serveCommand';
import { generateSecret, secretMatches } from '../../src-main/web/secret';
import { runCli } from '../support/cli';
import { post, startTestHost, type TestHost } from './support';

const METHODS = Object.keys(API);

describe('web host secret', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it('refuses every API method, the event stream and unknown methods without the secret: 401, one line', async () => {
    for (const method of [...METHODS, 'events', 'dropTables']) {
      const res = await post(host.base, method, {});
      expect(res.status, method).toBe(401);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('auth');
      expect(body.message).toMatch(/open the URL .* that specvet serve printed/);
      expect(body.message).not.toContain('\n');
    }
    expect((await fetch(`${host.base}/api/events`)).status).toBe(401);
  });

  it('refuses a wrong secret, one of another length, and the secret anywhere but the header', async () => {
    const wrong = [`Bearer ${generateSecret()}`, `Bearer ${host.secret}x`, `Bearer ${host.secret.slice(1)}`, host.secret, `Basic ${host.secret}`];
    for (const auth of wrong) {
      for (const method of METHODS) expect((await post(host.base, method, {}, { Authorization: auth })).status, `${method} ${auth}`).toBe(401);
    }
    // The old ways in: a query string (logged, kept in history) and a cookie (sent to every port of 127.0.0.1).
    const query = await fetch(`${host.base}/api/status?token=${host.secret}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(query.status).toBe(401);
    expect((await post(host.base, 'status', {}, { Cookie: `specvet_token=${host.secret}` })).status).toBe(401);
  });

  it('answers with the secret, and serves the app shell (no data) without it', async () => {
    const res = await host.call('status', {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: string }).user).toBe('webtester');
    const shell = await fetch(`${host.base}/`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('set-cookie')).toBeNull();
  });

  it('prints a URL with the secret in the fragment only, never in the path or query', () => {
    const url = new URL(host.server.url);
    expect(url.search).toBe('');
    expect(url.pathname).toBe('/');
    expect(url.hash).toBe(`#token=${host.secret}`);
    expect(host.server.url.indexOf(host.secret)).toBeGreaterThan(host.server.url.indexOf('#'));
  });

  it('makes a fresh secret of 256 random bits for each start, compared whatever the lengths', () => {
    const a = generateSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(a);
    expect(secretMatches(a, a)).toBe(true);
    expect(secretMatches(`${a}x`, a)).toBe(false);
    expect(secretMatches('', a)).toBe(false);
    expect(secretMatches(null, a)).toBe(false);
  });

  it('will not start with a short secret', async () => {
    await expect(startTestHost({ secret: 'short' })).rejects.toThrow(/under 24 characters/);
  });
});

describe('where specvet serve takes its secret from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specvet-secret-'));
  const secret = 'c0ffee'.repeat(6);
  const fileWith = (name: string, mode: number, text = `${secret}\n`) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    chmodSync(path, mode);
    return path;
  };

  it('refuses --token on the command line, in one line saying why and what to use', async () => {
    const r = await runCli(['serve', '--port', '0', '--token', secret]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--token is refused: ps shows command lines to every account .*--token-file PATH.*SPECVET_TOKEN/);
  });

  it.skipIf(process.platform === 'win32')('refuses a --token-file that other accounts can read (0644, 0640), accepts 0600 and 0400', async () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620]) {
      const path = fileWith(`open-${mode.toString(8)}`, mode);
      const r = await runCli(['serve', '--port', '0', '--token-file', path]);
      expect(r.code, mode.toString(8)).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`can be read or changed by other accounts \\(mode 0${mode.toString(8)}\\); run chmod 600`));
      expect(r.stderr).not.toContain(secret);
    }
    expect(secretFor({ 'token-file': fileWith('mine', 0o600) }, {})).toBe(secret);
    expect(secretFor({ 'token-file': fileWith('mine-ro', 0o400) }, {})).toBe(secret);
  });

  it('refuses a missing or too short --token-file, and a too short SPECVET_TOKEN', async () => {
    const missing = await runCli(['serve', '--token-file', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read --token-file .*nope: no such file/);
    const short = await runCli(['serve', '--token-file', fileWith('short', 0o600, 'abc\n')]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 24 characters/);
    const env = await runCli(['serve'], { SPECVET_TOKEN: 'abc' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/SPECVET_TOKEN must be at least 24/);
  });

  it('takes --token-file over SPECVET_TOKEN, SPECVET_TOKEN over a generated one, else makes one', () => {
    const other = 'f00d'.repeat(8);
    expect(secretFor({ 'token-file': fileWith('both', 0o600) }, { SPECVET_TOKEN: other })).toBe(secret);
    expect(secretFor({}, { SPECVET_TOKEN: other })).toBe(other);
    const made = secretFor({}, {});
    expect(made).toHaveLength(43);
    expect(secretFor({}, {})).not.toBe(made);
  });
});
