/**
 * The central server's address, mysql://user[:password]@host[:port]/database: one set of rules
 * for the main process (which parses it) and the sign-in form (which says, while it is typed,
 * what is still wrong with it). A cluster's nodes are listed comma-separated in place of the
 * host, mysql://user@h1:3306,h2:3307,h3/database, and tried in that order.
 */
export interface NodeAddress {
  host: string;
  port: number;
}

export interface CentralTarget {
  /** The first node's (the one tried first). */
  host: string;
  port: number;
  /** Every node, in the order tried; the first is host:port. At least one. */
  nodes: readonly NodeAddress[];
  database: string;
  user: string;
  /** Present only when the address carried it. */
  password?: string;
  /** mysql://user@host:port/db — the same target without the password, safe to print. */
  display: string;
}

export type AddressPart = 'user' | 'host' | 'database';

/** What is wrong with an address, for each host to say in its own words. */
export type AddressProblem =
  | { kind: 'not-mysql'; protocol: string }
  | { kind: 'bad-port'; port: string }
  | { kind: 'not-url' }
  | { kind: 'missing'; parts: AddressPart[] };

export type AddressCheck = { ok: true; target: CentralTarget } | { ok: false; problem: AddressProblem };

export function checkCentralUrl(url: string): AddressCheck {
  const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (protocol !== undefined && protocol.toLowerCase() !== 'mysql') return { ok: false, problem: { kind: 'not-mysql', protocol } };
  const { user, password, rest } = splitUserInfo(url);
  // The user and password are taken off first: WHATWG URL parsing ends the authority at the
  // first '/', so a password with '/' or '@' would become a host or a path (and be printed).
  // Each listed node is then parsed as a URL of its own (a comma is not allowed in a host).
  const m = /^(mysql:\/\/)([^/?#]*)(.*)$/is.exec(rest);
  const hosts = m ? m[2]!.split(',') : [''];
  const urls: URL[] = [];
  for (const h of hosts) {
    const one = m ? `${m[1]}${h}${m[3]}` : rest;
    try {
      urls.push(new URL(one));
    } catch {
      const port = /^mysql:\/\/[^/]*:(\d*)(?:\/|$)/i.exec(one)?.[1];
      if (port !== undefined && (port === '' || Number(port) > 65535)) return { ok: false, problem: { kind: 'bad-port', port } };
      return { ok: false, problem: { kind: 'not-url' } };
    }
  }
  const u = urls[0]!;
  if (u.protocol !== 'mysql:') return { ok: false, problem: { kind: 'not-mysql', protocol: u.protocol.replace(/:$/, '') } };
  const database = decode(u.pathname.replace(/^\//, ''));
  const parts: AddressPart[] = [];
  if (!user) parts.push('user');
  if (urls.some((n) => !n.hostname)) parts.push('host');
  if (!database) parts.push('database');
  if (parts.length > 0) return { ok: false, problem: { kind: 'missing', parts } };
  const nodes = urls.map((n) => ({ host: n.hostname, port: n.port ? Number(n.port) : 3306 }));
  const target: CentralTarget = {
    host: nodes[0]!.host,
    port: nodes[0]!.port,
    nodes,
    database,
    user,
    ...(password ? { password } : {}),
    display: `mysql://${encodeURIComponent(user)}@${nodes.map(nodeName).join(',')}/${encodeURIComponent(database)}`,
  };
  return { ok: true, target };
}

/** host:port, as messages name a node. */
export const nodeName = (n: NodeAddress): string => `${n.host}:${n.port}`;

/**
 * mysql://user:password@rest → user, password and mysql://rest. The password runs to the last
 * '@' (people paste passwords unencoded; a host or database never holds '@'); percent-escapes
 * are decoded where valid, so an encoded password works too.
 */
function splitUserInfo(url: string): { user: string; password: string | undefined; rest: string } {
  const m = /^(mysql:\/\/)(.*)@([^@]*)$/is.exec(url);
  if (!m) return { user: '', password: undefined, rest: url };
  const info = m[2]!;
  const colon = info.indexOf(':');
  return {
    user: decode(colon < 0 ? info : info.slice(0, colon)),
    password: colon < 0 ? undefined : decode(info.slice(colon + 1)),
    rest: `${m[1]}${m[3]}`,
  };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses mysql://user[:password]@host[:port]/database; throws a one-line Error saying what is wrong. */
export function parseCentralUrl(url: string): CentralTarget {
  const r = checkCentralUrl(url);
  if (r.ok) return r.target;
  const p = r.problem;
  const shown = redact(url);
  switch (p.kind) {
    case 'not-mysql':
      throw new Error(`central server must be a mysql:// URL, got ${p.protocol}://…`);
    case 'bad-port':
      throw new Error(`central server "${shown}" has port ${p.port || 'nothing'}; a port is 1–65535 (MariaDB's is usually 3306)`);
    case 'not-url':
      throw new Error(`central server "${shown}" is not a URL; expected mysql://user@host:3306/database`);
    case 'missing':
      throw new Error(`central server "${shown}" needs a user, host and database: mysql://user@host:3306/database`);
  }
}

/** The URL with any password replaced, for messages and logs: everything up to the last '@'. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):.*@/is, '$1:***@');
}
