/**
 * The web edition's secret. Astronomers share login nodes, and anything listening on
 * 127.0.0.1 is reachable by every account on the machine, so every API call must carry a
 * secret that only the person who started `specvet serve` knows. It comes from one of:
 * - a file only they can read (`--token-file PATH`),
 * - SPECVET_TOKEN (Linux shows a process's environment only to its owner and root),
 * - otherwise a fresh random one for each start.
 * Never from the command line: `ps` shows every process's arguments to every account.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { UsageError, UserError } from '../command/command';

/**
 * A floor for secrets people choose: 128 random bits as `openssl rand -base64 16` writes them.
 * Length cannot prove randomness; it catches a password or a placeholder put there by mistake.
 */
export const MIN_SECRET_CHARS = 24;
/** A header value, not a document: anything longer is a wrong file. */
const MAX_SECRET_CHARS = 512;

/** 256 random bits, URL-safe so it goes into the printed URL's fragment unescaped. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Checks a secret someone chose; `from` names where it came from, for the message. */
export function checkGivenSecret(secret: string, from: string): string {
  if (secret.length < MIN_SECRET_CHARS) {
    throw new UsageError(`the secret in ${from} must be at least ${MIN_SECRET_CHARS} characters (e.g. openssl rand -hex 16)`);
  }
  if (secret.length > MAX_SECRET_CHARS || !/^[\x21-\x7e]+$/.test(secret)) {
    throw new UsageError(`the secret in ${from} must be one line of at most ${MAX_SECRET_CHARS} printable characters without spaces`);
  }
  return secret;
}

/**
 * Reads a secret from a file that only this account can read or change. Opened first and
 * checked through the open descriptor, so the file cannot be swapped between check and read.
 */
export function readSecretFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read --token-file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`--token-file ${path} is not a regular file`);
    // Windows has no such mode bits (its ACLs are not visible here); POSIX systems do.
    if (process.platform !== 'win32') {
      if ((st.mode & 0o077) !== 0) {
        const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
        throw new UsageError(`--token-file ${path} can be read or changed by other accounts (mode ${mode}); run chmod 600 ${path}`);
      }
      const uid = process.getuid?.();
      if (uid !== undefined && st.uid !== uid) throw new UsageError(`--token-file ${path} belongs to another account; use a file of your own (chmod 600)`);
    }
    return checkGivenSecret(readFileSync(fd, 'utf8').trim(), `--token-file ${path}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a presented secret is the expected one, in time that depends on neither: both are
 * hashed first, so even their lengths do not show in how long the comparison takes.
 */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
