/**
 * The content-addressed spectrum file store: DIR/ab/abcdef….fits[.gz], named by the sha256
 * of the bytes. A file appears under its name only whole (written to a temporary name, then
 * renamed), so a crash mid-write leaves no half file where a reader would look.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifySpectrum, verifySpectrumSync, type VerifyResult } from './verify';

export interface StoredFile {
  sha256: string;
  size: number;
}

export class SpectrumVerifyError extends Error {
  override name = 'SpectrumVerifyError';
}

/**
 * Temporary names: the process id keeps two processes on one store (the app and `specvet
 * sync`) apart, the counter two writes in one process; no random bytes needed per file.
 */
let written = 0;

export class FileStore {
  /** Fan-out folders known to exist: saves a mkdir call per file. */
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  private ensureDir(sha256: string): void {
    const sub = sha256.slice(0, 2);
    if (this.made.has(sub)) return;
    mkdirSync(join(this.dir, sub), { recursive: true });
    this.made.add(sub);
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string): Uint8Array {
    return readFileSync(this.pathOf(sha256));
  }

  /**
   * Verifies and stores bytes; throws SpectrumVerifyError naming what is wrong with them.
   * Only the inflate goes to the thread pool. The write and rename are synchronous: as five
   * thread-pool round trips (inflate, open, write, close, rename) a file cost ~10 voluntary
   * context switches and ~26 futex calls, more CPU than the ~0.1 ms the main thread now
   * spends writing a 45 kB file to the local disk (figures in docs/sync.md).
   */
  async put(bytes: Uint8Array, what = 'spectrum file'): Promise<StoredFile> {
    return this.store(bytes, what, await verifySpectrum(bytes, what));
  }

  /** The synchronous twin of put, for callers inside a synchronous cache call. */
  putSync(bytes: Uint8Array, what = 'spectrum file'): StoredFile {
    return this.store(bytes, what, verifySpectrumSync(bytes, what));
  }

  private store(bytes: Uint8Array, what: string, check: VerifyResult): StoredFile {
    if (!check.ok) throw new SpectrumVerifyError(check.reason.startsWith(what) ? check.reason : `${what}: ${check.reason}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) return { sha256, size: bytes.length };
    this.ensureDir(sha256);
    const tmp = `${target}.${process.pid}-${++written}.part`;
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    return { sha256, size: bytes.length };
  }
}
