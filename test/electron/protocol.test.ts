import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakeElectron'));

const { protocol } = await import('./fakeElectron');
const { registerAppScheme, handleAppScheme, serveRendererFile } = await import('../../src-main/electron/protocol');

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'specvet-protocol-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>SpecVet</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(outside, 'not for the renderer');
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    const app = protocol.privileged.find((s) => s.scheme === 'app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true });
    expect(app?.privileges.bypassCSP).toBeFalsy();
    expect(app?.privileges.corsEnabled).toBeFalsy();
  });

  it('serves index.html with a strict Content-Security-Policy header', async () => {
    handleAppScheme(root);
    const res = await protocol.handlers.get('app')!({ url: 'app://specvet/' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>SpecVet</title>');
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Nothing that would let injected markup run code.
    for (const [, sources] of csp) {
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) expect(sources).not.toContain(bad);
    }
    expect(csp.get('script-src')).not.toContain('blob:');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the CSP on every file, scripts included', async () => {
    const res = await serveRendererFile(root, 'app://specvet/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers a client-side route with index.html and a missing asset with 404', async () => {
    expect(await (await serveRendererFile(root, 'app://specvet/review/batch-1')).text()).toContain('<title>SpecVet</title>');
    expect((await serveRendererFile(root, 'app://specvet/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder or for another host', async () => {
    for (const url of [
      'app://specvet/../secret.txt',
      'app://specvet/%2e%2e/secret.txt',
      'app://specvet/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://specvet/..%5csecret.txt',
      'app://other/index.html',
      'app://specvet/%00index.html',
    ]) {
      const res = await serveRendererFile(root, url);
      const body = await res.text();
      expect(body, url).not.toContain('not for the renderer');
    }
    expect((await serveRendererFile(root, 'app://other/index.html')).status).toBe(404);
  });
});
