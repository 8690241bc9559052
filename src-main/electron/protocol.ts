/**
 * Serves the built renderer (dist/renderer) at app://specvet/ instead of file://: a real
 * origin that the IPC sender check can compare against, response headers (the CSP) on every
 * file, and no access to the rest of the disk through relative URLs.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, securityHeaders } from './appScheme';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before app 'ready': standard (relative URLs and an origin), secure (a secure
 * context, like https), fetch for the renderer's own files. Not bypassCSP, not CORS-enabled.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After app 'ready': answer app://specvet/… from `root`. */
export function handleAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(root, request.url));
}

/**
 * The response for one app:// URL. A path without a file extension that matches no file is
 * the single-page app's route and gets index.html; anything outside `root`, or on another
 * host, is 404.
 */
export async function serveRendererFile(root: string, url: string): Promise<Response> {
  const file = resolveInside(root, url);
  if (!file) return notFound();
  const found = await isFile(file);
  if (found) return fileResponse(file);
  if (extname(file) === '') return fileResponse(join(root, 'index.html'));
  return notFound();
}

function resolveInside(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const rootDir = normalize(root + sep);
  const file = normalize(join(rootDir, path === '/' ? 'index.html' : path));
  return file.startsWith(rootDir) ? file : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function fileResponse(file: string): Promise<Response> {
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: securityHeaders(type) });
  } catch {
    return notFound();
  }
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}
