/**
 * `npm start` left behind: when npm and its shell die on a SIGTERM without passing it on, the
 * launcher notices it has lost its parent and stops the server it started, so the port is freed.
 * Real processes: this test → a stand-in for npm → the launcher → a long-running child.
 */
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'specvet-orphan-'));
let serverPid = 0;
afterAll(() => {
  if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL'); // leave nothing behind on failure
  rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(probe: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return probe();
}

describe('npm start without its parent', () => {
  it('stops the server it started once npm is gone', async () => {
    const pidFile = join(dir, 'server.pid');
    // The "server": writes its pid and runs until told to stop.
    const server = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
    const launcher = `import('./scripts/launchSteps.ts').then((m) => m.inherit(process.execPath, ['-e', ${JSON.stringify(server)}], process.env)).then((code) => process.exit(code));`;
    // The stand-in for npm: starts the launcher and lives until it is killed.
    const npm = `require('child_process').spawn(process.execPath, ['--import', 'tsx', '-e', ${JSON.stringify(launcher)}], { cwd: ${JSON.stringify(ROOT)}, stdio: 'ignore' }); setInterval(() => {}, 1000);`;
    const stand = spawn(process.execPath, ['-e', npm], { cwd: ROOT, stdio: 'ignore' });
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0, 20_000)).toBe(true);
    serverPid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(serverPid)).toBe(true);
    stand.kill('SIGKILL'); // as npm dying without passing the signal on
    expect(await until(() => !alive(serverPid), 10_000)).toBe(true);
  }, 40_000);
});
