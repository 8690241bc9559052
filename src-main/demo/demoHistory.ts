/**
 * Two colleagues' earlier verdicts on the first spectra of the demo's single batch, so the side
 * panel's "earlier verdicts" (the central history a sync pulls) has something to show offline:
 * one agrees with the pipeline, one calls the first spectrum something else (marked ≠ when your
 * answer is the pipeline's). Loaded in the same pull page as the batches, already "pushed".
 */
import type { CentralItem, CentralVerdict } from '../sync/contract';
import { demoUuid } from './demoBatches';

export const DEMO_COLLEAGUES = ['li.wei', 'zhang.min'] as const;

export function demoHistory(items: readonly CentralItem[], singleBatchId: string, createdAt: string): CentralVerdict[] {
  const first = items.filter((i) => i.batchId === singleBatchId && i.position < 2);
  const day = (d: number) => new Date(Date.parse(createdAt) - d * 86_400_000).toISOString();
  const verdict = (it: CentralItem, reviewer: string, over: Partial<CentralVerdict>, daysAgo: number): CentralVerdict => ({
    id: demoUuid(`history:${reviewer}:${it.obsid}`),
    obsid: it.obsid,
    batchId: it.batchId,
    reviewer,
    class: it.class,
    subclass: it.subclass,
    z: it.z,
    quality: 3,
    flags: [],
    comment: '',
    supersedes: null,
    createdAt: day(daysAgo),
    rev: '1',
    ...over,
  });
  return first.flatMap((it) => [
    verdict(it, DEMO_COLLEAGUES[0], { quality: 4 }, 9),
    verdict(it, DEMO_COLLEAGUES[1], { class: it.class === 'QSO' ? 'GALAXY' : 'QSO', z: Math.round((it.z + 1.2) * 1e4) / 1e4, quality: 2, comment: 'broad line at the blue end?' }, 3),
  ]);
}
