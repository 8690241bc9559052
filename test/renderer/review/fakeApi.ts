/**
 * A stand-in for the renderer's API (src-renderer/api) in Node: one batch or more held in
 * memory, verdicts kept as the cache keeps them (newest wins, undo withdraws the newest not
 * pushed), bookmarks recorded. Enough of the host for the review logic to run as in the app.
 */
import type { BatchSummary, Item, Quality, SpecClass, Verdict, VerdictInput } from '../../../shared/model';

export const BATCH_ID = '7d3c4b2a-1f0e-4d5c-9b8a-0123456789ab';
export const OTHER_BATCH_ID = '0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';

export function batchOf(id: string, name: string, itemCount: number): BatchSummary {
  return { id, name, mode: 'single', assignee: 'demo', itemCount, reviewedCount: 0, bookmark: null, lastOpened: null, dueDate: null, state: 'active' };
}

/** `count` spectra, obsid 1000 + position, the pipeline calling each a galaxy at z = 0.1 + position/100. */
export function itemsOf(batchId: string, count: number, firstObsid = 1000): Item[] {
  return Array.from({ length: count }, (_, position) => ({
    batchId,
    obsid: firstObsid + position,
    position,
    lmjd: 58000,
    planid: 'P1',
    spid: 1,
    fiberid: position + 1,
    ra: 10,
    dec: 20,
    objtype: 'galaxy',
    tsource: 'SDSS',
    mag: { g: 18.9, r: 18.1, i: 17.8 },
    seeing: 3.1,
    moon: 0.6,
    pipeline: { class: 'GALAXY', subclass: '', z: 0.1 + position / 100, zErr: 0.0001, snr: { u: null, g: 5, r: 8, i: null, z: null } },
    filePath: `f${position}.fits.gz`,
    cached: true,
    verdict: null,
    history: [],
    assigned: true,
  }));
}

export function verdictFrom(input: VerdictInput, id: string, supersedes: string | null): Verdict {
  return { ...input, id, reviewer: 'demo', createdAt: '2025-01-01T00:00:00Z', supersedes, pushed: false };
}

interface Answer {
  class: SpecClass;
  z: number;
  quality: Quality;
}

export class FakeApi {
  items = new Map<string, Item[]>();
  /** Every verdict saved, oldest first; undo removes from the end. */
  verdicts: Verdict[] = [];
  saves: VerdictInput[] = [];
  bookmarks: Array<{ batchId: string; position: number }> = [];
  /** The spectra asked for (readSpectrum), in order; their bytes never come. */
  reads: number[] = [];
  /** The next saveVerdict fails with this message. */
  failNextSave: string | null = null;
  failBookmarks = false;
  batches: BatchSummary[] = [];
  private nextId = 1;

  reset(): void {
    this.items.clear();
    this.batches = [];
    this.verdicts = [];
    this.saves = [];
    this.bookmarks = [];
    this.reads = [];
    this.failNextSave = null;
    this.failBookmarks = false;
  }

  /** The answer the host holds for a spectrum, as a test would check it. */
  saved(obsid: number): Answer | null {
    const v = this.current(obsid);
    return v ? { class: v.class, z: v.z, quality: v.quality } : null;
  }

  /** The batches, each with the newest bookmark stored for it. */
  async listBatches(): Promise<BatchSummary[]> {
    return this.batches.map((b) => ({ ...b, bookmark: this.bookmarks.findLast((p) => p.batchId === b.id)?.position ?? b.bookmark }));
  }

  readSpectrum({ obsid }: { obsid: number }): Promise<Uint8Array> {
    this.reads.push(obsid);
    return new Promise(() => undefined);
  }

  async listItems({ batchId }: { batchId: string }): Promise<Item[]> {
    return (this.items.get(batchId) ?? []).map((it) => ({ ...it, verdict: this.current(it.obsid) }));
  }

  async saveVerdict(input: VerdictInput): Promise<Verdict> {
    this.saves.push(input);
    const failure = this.failNextSave;
    this.failNextSave = null;
    if (failure) throw new Error(failure);
    const v = verdictFrom(input, `v${this.nextId++}`, this.current(input.obsid)?.id ?? null);
    this.verdicts.push(v);
    return v;
  }

  async undoVerdict(): Promise<Verdict | null> {
    return this.verdicts.pop() ?? null;
  }

  async setBookmark(p: { batchId: string; position: number }): Promise<void> {
    if (this.failBookmarks) throw new Error('setBookmark: the disk is full');
    this.bookmarks.push(p);
  }

  private current(obsid: number): Verdict | null {
    return this.verdicts.findLast((v) => v.obsid === obsid) ?? null;
  }
}

export const fakeApi = new FakeApi();
