/**
 * Results per spectrum (a decode, a fit) for the review screen: asked for once, kept while
 * their spectrum is near the current one, the neighbours asked for ahead, nearest first. So
 * paging through thousands never grows memory, and the next spectrum's result is ready.
 */
export class KeptNear<T> {
  private readonly kept = new Map<number, Promise<T>>();
  /** The kept results that have arrived, so a key can show one in its own render, not a task later. */
  private readonly settled = new Map<number, T>();

  /**
   * `load(obsid, kept, ahead)`: `kept()` says whether its result is still wanted (a load that
   * waits for its turn can skip work the reviewer paged past); `ahead`: asked for by focus()
   * (read ahead), not by get() (someone waits for it now). `ahead` / `behind`: how many spectra after /
   * before the current one to keep ready. `dropped`: told each arrived result the window lets go
   * of (nothing here holds it any more).
   */
  constructor(
    private readonly load: (obsid: number, kept: () => boolean, ahead: boolean) => Promise<T>,
    private readonly ahead: number,
    private readonly behind: number,
    private readonly dropped?: (result: T) => void,
  ) {}

  get(obsid: number): Promise<T> {
    return this.start(obsid, false);
  }

  /** The result for `obsid` if it is kept and has arrived; undefined while loading or not asked for. */
  ready(obsid: number): T | undefined {
    return this.settled.get(obsid);
  }

  /** Whether a result for `obsid` is kept: arrived, or on its way. */
  has(obsid: number): boolean {
    return this.kept.has(obsid);
  }

  /** Keeps the results around `index` of `obsids` (asking for the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    const wanted = new Set(obsids.slice(Math.max(0, index - this.behind), index + this.ahead + 1));
    for (const o of [...this.kept.keys()]) if (!wanted.has(o)) this.drop(o);
    // Nearest first: the workers handle requests in order.
    for (let d = 1; d <= this.ahead; d++) {
      const after = obsids[index + d];
      if (after !== undefined) this.start(after, true).catch(() => undefined);
      const before = d <= this.behind ? obsids[index - d] : undefined;
      if (before !== undefined) this.start(before, true).catch(() => undefined);
    }
  }

  clear(): void {
    this.kept.clear();
    this.settled.clear();
  }

  private start(obsid: number, ahead: boolean): Promise<T> {
    let p = this.kept.get(obsid);
    if (!p) {
      const loading: Promise<T> = this.load(obsid, () => this.kept.get(obsid) === loading, ahead);
      p = loading;
      loading.then(
        (v) => this.kept.get(obsid) === loading && this.settled.set(obsid, v),
        // A failure is not kept: the next visit tries again (the file may have been synced since).
        () => this.kept.get(obsid) === loading && this.kept.delete(obsid),
      );
      this.kept.set(obsid, p);
    }
    return p;
  }

  private drop(obsid: number): void {
    const result = this.settled.get(obsid);
    this.kept.delete(obsid);
    this.settled.delete(obsid);
    if (result !== undefined) this.dropped?.(result);
  }
}
