/**
 * Calls into a Web Worker as promises: each request gets an id, the worker answers it by id
 * (workerAnswer.ts on its side), and a worker that dies rejects every call waiting on it, so
 * nothing hangs. Used by the spectrum decoder and the assistant's fitter alike; the worker is
 * started on the first call (or `start()`), and started again after a failure.
 */

/** The worker's answer to one call; `ms`: the worker's own time for it (the benchmarks read it). */
export type CallReply<T> = { id: number; ok: true; result: T; ms: number } | { id: number; ok: false; message: string };

/** A call as the worker receives it: the request and the id to answer with. */
export type Call<Req> = Req & { id: number };

/** What a worker must let this class do (a real Worker; the tests' stand-in). */
export interface CallTarget {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export interface WorkerCallsOptions {
  /** Makes the worker, and sends it what it needs before any call (the fit's templates). */
  start: () => CallTarget | Promise<CallTarget>;
  /** How a failure of the worker itself begins, for the person: "the fit stopped". */
  stopped: string;
  /**
   * Replace the worker after this many calls, once none is waiting: its heap goes with it
   * (V8 frees a worker's large buffers only on a major GC it is in no hurry to run). The new
   * one is started as the last answer arrives, so the next call (maybe one a reviewer waits
   * for) finds it running rather than waiting for its script to load.
   */
  callsPerWorker?: number;
  /** Told after a worker failure rejected the calls (a client drops what it kept). */
  onFail?: () => void;
}

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void };

export class WorkerCalls<Req extends object, Res> {
  private worker: CallTarget | null = null;
  private starting: Promise<CallTarget> | null = null;
  private nextId = 1;
  private callsOnWorker = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: WorkerCallsOptions) {}

  /** Starts the worker now if it is not running (e.g. while a call's input is on its way). */
  start(): CallTarget | Promise<CallTarget> {
    if (this.worker) return this.worker;
    if (this.starting) return this.starting;
    const made = this.options.start();
    if (!('then' in made)) return this.attach(made);
    this.starting = made.then(
      (w) => ((this.starting = null), this.attach(w)),
      (err: unknown) => {
        this.starting = null;
        throw err;
      },
    );
    return this.starting;
  }

  /**
   * One call. `transfer`: buffers handed to the worker (the caller must not use them after).
   * With the worker running the request is posted at once, so calls reach it in call order.
   */
  async call(request: Req, transfer: Transferable[] = []): Promise<Res> {
    this.recycle();
    const started = this.start();
    const worker = 'then' in started ? await started : started;
    this.callsOnWorker++;
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject });
      worker.postMessage({ ...request, id } satisfies Call<Req>, transfer);
    });
  }

  /** Stops the worker; calls still waiting are rejected. */
  terminate(): void {
    this.failAll('the worker was stopped');
  }

  private attach(w: CallTarget): CallTarget {
    this.callsOnWorker = 0;
    w.onmessage = (e: MessageEvent<CallReply<Res>>) => this.settle(e.data);
    w.onerror = (e) => {
      this.failAll(`${this.options.stopped}: ${e.message || 'worker error'}`);
      this.options.onFail?.();
    };
    this.worker = w;
    return w;
  }

  /** Stops a worker past its quota with no call waiting; whether it did. */
  private recycle(): boolean {
    const limit = this.options.callsPerWorker;
    if (!this.worker || limit === undefined || this.callsOnWorker < limit || this.pending.size > 0) return false;
    this.worker.terminate();
    this.worker = null;
    return true;
  }

  private settle(reply: CallReply<Res>): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result as never);
    else p.reject(new Error(reply.message));
    if (this.recycle()) void Promise.resolve(this.start()).catch(() => undefined);
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }
}
