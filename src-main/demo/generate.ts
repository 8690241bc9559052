/**
 * The synthetic survey: `generateSurvey(outDir, {count, seed, nights})` writes spectrum files
 * in both LAMOST layouts under DIR/files and the survey rows with their truth as a bundle
 * (src-main/survey/bundle.ts). Deterministic for a seed: the same call gives the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_FORMAT, bundleFilesDir, writeBundle, type FaultRow, type ObjInfoRow, type SpecInfoRow, type SurveyBundle, type TargetInfoRow, type TruthRow } from '../survey/bundle';
import { eigenSets, galaxyModel, qsoModel, type EigenSets } from './galaxies';
import { lamostFile, fileName, type LamostLayout } from './lamostFile';
import { observe } from './observe';
import { FIBERS, fiberType, makePlans, round, type FiberRun, type Plan } from './plans';
import { lamostGrid, type Model } from './profile';
import { Random } from './random';
import { starModel } from './stars';
import { makeTarget, type Target } from './targets';
import { designation } from '../../shared/designation';
import type { TemplateLibrary } from '../../shared/fit';
import { loadTemplates } from '../fit/templates';

export interface GenerateOptions {
  /** Number of spectrum files (default 300). */
  count?: number;
  seed?: number;
  /** Nights, one plan each (default 1; more when count exceeds what the plans hold). */
  nights?: number;
  /** The eigenspectra galaxies and QSOs are made of (default: the shipped SDSS set). */
  templates?: TemplateLibrary;
}

export const DEFAULT_COUNT = 300;
/** Chance that a spectrograph's run in a plan carries a 2D fault over part of its fibres. */
export const FAULT_CHANCE = 0.25;
/** COADD lengths seen in DR10 (read from TFORM, not assumed to be 3909). */
const COADD_LENGTHS = [3909, 3909, 3906, 3902];
const WRITE_CONCURRENCY = 16;

export async function generateSurvey(outDir: string, opts: GenerateOptions = {}): Promise<SurveyBundle> {
  const count = opts.count ?? DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a whole number ≥ 1, got ${count}`);
  const rng = new Random(opts.seed ?? 1);
  const plans = makePlans(count, Math.max(1, opts.nights ?? 1), rng);
  const bundle: SurveyBundle = { format: BUNDLE_FORMAT, plan_info: [], target_info: [], obj_info: [], spec_info: [], truth: { spectra: [], faults: [] } };
  const filesDir = bundleFilesDir(outDir);
  await mkdir(filesDir, { recursive: true });
  const pending: Promise<void>[] = [];
  const grids = new Map<number, Float64Array>();
  const eigen = eigenSets(opts.templates ?? loadTemplates());
  for (const [planIndex, plan] of plans.entries()) {
    const ctx: PlanContext = { plan, planIndex, rng, grids, eigen, bundle };
    bundle.plan_info.push(plan.info);
    // At least one faulty run per plan, so the spectrograph view always has something to find:
    // the whole spectrograph when the plan has one (plans.ts puts it first), else any run.
    const whole = plan.runs[0] !== undefined && plan.runs[0].to - plan.runs[0].from + 1 === FIBERS;
    const forced = whole ? 0 : rng.int(0, plan.runs.length - 1);
    for (const [r, run] of plan.runs.entries()) {
      const fault = r === forced || rng.chance(FAULT_CHANCE) ? chooseFault(plan, run, rng) : null;
      if (fault) bundle.truth.faults.push(fault);
      for (let fiberid = run.from; fiberid <= run.to; fiberid++) {
        // Alternating run by run: any plan with two spectrographs shows both layouts.
        const layout: LamostLayout = (r + planIndex) % 2 === 0 ? 'lamost-image' : 'lamost-coadd';
        const spectrum = makeFibre(ctx, layout, run.spid, fiberid, fault);
        if (!spectrum) continue;
        pending.push(writeFile(join(filesDir, spectrum.path), spectrum.bytes));
        if (pending.length >= WRITE_CONCURRENCY) await Promise.all(pending.splice(0));
      }
    }
  }
  await Promise.all(pending);
  await writeBundle(outDir, bundle);
  return bundle;
}

interface PlanContext {
  plan: Plan;
  planIndex: number;
  rng: Random;
  /** Wavelength grids by length, shared by all spectra. */
  grids: Map<number, Float64Array>;
  eigen: EigenSets;
  bundle: SurveyBundle;
}

/** Adds one fibre's rows to the bundle; returns its file for object and standard fibres. */
function makeFibre(
  { plan, planIndex, rng, grids, eigen, bundle }: PlanContext,
  layout: LamostLayout,
  spid: number,
  fiberid: number,
  fault: FaultRow | null,
): { path: string; bytes: Uint8Array } | null {
  const { lmjd, planid } = plan.info;
  const type = fiberType(fiberid);
  const ra = round((plan.info.ra + rng.uniform(-2.5, 2.5) / Math.cos((plan.info.dec * Math.PI) / 180) + 360) % 360, 6);
  const dec = round(plan.info.dec + rng.uniform(-2.5, 2.5), 6);
  const target = type === 'Sky' ? null : makeTarget(type, rng);
  const mags = target ? { mag_g: round(target.magR + colour(target), 2), mag_r: target.magR, mag_i: round(target.magR - 0.3 * colour(target), 2) } : { mag_g: null, mag_r: null, mag_i: null };
  bundle.target_info.push({ lmjd, planid, spid, fiberid, ra, dec, objtype: target?.objtype ?? 'Sky', tsource: target?.tsource ?? 'SKY', fibertype: type, ...mags } satisfies TargetInfoRow);
  if (!target) {
    bundle.obj_info.push({ lmjd, planid, spid, fiberid, snr_u: null, snr_g: null, snr_r: null, snr_i: null, snr_z: null, version_2d: 'v2.9.7' } satisfies ObjInfoRow);
    return null;
  }
  const pixels = layout === 'lamost-image' ? COADD_LENGTHS[0]! : rng.pick(COADD_LENGTHS);
  const wl = grids.get(pixels) ?? grids.set(pixels, lamostGrid(pixels)).get(pixels)!;
  const inFault = fault && fiberid >= fault.fiberFrom && fiberid <= fault.fiberTo ? fault.kind : null;
  const snrR = Math.min(300, Math.max(2.5, 10 * 10 ** (-0.32 * (target.magR - 17))));
  const observed = observe(wl, model(wl, target, eigen, rng), { brightness: 200 * 10 ** (-0.4 * (target.magR - 15)) + 20, snrR, sky: 0.1 + 0.6 * plan.info.moon, fault: inFault }, rng);
  const obsid = (1000 + planIndex) * 100_000 + spid * 1000 + fiberid;
  const { snr } = observed;
  bundle.obj_info.push({ lmjd, planid, spid, fiberid, snr_u: snr.u, snr_g: snr.g, snr_r: snr.r, snr_i: snr.i, snr_z: snr.z, version_2d: 'v2.9.7' });
  const path = fileName({ lmjd, planid, spid, fiberid });
  const p = target.pipeline;
  bundle.spec_info.push({ obsid, lmjd, planid, spid, fiberid, class: p.class, subclass: p.subclass, z: p.z, z_err: p.zErr, version_1d: 'v2.9.7', file_path: path } satisfies SpecInfoRow);
  bundle.truth.spectra.push({ obsid, class: target.truth.class, subclass: target.subclass, z: target.truth.z, pipelineError: target.pipelineError } satisfies TruthRow);
  const header = {
    obsid, designation: designation(ra, dec), obsdate: plan.info.obsdate, lmjd, planid, spid, fiberid, ra, dec,
    fibertype: type, objtype: target.objtype, tsource: target.tsource, class: p.class, subclass: p.subclass, z: p.z, zErr: p.zErr,
    magG: mags.mag_g ?? 99, magR: mags.mag_r ?? 99, magI: mags.mag_i ?? 99,
  };
  return { path, bytes: lamostFile(layout, header, wl, observed) };
}

function model(wl: Float64Array, t: Target, eigen: EigenSets, rng: Random): Model {
  const truth = t.truth;
  if (truth.class === 'STAR') return starModel(wl, truth.star, truth.z);
  // The mix and the forest from a stream of their own: how many numbers they take does not move the survey's other draws.
  const own = rng.fork(Math.round(truth.z * 1e5));
  if (truth.class === 'GALAXY') return galaxyModel(wl, truth.z, truth.kind, eigen.galaxy, own);
  return qsoModel(wl, truth.z, eigen.qso, own);
}

/** A contiguous range inside the run where 2D processing went wrong. */
function chooseFault(plan: Plan, run: FiberRun, rng: Random): FaultRow | null {
  const span = run.to - run.from + 1;
  if (span < 4) return null;
  const len = Math.min(span, rng.int(4, Math.max(4, Math.min(30, Math.floor(span / 2)))));
  const from = rng.int(run.from, run.to - len + 1);
  const kind = rng.chance(0.5) ? 'stray-light' : 'negative-flux';
  return { lmjd: plan.info.lmjd, planid: plan.info.planid, spid: run.spid, fiberFrom: from, fiberTo: from + len - 1, kind };
}

/** g − r colour: red for cool stars and galaxies, blue for hot stars and QSOs. */
function colour(t: Target): number {
  const x = t.truth;
  if (x.class === 'STAR') return round(Math.min(1.5, Math.max(-0.3, (6500 - x.star.teff) / 2000 + 0.35)), 2);
  return x.class === 'GALAXY' ? 0.8 : 0.2;
}

