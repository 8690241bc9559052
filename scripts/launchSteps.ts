/**
 * The real steps behind `npm start` (see launch.ts for the decision): find or fetch
 * Electron's binary, build better-sqlite3 for Electron's ABI into .cache/electron-native/
 * (never in place: the CLI and the tests load node_modules' copy with Node's ABI), keep
 * dist/ fresh, and run the app or the web edition.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchSteps, Outcome } from './launchTypes';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const SQLITE_DIR = join(ROOT, 'node_modules', 'better-sqlite3');
/** Long enough for a download on a normal line, short enough not to stall an offline start. */
const INSTALL_TIMEOUT_MS = 120_000;
/** Compiling SQLite takes a few minutes on a slow machine; fetching headers fails fast offline. */
const NATIVE_BUILD_TIMEOUT_MS = 15 * 60_000;

export function realSteps(): LaunchSteps {
  return {
    display: () => displayAvailable(process.env, process.platform),
    findElectron: () => electronBinary(ELECTRON_DIR),
    installElectron: async () => {
      const r = await run(process.execPath, [join(ELECTRON_DIR, 'install.js')], { cwd: ROOT, timeoutMs: INSTALL_TIMEOUT_MS });
      return r.ok ? { ok: true, value: undefined } : r;
    },
    electronNativeBinding: () => buildElectronSqlite(),
  };
}

export function displayAvailable(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Outcome<void> {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true, value: undefined };
  return { ok: false, reason: 'neither DISPLAY nor WAYLAND_DISPLAY is set' };
}

/** The executable named by the electron package's path.txt, if it is really there. */
export function electronBinary(electronDir: string): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function electronVersion(): string {
  return (JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A copy of better-sqlite3 compiled against Electron's headers, reused while it is current. */
async function buildElectronSqlite(): Promise<Outcome<string>> {
  const version = electronVersion();
  const dir = join(ROOT, '.cache', 'electron-native', version, 'better-sqlite3');
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  const source = join(SQLITE_DIR, 'package.json');
  if (existsSync(binding) && statSync(binding).mtimeMs >= statSync(source).mtimeMs) return { ok: true, value: binding };

  console.log(`building better-sqlite3 for Electron ${version} (once; cached in .cache/electron-native/)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SQLITE_DIR, dir, { recursive: true, filter: (src) => !/[/\\](build|node_modules)$/.test(src) });
  const gyp = join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = await run(
    process.execPath,
    [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: dir, timeoutMs: NATIVE_BUILD_TIMEOUT_MS },
  );
  if (!r.ok) return r;
  return existsSync(binding) ? { ok: true, value: binding } : { ok: false, reason: `node-gyp left no ${binding}` };
}

interface RunOptions {
  cwd: string;
  timeoutMs: number;
}

/** Runs a command quietly; on failure the reason is the most telling line of its output. */
function run(cmd: string, args: string[], o: RunOptions): Promise<Outcome<void>> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), o.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: err.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true, value: undefined });
      const reason = signal ? `no result within ${Math.round(o.timeoutMs / 1000)} s` : tellingLine(output) || `exit code ${code}`;
      resolve({ ok: false, reason });
    });
  });
}

/** The most telling line of a tool's failure output, trimmed to one short line. */
export function tellingLine(output: string): string {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/.test(output) && /gyp ERR!/.test(output)) {
    return "Electron's headers could not be downloaded from electronjs.org";
  }
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|failed|ENOTFOUND|EAI_AGAIN/i.test(l)) ?? lines.at(-1) ?? '';
  return line.replace(/^gyp ERR! (stack )?/, '').slice(0, 200);
}

/** Rebuilds dist/renderer (and dist/main with `main`) when missing or older than sources. */
export async function ensureBuilt(o: { main: boolean }): Promise<void> {
  const renderer = join(ROOT, 'dist', 'renderer', 'index.html');
  if (isStale(renderer, ['src-renderer', 'shared', 'vite.config.ts', 'index.html'])) await buildPart('--renderer');
  const main = join(ROOT, 'dist', 'main', 'electron-main.cjs');
  if (o.main && isStale(main, ['src-main', 'shared'])) await buildPart('--main');
}

function isStale(output: string, inputs: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((i) => newestMtime(join(ROOT, i)) > built);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

async function buildPart(flag: '--main' | '--renderer'): Promise<void> {
  const code = await inherit(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), flag], process.env);
  if (code !== 0) throw new Error(`npm run build ${flag} failed`);
}

export function runElectron(binary: string, nativeBinding: string): Promise<number> {
  return inherit(binary, [ROOT], { ...process.env, SPECVET_SQLITE_BINDING: nativeBinding });
}

export function runWebEdition(args: string[]): Promise<number> {
  return inherit(process.execPath, [join(ROOT, 'bin', 'specvet.mjs'), 'serve', ...args], process.env);
}

/** Runs a child on our terminal until it ends, and stops it when we are told or left to stop. */
export function inherit(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    // Stopping `npm start` stops the app or server it started (Ctrl+C reaches both already;
    // a SIGTERM from a process manager reaches only us).
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // A SIGTERM sent to npm itself may end npm and its `sh -c` without reaching us: once our
    // parent is gone, nobody can stop the server any more, so stop it ourselves.
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) forward('SIGTERM');
    }, 500);
    orphaned.unref();
    const done = (code: number) => {
      clearInterval(orphaned);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (err) => {
      console.error(`cannot run ${cmd}: ${err.message}`);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
