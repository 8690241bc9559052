/**
 * Synthetic stellar spectra: a Planck continuum for the type's temperature with the lines a
 * reviewer checks a stellar class by — Balmer lines peaking at A, Ca H & K, G band, Mg b,
 * Na D and the Ca triplet growing towards K, TiO bands in M dwarfs. Lines sit at their
 * vacuum wavelengths (shared/lines) shifted by the star's radial velocity.
 */
import { line, linesNamed } from '../../shared/lines';
import { absorb, lineSigma, planckInto, type Model } from './profile';
import { Random } from './random';

export interface StarType {
  subclass: string;
  teff: number;
}

/** LAMOST subclasses with typical effective temperatures; weights follow LAMOST's mix. */
export const STAR_TYPES: readonly (readonly [StarType, number])[] = [
  [{ subclass: 'A0', teff: 9600 }, 3],
  [{ subclass: 'A5', teff: 8200 }, 3],
  [{ subclass: 'F0', teff: 7200 }, 8],
  [{ subclass: 'F5', teff: 6500 }, 14],
  [{ subclass: 'G0', teff: 5900 }, 14],
  [{ subclass: 'G5', teff: 5600 }, 12],
  [{ subclass: 'K0', teff: 5200 }, 12],
  [{ subclass: 'K5', teff: 4400 }, 8],
  [{ subclass: 'M0', teff: 3800 }, 5],
  [{ subclass: 'M3', teff: 3400 }, 3],
];

/** Flux-standard fibres carry F-type stars. */
export const STANDARD_TYPES: readonly (readonly [StarType, number])[] = STAR_TYPES.filter(([t]) => t.subclass.startsWith('F'));

const BALMER = ['Hα', 'Hβ', 'Hγ', 'Hδ'];
/**
 * Weak metal lines (Fe I, Ti I, Cr I … in reality): a fixed pseudo-random set, the same in every
 * star as real lines are, denser towards the blue; `strength` is the depth in a K0 star.
 */
const METAL_LINES: readonly { lambda: number; strength: number }[] = (() => {
  const rng = new Random(0x5eed);
  const out: { lambda: number; strength: number }[] = [];
  while (out.length < 260) {
    const lambda = rng.uniform(3650, 9000);
    if (rng.next() < (4000 / lambda) ** 2) out.push({ lambda, strength: 0.04 + 0.25 * -Math.log(1 - rng.next() * 0.95) / 3 });
  }
  return out;
})();

/** TiO band heads (vacuum Å): a sharp drop at the head, recovering redwards. */
const TIO_HEADS = [4762, 4955, 5168, 5449, 5848, 6160, 6653, 7056, 7591, 8208, 8434];

export function starModel(wl: Float64Array, type: StarType, z: number): Model {
  const n = wl.length;
  const continuum = new Float64Array(n);
  planckInto(wl, type.teff, z, continuum);
  const flux = continuum.slice();
  const t = type.teff;
  const balmer = 0.1 + 0.55 * Math.exp(-(((t - 9000) / 3000) ** 2));
  const cool = clamp((8500 - t) / 3500, 0, 1); // 0 for A stars, 1 for K and M
  const at = (name: string) => line(name).vacuum * (1 + z);
  // Hot stars' Balmer lines are pressure-broadened: tens of Å wide.
  for (const name of BALMER) absorb(wl, flux, at(name), lineSigma(at(name), t > 7000 ? 700 : 120), balmer);
  absorb(wl, flux, at('Ca K'), lineSigma(at('Ca K'), 60), 0.15 + 0.6 * cool);
  absorb(wl, flux, at('Ca H'), lineSigma(at('Ca H'), 60), 0.12 + 0.55 * cool);
  absorb(wl, flux, at('G band'), lineSigma(at('G band'), 150), 0.45 * cool);
  for (const l of ['Mg b', 'Na D', 'Ca II']) {
    for (const { vacuum: x } of linesNamed(l)) absorb(wl, flux, x * (1 + z), lineSigma(x, 40), (l === 'Na D' ? 0.5 : 0.35) * cool);
  }
  // The forest of weak metal lines that makes a cool star's spectrum look "grassy" in the blue.
  const metals = clamp((7500 - t) / 3000, 0, 1.2);
  for (const m of METAL_LINES) absorb(wl, flux, m.lambda * (1 + z), lineSigma(m.lambda, 30), Math.min(0.8, m.strength * metals));
  const tio = clamp((4000 - t) / 900, 0, 0.75);
  if (tio > 0) tioBands(wl, flux, z, tio);
  return { flux, continuum };
}

function tioBands(wl: Float64Array, flux: Float64Array, z: number, depth: number): void {
  for (const head of TIO_HEADS) {
    const h = head * (1 + z);
    for (let i = 0; i < wl.length; i++) {
      const d = wl[i]! - h;
      if (d >= 0 && d < 400) flux[i]! *= 1 - depth * Math.exp(-d / 120);
    }
  }
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
