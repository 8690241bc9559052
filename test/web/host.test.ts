/**
 * The web host as a browser (or an attacker's page) meets it: arguments validated by the
 * contract's schemas, DNS-rebinding and cross-site requests refused, events delivered over
 * SSE. The secret itself: secret.test.ts.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { startTestHost, type TestHost } from './support';

function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host API', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it('answers a valid call with the handler result', async () => {
    const res = await host.call('status', {});
    expect(res.status).toBe(200);
    const status = (await res.json()) as { user: string; batches: number };
    expect(status.user).toBe('webtester');
    expect(status.batches).toBe(0);
  });

  it('refuses bad arguments with 400 and a message naming the field', async () => {
    const res = await host.call('listItems', { batchId: 'not-a-uuid' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('bad-input');
    expect(body.message).toMatch(/^listItems: batchId: /);
  });

  it('refuses unknown fields, broken JSON and a non-JSON content type', async () => {
    const extra = await host.call('status', { admin: true });
    expect(extra.status).toBe(400);
    const broken = await host.call('status', '{"oops');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toMatch(/not valid JSON/);
    const form = await host.call('status', '{}', { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('a verdict on a spectrum in none of the batches is 404, not saved', async () => {
    const res = await host.call('saveVerdict', {
      obsid: 123,
      batchId: '0b7c6c5e-7f7b-4a53-9d1f-0b0a5c1d2e3f',
      class: 'STAR',
      subclass: '',
      z: 0,
      quality: 3,
      flags: [],
      comment: '',
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/123 is in none of your batches/);
    const status = (await (await host.call('status', {})).json()) as { outboxPending: number };
    expect(status.outboxPending).toBe(0);
  });

  it('unknown methods are 404 and GET on a method is 405', async () => {
    expect((await host.call('dropTables', {})).status).toBe(404);
    expect((await fetch(`${host.base}/api/status`, { headers: { Authorization: `Bearer ${host.secret}` } })).status).toBe(405);
  });

  it('refuses a Host header that is not ours (DNS rebinding)', async () => {
    const res = await rawGet(host.server.port, '/', { Host: 'evil.example:80' });
    expect(res.status).toBe(421);
    expect(res.body).toMatch(/evil\.example/);
    const ok = await rawGet(host.server.port, '/', { Host: `localhost:${host.server.port}` });
    expect(ok.status).toBe(200);
  });

  it('refuses calls from another origin (CSRF)', async () => {
    const res = await host.call('status', {}, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const sameSite = await host.call('status', {}, { Origin: `http://localhost:${host.server.port + 1}` });
    expect(sameSite.status).toBe(403);
    const ours = await host.call('status', {}, { Origin: host.base });
    expect(ours.status).toBe(200);
  });

  it('answers the export itself, under the same rules: cross-site refused, bad scope 400, offline one line, no download', async () => {
    const input = { scope: {}, format: 'csv' };
    expect((await host.call('exportCatalogue', input, { Origin: 'http://evil.example' })).status).toBe(403);
    const bad = await host.call('exportCatalogue', { scope: { from: '2024-13-01x' }, format: 'csv' });
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([400, 'bad-input']);
    const off = await host.call('exportCatalogue', input);
    expect(off.headers.get('Content-Disposition')).toBeNull();
    expect([off.status, await off.json()]).toEqual([503, { code: 'offline', message: 'offline — the export reads the central server; this is the demo, sign in to one' }]);
  });

  it('serves the renderer with the strict CSP and nosniff, and nothing outside it', async () => {
    const res = await fetch(`${host.base}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const escape = await rawGet(host.server.port, '/../../../etc/passwd', { Host: `127.0.0.1:${host.server.port}` });
    expect(escape.status).toBe(404);
    const encoded = await fetch(`${host.base}/%2e%2e/%2e%2e/etc/passwd`);
    expect(encoded.status).toBe(404);
  });

  it('delivers service events over Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.base}/api/events`, { signal: controller.signal, headers: { Authorization: `Bearer ${host.secret}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await reader.read(); // the opening comment: the stream is live
    const report = await host.call('reportProblem', {
      lmjd: 57287,
      planid: 'KP193637N444141V03',
      spid: 10,
      fiberFrom: 100,
      fiberTo: 120,
      type: 'stray light',
      origin: '2d',
      text: 'bright band across fibres 100-120',
    });
    expect(report.status).toBe(200);
    while (!text.includes('\n\n', text.indexOf('event: statusChanged'))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    const block = text.slice(text.indexOf('event: statusChanged'));
    const data = JSON.parse(/data: (.*)/.exec(block)![1]!) as { outboxPending: number; user: string };
    expect(data.user).toBe('webtester');
    expect(data.outboxPending).toBe(1);
  });
});


describe('specvet serve arguments', () => {
  it('refuses a bad port (exit 2)', async () => {
    expect((await runCli(['serve', '--port', 'http'])).code).toBe(2);
    expect((await runCli(['serve', '--port', '70000'])).code).toBe(2);
  });
});
