/**
 * Who may talk to the web host. A page on another site can make the browser send requests to
 * 127.0.0.1 (CSRF) or resolve its own name to 127.0.0.1 (DNS rebinding); both are refused
 * here by checking the Host and Origin headers against the addresses we listen on. Every API
 * request must also carry the secret (secret.ts): other accounts on the same machine reach
 * 127.0.0.1 as easily as we do, and no header check tells them apart.
 */
import type { IncomingMessage } from 'node:http';
import { secretMatches } from './secret';

export interface GuardPolicy {
  /**
   * host:port values a browser may put in Host; null accepts any (only when bound to every
   * interface: the machine's names are not known, and the secret stops rebinding).
   */
  allowedHosts: ReadonlySet<string> | null;
  /** What every API request must carry as `Authorization: Bearer <secret>`. */
  secret: string;
}

export interface Refusal {
  status: number;
  message: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The Host values a browser uses for us: loopback names plus the interface we are bound to. */
export function allowedHostsFor(bindHost: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  names.add(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** Host and Origin checks, for every request (the app shell too: a rebinding page must not get it). */
export function checkRequest(req: IncomingMessage, policy: GuardPolicy): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (host === '' || (policy.allowedHosts !== null && !policy.allowedHosts.has(host))) {
    return { status: 421, message: `requests for host "${host}" are refused; open the address specvet serve printed` };
  }
  // Same origin only: the page that sends the request must come from this very server.
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && originHost(origin) !== host) {
    return { status: 403, message: `requests from ${origin} are refused (cross-site)` };
  }
  if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site') {
    return { status: 403, message: 'cross-site requests are refused' };
  }
  return null;
}

/**
 * The secret check, for API requests. Static files are served without it: they hold no
 * data, and the page must load before it can read the secret from its own URL.
 */
export function checkSecret(req: IncomingMessage, policy: GuardPolicy): Refusal | null {
  if (secretMatches(presentedSecret(req), policy.secret)) return null;
  return { status: 401, message: 'this server needs its secret: open the URL (with #token=…) that specvet serve printed' };
}

function originHost(origin: string): string {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' ? u.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

/**
 * The secret from `Authorization: Bearer`, and from nowhere else: a query string ends up in
 * logs and history, and a cookie for 127.0.0.1 is sent to every port there, so to another
 * account's server as well.
 */
export function presentedSecret(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : null;
}
