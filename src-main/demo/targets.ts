/**
 * What sits behind each fibre: the true object (class, subclass, z, brightness) and what the
 * 1D pipeline says about it — right for most, deliberately wrong (class or z) for a known
 * fraction, so that a review has something to find and a test can check that it was found.
 */
import type { SpecClass } from '../../shared/model';
import { line } from '../../shared/lines';
import type { TruthRow } from '../survey/bundle';
import type { GalaxyKind } from './galaxies';
import type { FiberType } from './plans';
import type { Random } from './random';
import { STANDARD_TYPES, STAR_TYPES, type StarType } from './stars';

/** Fractions of spectra whose pipeline class / pipeline z are made wrong on purpose. */
export const WRONG_CLASS_FRACTION = 0.05;
export const WRONG_Z_FRACTION = 0.05;

export type TrueObject =
  | { class: 'STAR'; star: StarType; z: number }
  | { class: 'GALAXY'; kind: GalaxyKind; z: number }
  | { class: 'QSO'; z: number };

export interface Target {
  truth: TrueObject;
  subclass: string;
  magR: number;
  pipeline: { class: SpecClass; subclass: string; z: number; zErr: number };
  pipelineError: TruthRow['pipelineError'];
  objtype: string;
  tsource: string;
}

const C_KMS = 299_792.458;

export function makeTarget(type: FiberType, rng: Random): Target {
  const truth = trueObject(type, rng);
  const subclass = truth.class === 'STAR' ? truth.star.subclass : truth.class === 'GALAXY' ? (truth.kind === 'starforming' ? 'STARFORMING' : '') : '';
  const magR = round2(
    type === 'FStd' ? rng.uniform(13, 15.5) : truth.class === 'STAR' ? rng.uniform(11, 17.5) : truth.class === 'GALAXY' ? rng.uniform(15.5, 18) : rng.uniform(16.5, 19),
  );
  const zErr = truth.class === 'STAR' ? rng.uniform(0.5e-5, 3e-5) : truth.class === 'GALAXY' ? rng.uniform(5e-5, 2e-4) : rng.uniform(3e-4, 2e-3);
  const right = { class: truth.class as SpecClass, subclass, z: truth.z, zErr };
  // Standards are the pipeline's calibrators: keep their answers right.
  const roll = type === 'FStd' ? 1 : rng.next();
  let pipeline = right;
  let pipelineError: Target['pipelineError'] = null;
  if (roll < WRONG_CLASS_FRACTION) {
    pipeline = { ...right, ...wrongClass(truth, rng) };
    pipelineError = 'class';
  } else if (roll < WRONG_CLASS_FRACTION + WRONG_Z_FRACTION) {
    pipeline = { ...right, z: wrongZ(truth, rng) };
    pipelineError = 'z';
  }
  return {
    truth,
    subclass,
    magR,
    pipeline: { ...pipeline, z: round(pipeline.z, 8), zErr: round(pipeline.zErr, 8) },
    pipelineError,
    objtype: type === 'FStd' ? 'Star' : rng.chance(0.9) ? catalogueType(truth.class) : 'Unknown',
    tsource: type === 'FStd' ? 'LAMOST_STD' : rng.weighted([['LEGAS', 4], ['GAC', 3], ['KEPLER', 1], ['LAMOST', 2], ['SDSS', 1]] as const),
  };
}

function trueObject(type: FiberType, rng: Random): TrueObject {
  const starZ = () => round(rng.gauss() * 40 / C_KMS, 8);
  if (type === 'FStd') return { class: 'STAR', star: rng.weighted(STANDARD_TYPES), z: starZ() };
  const cls = rng.weighted([['STAR', 75], ['GALAXY', 15], ['QSO', 10]] as const);
  if (cls === 'STAR') return { class: 'STAR', star: rng.weighted(STAR_TYPES), z: starZ() };
  if (cls === 'GALAXY') return { class: 'GALAXY', kind: rng.chance(0.6) ? 'starforming' : 'passive', z: round(rng.uniform(0.01, 0.4), 5) };
  return { class: 'QSO', z: round(rng.chance(0.3) ? rng.uniform(2, 4) : rng.uniform(0.3, 2), 4) };
}

/** A plausible confusion: a star taken for a galaxy, a QSO for a galaxy or a star… */
function wrongClass(t: TrueObject, rng: Random): { class: SpecClass; subclass: string; z: number } {
  if (t.class === 'STAR') return { class: 'GALAXY', subclass: '', z: round(rng.uniform(0.02, 0.2), 5) };
  if (t.class === 'GALAXY') return rng.chance(0.5) ? { class: 'STAR', subclass: rng.pick(['K5', 'G5']), z: 0.0001 } : { class: 'QSO', subclass: '', z: t.z };
  return rng.chance(0.5) ? { class: 'GALAXY', subclass: '', z: t.z } : { class: 'STAR', subclass: 'A0', z: 0.0002 };
}

/** A wrong z of the kind a template fit makes: one line taken for another, |Δz|/(1+z) ≫ 0.0033. */
function wrongZ(t: TrueObject, rng: Random): number {
  if (t.class === 'STAR') return round(rng.uniform(0.05, 0.3), 5);
  const [a, b] = t.class === 'GALAXY' ? ['Hα', '[O III]'] : ['C IV', 'Mg II'];
  const la = line(a).vacuum;
  const lb = line(b).vacuum;
  const options = [((1 + t.z) * la) / lb - 1, ((1 + t.z) * lb) / la - 1].filter((z) => z > 0 && z < 5);
  return options.length ? rng.pick(options) : t.z + 0.1;
}

function catalogueType(c: SpecClass): string {
  return c === 'STAR' ? 'Star' : c === 'GALAXY' ? 'Galaxy' : c === 'QSO' ? 'QSO' : 'Unknown';
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function round2(x: number): number {
  return round(x, 2);
}
