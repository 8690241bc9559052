/**
 * Results per spectrum (a decode, a fit) for the review screen: asked for once, kept while
 * their spectrum is near the current one, the neighbours asked for ahead, nearest first. So
 * paging through thousands never grows memory, and the next spectrum's result is ready.
 */
export class KeptNear<T> {
  private readonly kept = new Map<number, Promise<T>>();

  /** `ahead` / `behind`: how many spectra after / before the current one to keep ready. */
  constructor(private readonly load: (obsid: number) => Promise<T>, private readonly ahead: number, private readonly behind: number) {}

  get(obsid: number): Promise<T> {
    let p = this.kept.get(obsid);
    if (!p) {
      p = this.load(obsid);
      // A failure is not kept: the next visit tries again (the file may have been synced since).
      p.catch(() => this.kept.delete(obsid));
      this.kept.set(obsid, p);
    }
    return p;
  }

  /** Keeps the results around `index` of `obsids` (asking for the missing ones) and drops the rest. */
  focus(obsids: readonly number[], index: number): void {
    const wanted = new Set(obsids.slice(Math.max(0, index - this.behind), index + this.ahead + 1));
    for (const o of [...this.kept.keys()]) if (!wanted.has(o)) this.kept.delete(o);
    // Nearest first: the workers handle requests in order.
    for (let d = 1; d <= this.ahead; d++) {
      const after = obsids[index + d];
      if (after !== undefined) this.get(after).catch(() => undefined);
      const before = d <= this.behind ? obsids[index - d] : undefined;
      if (before !== undefined) this.get(before).catch(() => undefined);
    }
  }

  clear(): void {
    this.kept.clear();
  }
}
