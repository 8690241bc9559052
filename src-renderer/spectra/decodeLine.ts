/**
 * The decoder window's line to its worker: at most two decodes in the worker at a time (one
 * decoding, the next ready behind it, so the worker never idles while an answer travels back),
 * the rest waiting here. The worker answers in the order it is posted to, so without this line
 * a spectrum the reviewer waits for (→ pressed past the spectra decoded ahead) would queue
 * behind every read-ahead already posted; here it goes before all that wait. A read-ahead whose
 * spectrum the window let go of before its turn is not decoded at all (its promise fails with
 * PAGED_PAST).
 */

/** Why a waiting decode was not made: its spectrum left the window before its turn. */
export const PAGED_PAST = 'paged past before its turn';

/** Decodes in the worker at once. */
const IN_WORKER = 2;

interface Waiting {
  work: () => Promise<unknown>;
  /** Someone waits for it now (not a read-ahead). */
  urgent: boolean;
  /** Still wanted: false once its spectrum has left the window. */
  wanted: () => boolean;
  resolve: (v: never) => void;
  reject: (e: Error) => void;
}

export class DecodeLine {
  private inWorker = 0;
  private readonly waiting: Waiting[] = [];

  /**
   * Runs `work` in its turn: an urgent one before every read-ahead (the last asked first: the
   * reviewer has moved on from the ones before), read-aheads in the order asked (nearest first).
   */
  take<T>(work: () => Promise<T>, urgent: boolean, wanted: () => boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, urgent, wanted, resolve: resolve as (v: never) => void, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.inWorker >= IN_WORKER) return;
    const turn = this.pick();
    if (!turn) return;
    this.inWorker++;
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
