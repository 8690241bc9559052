/**
 * POST /api/<method>: JSON body → parseInput (the schema in shared/api.ts) → the same handler
 * the Electron host calls → JSON, or raw bytes for binary methods (or the host's own answer:
 * the export's download). Failures are
 * {code, message} with the fitting HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API, ApiError, parseInput, type ApiHandlers } from '../../shared/api';
import { isApiMethod, type ApiMethod } from '../../shared/apiMethods';
import { toApiError } from '../app/apiErrors';
import { HTTP_STATUS, sendBytes, sendError, sendJson } from './reply';

/** Generous for a verdict with a long comment; far below what could tie the process up. */
const MAX_BODY_BYTES = 256 * 1024;

/** A method the web host answers itself instead of with JSON (the export's download). */
export type OwnAnswer = (input: unknown, res: ServerResponse) => Promise<void>;

export async function handleApiCall(req: IncomingMessage, res: ServerResponse, name: string, handlers: ApiHandlers, own: Partial<Record<ApiMethod, OwnAnswer>> = {}): Promise<void> {
  if (!isApiMethod(name)) {
    sendError(res, 404, 'not-found', `no API method "${name}"`);
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'bad-input', `${name}: use POST with a JSON body`);
    return;
  }
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendError(res, 415, 'bad-input', `${name}: send the arguments as Content-Type: application/json`);
    return;
  }
  try {
    const raw = await readJsonBody(req, name);
    const answer = own[name];
    if (answer) return await answer(parseInput(name, raw), res);
    const result = await call(handlers, name, raw);
    if (API[name].binary) sendBytes(res, result as Uint8Array);
    else sendJson(res, 200, result === undefined ? null : result);
  } catch (err) {
    const e = toApiError(err);
    if (e.code === 'internal') console.error(`specvet serve: ${name}: ${e.message}`);
    // A download cut short after its headers can only be cut off: the browser discards it.
    if (res.headersSent) res.destroy();
    else sendError(res, HTTP_STATUS[e.code], e.code, e.message);
  }
}

async function call(handlers: ApiHandlers, name: ApiMethod, raw: unknown): Promise<unknown> {
  const input = parseInput(name, raw);
  const fn = handlers[name] as (input: unknown) => Promise<unknown>;
  return fn(input);
}

async function readJsonBody(req: IncomingMessage, name: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError('bad-input', `${name}: request body over ${MAX_BODY_BYTES / 1024} kB`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('bad-input', `${name}: the request body is not valid JSON`);
  }
}
