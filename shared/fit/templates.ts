/**
 * Template sets read with SpecVet's own FITS decoder. Layout (the SDSS idlspec2d one): a
 * primary image, BITPIX −32 (or any BITPIX), one template per row; log10 λ(rest) of pixel j
 * is COEFF0 + COEFF1·j; NAMEi names row i. A file's role comes from its name:
 *   spEigenGal*   GALAXY, rows fitted together (PCA)
 *   spEigenQSO*   QSO, rows fitted together
 *   spEigenStar*  STAR, each row on its own, NAMEi mapped to a subclass
 *   spEigenCV*    STAR, rows fitted together, subclass CV
 * Other files in a template folder are ignored, so a survey can bring its own set by naming.
 */
import { gunzipIfNeeded } from '../fits/gzip';
import { FitsFile } from '../fits/hdu';
import { readImageRow } from '../fits/image';
import { FitsError } from '../fits/fitsError';
import { lamostSubclass } from './subclass';

export type FitClass = 'GALAXY' | 'QSO' | 'STAR';

export interface TemplateSet {
  /** The file it came from. */
  file: string;
  class: FitClass;
  /** 'pca': the rows are fitted together; 'each': every row is a template of its own. */
  mode: 'pca' | 'each';
  logLam0: number;
  step: number;
  rows: Float64Array[];
  /** Per row: the NAMEi card, or null. */
  names: (string | null)[];
  /** Per row (mode 'each') or for the set: the LAMOST-style subclass, or null. */
  subclasses: (string | null)[];
}

export interface TemplateLibrary {
  sets: TemplateSet[];
  /** The log10 λ step every set shares (a fit shifts by whole pixels of it). */
  step: number;
}

interface Role {
  pattern: RegExp;
  class: FitClass;
  mode: 'pca' | 'each';
  subclass?: string;
}

export const TEMPLATE_ROLES: readonly Role[] = [
  { pattern: /^spEigenGal/i, class: 'GALAXY', mode: 'pca' },
  { pattern: /^spEigenQSO/i, class: 'QSO', mode: 'pca' },
  { pattern: /^spEigenStar/i, class: 'STAR', mode: 'each' },
  { pattern: /^spEigenCV/i, class: 'STAR', mode: 'pca', subclass: 'CV' },
];

/** Whether a file name is one the library would read (…/spEigenGal-56436.fits[.gz]). */
export function isTemplateFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.fits(\.gz)?$/i.test(base) && TEMPLATE_ROLES.some((r) => r.pattern.test(base));
}

export function readTemplateSet(bytes: Uint8Array, fileName: string): TemplateSet {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const role = TEMPLATE_ROLES.find((r) => r.pattern.test(base));
  if (!role) throw new FitsError('unsupported', fileName, `not a template file: the name must start with ${TEMPLATE_ROLES.map((r) => r.pattern.source.slice(1)).join(', ')}`);
  const fits = new FitsFile(gunzipIfNeeded(bytes, fileName), fileName);
  const hdu = fits.hdu(0)!;
  const [width, height = 1] = hdu.axes;
  const logLam0 = hdu.header.num('COEFF0');
  const step = hdu.header.num('COEFF1');
  if (!width || hdu.axes.length > 2 || logLam0 === null || step === null || !(step > 0)) {
    throw new FitsError('not-a-spectrum', fileName, `a template file needs a 1- or 2-D primary image with COEFF0 and COEFF1 > 0 (found NAXIS = ${hdu.axes.join(' × ') || 0}, COEFF0 = ${logLam0}, COEFF1 = ${step})`);
  }
  const rows: Float64Array[] = [];
  const names: (string | null)[] = [];
  for (let r = 0; r < height; r++) {
    const row = readImageRow(fits, hdu, r, 'f64');
    // A NaN in a template would spread through every correlation: treat it as no flux.
    for (let i = 0; i < row.length; i++) if (!Number.isFinite(row[i]!)) row[i] = 0;
    rows.push(row);
    names.push(hdu.header.str(`NAME${r}`)?.trim() ?? null);
  }
  const subclasses = role.mode === 'each' ? names.map((n) => (n ? lamostSubclass(n) : null)) : [role.subclass ?? null];
  return { file: base, class: role.class, mode: role.mode, logLam0, step, rows, names, subclasses };
}

/** A library from template files; all must share one log-λ step. */
export function templateLibrary(files: readonly { name: string; bytes: Uint8Array }[]): TemplateLibrary {
  const sets = files.filter((f) => isTemplateFile(f.name)).map((f) => readTemplateSet(f.bytes, f.name));
  if (sets.length === 0) throw new Error(`no template files among ${files.length} (names must start with spEigenGal, spEigenQSO, spEigenStar or spEigenCV)`);
  const step = sets[0]!.step;
  const odd = sets.find((s) => Math.abs(s.step - step) > 1e-9);
  if (odd) throw new Error(`templates on different log-λ steps: ${sets[0]!.file} has ${step}, ${odd.file} has ${odd.step}`);
  return { sets, step };
}

/**
 * Whether a fit of the set counts only with a positive first coefficient: a single stellar
 * template (a negative star is no star), and the QSO and CV eigenspectra, whose first row is
 * the class's mean spectrum (positive at every pixel): a QSO fit made of the other rows with
 * the mean subtracted is a shape the PCA can reach, not a QSO. Not the galaxies: their PCA
 * needs a free first coefficient to fit strong emission lines on a weak continuum.
 */
export function leadPositive(set: TemplateSet): boolean {
  return set.mode === 'each' || set.class !== 'GALAXY';
}

/** Rest-frame wavelength range of a set, Å. */
export function restRange(set: TemplateSet): [number, number] {
  const n = set.rows[0]?.length ?? 0;
  return [10 ** set.logLam0, 10 ** (set.logLam0 + (n - 1) * set.step)];
}
