/**
 * The desk's starting point in a world (issue 15): two reviewers whose verdicts on the same
 * spectrum disagree (STAR at z 0.1 against GALAXY at z 0.3) and one problem report of the
 * first, all arrived through the real sync; more reports on other spectrographs by request.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { ProblemInput, SpecClass } from '../../shared/model';
import type { Person } from '../central/fixtures';
import { createBatches } from '../../src-main/central/batches';
import { createPool } from '../../src-main/central/connection';
import { loginOf } from '../sync/world';
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
    cache.addVerdict({ obsid, batchId: b!.id, class: cls, subclass: '', z: cls === 'STAR' ? 0.1 : 0.3, quality: 3, flags: [], comment: cls === 'GALAXY' ? 'broad Hα?' : '' }, when);
  }
  const reportId = ca.addProblem({ lmjd: 60_000, planid: 'PLAN000', spid: 1, fiberFrom, fiberTo, type: 'dead fibres', origin: '2d', text: 'flat in all three arms' }, at).id;
  for (const [cache, p] of [[ca, alice], [cb, bob]] as const) expect((await syncOnce(w, cache, p)).failure ?? null).toBeNull();
  return { alice, bob, obsid, reportId };
}

/** A new reviewer given a batch on `report`'s spectrograph reports it, through the real sync. */
export async function reportAs(w: World, report: ProblemInput, at: Date): Promise<Person> {
  const who = await reviewer(w);
  const pool = createPool(loginOf(w, w.coordinator), 1);
  try {
    await createBatches(pool, { name: `sp${report.spid}-${who.user}`, assignees: [who.user], mode: 'single', criteria: { planid: report.planid, spid: report.spid, limit: 1 } });
  } finally {
    await pool.end();
  }
  const cache = cacheOf(w, who);
  await syncOnce(w, cache, who);
  cache.addProblem(report, at);
  expect((await syncOnce(w, cache, who)).failure ?? null).toBeNull();
  cache.close();
  return who;
}

/** A real LAMOST spectrum file. */
export const LAMOST_FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';

/** A data source (SPECVET_DATA) holding `fixture` at every spectrum's path in the world. */
export async function dataSourceFor(w: World, fixture = LAMOST_FIXTURE): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'specvet-data-'));
  const [rows] = await w.admin.query('SELECT file_path FROM spec_info');
  for (const { file_path } of rows as { file_path: string }[]) {
    mkdirSync(dirname(join(data, file_path)), { recursive: true });
    copyFileSync(fixture, join(data, file_path));
  }
  return data;
}

/**
 * Two reviewers agree with the pipeline's class on their batch's second spectrum, one at the
 * pipeline's z and one |Δz|/(1+z) = 0.0025 above it, through the real sync: agreement at the
 * default 0.0033 (also with the pipeline), a disagreement at 0.002.
 */
export async function nearAgreement(w: World, pair: [Person, Person]): Promise<number> {
  const obsids: number[] = [];
  for (const [p, step] of [[pair[0], 0], [pair[1], 0.0025]] as const) {
    const cache = cacheOf(w, p);
    const [b] = cache.listBatches();
    const { obsid } = cache.listItems(b!.id)[1]!;
    obsids.push(obsid);
    const [[pipeline]] = (await w.admin.query('SELECT class, z FROM spec_info WHERE obsid = ?', [obsid])) as unknown as [{ class: SpecClass; z: number }[]];
    const z = Math.round((pipeline!.z + step * (1 + pipeline!.z)) * 1e6) / 1e6;
    cache.addVerdict({ obsid, batchId: b!.id, class: pipeline!.class, subclass: '', z, quality: 3, flags: [], comment: '' }, new Date());
    expect((await syncOnce(w, cache, p)).failure ?? null).toBeNull();
    cache.close();
  }
  expect(obsids[0]).toBe(obsids[1]);
  return obsids[0]!;
}
