/**
 * A real MariaDB for tests and benchmarks. With MYSQL_URL set (e.g. mysql://root@127.0.0.1:3306,
 * the machine's own server) that server is used; otherwise `startMariaDb()` makes a throwaway
 * one: mariadb-install-db into a temp dir, then mariadbd --no-defaults on a free port bound to
 * 127.0.0.1 with its own socket and pid file, removed again by `stop()`.
 *
 * Databases are per test (`createTestDatabase`), but accounts and roles are server-global:
 * tests must pick unique user names (`uniqueName`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

export interface RunningServer {
  /** Admin URL without a database, e.g. mysql://root@127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
}

/** The admin URL tests use: MYSQL_URL, which the global setup sets when it starts a server. */
export function adminUrl(): string {
  const url = process.env.MYSQL_URL;
  if (!url) throw new Error('MYSQL_URL is not set: run tests through vitest (its global setup starts MariaDB) or set MYSQL_URL');
  return url;
}

/** MYSQL_URL's server if set, else a throwaway one (for benchmarks and the global setup). */
export async function useOrStartMariaDb(): Promise<RunningServer> {
  const url = process.env.MYSQL_URL;
  if (url) return { url, stop: async () => {} };
  return startMariaDb();
}

export async function startMariaDb(): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'specvet-mariadb-'));
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const tmp = join(dir, 'tmp');
  await mkdir(tmp);
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
  ]);
  const port = await freePort();
  const child = spawn(
    mariadbd(),
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=128M',
      '--innodb-log-file-size=64M',
      // A throwaway server: durability per commit is not what tests measure.
      '--innodb-flush-log-at-trx-commit=2',
      '--max-connections=700',
      '--max-allowed-packet=64M',
      `--log-error=${join(dir, 'error.log')}`,
      // Its own directory for on-disk temporary tables: files left in /tmp itself were removed
      // from under a long query by something else on a shared machine ("Error on delete of
      // '/tmp/#sql-temptable-….MAI'").
      `--tmpdir=${tmp}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // If the test runner exits without its teardown (an uncaught error), take the server along.
  const killOnExit = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForSocket(socket, child, () => stderr);
    // root@localhost exists; tests connect over TCP from 127.0.0.1 as an account for '%'.
    const c = await mysql.createConnection({ socketPath: socket, user: 'root' });
    await c.query("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'");
    await c.query("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
    await c.end();
  } catch (err) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function mariadbd(): string {
  for (const p of ['/usr/sbin/mariadbd', '/usr/sbin/mysqld']) if (existsSync(p)) return p;
  return 'mariadbd';
}

export function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', (e) => reject(new Error(`${cmd} could not start (${e.message}); install mariadb-server or set MYSQL_URL`)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${out.slice(-2000)}`))));
  });
}

export async function waitForSocket(socket: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}: ${log().slice(-2000)}`);
    if (existsSync(socket)) {
      try {
        const c = await mysql.createConnection({ socketPath: socket, user: 'root' });
        await c.end();
        return;
      } catch {
        // not ready yet
      }
    }
    if (Date.now() > deadline) throw new Error(`mariadbd did not accept connections within ${timeoutMs / 1000} s: ${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A name no other test (in this or another process) uses: accounts are server-global. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  /** mysql://root@127.0.0.1:PORT/DB — the admin URL with this database. */
  url: string;
  database: string;
  /** Drops the database and the accounts of its members (chk_member). */
  cleanup(): Promise<void>;
}

/** A uniquely named database, migrated to the newest schema unless `migrate: false`. */
export async function createTestDatabase(opts: { migrate?: boolean; adminUrl?: string } = {}): Promise<TestDatabase> {
  const base = opts.adminUrl ?? adminUrl();
  const database = uniqueName('specvet_t');
  const admin = await mysql.createConnection(base);
  try {
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const url = `${base.replace(/\/+$/, '')}/${database}`;
  if (opts.migrate !== false) {
    const { migrateUrl } = await import('../../src-main/central/migrate');
    await migrateUrl(url);
  }
  return {
    url,
    database,
    async cleanup() {
      const c = await mysql.createConnection(base);
      try {
        // Accounts are server-wide: drop the ones this database's members made, so a shared
        // server (MYSQL_URL) does not collect test users.
        const [rows] = await c.query(`SELECT user FROM \`${database}\`.chk_member`).catch(() => [[]]);
        for (const { user } of rows as { user: string }[]) await c.query("DROP USER IF EXISTS ?@'%'", [user]);
        await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await c.end();
      }
    },
  };
}
