/**
 * LAMOST's subclasses, for the subclass picker's type-ahead. Source: the `subclass` column of
 * the LAMOST LRS General Catalog (DR5–DR9 data production descriptions, dr*.lamost.org/doc):
 * the 1D pipeline's stellar templates — MK types with a luminosity class where the template has
 * one (A/F), M dwarfs, giants and subdwarfs (dM, gM, sdM), white dwarfs, cataclysmic variables,
 * carbon stars, double stars — and the SDSS-style galaxy / QSO subclasses. Written down from the
 * catalogues, not read from a release file: a value the pipeline wrote that is not listed here is
 * still accepted (the pipeline's own answer is always offered), and the list is the place to add it.
 * Compared with real files: the five LRS fixtures' subclasses (test/shared/subclasses.test.ts);
 * not with a release's full list of distinct values (docs/app.md, "The subclass list").
 * Kept free of zod: the renderer imports it.
 */
import type { SpecClass } from './model';

const range = (prefix: string, digits: readonly number[]) => digits.map((d) => `${prefix}${d}`);
const ALL_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const STAR_SUBCLASSES: readonly string[] = [
  'O',
  'OB',
  'B6',
  'B9',
  'A0',
  'A0III',
  'A1IV',
  'A1V',
  'A2IV',
  'A2V',
  'A3IV',
  'A3V',
  'A5V',
  'A6IV',
  'A6V',
  'A7III',
  'A7IV',
  'A7V',
  'A9V',
  'F0',
  'F0IV',
  'F0V',
  'F2',
  'F2V',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  ...range('G', ALL_DIGITS),
  ...range('K', [0, 1, 2, 3, 4, 5, 7]),
  ...range('M', ALL_DIGITS),
  ...range('dM', ALL_DIGITS),
  ...range('gM', [0, 1, 2, 3, 4, 5, 6, 7, 8]),
  ...range('sdM', [0, 1, 2, 3]),
  'WD',
  'WDMagnetic',
  'DA',
  'DB',
  'CV',
  'Carbon',
  'CarbonWD',
  'DoubleStar',
];

const GALAXY_SUBCLASSES: readonly string[] = ['STARFORMING', 'STARBURST', 'AGN', 'BROADLINE'];
const QSO_SUBCLASSES: readonly string[] = ['BROADLINE', 'AGN'];

export const SUBCLASSES_BY_CLASS: Readonly<Record<SpecClass, readonly string[]>> = {
  STAR: STAR_SUBCLASSES,
  GALAXY: GALAXY_SUBCLASSES,
  QSO: QSO_SUBCLASSES,
  UNKNOWN: [],
};

/**
 * The picker's choices for what was typed: subclasses of the class that start with it (case
 * ignored), then those that contain it; the pipeline's own subclass is offered first when it
 * matches, since the survey may use one this list lacks.
 */
export function matchSubclasses(cls: SpecClass, typed: string, pipelineSubclass = ''): string[] {
  const t = typed.trim().toLowerCase();
  const known = SUBCLASSES_BY_CLASS[cls];
  const pool = pipelineSubclass !== '' && !known.includes(pipelineSubclass) ? [pipelineSubclass, ...known] : known;
  const starts = pool.filter((s) => s.toLowerCase().startsWith(t));
  const contains = pool.filter((s) => !s.toLowerCase().startsWith(t) && s.toLowerCase().includes(t));
  return [...starts, ...contains];
}
