/**
 * A line to a worker that answers in the order it is posted to: at most `capacity` jobs in the
 * worker at a time, the rest waiting here, so what is waited for can go first and what is no
 * longer wanted is never made. At each turn every waiting job whose `wanted()` says no is
 * dropped (its promise fails with PAGED_PAST), then an urgent one goes in before every other
 * (the last asked first: the reviewer has moved on from the ones before), else the first asked.
 * The decoder's window uses two (one decoding, the next ready behind it, so the worker never
 * idles while an answer travels back); the fitter one (each fit's copies and answer are large).
 */

/** Why a waiting job was not made: no one wanted it any more when its turn came. */
const PAGED_PAST = 'paged past before its turn';

/** Whether a job failed only for being dropped unmade (nothing to tell anyone). */
export function pagedPast(err: unknown): boolean {
  return err instanceof Error && err.message === PAGED_PAST;
}

interface Waiting {
  work: () => Promise<unknown>;
  /** Someone waits for it now (not a read-ahead). */
  urgent: boolean;
  /** Still wanted: false once its spectrum has left the window, or its page was left. */
  wanted: () => boolean;
  resolve: (v: never) => void;
  reject: (e: Error) => void;
}

export class WorkLine {
  private inWorker = 0;
  private readonly waiting: Waiting[] = [];

  constructor(private readonly capacity: number) {}

  /** Runs `work` in its turn (the file's comment), if `wanted()` still says so then. */
  take<T>(work: () => Promise<T>, urgent: boolean, wanted: () => boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, urgent, wanted, resolve: resolve as (v: never) => void, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.inWorker >= this.capacity) return;
    const turn = this.pick();
    if (!turn) return;
    this.inWorker++;
    // The caller hears first (pageFits.ts keeps the summary its next wanted() reads), then the next turn.
    turn
      .work()
      .then(turn.resolve as (v: unknown) => void, turn.reject)
      .finally(() => {
        this.inWorker--;
        this.next();
      });
  }

  private pick(): Waiting | undefined {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const w = this.waiting[i]!;
      if (w.wanted()) continue;
      this.waiting.splice(i, 1);
      w.reject(new Error(PAGED_PAST));
    }
    let at = this.waiting.length - 1;
    while (at >= 0 && !this.waiting[at]!.urgent) at--;
    return this.waiting.splice(Math.max(0, at), 1)[0];
  }
}
