/**
 * Who may talk to the web host. A page on another site can make the browser send requests to
 * 127.0.0.1 (CSRF) or resolve its own name to 127.0.0.1 (DNS rebinding); both are refused
 * here by checking the Host and Origin headers against the addresses we listen on. Bound to
 * another interface, every request must also carry the token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'specvet_token';

export interface GuardPolicy {
  /**
   * host:port values a browser may put in Host; null accepts any (only when bound to every
   * interface with a token: the machine's names are not known, and the token stops rebinding).
   */
  allowedHosts: ReadonlySet<string> | null;
  /** null on loopback without --token. */
  token: string | null;
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
  if (policy.token !== null && !tokenMatches(presentedToken(req), policy.token)) {
    return { status: 401, message: 'this server needs its token: open the URL with ?token=… that specvet serve printed' };
  }
  return null;
}

function originHost(origin: string): string {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' ? u.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

/** The token from `Authorization: Bearer`, the cookie set on first visit, or ?token=. */
export function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  if (cookie) return decodeURIComponent(cookie.slice(TOKEN_COOKIE.length + 1));
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
  return query;
}

export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
