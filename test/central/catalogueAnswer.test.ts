/**
 * The exported catalogue read from catalogue_answer (migration 1450) stays exactly what the rule
 * gives, as verdicts, changed verdicts, a cancelled batch and rechecks arrive: after each step
 * every row the coordinator's export streams equals the row worked out here from the verdicts
 * this test pushed — each reviewer's latest verdict, the newest of those the answer, `unresolved`
 * when two disagree by shared/agreement.ts, a recheck winning — and the database refuses the
 * summary to a reviewer. The survey fields the answers carry (migration 1760) follow a reseed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disagrees } from '../../shared/agreement';
import type { SpecClass } from '../../shared/model';
import type { VerdictFlag } from '../../shared/verdictFlags';
import type { CentralClient } from '../../src-main/central/centralClient';
import { cancelBatch } from '../../src-main/central/batches';
import { catalogue, catalogueRow } from '../../src-main/central/catalogue';
import { createPool } from '../../src-main/central/connection';
import type { CatalogueRow } from '../../src-main/central/qualityDesk';
import { assign, loginOf, type Person } from '../sync/world';
import { useWorld } from '../support/world';
import { seedBundle } from '../../src-main/central/seed';
import { buildBundle, mariadbClient, newId, sessionAs } from './fixtures';

const SHAPE = { plans: 1, spectrographs: 1, fibers: 12 };
const w = useWorld(SHAPE, { people: { alice: 'reviewer', bob: 'reviewer', cy: 'reviewer' } });
let coordinator: CentralClient;
let obsids: number[];
const batchOf: Record<string, string> = {};
const pipeline = new Map<number, { class: SpecClass; z: number }>();

interface Said {
  reviewer: string;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number;
  flags: VerdictFlag[];
  createdAt: string;
}
/** Every verdict this test pushed (obsid → verdicts) and the newest recheck of each spectrum. */
const said = new Map<number, Said[]>();
const rechecked = new Map<number, { class: SpecClass; z: number }>();
let clock = 0;

type Push = [k: number, cls: SpecClass, z: number, quality: number, flags?: VerdictFlag[], second?: number];

/** Pushes verdicts as `p`; `second` pins the time (two verdicts in the same second tie). */
async function push(p: Person, verdicts: Push[]): Promise<void> {
  const client = await sessionAs(w.db, p);
  try {
    const rows = verdicts.map(([k, cls, z, quality, flags = [], second = ++clock]) => {
      const obsid = obsids[k]!;
      const createdAt = new Date(Date.UTC(2024, 5, 1, 0, 0, second)).toISOString();
      said.set(obsid, [...(said.get(obsid) ?? []), { reviewer: p.user, class: cls, subclass: cls === 'STAR' ? 'K0' : '', z, quality, flags, createdAt }]);
      return { id: newId(), obsid, batchId: batchOf[p.user]!, class: cls, subclass: cls === 'STAR' ? 'K0' : '', z, quality, flags, comment: '', supersedes: null, createdAt };
    });
    await client.push({ verdicts: rows, problems: [], bookmarks: [] });
  } finally {
    await client.close();
  }
}

/** A catalogue row's answer part, by the rule, from what was pushed. */
function expected(): Partial<CatalogueRow>[] {
  return [...said.keys()].sort((a, b) => a - b).map((obsid) => {
    const all = said.get(obsid)!;
    // Pushed in time order per reviewer, so the last of each reviewer's is their latest.
    const latest = [...new Map(all.map((v) => [v.reviewer, v])).values()]
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.reviewer < b.reviewer ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
    const newest = latest[latest.length - 1]!;
    const split = latest.some((a, i) => latest.slice(i + 1).some((b) => disagrees(a, b)));
    const recheck = rechecked.get(obsid);
    return {
      obsid,
      final: recheck
        ? expect.objectContaining({ ...recheck, source: 'recheck' })
        : { class: newest.class, subclass: newest.subclass, z: newest.z, quality: newest.quality, source: split ? 'unresolved' : 'verdict' },
      flags: [...new Set(latest.flatMap((v) => v.flags))].sort(),
      reviewers: latest.map((v) => v.reviewer),
      firstChecked: latest.map((v) => v.createdAt).sort()[0]!,
      lastChecked: latest.map((v) => v.createdAt).sort().at(-1)!,
      rechecked: recheck ? { by: w.coordinator.user, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) } : null,
    };
  });
}

async function exported(): Promise<CatalogueRow[]> {
  const rows: CatalogueRow[] = [];
  for await (const page of coordinator.catalogue({})) rows.push(...page.map(catalogueRow));
  return rows;
}

/** The same read in pages of 2 (the keyset from page to page; the export's pages are larger). */
async function exportedInPairs(): Promise<CatalogueRow[]> {
  const pool = createPool(loginOf(w, w.coordinator), 2);
  try {
    const rows: CatalogueRow[] = [];
    for await (const page of catalogue(pool, {}, 2)) rows.push(...page.map(catalogueRow));
    return rows;
  } finally {
    await pool.end();
  }
}

async function expectCatalogueAgrees(): Promise<void> {
  const rows = await exported();
  expect(await exportedInPairs()).toEqual(rows);
  expect(rows.map((r) => ({ obsid: r.obsid, final: r.final, flags: r.flags, reviewers: r.reviewers, firstChecked: r.firstChecked, lastChecked: r.lastChecked, rechecked: r.rechecked }))).toEqual(expected());
  for (const r of rows) expect(r.pipeline).toEqual({ ...pipeline.get(r.obsid)!, subclass: expect.any(String) });
}

beforeAll(async () => {
  const [rows] = await w.admin.query('SELECT obsid, class, z FROM spec_info ORDER BY obsid');
  for (const r of rows as { obsid: string; class: SpecClass; z: number }[]) pipeline.set(Number(r.obsid), { class: r.class, z: Number(r.z) });
  obsids = [...pipeline.keys()];
  for (const p of Object.values<Person>(w.people)) batchOf[p.user] = (await assign(w, `b-${p.user}`, [p], 12)).batches[0]!.id;
  coordinator = await sessionAs(w.db, w.coordinator);
});
afterAll(() => coordinator?.close());

describe('catalogue from the summary', () => {
  it('equals the rule after pushes, changed verdicts, a cancelled batch and rechecks', async () => {
    const { alice, bob, cy } = w.people;
    const p = (k: number) => pipeline.get(obsids[k]!)!;
    // Agreement, a class split, z just past and just short of the threshold, qualities 2 apart
    // (and 3 against a 0, which is never compared), flags, and two verdicts in the same second.
    await push(alice, [[0, 'STAR', 0.1, 3, ['bad-fibre']], [1, 'STAR', 0, 3], [2, 'GALAXY', 0.5, 3], [3, 'GALAXY', 0.5, 3], [4, 'QSO', 2, 1], [5, 'STAR', 0, 0], [6, 'GALAXY', 0.2, 3, [], 500]]);
    await push(bob, [[0, 'STAR', 0.1, 3, ['stray-light', 'bad-fibre']], [1, 'QSO', 2, 3], [2, 'GALAXY', 0.5 + 0.0034 * 1.5, 3], [3, 'GALAXY', 0.5 + 0.0032 * 1.5, 3], [4, 'QSO', 2, 3], [5, 'STAR', 0, 3], [6, 'GALAXY', 0.3, 3, ['other'], 500]]);
    await expectCatalogueAgrees();
    // A reviewer changes their mind (the latest verdict counts) and a third one joins.
    await push(bob, [[1, 'STAR', 0, 3], [4, 'QSO', 2, 2]]);
    await push(cy, [[0, 'UNKNOWN', 0, 1], [7, p(7).class, p(7).z, 3, ['cosmic-ray']], [3, 'GALAXY', 0.5, 4]]);
    await expectCatalogueAgrees();
    // A cancelled batch keeps its verdicts: the catalogue does not change.
    const pool = createPool(loginOf(w, w.coordinator), 1);
    try {
      await cancelBatch(pool, batchOf[cy.user]!);
    } finally {
      await pool.end();
    }
    await expectCatalogueAgrees();
    // A recheck wins, also over a verdict that comes after it; the newest recheck counts.
    await coordinator.recheckResolve({ obsid: obsids[0]!, class: 'GALAXY', z: 0.2 });
    rechecked.set(obsids[0]!, { class: 'GALAXY', z: 0.2 });
    await coordinator.recheckResolve({ obsid: obsids[2]!, class: 'STAR', z: 0.01 });
    await new Promise((r) => setTimeout(r, 5)); // rechecks are ordered by the server's clock, in ms
    await coordinator.recheckResolve({ obsid: obsids[2]!, class: 'GALAXY', z: 0.5 });
    rechecked.set(obsids[2]!, { class: 'GALAXY', z: 0.5 });
    await push(alice, [[0, 'QSO', 3, 4], [8, 'STAR', 0, 2]]);
    await expectCatalogueAgrees();
    expect(said.size).toBe(9);
  });

  it('refuses the summary and its fold to a reviewer, in the database', async () => {
    const c = await sessionAs(w.db, w.people.alice);
    try {
      await expect(exportedAs(c)).rejects.toThrow(/denied/);
    } finally {
      await c.close();
    }
    const direct = await mariadbClient(w.db, w.people.alice, 'SELECT COUNT(*) FROM catalogue_answer');
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/denied/i);
  });
});

describe('survey fields of the catalogue', () => {
  it('shows a reseeded pipeline answer, night and target position in the next export', async () => {
    const bundle = buildBundle(SHAPE);
    const spectrum = bundle.spec_info.find((s) => s.obsid === obsids[1])!;
    Object.assign(spectrum, { class: 'QSO', subclass: 'BL', z: 2.25 });
    const target = bundle.target_info.find((t) => t.fiberid === spectrum.fiberid)!;
    Object.assign(target, { ra: 11.5, dec: 19.25 });
    bundle.plan_info[0]!.obsdate = '2024-02-01';
    await seedBundle(w.admin, bundle);

    const rows = await exported();
    expect(rows).toHaveLength(said.size);
    const row = rows.find((r) => r.obsid === obsids[1])!;
    expect(row.pipeline).toEqual({ class: 'QSO', subclass: 'BL', z: 2.25 });
    expect([row.ra, row.dec]).toEqual([11.5, 19.25]);
    expect(new Set(rows.map((r) => r.obsdate))).toEqual(new Set(['2024-02-01']));
    // The night filter reads the reseeded night too.
    expect(await countIn({ from: '2024-02-01', to: '2024-02-01' })).toBe(said.size);
    expect(await countIn({ to: '2024-01-31' })).toBe(0);
  });
});

async function countIn(scope: { from?: string; to?: string }): Promise<number> {
  let n = 0;
  for await (const page of coordinator.catalogue(scope)) n += page.length;
  return n;
}

async function exportedAs(c: CentralClient): Promise<number> {
  let n = 0;
  for await (const page of c.catalogue({})) n += page.length;
  return n;
}
