/**
 * A spectrum's whole story (any role, within what the role may read): target, plan, 2D and
 * 1D results, the batches it was in, every verdict and recheck with who and when, the problem
 * reports touching its fibre, and the state it is in — now, or at an earlier moment. The
 * check side is append-only (verdicts, rechecks, prob2d_event), so the state at a moment is a
 * query of what existed then, not a guess.
 *
 * A coordinator reads the check tables; a reviewer and the 2D team read their own views
 * (my_verdicts: the spectra in their batches), so a trace shows each what the server lets
 * them see, and never more.
 */
import type { Pool } from 'mysql2/promise';
import { disagrees } from '../../shared/agreement';
import { designation, DESIGNATION_TOLERANCE_DEG, positionOf } from '../../shared/designation';
import type { ProblemState, Role, SpecClass } from '../../shared/model';
import { isoFromSql, sqlFromIso, toNumber } from './connection';
import { problemFromRow } from './problemDesk';
import { currentVerdict } from './recheck';
import type { Row } from './rows';
import type { SpectrumState, Trace, TraceKey } from './qualityDesk';

/** Where each role reads the check side from (null: it may not). */
interface Sources {
  verdicts: 'humanverify' | 'my_verdicts';
  items: { items: 'spec_check' | 'my_items'; batches: 'check_batch' | 'my_batches' };
  rechecks: boolean;
  problems: 'prob2d' | 'my_problems' | null;
  /** prob2d_event: the history of each report's state. */
  events: boolean;
}

const OWN: Sources = { verdicts: 'my_verdicts', items: { items: 'my_items', batches: 'my_batches' }, rechecks: false, problems: 'my_problems', events: false };
const SOURCES: Record<Role, Sources> = {
  coordinator: { verdicts: 'humanverify', items: { items: 'spec_check', batches: 'check_batch' }, rechecks: true, problems: 'prob2d', events: true },
  '2d': { ...OWN, problems: 'prob2d', events: true },
  reviewer: OWN,
  admin: OWN,
};

/** A moment given on the command line: ISO 8601, or a date (its 00:00 UTC). */
export function parseMoment(text: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(d.getTime())) throw new RangeError(`--at must be a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SSZ, got "${text}"`);
  return d.toISOString();
}

export async function trace(pool: Pool, key: TraceKey, at?: string): Promise<Trace> {
  const when = at === undefined ? null : parseMoment(at);
  const [members] = await pool.query('SELECT role FROM my_member');
  const role = ((members as Row[])[0]?.role as Role | undefined) ?? 'reviewer';
  const s = await findSpectrum(pool, key);
  const story = await readStory(pool, SOURCES[role], s, when ? sqlFromIso(when) : '9999-12-31 23:59:59.999');
  const { target, plan, obj, batches, verdicts, rechecks, problems, problemStates } = story;
  const pipeline = { class: s.class, subclass: s.subclass, z: s.z };
  const num = (v: unknown) => (v === null || v === undefined ? null : toNumber(v));
  return {
    obsid: s.obsid, lmjd: s.lmjd, planid: s.planid, spid: s.spid, fiberid: s.fiberid, at: when,
    designation: target ? designation(toNumber(target.ra), toNumber(target.dec)) : null,
    target: target && {
      ra: toNumber(target.ra), dec: toNumber(target.dec), objtype: String(target.objtype), tsource: String(target.tsource),
      fibertype: String(target.fibertype), mag: { g: num(target.mag_g), r: num(target.mag_r), i: num(target.mag_i) },
    },
    plan: plan && { obsdate: String(plan.obsdate), seeing: num(plan.seeing), moon: num(plan.moon), ra: toNumber(plan.ra), dec: toNumber(plan.dec) },
    result2d: obj && { version: String(obj.version_2d), snr: { u: num(obj.snr_u), g: num(obj.snr_g), r: num(obj.snr_r), i: num(obj.snr_i), z: num(obj.snr_z) } },
    result1d: { ...pipeline, zErr: s.zErr, version: s.version1d },
    batches: batches.map((b) => ({ id: String(b.id), name: String(b.name), mode: String(b.mode), assignee: String(b.assignee), state: String(b.state), createdAt: isoFromSql(b.created_at) })),
    verdicts: verdicts.map((v) => ({ ...currentVerdict(v), id: String(v.id), batchId: String(v.batch_id), supersedes: v.supersedes === null ? null : String(v.supersedes) })),
    rechecks: rechecks.map((r) => ({
      id: String(r.id), obsid: s.obsid, class: r.class as SpecClass, subclass: String(r.subclass), z: toNumber(r.z), quality: toNumber(r.quality),
      comment: String(r.comment), coordinator: String(r.coordinator), createdAt: isoFromSql(r.created_at),
    })),
    problems: problems.map((p, i) => ({ ...problemFromRow(p), obsdate: plan ? String(plan.obsdate) : null, stateAt: problemStates[i]! })),
    state: spectrumState(pipeline, story),
    problemReported: problemStates.some((st) => st === 'open' || st === 'acknowledged'),
  };
}

/** Every row of the spectrum's story that existed at `whenSql` and the role may read. */
async function readStory(pool: Pool, src: Sources, s: Spectrum, whenSql: string) {
  const fibre = [s.lmjd, s.planid, s.spid, s.fiberid];
  const one = async (sql: string, args: unknown[]) => ((await pool.query(sql, args))[0] as Row[])[0] ?? null;
  const all = async (sql: string, args: unknown[]) => (await pool.query(sql, args))[0] as Row[];
  const FIBRE = 'lmjd = ? AND planid = ? AND spid = ? AND fiberid = ?';
  const problems = src.problems
    ? await all(
        `SELECT p.* FROM ${src.problems} p WHERE p.lmjd = ? AND p.planid = ? AND p.spid = ?
         AND ? BETWEEN p.fiber_from AND p.fiber_to AND p.created_at <= ? ORDER BY p.created_at`,
        [s.lmjd, s.planid, s.spid, s.fiberid, whenSql],
      )
    : [];
  return {
    target: await one(`SELECT * FROM target_info WHERE ${FIBRE}`, fibre),
    plan: await one('SELECT * FROM plan_info WHERE lmjd = ? AND planid = ?', [s.lmjd, s.planid]),
    obj: await one(`SELECT * FROM obj_info WHERE ${FIBRE}`, fibre),
    batches: await all(
      `SELECT b.id, b.name, b.mode, b.assignee, b.state, b.created_at FROM ${src.items.items} i JOIN ${src.items.batches} b ON b.id = i.batch_id
       WHERE i.obsid = ? AND b.created_at <= ? ORDER BY b.created_at`,
      [s.obsid, whenSql],
    ),
    verdicts: await all(`SELECT * FROM ${src.verdicts} WHERE obsid = ? AND created_at <= ? ORDER BY created_at, rev`, [s.obsid, whenSql]),
    rechecks: src.rechecks ? await all('SELECT * FROM humanrecheck WHERE obsid = ? AND created_at <= ? ORDER BY created_at, rev', [s.obsid, whenSql]) : [],
    problems,
    problemStates: await Promise.all(problems.map((p) => stateAt(pool, src, p, whenSql))),
  };
}

/** The furthest step the spectrum had reached: rechecked › corrected › seen › in a batch › unchecked. */
function spectrumState(pipeline: { class: SpecClass; z: number }, story: { verdicts: Row[]; rechecks: Row[]; batches: Row[] }): SpectrumState {
  if (story.rechecks.length > 0) return 'rechecked';
  const latest = new Map(story.verdicts.map((v) => [String(v.reviewer), currentVerdict(v)]));
  if ([...latest.values()].some((v) => disagrees(pipeline, { class: v.class, z: v.z }))) return 'corrected';
  if (story.verdicts.length > 0) return 'seen';
  return story.batches.length > 0 ? 'in a batch' : 'unchecked';
}

/** A report's state at the moment: its latest change by then, else open (it was reported). */
async function stateAt(pool: Pool, src: Sources, p: Row, whenSql: string): Promise<ProblemState> {
  if (src.events) {
    const [rows] = await pool.query('SELECT state FROM prob2d_event WHERE problem_id = ? AND handled_at <= ? ORDER BY handled_at DESC, rev DESC LIMIT 1', [p.id, whenSql]);
    return ((rows as Row[])[0]?.state as ProblemState | undefined) ?? 'open';
  }
  // Without the history (a reviewer's own reports): the latest state if it was set by then.
  return p.handled_at !== null && String(p.handled_at) <= whenSql ? (p.state as ProblemState) : 'open';
}

interface Spectrum {
  obsid: number;
  lmjd: number;
  planid: string;
  spid: number;
  fiberid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  zErr: number;
  version1d: string;
}

async function findSpectrum(pool: Pool, key: TraceKey): Promise<Spectrum> {
  const SPEC = 'SELECT si.obsid, si.lmjd, si.planid, si.spid, si.fiberid, si.class, si.subclass, si.z, si.z_err, si.version_1d FROM spec_info si';
  let rows: Row[];
  let what: string;
  if ('obsid' in key) {
    rows = (await pool.query(`${SPEC} WHERE si.obsid = ?`, [key.obsid]))[0] as Row[];
    what = `obsid ${key.obsid}`;
  } else if ('designation' in key) {
    const at = positionOf(key.designation);
    if (!at) throw new RangeError(`"${key.designation}" is not a designation like LAMOST J123456.78+123456.7`);
    const t = DESIGNATION_TOLERANCE_DEG;
    rows = (await pool.query(
      `${SPEC} JOIN target_info ti ON ti.lmjd = si.lmjd AND ti.planid = si.planid AND ti.spid = si.spid AND ti.fiberid = si.fiberid
       WHERE ti.ra BETWEEN ? AND ? AND ti.\`dec\` BETWEEN ? AND ? ORDER BY si.lmjd`,
      [at.ra - t, at.ra + t, at.dec - t, at.dec + t],
    ))[0] as Row[];
    what = `designation ${key.designation}`;
  } else {
    const lmjd = key.lmjd === undefined ? '' : ' AND si.lmjd = ?';
    rows = (await pool.query(`${SPEC} WHERE si.planid = ? AND si.spid = ? AND si.fiberid = ?${lmjd} ORDER BY si.lmjd`,
      [key.planid, key.spid, key.fiberid, ...(key.lmjd === undefined ? [] : [key.lmjd])]))[0] as Row[];
    what = `plan ${key.planid} spectrograph ${key.spid} fibre ${key.fiberid}${key.lmjd === undefined ? '' : ` on lmjd ${key.lmjd}`}`;
  }
  if (rows.length === 0) {
    throw new RangeError(`no spectrum with ${what} on this server; check it, or search by ${'obsid' in key ? 'its designation or plan, spectrograph and fibre' : 'its obsid'}`);
  }
  if (rows.length > 1) {
    throw new RangeError(`${what} names ${rows.length} spectra (obsid ${rows.map((r) => String(r.obsid)).join(', ')}); trace one by its obsid`);
  }
  const r = rows[0]!;
  return {
    obsid: toNumber(r.obsid), lmjd: toNumber(r.lmjd), planid: String(r.planid), spid: toNumber(r.spid), fiberid: toNumber(r.fiberid),
    class: r.class as SpecClass, subclass: String(r.subclass), z: toNumber(r.z), zErr: toNumber(r.z_err), version1d: String(r.version_1d),
  };
}
