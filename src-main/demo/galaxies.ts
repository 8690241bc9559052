/**
 * Synthetic galaxy and QSO spectra at redshift z, built from the SDSS eigenspectra the fit
 * itself uses (issue 14 allows it: more like real spectra than Planck continua and Gaussian
 * lines): a random mix of the class's eigenspectra — the mean (row 0) with a positive weight,
 * the other rows with spreads chosen so the mixes span real galaxies' 4000 Å breaks and Hα
 * equivalent widths and real quasars' continuum slopes — resampled onto the LAMOST grid at
 * (1 + z) and broadened from SDSS's resolution to LAMOST's. Noise, sky residuals, masks and
 * faults are added afterwards by observe.ts, as for the stars.
 *
 * A consequence to keep in mind: every demo galaxy and QSO lies exactly in the fit's model
 * family, so the fit's figures on them are optimistic by construction (docs/assistant.md,
 * "Accuracy on the demo survey"); the honest figures are those on real files.
 */
import type { TemplateLibrary, TemplateSet } from '../../shared/fit';
import { absorb, lowerBound, type Model } from './profile';
import type { Random } from './random';
import { clamp } from './stars';

export type GalaxyKind = 'passive' | 'starforming';

/** The eigenspectra a demo galaxy or QSO is made of. */
export interface EigenSets {
  galaxy: TemplateSet;
  qso: TemplateSet;
}

export function eigenSets(lib: TemplateLibrary): EigenSets {
  const pick = (cls: 'GALAXY' | 'QSO') => {
    const set = lib.sets.find((s) => s.class === cls && s.mode === 'pca');
    if (!set) throw new Error(`the demo survey needs the ${cls} eigenspectra (spEigen${cls === 'GALAXY' ? 'Gal' : 'QSO'}*.fits) in the template folder`);
    return set;
  };
  return { galaxy: pick('GALAXY'), qso: pick('QSO') };
}

/**
 * Weight of the galaxy eigenspectrum row 1 (negative everywhere, strongest at the emission
 * lines) per mean: a passive galaxy takes emission away (EW(Hα) ≈ 4 → 0 Å), a star-forming
 * one adds it with a bluer continuum (EW(Hα) ≈ 8–25 Å, D4000 1.4 → 1.15).
 */
const GALAXY_ROW1: Record<GalaxyKind, readonly [number, number]> = { passive: [0, 2.5], starforming: [-20, -3] };
/** σ of rows 2 and 3 per mean: D4000 from ~1.3 to ~1.8 and the UV slope, as among SDSS galaxies. */
const GALAXY_SPREAD = [12, 20] as const;
/** σ of QSO rows 1–3 per mean: continuum slopes α ± ~0.3 and broad-line strengths ± ~30 %. */
const QSO_SPREAD = [0.5, 0.5, 0.5] as const;
/** A mix whose flux falls below this share of its median anywhere on the spectrum is drawn again. */
const MIN_FLUX_SHARE = 0.05;
const DRAWS = 50;
/**
 * Extra Gaussian broadening, in log-λ pixels: LAMOST's R ≈ 1800 (2.4 pixels FWHM) against the
 * SDSS spectra's R ≈ 2000 (2.2 pixels) the eigenspectra were made from.
 */
const EXTRA_SIGMA_PIXELS = 0.45;
const LYA = 1215.67;
/** Half-width, pixels, of the window the forest's transmission is divided by its mean over. */
const FOREST_MEAN = 40;

export function galaxyModel(wl: Float64Array, z: number, kind: GalaxyKind, set: TemplateSet, rng: Random): Model {
  const [lo, hi] = GALAXY_ROW1[kind];
  return eigenModel(wl, z, set, rng, () => [1, rng.uniform(lo, hi), rng.gauss() * GALAXY_SPREAD[0], rng.gauss() * GALAXY_SPREAD[1]]);
}

export function qsoModel(wl: Float64Array, z: number, set: TemplateSet, rng: Random): Model {
  const model = eigenModel(wl, z, set, rng, () => [1, ...QSO_SPREAD.map((s) => rng.gauss() * s)]);
  forestStructure(wl, model.flux, z, rng);
  return model;
}

/** A positive mix of the set's rows at z on the wavelengths `wl`, its continuum beside it. */
function eigenModel(wl: Float64Array, z: number, set: TemplateSet, rng: Random, draw: () => number[]): Model {
  const rows = set.rows.map((row) => smooth(restSample(wl, z, set, row)));
  let flux = mix(rows, [1]);
  for (let k = 0; k < DRAWS; k++) {
    const candidate = mix(rows, draw());
    if (positive(candidate)) {
      flux = candidate;
      break;
    }
  }
  return { flux, continuum: runningMedian(flux) };
}

/** A row at rest wavelength wl/(1+z), linearly interpolated on its log-λ grid (held at its ends). */
function restSample(wl: Float64Array, z: number, set: TemplateSet, row: Float64Array): Float64Array {
  const out = new Float64Array(wl.length);
  const shift = Math.log10(1 + z);
  for (let i = 0; i < wl.length; i++) {
    const x = clamp((Math.log10(wl[i]!) - shift - set.logLam0) / set.step, 0, row.length - 1);
    const j = Math.min(row.length - 2, Math.floor(x));
    const f = x - j;
    out[i] = row[j]! * (1 - f) + row[j + 1]! * f;
  }
  return out;
}

/** Gaussian of EXTRA_SIGMA_PIXELS as three taps (the rest is below 1e-4). */
function smooth(x: Float64Array): Float64Array {
  const side = Math.exp(-0.5 / EXTRA_SIGMA_PIXELS ** 2);
  const norm = 1 + 2 * side;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i]! + side * (x[Math.max(0, i - 1)]! + x[Math.min(x.length - 1, i + 1)]!)) / norm;
  return out;
}

function mix(rows: Float64Array[], coefficients: number[]): Float64Array {
  const out = new Float64Array(rows[0]!.length);
  coefficients.forEach((c, k) => {
    const row = rows[k];
    if (row) for (let i = 0; i < out.length; i++) out[i]! += c * row[i]!;
  });
  return out;
}

function positive(flux: Float64Array): boolean {
  const floor = MIN_FLUX_SHARE * flux.slice().sort()[flux.length >> 1]!;
  return floor > 0 && flux.every((f) => f > floor);
}

/** Median over ±50 pixels, taken every 25 pixels and interpolated: the continuum under the lines. */
function runningMedian(flux: Float64Array): Float64Array {
  const n = flux.length;
  const STRIDE = 25;
  const HALF = 50;
  const knots: number[] = [];
  for (let c = 0; c < n; c += STRIDE) {
    const w = flux.slice(Math.max(0, c - HALF), Math.min(n, c + HALF + 1)).sort();
    knots.push(w[w.length >> 1]!);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.min(knots.length - 1, Math.floor(i / STRIDE));
    const f = (i - k * STRIDE) / STRIDE;
    out[i] = k + 1 < knots.length ? knots[k]! * (1 - f) + knots[k + 1]! * f : knots[k]!;
  }
  return out;
}

/** The forest's effective Lyα opacity at the absorber's redshift (Faucher-Giguère et al. 2008). */
function forestOpacity(zAbs: number): number {
  return 0.0018 * (1 + zAbs) ** 3.92;
}

/**
 * The Lyα forest of one line of sight: random absorbers blueward of Lyα, their mean
 * transmission divided back out, since the QSO eigenspectra already carry the forest's mean
 * decrement; what is added is the structure a single quasar shows and a mean does not.
 * Absorbers ~3.5 Å apart and ~3 Å wide cover about every pixel once, so depths uniform up to
 * 2·(1 − e^−τ) give a mean transmission near the measured e^−τ before it is divided out.
 */
function forestStructure(wl: Float64Array, flux: Float64Array, z: number, rng: Random): void {
  const lya = LYA * (1 + z);
  const from = Math.max(wl[0]!, 912 * (1 + z));
  if (lya <= from) return;
  const transmission = new Float64Array(wl.length).fill(1);
  for (let x = from; x < lya; x += rng.uniform(1, 6)) {
    const strength = clamp(2 * (1 - Math.exp(-forestOpacity(x / LYA - 1))), 0, 0.95) * rng.next();
    // Kept off Lyα's own pixels (absorb reaches ±5σ): there the division below could not reach.
    const sigma = Math.min(rng.uniform(0.8, 2), (lya - x) / 5);
    absorb(wl, transmission, x, sigma, strength);
  }
  // Divided by its local mean (±FOREST_MEAN pixels), not the whole forest's: the opacity grows
  // towards Lyα, and a global mean would eat Lyα's blue wing and push the line redwards.
  const lo = lowerBound(wl, from);
  const hi = lowerBound(wl, lya);
  for (let i = lo; i < hi; i++) {
    let sum = 0;
    const a = Math.max(lo, i - FOREST_MEAN);
    const b = Math.min(hi - 1, i + FOREST_MEAN);
    for (let k = a; k <= b; k++) sum += transmission[k]!;
    flux[i]! *= (transmission[i]! * (b - a + 1)) / sum;
  }
}
