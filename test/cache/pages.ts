/** Builds central-shaped pages (batches, items, verdicts) the way a pull or the demo loader does. */
import { randomUUID } from 'node:crypto';
import type { CentralBatch, CentralItem, CentralVerdict, PullPage } from '../../src-main/sync/contract';

export function batchOf(over: Partial<CentralBatch> = {}): CentralBatch {
  return {
    id: randomUUID(),
    name: 'B1',
    mode: 'single',
    assignee: 'alice',
    state: 'active',
    createdAt: '2026-11-01T00:00:00.000Z',
    dueDate: null,
    rev: '1',
    ...over,
  };
}

export function itemsOf(batchId: string, n: number, first = 1, over: Partial<CentralItem> = {}): CentralItem[] {
  return Array.from({ length: n }, (_, k) => ({
    batchId,
    obsid: first + k,
    position: k,
    assigned: true,
    lmjd: 58000 + (k % 3),
    planid: `PLAN${k % 5}`,
    spid: 1 + (k % 16),
    fiberid: 1 + (k % 250),
    ra: 10 + k / 1000,
    dec: -5 + k / 2000,
    objtype: 'Star',
    tsource: 'LEGAS',
    mag: { g: 15 + k / 100, r: 14.5, i: null },
    seeing: 2.5,
    moon: 0.25,
    class: 'STAR',
    subclass: 'G2',
    z: 0.0001 * k,
    zErr: 0.00001,
    snr: { u: 1, g: 10 + k, r: null, i: 12, z: 3 },
    filePath: `spec/${first + k}.fits.gz`,
    rev: '2',
    ...over,
  }));
}

export function verdictOf(over: Partial<CentralVerdict> & Pick<CentralVerdict, 'obsid' | 'batchId'>): CentralVerdict {
  return {
    id: randomUUID(),
    reviewer: 'bob',
    class: 'GALAXY',
    subclass: '',
    z: 0.1,
    quality: 3,
    flags: [],
    comment: '',
    supersedes: null,
    createdAt: '2026-11-02T00:00:00.000Z',
    rev: '3',
    ...over,
  };
}

export function page(over: Partial<PullPage>): PullPage {
  return { batches: [], items: [], verdicts: [], problems: [], rev: '1', more: false, ...over };
}
