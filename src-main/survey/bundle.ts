/**
 * A survey bundle: what `specvet demo-data` writes and `specvet central seed` / the demo
 * install read. Rows keep the LAMOST table and column names (plan_info, target_info,
 * obj_info, spec_info) so the survey's staff recognise them. Layout on disk:
 *
 *   DIR/survey.json      { format, plan_info, target_info, obj_info, spec_info, truth }
 *   DIR/files/…          spectrum files; spec_info.file_path is relative to DIR/files
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FiberAddress, FiberTarget, SpecClass } from '../../shared/model';

export const BUNDLE_FORMAT = 'specvet-survey-1';

export interface PlanInfoRow {
  planid: string;
  lmjd: number;
  /** YYYY-MM-DD (Beijing date of the night, as LAMOST's OBSDATE). */
  obsdate: string;
  ra: number;
  dec: number;
  seeing: number;
  /** Moon illumination 0…1. */
  moon: number;
  /** 1 for a science plan, 0 for test / engineering. */
  science: 0 | 1;
}

export interface TargetInfoRow extends FiberTarget {
  /** Object type from the input catalogue: Star, Galaxy, QSO, Sky, Unknown… */
  objtype: string;
  /** Target source (input catalogue / programme). */
  tsource: string;
  /** Obj, Sky, FStd (flux standard), Unused. */
  fibertype: string;
  mag_g: number | null;
  mag_r: number | null;
  mag_i: number | null;
}

export interface ObjInfoRow extends FiberAddress {
  snr_u: number | null;
  snr_g: number | null;
  snr_r: number | null;
  snr_i: number | null;
  snr_z: number | null;
  version_2d: string;
}

export interface SpecInfoRow extends FiberAddress {
  obsid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  z_err: number;
  version_1d: string;
  /** Relative to the data source root (DIR/files, an NFS mount, or an HTTP base URL). */
  file_path: string;
}

/** What the generator knows and the pipeline may have got wrong: lets tests check a review. */
export interface TruthRow {
  obsid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  /** Which pipeline answer was deliberately made wrong, if any. */
  pipelineError: 'class' | 'z' | null;
}

export interface FaultRow {
  lmjd: number;
  planid: string;
  spid: number;
  fiberFrom: number;
  fiberTo: number;
  kind: 'stray-light' | 'negative-flux';
}

export interface SurveyBundle {
  format: typeof BUNDLE_FORMAT;
  plan_info: PlanInfoRow[];
  target_info: TargetInfoRow[];
  obj_info: ObjInfoRow[];
  spec_info: SpecInfoRow[];
  truth: { spectra: TruthRow[]; faults: FaultRow[] };
}

export const bundleFile = (dir: string) => join(dir, 'survey.json');
export const bundleFilesDir = (dir: string) => join(dir, 'files');

export async function writeBundle(dir: string, bundle: SurveyBundle): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(bundleFile(dir), JSON.stringify(bundle));
}

export async function readBundle(dir: string): Promise<SurveyBundle> {
  let text: string;
  try {
    text = await readFile(bundleFile(dir), 'utf8');
  } catch {
    throw new Error(`${dir} is not a survey bundle (no survey.json); make one with: specvet demo-data --out ${dir}`);
  }
  const bundle = JSON.parse(text) as SurveyBundle;
  if (bundle.format !== BUNDLE_FORMAT) {
    throw new Error(`${bundleFile(dir)} has format ${String(bundle.format)}, expected ${BUNDLE_FORMAT}`);
  }
  return bundle;
}
