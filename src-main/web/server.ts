/**
 * The web edition's HTTP host: the built renderer, the API under /api/<method>, events at
 * /api/events. Every request passes the guard (Host/Origin, token) first.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../shared/api';
import type { ApiEventBus } from '../app/eventBus';
import { handleEvents } from './eventStream';
import { allowedHostsFor, checkRequest, isLoopback, isWildcard, TOKEN_COOKIE, type GuardPolicy } from './guard';
import { sendError } from './reply';
import { handleApiCall } from './routes';
import { serveStatic } from './static';

export interface WebServerOptions {
  handlers: ApiHandlers;
  events: ApiEventBus;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  token: string | null;
}

export interface WebServer {
  /** What to open in a browser (with ?token=… when a token is needed). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  if (!isLoopback(opts.host) && !opts.token) {
    throw new Error(`refusing to listen on ${opts.host} without a token: anyone on that network could review as you; add --token`);
  }
  const policy: GuardPolicy = { allowedHosts: new Set(), token: opts.token };
  const anyHost = isWildcard(opts.host) && opts.token !== null;
  const server = createServer((req, res) => {
    route(req, res, opts, policy).catch((err: unknown) => {
      console.error(`specvet serve: ${(err as Error).message}`);
      if (!res.headersSent) sendError(res, 500, 'internal', 'internal error');
      else res.destroy();
    });
  });
  const port = await listen(server, opts.host, opts.port);
  policy.allowedHosts = anyHost ? null : allowedHostsFor(opts.host, port);
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `http://${shownHost}:${port}/${opts.token ? `?token=${encodeURIComponent(opts.token)}` : ''}`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open SSE streams would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, opts: WebServerOptions, policy: GuardPolicy): Promise<void> {
  const refused = checkRequest(req, policy);
  if (refused) {
    sendError(res, refused.status, refused.status === 401 ? 'auth' : 'bad-input', refused.message);
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  if (pathname === '/api/events') {
    handleEvents(req, res, opts.events);
    return;
  }
  if (pathname.startsWith('/api/')) {
    await handleApiCall(req, res, pathname.slice('/api/'.length), opts.handlers);
    return;
  }
  // The token came in the URL once; from now on the browser sends it as a cookie that no
  // other site can read or send (HttpOnly, SameSite=Strict).
  const cookie: Record<string, string> = policy.token
    ? { 'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(policy.token)}; HttpOnly; SameSite=Strict; Path=/` }
    : {};
  await serveStatic(req, res, opts.rendererDir, cookie);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? `port ${port} is in use; pick another with --port`
          : err.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine; pick one with --host`
            : err.message;
      reject(new Error(`cannot listen on ${host}:${port}: ${why}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
