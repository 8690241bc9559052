/**
 * Chromium driven over the DevTools protocol on a pipe, with nothing enabled that we did not
 * ask for. Playwright turns on the Network domain for every page, and the renderer then keeps
 * a copy of each response body (up to ~100 MB) for DevTools — fine for tests, wrong when the
 * renderer's own memory is what is being measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/support';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class CdpBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly out: Writable,
    input: Readable,
  ) {
    input.on('data', (d: Buffer) => this.receive(d.toString('utf8')));
  }

  static launch(): CdpBrowser {
    const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless', '--remote-debugging-pipe', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    const stdio = child.stdio as unknown as [null, null, null, Writable, Readable];
    return new CdpBrowser(child, stdio[3], stdio[4]);
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.out.write(message + '\0');
    });
  }

  /** Opens a tab at `url` and returns its flat session id. */
  async open(url: string): Promise<string> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return sessionId;
  }

  /** Evaluates an expression in the page, awaiting a promise; throws the page's exception. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    // Right after a tab opens its document may not exist yet.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.evaluateOnce<T>(sessionId, expression);
      } catch (err) {
        if (attempt > 100 || !/execution context/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  private async evaluateOnce<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.send('Browser.close').catch(() => undefined);
    await exited;
  }

  private receive(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      if (msg.id === undefined) continue;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    }
  }
}
