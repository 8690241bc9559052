/**
 * Issue 16, finding 10, as found: another account on the same machine called the web edition
 * on 127.0.0.1. Here a throwaway local account does the same with curl and gets 401. Needs
 * root (useradd, runuser); elsewhere the case is skipped with the reason.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './support';

const isRoot = process.getuid?.() === 0;
const hasTools = ['useradd', 'userdel', 'runuser', 'curl'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const why = !isRoot ? 'not root: cannot create a second local account' : !hasTools ? 'useradd, runuser or curl missing' : null;

/**
 * curl's HTTP status for a POST to `url`, run as `user` (null: as ourselves). Asynchronous:
 * the server under test lives in this process and must keep answering meanwhile.
 */
async function curlStatus(user: string | null, url: string, headers: string[] = []): Promise<string> {
  const curl = ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '-H', 'Content-Type: application/json', ...headers.flatMap((h) => ['-H', h]), '-d', '{}', url];
  const [cmd, ...args] = user ? ['runuser', '-u', user, '--', ...curl] : curl;
  const { stdout } = await promisify(execFile)(cmd!, args, { encoding: 'utf8', timeout: 20_000 });
  return stdout;
}

describe.skipIf(why !== null)(`a second local account${why ? ` (skipped: ${why})` : ''}`, () => {
  const user = `specvet-other-${randomBytes(4).toString('hex')}`;
  let host: TestHost;
  beforeAll(async () => {
    execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user]);
    host = await startTestHost();
  });
  afterAll(async () => {
    await host?.close();
    spawnSync('userdel', [user]);
  });

  it('gets 401 from every API call without the secret, or with a guessed one', async () => {
    expect(execFileSync('runuser', ['-u', user, '--', 'id', '-un'], { encoding: 'utf8' }).trim()).toBe(user);
    for (const method of ['status', 'saveVerdict', 'signIn', 'listBatches']) {
      expect(await curlStatus(user, `${host.base}/api/${method}`), method).toBe('401');
    }
    expect(await curlStatus(user, `${host.base}/api/status`, [`Authorization: Bearer ${'0'.repeat(43)}`])).toBe('401');
  });

  it('while the owner, with the secret, is answered (so the 401s are the guard, not curl failing)', async () => {
    expect(await curlStatus(null, `${host.base}/api/status`, [`Authorization: Bearer ${host.secret}`])).toBe('200');
  });
});
