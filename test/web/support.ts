/** A web host over a real SQLite cache in a temp folder, for the HTTP tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalCache } from '../../src-main/cache';
import { createAppServices } from '../../src-main/app/appServices';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import { createEventBus } from '../../src-main/app/eventBus';
import { generateSecret } from '../../src-main/web/secret';
import { startWebServer, type WebServer } from '../../src-main/web/server';

export interface TestHost {
  server: WebServer;
  base: string;
  secret: string;
  /** POSTs to /api/<method> with the secret, as the renderer does. */
  call(method: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestHost(opts: { secret?: string } = {}): Promise<TestHost> {
  const secret = opts.secret ?? generateSecret();
  const dir = mkdtempSync(join(tmpdir(), 'specvet-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SpecVet</title>');
  const cache = openLocalCache(join(dir, 'cache', 'web.sqlite'), 'webtester');
  const events = createEventBus();
  const sessions = {
    demo: async () => {
      throw new Error('not used');
    },
  };
  const initial = { user: 'webtester', origin: { kind: 'demo' as const }, cache, syncRunner: null, desk: null, close: async () => cache.close() };
  const services = createAppServices({ initial, sessions, credentials: memoryCredentialStore(), events, clock: () => new Date() });
  const server = await startWebServer({
    handlers: services.handlers,
    events,
    writeCatalogue: services.writeCatalogue,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    secret,
  });
  const base = `http://127.0.0.1:${server.port}`;
  return {
    server,
    base,
    secret,
    call: (method, body, headers = {}) => post(base, method, body, { Authorization: `Bearer ${secret}`, ...headers }),
    close: async () => {
      await server.close();
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON to /api/<method>, with no secret unless `headers` carries one. */
export function post(base: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
