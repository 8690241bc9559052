/**
 * The human-checked catalogue (coordinator): every spectrum with at least one verdict, in a
 * date range of nights or in one batch, with its final answer. A recheck wins over verdicts;
 * without one, each reviewer's latest verdict supersedes their earlier ones and the newest of
 * those is the answer — marked `unresolved` when those reviewers disagree
 * (shared/agreement.ts).
 *
 * Streamed: spectra are read in pages of PAGE obsids (keyset on obsid), each page's verdicts
 * and rechecks with it, so memory stays flat whatever the catalogue's size.
 */
import type { Pool } from 'mysql2/promise';
import { disagrees } from '../../shared/agreement';
import { designation } from '../../shared/designation';
import type { SpecClass } from '../../shared/model';
import { isoFromSql, toNumber } from './connection';
import { currentVerdict, latestVerdicts } from './recheck';
import type { Row } from './rows';
import { SqlFilter } from './sqlFilter';
import type { CatalogueRow, CatalogueScope, CurrentVerdict, FinalSource } from './qualityDesk';

const PAGE = 20_000;

export function scopeProblem(scope: CatalogueScope): string | null {
  if ('batchId' in scope) return scope.batchId ? null : '--batch needs a batch id';
  for (const [k, v] of [['from', scope.from], ['to', scope.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--${k} must be a date YYYY-MM-DD, got "${v}"`;
  }
  if (scope.from && scope.to && scope.from > scope.to) return `--from ${scope.from} is after --to ${scope.to}`;
  return null;
}

export async function* catalogue(pool: Pool, scope: CatalogueScope, pageSize = PAGE): AsyncGenerator<CatalogueRow> {
  const problem = scopeProblem(scope);
  if (problem) throw new RangeError(problem);
  // Each page is driven by an index range in obsid order — the checked spectra (humanverify's
  // (obsid, rev) index) or the batch's items (spec_check's primary key) — and only then joined
  // to the survey tables: a join led by the survey side sorted the whole table for every page.
  const ids = 'batchId' in scope
    ? 'SELECT obsid FROM spec_check WHERE batch_id = ? AND obsid > ? ORDER BY obsid LIMIT ?'
    : 'SELECT DISTINCT obsid FROM humanverify WHERE obsid > ? ORDER BY obsid LIMIT ?';
  const idArgs = 'batchId' in scope ? [scope.batchId] : [];
  if ('batchId' in scope) {
    const [found] = await pool.query('SELECT 1 FROM check_batch WHERE id = ?', [scope.batchId]);
    if ((found as Row[]).length === 0) throw new RangeError(`no batch ${scope.batchId}`);
  }
  const dates = 'batchId' in scope ? new SqlFilter() : new SqlFilter().add('p.obsdate >= ?', scope.from).add('p.obsdate <= ?', scope.to);
  let after = 0;
  for (;;) {
    const [idRows] = await pool.query(ids, [...idArgs, after, pageSize]);
    const page = (idRows as Row[]).map((r) => toNumber(r.obsid));
    if (page.length === 0) return;
    // The checked spectra are read as one obsid range per table (a range scan of each primary
    // key or index, 3× faster at survey size than 20,000 looked up one by one); a batch's
    // items are sparse in obsid, so they are looked up by list.
    const slice: Slice = 'batchId' in scope ? { sql: (col) => `${col} IN (?)`, args: [page] } : { sql: (col) => `${col} > ? AND ${col} <= ?`, args: [after, page[page.length - 1]!] };
    after = page[page.length - 1]!;
    const [rows] = await pool.query(
      `SELECT si.obsid, si.lmjd, si.planid, si.spid, si.fiberid, si.class, si.subclass, si.z, p.obsdate, ti.ra, ti.\`dec\`
       FROM spec_info si
       JOIN plan_info p ON p.lmjd = si.lmjd AND p.planid = si.planid
       LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid
       WHERE ${slice.sql('si.obsid')}${dates.and} ORDER BY si.obsid`,
      [...slice.args, ...dates.args],
    );
    const spectra = rows as Row[];
    const verdicts = spectra.length ? await verdictsOf(pool, slice) : new Map<number, CurrentVerdict[]>();
    const rechecks = spectra.length ? await rechecksOf(pool, slice) : new Map<number, Recheck>();
    for (const s of spectra) {
      const mine = verdicts.get(toNumber(s.obsid));
      // A spectrum nobody has checked yet (a batch's, or one between checked ones) is not in
      // the human-checked catalogue.
      if (mine) yield row(s, mine, rechecks.get(toNumber(s.obsid)));
    }
    if (page.length < pageSize) return;
  }
}

/** Which obsids a page reads: a WHERE condition on a column, and its arguments. */
interface Slice {
  sql(column: string): string;
  args: unknown[];
}

async function verdictsOf(pool: Pool, slice: Slice): Promise<Map<number, CurrentVerdict[]>> {
  const [rows] = await pool.query(
    `SELECT l.obsid, l.reviewer, l.class, l.subclass, l.z, l.quality, l.flags, l.comment, l.created_at
     FROM (${latestVerdicts(`WHERE ${slice.sql('v.obsid')}`)}) l
     ORDER BY l.obsid, l.created_at, l.reviewer`,
    slice.args,
  );
  const by = new Map<number, CurrentVerdict[]>();
  for (const r of rows as Row[]) {
    const o = toNumber(r.obsid);
    by.set(o, [...(by.get(o) ?? []), currentVerdict(r)]);
  }
  return by;
}

interface Recheck {
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number;
  by: string;
  at: string;
}

async function rechecksOf(pool: Pool, slice: Slice): Promise<Map<number, Recheck>> {
  const [rows] = await pool.query(
    `SELECT obsid, coordinator, class, subclass, z, quality, created_at FROM humanrecheck WHERE ${slice.sql('obsid')} ORDER BY created_at, rev`,
    slice.args,
  );
  const by = new Map<number, Recheck>();
  for (const r of rows as Row[]) {
    by.set(toNumber(r.obsid), {
      class: r.class as SpecClass, subclass: String(r.subclass), z: toNumber(r.z), quality: toNumber(r.quality),
      by: String(r.coordinator), at: isoFromSql(r.created_at),
    });
  }
  return by;
}

function row(s: Row, verdicts: CurrentVerdict[], recheck: Recheck | undefined): CatalogueRow {
  const newest = verdicts[verdicts.length - 1]!;
  const disputed = verdicts.some((a, i) => verdicts.slice(i + 1).some((b) => disagrees(a, b)));
  const source: FinalSource = recheck ? 'recheck' : disputed ? 'unresolved' : 'verdict';
  const final = recheck ?? newest;
  const ra = s.ra === null ? null : toNumber(s.ra);
  const dec = s.dec === null ? null : toNumber(s.dec);
  const times = verdicts.map((v) => v.createdAt).sort();
  return {
    obsid: toNumber(s.obsid), designation: ra === null || dec === null ? '' : designation(ra, dec), obsdate: String(s.obsdate),
    lmjd: toNumber(s.lmjd), planid: String(s.planid), spid: toNumber(s.spid), fiberid: toNumber(s.fiberid), ra, dec,
    pipeline: { class: s.class as SpecClass, subclass: String(s.subclass), z: toNumber(s.z) },
    final: { class: final.class, subclass: final.subclass, z: final.z, quality: final.quality, source },
    flags: [...new Set(verdicts.flatMap((v) => v.flags))].sort(),
    reviewers: verdicts.map((v) => v.reviewer),
    firstChecked: times[0]!, lastChecked: times[times.length - 1]!,
    rechecked: recheck ? { by: recheck.by, at: recheck.at } : null,
  };
}
