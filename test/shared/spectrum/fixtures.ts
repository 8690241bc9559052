/** The real LAMOST files in ../shared/fixtures/lamost (read in place, never copied). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = resolve(repoRoot, '..', 'shared', 'fixtures', 'lamost');
export const fixturesPresent = existsSync(FIXTURES);
export const SKIP_FIXTURES = `real LAMOST files not found at ${FIXTURES}`;

export const fixture = (name: string) => join(FIXTURES, name);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));

/** Every LRS fixture with the layout and length it must decode to. */
export const LRS_FIXTURES = [
  { name: 'spec-57287-KP193637N444141V03_sp10-161.fits.gz', layout: 'lamost-image', length: 3909 },
  { name: 'spec-58397-EG014118N254444M01_sp03-031.fits', layout: 'lamost-image', length: 3909 },
  { name: '3703110.fits', layout: 'lamost-coadd', length: 3909 },
  { name: '3709013.fits', layout: 'lamost-coadd', length: 3902 },
  { name: '3712166.fits', layout: 'lamost-coadd', length: 3906 },
] as const;
export const MRS_FIXTURE = 'med-58625-TD192102N424113K01_sp12-076.fits.gz';
