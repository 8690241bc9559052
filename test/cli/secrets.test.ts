/**
 * Secrets and paths never leak (issue 16, finding 11): a password with `/` or `@` in a mysql://
 * address is parsed and never printed; the web edition's 404 does not show where it is
 * installed; an unwritable SPECVET_HOME is one line and exit 1, not a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCentralUrl, redact } from '../../shared/centralUrl';
import { serveStatic } from '../../src-main/web/static';
import { runCli } from '../support/cli';

const SECRET = 's3cr/t@x:y';
const url = `mysql://al:${SECRET}@db.example:3307/specvet`;

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-secrets-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('a password with / or @ in the address', () => {
  it('is parsed as the password, and the rest of the address as it is', () => {
    expect(parseCentralUrl(url)).toEqual({ user: 'al', password: SECRET, host: 'db.example', port: 3307, nodes: [{ host: 'db.example', port: 3307 }], database: 'specvet', display: 'mysql://al@db.example:3307/specvet' });
    expect(parseCentralUrl('mysql://al:p%40ss@db:3306/x').password).toBe('p@ss');
    expect(parseCentralUrl('mysql://al@db/x')).toMatchObject({ user: 'al', host: 'db', port: 3306, database: 'x' });
    expect(parseCentralUrl('mysql://al@db/x').password).toBeUndefined();
  });

  it('is redacted in every error about the address', () => {
    for (const bad of [`mysql://al:${SECRET}@db.example:99999/specvet`, `mysql://al:${SECRET}@/specvet`, `mysql://al:${SECRET}@db.example:3307/`, `mysql://al:${SECRET}@db example/specvet`]) {
      let message = '';
      try {
        parseCentralUrl(bad);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, bad).not.toBe('');
      expect(message).not.toContain('s3cr');
      expect(message).not.toContain('t@x');
    }
    expect(redact(url)).toBe('mysql://al:***@db.example:3307/specvet');
    expect(redact('mysql://al@db:3306/x')).toBe('mysql://al@db:3306/x');
  });

  it('the CLI signs in as that user on that server and prints no password', async () => {
    const r = await runCli(['status', '--json'], { SPECVET_HOME: home, SPECVET_CENTRAL: url });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ user: 'al', server: 'mysql://al@db.example:3307/specvet' });
    expect(r.stdout + r.stderr).not.toContain('s3cr');
    const bad = await runCli(['status'], { SPECVET_HOME: home, SPECVET_CENTRAL: `mysql://al:${SECRET}@db.example:0x/specvet` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('s3cr');
  });
});

describe('an unwritable SPECVET_HOME', () => {
  it.each([
    ['under /proc', () => '/proc/specvet-home'],
    ['a regular file', () => (writeFileSync(join(home, 'file'), ''), join(home, 'file'))],
  ])('(%s) is one line naming it and what to do, exit 1, within seconds', async (_what, where) => {
    const started = Date.now();
    const r = await runCli(['status'], { SPECVET_HOME: where(), SPECVET_CENTRAL: url });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^specvet: SPECVET_HOME .* cannot be written \(.+\); set SPECVET_HOME to a folder you can write/);
    expect(r.stderr).not.toContain('s3cr');
    // The demo (no server) goes through the same check before generating anything.
    const demo = await runCli(['status'], { SPECVET_HOME: where() });
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/cannot be written/);
  });
});

describe("the web edition's 404", () => {
  it('does not show where SpecVet is installed', async () => {
    const root = join(home, 'install', 'dist', 'renderer');
    const sent: { status: number; body: string }[] = [];
    const res = {
      writeHead(status: number) {
        sent.push({ status, body: '' });
        return this;
      },
      end(body?: string) {
        sent[sent.length - 1]!.body = body ?? '';
      },
    } as unknown as ServerResponse;
    for (const path of ['/', '/index.html', '/nope.js']) {
      await serveStatic({ method: 'GET', url: path } as IncomingMessage, res, root);
    }
    expect(sent.map((s) => s.status)).toEqual([404, 404, 404]);
    for (const s of sent) expect(s.body).not.toContain(home);
    expect(sent[0]!.body).toMatch(/the renderer is not built; run npm run build/);
  });
});
