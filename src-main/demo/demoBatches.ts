/**
 * The demo's three batches, chosen from a survey bundle the way a coordinator would:
 * - single: galaxies, QSOs and odd stars (a pipeline answer worth a close look);
 * - browse: ordinary stars in survey order, date → plan → spectrograph → fibre, with the first
 *   star the pipeline got wrong planted among them (the rest of the wrong ones go to single),
 *   starting PLANTED_AT stars before it so that a reviewer meets it on the first page whatever
 *   the seed;
 * - spectrograph: every fibre of one spectrograph of one plan (one with a known fault if any).
 * Pure: bundle in, central rows out, loaded through the same applyPullPage a sync uses.
 */
import { createHash } from 'node:crypto';
import type { ReviewMode } from '../../shared/model';
import type { CentralBatch, CentralItem } from '../sync/contract';
import type { ObjInfoRow, PlanInfoRow, SpecInfoRow, SurveyBundle, TargetInfoRow } from '../survey/bundle';

export interface DemoRows {
  batches: CentralBatch[];
  items: CentralItem[];
}

const REV = '1';
/** Where the planted wrong star sits in the browse batch (at most): on the first page of 20 thumbnails, not first. */
const PLANTED_AT = 7;
/** A first screen's worth: enough to review for a while, small enough to install in a blink. */
export const DEMO_LIMITS: DemoLimits = { single: 80, browse: 150 };

/** Most spectra in the single and browse batches. */
export interface DemoLimits {
  single: number;
  browse: number;
}

type Key = string;
const keyOf = (r: { lmjd: number; planid: string; spid: number; fiberid: number }): Key => `${r.lmjd}|${r.planid}|${r.spid}|${r.fiberid}`;
const planKey = (r: { lmjd: number; planid: string }): Key => `${r.lmjd}|${r.planid}`;

/** A stable UUID (version-5 layout) for a name, so installing twice never makes two batches. */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`specvet-demo:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function demoBatches(bundle: SurveyBundle, assignee: string, createdAt: string, limits = DEMO_LIMITS): DemoRows {
  const targets = new Map<Key, TargetInfoRow>(bundle.target_info.map((t) => [keyOf(t), t]));
  const objs = new Map<Key, ObjInfoRow>(bundle.obj_info.map((o) => [keyOf(o), o]));
  const plans = new Map<string, PlanInfoRow>(bundle.plan_info.map((p) => [planKey(p), p]));
  const wrong = new Set(bundle.truth.spectra.filter((t) => t.pipelineError !== null).map((t) => t.obsid));
  const surveyOrder = [...bundle.spec_info].sort(
    (a, b) => a.lmjd - b.lmjd || a.planid.localeCompare(b.planid) || a.spid - b.spid || a.fiberid - b.fiberid,
  );

  const ordinaryStar = (s: SpecInfoRow) => {
    const objtype = targets.get(keyOf(s))?.objtype.toLowerCase() ?? '';
    return s.class === 'STAR' && (objtype === '' || objtype === 'star');
  };
  // One wrong star planted in the browse batch, as a reviewer meets them: among right ones.
  const planted = surveyOrder.find((s) => ordinaryStar(s) && wrong.has(s.obsid));
  const odd = (s: SpecInfoRow) => s !== planted && (!ordinaryStar(s) || wrong.has(s.obsid));
  const single = surveyOrder.filter(odd).slice(0, limits.single);
  const ordinary = surveyOrder.filter((s) => s === planted || !odd(s));
  const from = planted ? Math.max(0, ordinary.indexOf(planted) - PLANTED_AT) : 0;
  const browse = ordinary.slice(from, from + limits.browse);
  const spectrograph = pickSpectrograph(bundle, surveyOrder);

  const batches: CentralBatch[] = [];
  const items: CentralItem[] = [];
  const add = (mode: ReviewMode, name: string, spectra: SpecInfoRow[]) => {
    if (spectra.length === 0) return;
    const id = demoUuid(mode);
    batches.push({ id, name, mode, assignee, state: 'active', createdAt, dueDate: null, rev: REV });
    spectra.forEach((s, position) => items.push(itemOf(id, position, s, { target: targets.get(keyOf(s)), obj: objs.get(keyOf(s)), plan: plans.get(planKey(s)) })));
  };
  add('single', 'Demo · galaxies, QSOs and odd stars', single);
  add('browse', 'Demo · stars in survey order', browse);
  if (spectrograph) add('spectrograph', `Demo · ${spectrograph.label}`, spectrograph.spectra);
  return { batches, items };
}

/** The plan+spectrograph with a known fault if the bundle has one, else the one with most fibres. */
function pickSpectrograph(bundle: SurveyBundle, ordered: SpecInfoRow[]): { label: string; spectra: SpecInfoRow[] } | null {
  const groups = new Map<string, SpecInfoRow[]>();
  for (const s of ordered) {
    const k = `${s.lmjd}|${s.planid}|${s.spid}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  const fault = bundle.truth.faults.find((f) => groups.has(`${f.lmjd}|${f.planid}|${f.spid}`));
  let key = fault ? `${fault.lmjd}|${fault.planid}|${fault.spid}` : null;
  if (!key) {
    let best = 0;
    for (const [k, g] of groups) if (g.length > best) [key, best] = [k, g.length];
  }
  const spectra = key ? groups.get(key)! : [];
  if (spectra.length === 0) return null;
  const first = spectra[0]!;
  return { label: `${first.planid} spectrograph ${first.spid}`, spectra };
}

/** The survey rows of one spectrum's fibre and plan, as batch_add snapshots them. */
interface SurveyRows {
  target: TargetInfoRow | undefined;
  obj: ObjInfoRow | undefined;
  plan: PlanInfoRow | undefined;
}

function itemOf(batchId: string, position: number, s: SpecInfoRow, { target: t, obj: o, plan }: SurveyRows): CentralItem {
  return {
    batchId,
    obsid: s.obsid,
    position,
    assigned: true,
    lmjd: s.lmjd,
    planid: s.planid,
    spid: s.spid,
    fiberid: s.fiberid,
    ra: t?.ra ?? 0,
    dec: t?.dec ?? 0,
    objtype: t?.objtype ?? 'Unknown',
    tsource: t?.tsource ?? '',
    mag: { g: t?.mag_g ?? null, r: t?.mag_r ?? null, i: t?.mag_i ?? null },
    seeing: plan?.seeing ?? null,
    moon: plan?.moon ?? null,
    class: s.class,
    subclass: s.subclass,
    z: s.z,
    zErr: s.z_err,
    snr: { u: o?.snr_u ?? null, g: o?.snr_g ?? null, r: o?.snr_r ?? null, i: o?.snr_i ?? null, z: o?.snr_z ?? null },
    filePath: s.file_path,
    rev: REV,
  };
}
