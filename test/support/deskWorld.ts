/**
 * The desk's starting point in a world (issue 15): two reviewers whose verdicts on the same
 * spectrum disagree (STAR against GALAXY) and one problem report of the first, all arrived
 * through the real sync.
 */
import { expect } from 'vitest';
import type { Person } from '../central/fixtures';
import { assign, cacheOf, reviewer, syncOnce } from '../sync/world';
import type { World } from './world';

export interface DeskStart {
  /** The reviewer who reported the problem. */
  alice: Person;
  /** The one who disagrees with alice. */
  bob: Person;
  /** The spectrum the reviewers disagree on. */
  obsid: number;
  reportId: string;
}

/** `opts.bobAt`: when the second verdict was made (default `at`); `opts.fibres`: the report's range (default 2–3). */
export async function disagreeAndReport(w: World, at: Date, opts: { bobAt?: Date; fibres?: [number, number] } = {}): Promise<DeskStart> {
  const [fiberFrom, fiberTo] = opts.fibres ?? [2, 3];
  const alice = await reviewer(w);
  const bob = await reviewer(w);
  await assign(w, 'jan-a', [alice], 2);
  await assign(w, 'jan-b', [bob], 2);
  const [ca, cb] = [cacheOf(w, alice), cacheOf(w, bob)];
  await syncOnce(w, ca, alice);
  await syncOnce(w, cb, bob);
  let obsid = 0;
  for (const [cache, cls] of [[ca, 'STAR'], [cb, 'GALAXY']] as const) {
    const [b] = cache.listBatches();
    const [item] = cache.listItems(b!.id);
    obsid = item!.obsid;
    const when = cls === 'GALAXY' ? (opts.bobAt ?? at) : at;
    cache.addVerdict({ obsid, batchId: b!.id, class: cls, subclass: '', z: 0.1, quality: 3, flags: [], comment: cls === 'GALAXY' ? 'broad Hα?' : '' }, when);
  }
  const reportId = ca.addProblem({ lmjd: 60_000, planid: 'PLAN000', spid: 1, fiberFrom, fiberTo, type: 'dead fibres', origin: '2d', text: 'flat in all three arms' }, at).id;
  for (const [cache, p] of [[ca, alice], [cb, bob]] as const) expect((await syncOnce(w, cache, p)).failure ?? null).toBeNull();
  return { alice, bob, obsid, reportId };
}
