/**
 * Which spectra a batch would take: the coordinator's criteria turned into one parameterised
 * query over the survey tables, in review order (date → plan → spectrograph → fibre), and a
 * sample of them to look at before anything is created.
 */
import type { DeskSampleSpectrum } from '../../shared/desk';
import type { SpecClass } from '../../shared/model';
import type { Queryable } from './connection';
import { SqlFilter } from './sqlFilter';

/** Spectra a careful coordinator does not hand out again unless asked. */
export interface LeaveOut {
  /** Already an item of an active batch (anyone's): reviewers would do the same work twice. */
  assigned: boolean;
  /** Already have a verdict (anyone's): a second opinion is asked for on purpose, not by accident. */
  verified: boolean;
}

/** What the CLI and the coordinator's screen leave out unless told otherwise. */
export const DEFAULT_LEAVE_OUT: LeaveOut = { assigned: true, verified: true };

export interface BatchCriteria {
  classes?: SpecClass[];
  /** Pipeline subclasses (spec_info.subclass), exact. */
  subclasses?: string[];
  /** Observation dates (plan_info.obsdate), YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  planid?: string;
  spid?: number;
  /** S/N range in the r band (obj_info.snr_r), inclusive. */
  snrMin?: number;
  snrMax?: number;
  /** Target source (target_info.tsource) and object type (target_info.objtype), exact. */
  tsources?: string[];
  objtypes?: string[];
  /** Absent: nothing is left out (programs and tests that mean to repeat spectra). */
  leaveOut?: LeaveOut;
  /** At most this many spectra; in spectrograph mode whole spectrographs up to this many. */
  limit?: number;
  /** Only the spectra whose fit disagrees with the pipeline, most confident first (recorded). */
  suspects?: boolean;
}

export interface Candidate {
  obsid: number;
  lmjd: number;
  planid: string;
  spid: number;
}

/** One spectrum of a preview: the wire type the coordinator's screen shows. */
export type SampleSpectrum = DeskSampleSpectrum;

/** The WHERE clause and its arguments for `c`, over aliases si, p, o, ti. */
function conditions(c: BatchCriteria): SqlFilter {
  return new SqlFilter()
    .anyOf('si.class', c.classes)
    .anyOf('si.subclass', c.subclasses)
    .anyOf('ti.tsource', c.tsources)
    .anyOf('ti.objtype', c.objtypes)
    .add('p.obsdate >= ?', c.from)
    .add('p.obsdate <= ?', c.to)
    .add('si.planid = ?', c.planid)
    .add('si.spid = ?', c.spid)
    .add('o.snr_r >= ?', c.snrMin)
    .add('o.snr_r <= ?', c.snrMax)
    // Counted per spectrum through the obsid indexes, not NOT EXISTS: MariaDB turns that into
    // NOT IN and materialises every active item and every verdict first (9.7 s at 1M spectra,
    // bench/batchPreview.bench.ts), where a month's candidates need a few thousand look-ups.
    .always(
      `(SELECT COUNT(*) FROM spec_check sc JOIN check_batch b ON b.id = sc.batch_id
      WHERE sc.obsid = si.obsid AND sc.assigned = 1 AND b.state = 'active') = 0`,
      c.leaveOut?.assigned === true,
    )
    .always('(SELECT COUNT(*) FROM humanverify v WHERE v.obsid = si.obsid) = 0', c.leaveOut?.verified === true);
}

const FROM = `FROM spec_info si
    JOIN plan_info p ON p.lmjd = si.lmjd AND p.planid = si.planid
    LEFT JOIN obj_info o ON o.lmjd = si.lmjd AND o.planid = si.planid AND o.spid = si.spid AND o.fiberid = si.fiberid
    LEFT JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid`;

/** Matching spectra in review order: date → plan → spectrograph → fibre. */
export async function selectSpectra(db: Queryable, c: BatchCriteria, spectrographs = false): Promise<Candidate[]> {
  const { where, args } = conditions(c);
  const sql = `SELECT si.obsid, si.lmjd, si.planid, si.spid ${FROM}
    ${where}
    ORDER BY p.obsdate, si.lmjd, si.planid, si.spid, si.fiberid`;
  const [rows] = await db.query(sql, args);
  const all = (rows as Record<string, unknown>[]).map((r) => ({ obsid: Number(r.obsid), lmjd: Number(r.lmjd), planid: String(r.planid), spid: Number(r.spid) }));
  if (c.limit === undefined || all.length <= c.limit) return all;
  if (!spectrographs) return all.slice(0, c.limit);
  const kept: Candidate[] = [];
  for (const g of groupBySpectrograph(all)) {
    if (kept.length > 0 && kept.length + g.length > c.limit) break;
    kept.push(...g);
  }
  return kept;
}

export function groupBySpectrograph(rows: readonly Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  let key = '';
  for (const r of rows) {
    const k = `${r.lmjd}\u0000${r.planid}\u0000${r.spid}`;
    if (k !== key || groups.length === 0) {
      groups.push([]);
      key = k;
    }
    groups[groups.length - 1]!.push(r);
  }
  return groups;
}

/** The survey's description of `obsids`, in their order (a preview's sample). */
export async function describeSpectra(db: Queryable, obsids: readonly number[]): Promise<SampleSpectrum[]> {
  if (obsids.length === 0) return [];
  const [rows] = await db.query(
    `SELECT si.obsid, DATE_FORMAT(p.obsdate, '%Y-%m-%d') AS obsdate, si.planid, si.spid, si.fiberid, si.class, si.subclass, si.z,
       o.snr_r, COALESCE(ti.objtype, '') AS objtype, COALESCE(ti.tsource, '') AS tsource
     ${FROM} WHERE si.obsid IN (?)`,
    [obsids],
  );
  const by = new Map(
    (rows as Record<string, unknown>[]).map((r) => [
      Number(r.obsid),
      {
        obsid: Number(r.obsid),
        obsdate: String(r.obsdate),
        planid: String(r.planid),
        spid: Number(r.spid),
        fiberid: Number(r.fiberid),
        class: r.class as SpecClass,
        subclass: String(r.subclass),
        z: Number(r.z),
        snrR: r.snr_r === null ? null : Number(r.snr_r),
        objtype: String(r.objtype),
        tsource: String(r.tsource),
      },
    ]),
  );
  return obsids.flatMap((o) => by.get(o) ?? []);
}
