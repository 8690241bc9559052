/**
 * The recheck list and its resolutions (coordinator). A spectrum needs a recheck when two of
 * its reviewers' latest verdicts disagree (shared/agreement.ts: class, |Δz|/(1+z), quality),
 * or when a verdict contradicts the pipeline on an extragalactic target; it leaves the list
 * once a recheck (humanrecheck) is newer than every verdict on it.
 *
 * The server narrows the candidates with a superset of the rule — (max z − min z) / (1 + min z)
 * is at least any pair's |Δz| / (1 + z_reference) — kept per spectrum in recheck_summary
 * (folded in by revision before each list, migration 1300), and this module decides each one
 * with shared/agreement.ts, so there is one definition of a disagreement.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import { checkThresholds, DEFAULT_THRESHOLDS, disagrees, type AgreementThresholds } from '../../shared/agreement';
import type { SpecClass } from '../../shared/model';
import { isoFromSql, toNumber } from './connection';
import { transaction } from './retry';
import { parseFlags, type Row } from './rows';
import type { CurrentVerdict, RecheckCase, RecheckReason, RecheckResolution, RecordedRecheck } from './qualityDesk';

/** Numbers a spectrum's verdicts newest first per reviewer: 1 is that reviewer's current one. */
const NEWEST = 'ROW_NUMBER() OVER (PARTITION BY v.obsid, v.reviewer ORDER BY v.created_at DESC, v.rev DESC)';

/**
 * Each reviewer's latest verdict per spectrum (a later verdict supersedes their earlier ones),
 * of the humanverify rows `filter` (a WHERE on `v`) keeps.
 */
export const latestVerdicts = (filter = '') => `SELECT * FROM (
    SELECT v.*, ${NEWEST} AS newest
    FROM humanverify v ${filter}) latest WHERE newest = 1`;

/**
 * The verdicts of the spectra recheck_summary (migration 1300) says may need a recheck at these
 * thresholds and that no recheck has answered since their last verdict. The stored z spread is
 * a quotient, the rule a product: the slack keeps a spread exactly at the threshold in
 * (agreement.ts decides). The survey row is joined inside the window: joined outside, the
 * optimizer matched the two 5,000-row sets by a block nested loop (seconds).
 */
const LISTED = `
  SELECT v.obsid, v.reviewer, v.class, v.subclass, v.z, v.quality, v.flags, v.comment, v.created_at, s.extragalactic,
    si.lmjd, si.planid, si.spid, si.fiberid, si.class AS p_class, si.subclass AS p_subclass, si.z AS p_z, ${NEWEST} AS newest
  FROM recheck_summary s
  JOIN humanverify v ON v.obsid = s.obsid
  JOIN spec_info si ON si.obsid = s.obsid
  WHERE (s.class_split OR s.z_spread >= ? - 1e-12 OR s.quality_spread >= ?)
    AND NOT EXISTS (SELECT 1 FROM humanrecheck r WHERE r.obsid = s.obsid AND r.created_at >= s.last_received)`;

export async function recheckList(pool: Pool, t: AgreementThresholds = DEFAULT_THRESHOLDS): Promise<RecheckCase[]> {
  checkThresholds(t);
  await pool.query('CALL recheck_refresh()');
  const [rows] = await pool.query(`SELECT * FROM (${LISTED}) l WHERE l.newest = 1 ORDER BY l.obsid, l.created_at, l.reviewer`, [t.dz, t.quality]);
  const cases: RecheckCase[] = [];
  for (const r of rows as Row[]) {
    const obsid = toNumber(r.obsid);
    let c = cases[cases.length - 1];
    if (!c || c.obsid !== obsid) {
      c = {
        obsid, lmjd: toNumber(r.lmjd), planid: String(r.planid), spid: toNumber(r.spid), fiberid: toNumber(r.fiberid),
        pipeline: { class: r.p_class as SpecClass, subclass: String(r.p_subclass), z: toNumber(r.p_z) },
        extragalactic: toNumber(r.extragalactic) === 1, verdicts: [], reasons: [],
      };
      cases.push(c);
    }
    c.verdicts.push(currentVerdict(r));
  }
  for (const c of cases) c.reasons = reasons(c, t);
  return cases.filter((c) => c.reasons.length > 0);
}

export function currentVerdict(r: Row): CurrentVerdict {
  return {
    reviewer: String(r.reviewer), class: r.class as SpecClass, subclass: String(r.subclass), z: toNumber(r.z),
    quality: toNumber(r.quality), flags: parseFlags(r.flags), comment: String(r.comment), createdAt: isoFromSql(r.created_at),
  };
}

/** Why a spectrum needs a recheck, decided by shared/agreement.ts (earlier verdict = reference). */
export function reasons(c: Pick<RecheckCase, 'verdicts' | 'pipeline' | 'extragalactic'>, t: AgreementThresholds): RecheckReason[] {
  const out: RecheckReason[] = [];
  const v = c.verdicts;
  if (v.some((a, i) => v.slice(i + 1).some((b) => disagrees(a, b, t)))) out.push('reviewers disagree');
  // The pipeline gives no quality, so only class and z are compared with it.
  if (c.extragalactic && v.some((a) => disagrees(c.pipeline, { class: a.class, z: a.z }, t))) out.push('contradicts the pipeline');
  return out;
}

/**
 * Records the final answer. What the coordinator leaves out (z, subclass, quality) is taken
 * from the answer of that class it confirms — the newest reviewer's verdict of that class,
 * else the pipeline's; a class nobody gave needs its z.
 */
export async function recheckResolve(pool: Pool, res: RecheckResolution): Promise<RecordedRecheck> {
  const [rows] = await pool.query(
    `SELECT l.reviewer, l.class, l.subclass, l.z, l.quality, l.flags, l.comment, l.created_at FROM (${latestVerdicts('WHERE v.obsid = ?')}) l
     ORDER BY l.created_at DESC`,
    [res.obsid],
  );
  const [spectra] = await pool.query('SELECT class, subclass, z FROM spec_info WHERE obsid = ?', [res.obsid]);
  const pipeline = (spectra as Row[])[0];
  if (!pipeline) throw new RangeError(`no spectrum with obsid ${res.obsid}`);
  const same = (rows as Row[]).map(currentVerdict).find((v) => v.class === res.class);
  const source = same ?? (pipeline.class === res.class ? { subclass: String(pipeline.subclass), z: toNumber(pipeline.z), quality: 0 } : null);
  if (res.z === undefined && !source) throw new RangeError(`nobody answered ${res.class} for ${res.obsid}: give its redshift with --z`);
  const recheck: RecordedRecheck = {
    id: randomUUID(),
    obsid: res.obsid,
    class: res.class,
    subclass: res.subclass ?? source?.subclass ?? '',
    z: res.z ?? source!.z,
    quality: res.quality ?? source?.quality ?? 0,
    comment: res.comment ?? '',
  };
  await transaction(pool, (c) => c.execute('CALL recheck_add(?)', [JSON.stringify([recheck])]));
  return recheck;
}
