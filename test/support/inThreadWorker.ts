/**
 * The browser's Worker for renderer tests in Node, in this thread: the worker's real module
 * runs against its own `self`, and messages are structured-cloned with their transfers, as
 * postMessage does (a transferred buffer is detached on the sending side). Each module is
 * loaded once, so each kind of worker may be started once per test file (the decoder replaces
 * its worker only after 50 decodes). Install with `vi.stubGlobal('Worker', InThreadWorker)`.
 */
type Scope = { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };

export class InThreadWorker {
  /** Told each message the page posts to a worker, before it is cloned (the tests' log). */
  static posted: (message: Record<string, unknown>) => void = () => {};
  /** Told each message a worker (its module's file name) posts back, as the page receives it. */
  static answered: (worker: string, message: unknown) => void = () => {};
  private static readonly started = new Set<string>();
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  private readonly scope: Promise<Scope>;

  constructor(url: URL) {
    const file = url.pathname.split('/').pop()!;
    if (InThreadWorker.started.has(file)) throw new Error(`${file} started twice`);
    InThreadWorker.started.add(file);
    const scope: Scope = { onmessage: null, postMessage: (m, transfer = []) =>
        setTimeout(() => {
          const data = structuredClone(m, { transfer });
          InThreadWorker.answered(file, data);
          this.onmessage?.({ data });
        }),
    };
    (globalThis as { self?: unknown }).self = scope;
    this.scope = import(url.pathname).then(() => scope);
  }

  postMessage(m: Record<string, unknown>, transfer: Transferable[] = []): void {
    InThreadWorker.posted(m);
    const copy = structuredClone(m, { transfer });
    void this.scope.then((s) => s.onmessage?.({ data: copy }));
  }

  terminate(): void {}
}
