/**
 * Runs astropy (Debian's python3-astropy, via /usr/bin/python3) as the reference FITS reader
 * and writer for spectrum tests and benchmarks. Absent astropy → `astropyAvailable` is false
 * and callers skip with a message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'astropy_spectrum.py');

export const astropyAvailable: boolean = spawnSync(PYTHON, ['-c', 'import astropy'], { stdio: 'ignore' }).status === 0;

export interface AstropySpectrum {
  file: string;
  layout: string;
  header: Record<string, string | number | boolean | null>;
  flux: (number | null)[];
  ivar: (number | null)[];
  wavelength: (number | null)[];
  andMask: number[];
  orMask: number[];
}

function run(args: string[]): string {
  return execFileSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** What astropy reads from each file (NaN/Inf as null). */
export function astropyRead(files: string[]): AstropySpectrum[] {
  return run(['read', ...files]).trim().split('\n').map((l) => JSON.parse(l) as AstropySpectrum);
}

/** Writes astropy-made test files into `dir`; returns their names. */
export function astropyWrite(dir: string): string[] {
  return JSON.parse(run(['write', dir])) as string[];
}

/** astropy's time per file (ms) from bytes in memory to header values and native arrays (what decodeSpectrum does), over `rounds` passes. */
export function astropyBench(rounds: number, files: string[]): number[] {
  return JSON.parse(run(['bench', String(rounds), ...files])) as number[];
}

/**
 * Writes two SDSS/BOSS spec files of one galaxy at `z` (HDU1 COADD, HDU2 the answer table named
 * SPALL in one and SPECOBJ in the other, CLASS GALAXY, SUBCLASS STARFORMING); returns their paths.
 */
export function astropyWriteSdss(dir: string, galaxyTemplate: string, z: number): { spall: string; specobj: string } {
  const [spall, specobj] = JSON.parse(run(['write-sdss', dir, galaxyTemplate, String(z)])) as string[];
  return { spall: join(dir, spall!), specobj: join(dir, specobj!) };
}
