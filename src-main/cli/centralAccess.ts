/**
 * What the CLI's server commands (sync, and the admin/coordinator ones) share: the server from
 * SPECVET_CENTRAL with its password (from the URL, else asked on a terminal, else none), and
 * server failures turned into one-line messages.
 */
import type { CentralTarget } from '../config/config';
import { CentralError } from '../central/centralClient';
import type { ServerAddress } from '../central/connection';
import { ER_ACCESS_DENIED, toCentralError } from '../central/mysqlErrors';

export interface PasswordSource {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** stdin carries something else (e.g. a new user's password): never prompt on it. */
  stdinTaken?: boolean;
  prompt(question: string, input: NodeJS.ReadableStream, echoTo: NodeJS.WritableStream): Promise<string>;
}

/**
 * Without a password and a terminal to ask on, the address has none: an account without a
 * password is legitimate (scripts, a local root), so the server decides; when it refuses,
 * explain() / noPasswordMessage() say how to give one.
 */
export async function serverAddress(target: CentralTarget, src: PasswordSource): Promise<ServerAddress> {
  let password = target.password;
  if (password === undefined && src.stdin.isTTY && !src.stdinTaken) {
    password = await src.prompt(`password for ${target.display}: `, src.stdin, src.stderr);
  }
  return { host: target.host, port: target.port, user: target.user, database: target.database, ...(password !== undefined ? { password } : {}) };
}

const ER_DUP_ENTRY = 1062;

/** The server refused the login's password (also when the sync engine already mapped it). */
export function isPasswordRefused(err: unknown): boolean {
  return (err as { errno?: number })?.errno === ER_ACCESS_DENIED || (err instanceof CentralError && err.kind === 'auth');
}

/** The server refused an empty password: say how to give one rather than "wrong password". */
export function noPasswordMessage(a: { user: string; host: string; port: number; database?: string }, canPrompt = true): string {
  const url = `mysql://${encodeURIComponent(a.user)}:PASSWORD@${a.host}:${a.port}/${encodeURIComponent(a.database ?? 'DATABASE')}`;
  return `no password for ${a.user}: put it in SPECVET_CENTRAL (${url})${canPrompt ? ' or run on a terminal to be asked' : ''}`;
}

/** A message for the person at the terminal, or null when the error is not theirs to fix. */
export function explain(err: unknown, a: ServerAddress, opts: { canPrompt?: boolean } = {}): string | null {
  if (err instanceof RangeError) return err.message;
  if (a.password === undefined && isPasswordRefused(err)) return noPasswordMessage(a, opts.canPrompt);
  if ((err as { errno?: number }).errno === ER_DUP_ENTRY) {
    return `that already exists on the server (${(err as { sqlMessage?: string }).sqlMessage ?? 'duplicate'}); choose another name`;
  }
  const central = toCentralError(err, { user: a.user, host: a.host, port: a.port, database: a.database ?? '' });
  return central instanceof CentralError ? central.message : null;
}

/** Reads the first line of a stream (a password given with --password-stdin). */
export async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}
