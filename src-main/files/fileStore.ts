/**
 * The content-addressed spectrum file store: DIR/ab/abcdef….fits[.gz], named by the sha256
 * of the bytes. A file appears under its name only whole (written to a temporary name, then
 * renamed), so a crash mid-write leaves no half file where a reader would look.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rename, renameSync, rmSync, writeFile, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifySpectrum, verifySpectrumSync, type VerifyResult } from './verify';

export interface StoredFile {
  sha256: string;
  size: number;
}

export class SpectrumVerifyError extends Error {
  override name = 'SpectrumVerifyError';
}

// The callback forms: fs/promises goes through FileHandle objects, which measured ~2× the
// main-thread cost per small file here.
const writeFileCb = promisify(writeFile);
const renameCb = promisify(rename);

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

  /** Verifies and stores bytes; throws SpectrumVerifyError naming what is wrong with them. */
  async put(bytes: Uint8Array, what = 'spectrum file'): Promise<StoredFile> {
    const { sha256, target } = this.prepare(bytes, what, await verifySpectrum(bytes, what));
    if (existsSync(target)) return { sha256, size: bytes.length };
    const tmp = `${target}.${randomBytes(6).toString('hex')}.part`;
    this.ensureDir(sha256);
    try {
      await writeFileCb(tmp, bytes);
      await renameCb(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { sha256, size: bytes.length };
  }

  /** The synchronous twin of put, for callers inside a synchronous cache call. */
  putSync(bytes: Uint8Array, what = 'spectrum file'): StoredFile {
    const { sha256, target } = this.prepare(bytes, what, verifySpectrumSync(bytes, what));
    if (existsSync(target)) return { sha256, size: bytes.length };
    const tmp = `${target}.${randomBytes(6).toString('hex')}.part`;
    this.ensureDir(sha256);
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    return { sha256, size: bytes.length };
  }

  private prepare(bytes: Uint8Array, what: string, check: VerifyResult): { sha256: string; target: string } {
    if (!check.ok) throw new SpectrumVerifyError(check.reason.startsWith(what) ? check.reason : `${what}: ${check.reason}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, target: this.pathOf(sha256) };
  }
}
