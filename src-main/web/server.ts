/**
 * The web edition's HTTP host: the built renderer, the API under /api/<method>, events at
 * /api/events. Every request passes the guard's Host/Origin check first; every API request
 * (events included) also its secret check.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../shared/api';
import type { ApiEventBus } from '../app/eventBus';
import type { ExportInput } from '../../shared/desk';
import type { WriteCatalogue } from '../app/exportHandlers';
import { sendCatalogue } from './download';
import { handleEvents } from './eventStream';
import { allowedHostsFor, checkRequest, checkSecret, isWildcard, type GuardPolicy, type Refusal } from './guard';
import { sendError } from './reply';
import { MIN_SECRET_CHARS } from './secret';
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
  /** Required on every interface, loopback included (see secret.ts). */
  secret: string;
  /** The export's writer: POST /api/exportCatalogue answers with the file (download.ts); unset in tests of other calls. */
  writeCatalogue?: WriteCatalogue;
}

export interface WebServer {
  /**
   * What to open in a browser: the secret rides in the fragment (#token=…), which browsers
   * never send to a server, so it reaches no request line, log or Referer.
   */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  if (opts.secret.length < MIN_SECRET_CHARS) throw new Error(`refusing to serve with a secret of under ${MIN_SECRET_CHARS} characters`);
  const policy: GuardPolicy = { allowedHosts: new Set(), secret: opts.secret };
  const anyHost = isWildcard(opts.host);
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
  const url = `http://${shownHost}:${port}/#token=${encodeURIComponent(opts.secret)}`;
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
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  const refused = checkRequest(req, policy) ?? (isApi ? checkSecret(req, policy) : null);
  if (refused) {
    refuse(res, refused);
    return;
  }
  if (pathname === '/api/events') {
    handleEvents(req, res, opts.events);
    return;
  }
  if (isApi) {
    const write = opts.writeCatalogue;
    await handleApiCall(req, res, pathname.slice('/api/'.length), opts.handlers, write ? { exportCatalogue: (input, out) => sendCatalogue(input as ExportInput, out, write) } : {});
    return;
  }
  await serveStatic(req, res, opts.rendererDir);
}

function refuse(res: ServerResponse, refused: Refusal): void {
  sendError(res, refused.status, refused.status === 401 ? 'auth' : 'bad-input', refused.message);
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
