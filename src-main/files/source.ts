/**
 * Where spectrum files come from (SPECVET_DATA): a directory — typically an NFS mount of the
 * survey's archive — or an HTTP(S) base URL. Both answer `get(relativePath)` with the bytes,
 * or a FetchError that says whether trying again could help.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { isAbsolute, relative, resolve } from 'node:path';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    /** A timeout, a reset connection, a 5xx: worth another attempt. A 404 is not. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface FileSource {
  /** Where files come from, for messages (no credentials). */
  readonly description: string;
  get(relPath: string): Promise<Uint8Array>;
  close(): void;
}

/** Rejects paths that would leave the source's root ("../../etc/passwd", absolute paths). */
function checkRelative(relPath: string): void {
  if (relPath === '' || isAbsolute(relPath) || relPath.includes('\0') || relPath.split(/[\\/]/).includes('..')) {
    throw new FetchError(`file path "${relPath}" must stay inside the data source`, false);
  }
}

export class DirectorySource implements FileSource {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = this.root;
  }

  async get(relPath: string): Promise<Uint8Array> {
    checkRelative(relPath);
    const full = resolve(this.root, relPath);
    if (relative(this.root, full).startsWith('..')) throw new FetchError(`file path "${relPath}" leaves ${this.root}`, false);
    try {
      return await readFile(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
        throw new FetchError(`${full}: ${code === 'ENOENT' ? 'no such file' : code}`, false);
      }
      // EIO, ESTALE, ETIMEDOUT…: an NFS mount having a bad moment.
      throw new FetchError(`${full}: ${(err as Error).message}`, true);
    }
  }

  close(): void {}
}

export interface HttpSourceOptions {
  /** Parallel connections kept open to the server. */
  maxSockets?: number;
  /** Abandon a request that sends nothing for this long. */
  timeoutMs?: number;
}

export class HttpSource implements FileSource {
  readonly description: string;
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly client: typeof http | typeof https;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, opts: HttpSourceOptions = {}) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`SPECVET_DATA must be a directory or an http(s) URL, got ${this.base.protocol}//…`);
    }
    this.description = `${this.base.protocol}//${this.base.host}${this.base.pathname}`;
    this.client = this.base.protocol === 'https:' ? https : http;
    const AgentClass = this.base.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new AgentClass({ keepAlive: true, maxSockets: opts.maxSockets ?? 8 });
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  async get(relPath: string): Promise<Uint8Array> {
    checkRelative(relPath);
    return this.request(new URL(relPath.split(/[\\/]/).map(encodeURIComponent).join('/'), this.base));
  }

  private request(url: URL): Promise<Uint8Array> {
    return new Promise((resolvePromise, reject) => {
      const req = this.client.get(url, { agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume();
          reject(new FetchError(`${url.pathname}: HTTP ${status}`, status >= 500 || status === 429 || status === 408));
          return;
        }
        const expected = Number(res.headers['content-length'] ?? NaN);
        const chunks: Buffer[] = [];
        let got = 0;
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          got += c.length;
        });
        res.on('end', () => {
          // A connection cut mid-body can still end "cleanly"; the length tells the truth.
          if (Number.isFinite(expected) && got !== expected) {
            reject(new FetchError(`${url.pathname}: got ${got} of ${expected} bytes`, true));
          } else resolvePromise(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, got));
        });
        res.on('error', (err) => reject(new FetchError(`${url.pathname}: ${err.message}`, true)));
        res.on('aborted', () => reject(new FetchError(`${url.pathname}: connection cut mid-transfer`, true)));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${this.timeoutMs} ms`)));
      req.on('error', (err) => reject(new FetchError(`${url.host}${url.pathname}: ${err.message}`, true)));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** SPECVET_DATA as a source: an http(s) URL, else a directory path. */
export function openFileSource(spec: string): FileSource {
  return /^https?:\/\//i.test(spec) ? new HttpSource(spec) : new DirectorySource(spec);
}
