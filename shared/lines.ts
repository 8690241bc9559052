/**
 * Rest-frame spectral lines for the markers, in vacuum Å (LAMOST and SDSS wavelengths are
 * vacuum). Each line keeps the value as published and whether that value was measured in
 * air; air values are converted with airToVacuum below.
 *
 * Sources: UV lines (λ < 2000 Å) are vacuum by convention — values from the SDSS
 * emission-line table (classic.sdss.org/dr6/algorithms/linestable.html) and Vanden Berk
 * et al. 2001 (AJ 122, 549). Optical values are the standard air wavelengths of the NIST
 * Atomic Spectra Database as quoted in Moore's multiplet tables and the SDSS line table.
 */

import type { SpecClass } from './model';

export type LineKind = 'emission' | 'absorption' | 'both';

export interface SpectralLine {
  /** Short label for a marker, e.g. "Hα", "[O III]". */
  name: string;
  /** Vacuum wavelength in Å (converted from `source` when `air`). */
  vacuum: number;
  /** The wavelength as published, in Å. */
  source: number;
  /** True when `source` is an air wavelength. */
  air: boolean;
  kind: LineKind;
}

/**
 * Air → vacuum, λ in Å, the formula of Ciddor (1996, Appl. Opt. 35, 1566) as used by the
 * SDSS pipeline and IDL astrolib `airtovac` (Morton 2000 form of the refractive index):
 *   σ² = (10⁴/λ)²,  n = 1 + 5.792105e-2/(238.0185 − σ²) + 1.67917e-3/(57.362 − σ²),
 *   λ_vac = n · λ_air.
 * Below 2000 Å wavelengths are vacuum by convention and are returned unchanged.
 */
export function airToVacuum(airAngstrom: number): number {
  if (airAngstrom < 2000) return airAngstrom;
  const s2 = (1e4 / airAngstrom) ** 2;
  return airAngstrom * (1 + 5.792105e-2 / (238.0185 - s2) + 1.67917e-3 / (57.362 - s2));
}

const vac = (name: string, source: number, kind: LineKind): SpectralLine => ({ name, vacuum: source, source, air: false, kind });
const air = (name: string, source: number, kind: LineKind): SpectralLine => ({ name, vacuum: airToVacuum(source), source, air: true, kind });

/** Ordered by wavelength. */
export const LINES: readonly SpectralLine[] = [
  vac('Lyβ', 1025.72, 'emission'),
  vac('Lyα', 1215.67, 'emission'),
  vac('N V', 1240.81, 'emission'),
  vac('Si IV', 1399.8, 'emission'),
  vac('C IV', 1549.48, 'emission'),
  vac('He II', 1640.42, 'emission'),
  vac('C III]', 1908.73, 'emission'),
  vac('Mg II', 2799.49, 'emission'),
  air('[O II]', 3726.03, 'emission'),
  air('[O II]', 3728.82, 'emission'),
  air('[Ne III]', 3868.76, 'emission'),
  air('Ca K', 3933.663, 'absorption'),
  air('Ca H', 3968.468, 'absorption'),
  air('Hδ', 4101.734, 'both'),
  air('G band', 4304.4, 'absorption'),
  air('Hγ', 4340.464, 'both'),
  air('Hβ', 4861.325, 'both'),
  air('[O III]', 4958.911, 'emission'),
  air('[O III]', 5006.843, 'emission'),
  air('Mg b', 5167.321, 'absorption'),
  air('Mg b', 5172.684, 'absorption'),
  air('Mg b', 5183.604, 'absorption'),
  air('He I', 5875.62, 'emission'),
  air('Na D', 5889.951, 'absorption'),
  air('Na D', 5895.924, 'absorption'),
  air('[O I]', 6300.304, 'emission'),
  air('[N II]', 6548.05, 'emission'),
  air('Hα', 6562.801, 'both'),
  air('[N II]', 6583.45, 'emission'),
  air('[S II]', 6716.44, 'emission'),
  air('[S II]', 6730.82, 'emission'),
  air('Ca II', 8498.02, 'absorption'),
  air('Ca II', 8542.09, 'absorption'),
  air('Ca II', 8662.14, 'absorption'),
];

/** Lines whose marker is drawn for a class, and how (emission solid, absorption dashed). */
export interface ClassLine extends SpectralLine {
  /** Drawn as an absorption line (dashed) for this class. */
  absorption: boolean;
}

/** The nebular forbidden lines: no star shows them, so a star is never labelled with them. */
const NEBULAR = new Set(['[O II]', '[Ne III]', '[O III]', '[O I]', '[N II]', '[S II]']);
/** A quasar's broad lines, rest UV to Hα, and the narrow lines its spectrum also shows. */
const QSO_LINES = new Set(['Lyβ', 'Lyα', 'N V', 'Si IV', 'C IV', 'He II', 'C III]', 'Mg II', '[O II]', '[Ne III]', 'Hδ', 'Hγ', 'Hβ', '[O III]', 'Hα']);

/**
 * Which lines are marked for the class under review:
 * - STAR: the absorption lines (Balmer, Ca H & K, G band, Mg b, Na D, Ca II triplet), dashed —
 *   no nebular [O III]/[S II] and no quasar UV lines;
 * - QSO: the broad emission lines (Lyα … Mg II, Balmer) and the narrow [O II]/[Ne III]/[O III], solid;
 * - GALAXY: every optical line (rest λ > 3000 Å), emission solid and absorption dashed
 *   (Balmer lines, seen either way, solid);
 * - UNKNOWN: every line, styled as for a galaxy.
 */
function selectLines(cls: SpecClass): readonly ClassLine[] {
  const as = (l: SpectralLine, absorption: boolean): ClassLine => ({ ...l, absorption });
  switch (cls) {
    case 'STAR':
      return LINES.filter((l) => l.kind !== 'emission' && l.vacuum > 3000 && !NEBULAR.has(l.name)).map((l) => as(l, true));
    case 'QSO':
      return LINES.filter((l) => QSO_LINES.has(l.name)).map((l) => as(l, false));
    case 'GALAXY':
      return LINES.filter((l) => l.vacuum > 3000).map((l) => as(l, l.kind === 'absorption'));
    case 'UNKNOWN':
      return LINES.map((l) => as(l, l.kind === 'absorption'));
  }
}

/** The line list per class, made once (the same array every time, so the chart can tell it unchanged). */
export const LINES_BY_CLASS: Readonly<Record<SpecClass, readonly ClassLine[]>> = {
  STAR: selectLines('STAR'),
  GALAXY: selectLines('GALAXY'),
  QSO: selectLines('QSO'),
  UNKNOWN: selectLines('UNKNOWN'),
};

/** "Hα, Hβ, [O III] …": each name once, in wavelength order, for the key help. */
export function lineNames(lines: readonly SpectralLine[]): string {
  return [...new Set(lines.map((l) => l.name))].join(', ');
}

/** The first line with this name (e.g. line('Hα').vacuum); throws for an unknown name. */
export function line(name: string): SpectralLine {
  const l = LINES.find((x) => x.name === name);
  if (!l) throw new Error(`no line named ${name}`);
  return l;
}

/** Observed wavelength of a rest-frame vacuum wavelength at redshift z. */
export function observed(restVacuum: number, z: number): number {
  return restVacuum * (1 + z);
}

/** Every line with this name, e.g. the three Mg b or Ca II triplet components. */
export function linesNamed(name: string): SpectralLine[] {
  return LINES.filter((x) => x.name === name);
}
