/**
 * GET /api/events: Server-Sent Events carrying every ApiEvent (sync progress, status changes,
 * and whatever events the contract grows) as `event: <name>` / `data: <json>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEventBus } from '../app/eventBus';
import { SAFETY_HEADERS } from './reply';

/** Proxies and idle timers drop silent connections; a comment line keeps this one open. */
const KEEPALIVE_MS = 20_000;

export function handleEvents(req: IncomingMessage, res: ServerResponse, bus: ApiEventBus): void {
  res.writeHead(200, {
    ...SAFETY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // Tells the client to reconnect quickly if the stream drops, and flushes the headers now.
  res.write('retry: 1000\n: connected\n\n');
  const off = bus.onAny((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  const stop = () => {
    clearInterval(keepalive);
    off();
  };
  req.on('close', stop);
  res.on('error', stop);
}
