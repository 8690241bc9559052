/**
 * The recheck list read from recheck_summary (migration 1300) stays exactly the list the rule
 * gives, as verdicts, changed verdicts, cancellations and rechecks arrive: after each step the
 * coordinator's list equals (1) the list worked out here from the verdicts this test pushed,
 * with shared/agreement.ts, and (2) the direct query over every verdict that the summary replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disagrees, type AgreementThresholds } from '../../shared/agreement';
import type { SpecClass } from '../../shared/model';
import type { CentralClient } from '../../src-main/central/centralClient';
import { cancelBatch } from '../../src-main/central/batches';
import { createPool } from '../../src-main/central/connection';
import { assign, loginOf, type Person } from '../sync/world';
import { useWorld } from '../support/world';
import { newId, sessionAs } from './fixtures';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 12 }, { people: { alice: 'reviewer', bob: 'reviewer', cy: 'reviewer' } });
let coordinator: CentralClient;
let obsids: number[];
const batchOf: Record<string, string> = {};
const pipeline = new Map<number, { class: SpecClass; z: number; extragalactic: boolean }>();

interface Said {
  reviewer: string;
  class: SpecClass;
  z: number;
  quality: number;
  at: number;
}
/** What this test has pushed (obsid → every verdict) and when each spectrum was last rechecked. */
const said = new Map<number, Said[]>();
const recheckedAt = new Map<number, number>();
let clock = 0;

async function push(p: Person, verdicts: [number, SpecClass, number, number][]): Promise<void> {
  const client = await sessionAs(w.db, p);
  try {
    const rows = verdicts.map(([k, cls, z, quality]) => {
      const obsid = obsids[k]!;
      said.set(obsid, [...(said.get(obsid) ?? []), { reviewer: p.user, class: cls, z, quality, at: ++clock }]);
      const createdAt = new Date(Date.UTC(2024, 5, 1, 0, 0, clock)).toISOString();
      return { id: newId(), obsid, batchId: batchOf[p.user]!, class: cls, subclass: '', z, quality, flags: [], comment: '', supersedes: null, createdAt };
    });
    await client.push({ verdicts: rows, problems: [], bookmarks: [] });
  } finally {
    await client.close();
  }
}

/** The list by the rule, from what was pushed: each reviewer's latest verdict, rechecks since. */
function expected(t: AgreementThresholds): number[] {
  const out: number[] = [];
  for (const [obsid, all] of said) {
    const latest = [...new Map(all.map((v) => [v.reviewer, v])).values()];
    if ((recheckedAt.get(obsid) ?? -1) > Math.max(...latest.map((v) => v.at))) continue;
    const p = pipeline.get(obsid)!;
    const split = latest.some((a, i) => latest.slice(i + 1).some((b) => disagrees(a, b, t)));
    if (split || (p.extragalactic && latest.some((v) => disagrees(p, { class: v.class, z: v.z }, t)))) out.push(obsid);
  }
  return out.sort((a, b) => a - b);
}

/** The query the summary replaced: a window over every verdict, then the rule's superset. */
async function direct(t: AgreementThresholds): Promise<number[]> {
  const [rows] = await w.admin.query(
    `SELECT l.obsid FROM (
       SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.obsid, v.reviewer ORDER BY v.created_at DESC, v.rev DESC) AS newest FROM humanverify v) l
     JOIN spec_info si ON si.obsid = l.obsid
     LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid
     WHERE l.newest = 1
     GROUP BY l.obsid, si.class, si.z, ti.objtype
     HAVING (COUNT(DISTINCT l.class) > 1 OR MAX(l.z) - MIN(l.z) >= ? * (1 + MIN(l.z))
       OR MAX(NULLIF(l.quality, 0)) - MIN(NULLIF(l.quality, 0)) >= ?
       OR ((si.class IN ('GALAXY', 'QSO') OR LOWER(COALESCE(ti.objtype, '')) IN ('galaxy', 'qso'))
           AND (SUM(l.class <> si.class) > 0 OR MAX(ABS(l.z - si.z) - ? * (1 + si.z)) >= 0)))
       AND NOT EXISTS (SELECT 1 FROM humanrecheck r WHERE r.obsid = l.obsid AND r.created_at >= MAX(l.received_at))
     ORDER BY l.obsid`,
    [t.dz, t.quality, t.dz],
  );
  return (rows as { obsid: string }[]).map((r) => Number(r.obsid));
}

const THRESHOLDS: AgreementThresholds[] = [{ dz: 0.0033, quality: 2 }, { dz: 0.1, quality: 1 }, { dz: 0.5, quality: 4 }];

async function expectListsAgree(): Promise<void> {
  for (const t of THRESHOLDS) {
    const listed = (await coordinator.recheckList(t)).map((c) => c.obsid);
    expect(listed, JSON.stringify(t)).toEqual(expected(t));
    // The direct query is a superset (agreement.ts decides), so every listed spectrum is in it.
    expect(await direct(t)).toEqual(expect.arrayContaining(listed));
  }
}

beforeAll(async () => {
  const [rows] = await w.admin.query(
    `SELECT si.obsid, si.class, si.z, (si.class IN ('GALAXY', 'QSO') OR LOWER(COALESCE(ti.objtype, '')) IN ('galaxy', 'qso')) AS eg
     FROM spec_info si LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid
     ORDER BY si.obsid`,
  );
  for (const r of rows as { obsid: string; class: SpecClass; z: number; eg: number }[]) pipeline.set(Number(r.obsid), { class: r.class, z: Number(r.z), extragalactic: Number(r.eg) === 1 });
  obsids = [...pipeline.keys()];
  // Each reviewer's own batch of the same 12 spectra (the service repeats spectra unless asked not to).
  for (const p of Object.values<Person>(w.people)) batchOf[p.user] = (await assign(w, `b-${p.user}`, [p], 12)).batches[0]!.id;
  coordinator = await sessionAs(w.db, w.coordinator);
});
afterAll(() => coordinator?.close());

describe('recheck list from the summary', () => {
  it('equals the rule after pushes, changed verdicts, cancellations and rechecks', async () => {
    const { alice, bob, cy } = w.people;
    const p = (k: number) => pipeline.get(obsids[k]!)!;
    // Agreement with the pipeline, a class split, a z split, a quality split, an extragalactic
    // target's single verdict against the pipeline, and a z just past a threshold.
    await push(alice, [[0, p(0).class, p(0).z, 3], [1, 'STAR', 0.0, 3], [2, p(2).class, p(2).z, 3], [3, p(3).class, p(3).z, 1], [5, p(5).class, p(5).z + 0.3, 3], [6, p(6).class, p(6).z, 2]]);
    await push(bob, [[0, p(0).class, p(0).z, 3], [1, 'QSO', 2.0, 3], [2, p(2).class, p(2).z + 0.05 * (1 + p(2).z), 3], [3, p(3).class, p(3).z, 4], [6, p(6).class, p(6).z + 0.11 * (1 + p(6).z), 3]]);
    await expectListsAgree();
    // A reviewer changes their mind (the latest verdict counts) and a third one joins.
    await push(bob, [[1, 'STAR', 0.0, 3], [3, p(3).class, p(3).z, 2]]);
    await push(cy, [[0, 'UNKNOWN', 0, 1], [4, p(4).class, p(4).z, 3], [7, p(7).class, p(7).z, 3]]);
    await expectListsAgree();
    // A cancelled batch keeps its verdicts: the list does not change.
    const pool = createPool(loginOf(w, w.coordinator), 1);
    try {
      await cancelBatch(pool, batchOf[cy.user]!);
    } finally {
      await pool.end();
    }
    await expectListsAgree();
    // Rechecks take spectra off the list; a later verdict brings one back.
    const open = (await coordinator.recheckList()).map((c) => c.obsid);
    expect(open.length).toBeGreaterThanOrEqual(2);
    for (const obsid of open.slice(0, 2)) {
      await coordinator.recheckResolve({ obsid, class: 'GALAXY', z: 0.2 });
      recheckedAt.set(obsid, ++clock);
    }
    await expectListsAgree();
    await new Promise((r) => setTimeout(r, 5)); // received_at is the server's clock, in ms
    const back = obsids.indexOf(open[0]!);
    await push(alice, [[back, 'QSO', 3.0, 4]]);
    await expectListsAgree();
    expect((await coordinator.recheckList()).map((c) => c.obsid)).toContain(open[0]);
  });

  it('refuses the fold to a reviewer, in the database', async () => {
    const c = await sessionAs(w.db, w.people.alice);
    try {
      await expect(c.recheckList()).rejects.toThrow(/denied/);
    } finally {
      await c.close();
    }
  });
});
