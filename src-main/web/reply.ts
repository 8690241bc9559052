/** Small response helpers shared by the web host's modules; every response carries the safety headers. */
import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api';

export const SAFETY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  'bad-input': 400,
  auth: 401,
  'not-found': 404,
  conflict: 409,
  internal: 500,
  offline: 503,
};

export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value ?? null);
  res.writeHead(status, {
    ...SAFETY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  const body: ApiErrorBody = { code, message };
  sendJson(res, status, body);
}

export function sendBytes(res: ServerResponse, bytes: Uint8Array): void {
  res.writeHead(200, {
    ...SAFETY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}
