/**
 * `npm run security` (scripts/electronegativity.mjs): passes on the Electron sources, and
 * does fail on an insecure window — so a passing run means something.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = async (...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/electronegativity.mjs', ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
};

describe('electronegativity security check', () => {
  it('reports nothing above informational on src-main/electron', async () => {
    const r = await run('src-main/electron');
    expect(r.stdout).toContain('security check passed');
    expect(r.code).toBe(0);
  });

  it('fails on a window without context isolation and sandbox, naming the checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-eng-'));
    try {
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
      );
      const r = await run(dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/FAIL HIGH\/\w+ CONTEXT_ISOLATION_JS_CHECK/);
      expect(r.stdout).toMatch(/FAIL \w+\/\w+ SANDBOX_JS_CHECK/);
      expect(r.stdout).toMatch(/FAIL \w+\/\w+ LIMIT_NAVIGATION_GLOBAL_CHECK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
