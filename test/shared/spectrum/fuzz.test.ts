/**
 * ≥ 5,000 mutated files: each ends in a Spectrum or a FitsError, quickly, never a hang, a
 * crash (any other exception) or an allocation beyond what the file could describe.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeSpectrum, FitsError, type Spectrum } from '../../../shared/spectrum/decode';
import { MAX_INFLATED_BYTES } from '../../../shared/fits/gzip';
import { lamostFile } from '../../../src-main/demo/lamostFile';
import { observe } from '../../../src-main/demo/observe';
import { lamostGrid } from '../../../src-main/demo/profile';
import { Random } from '../../../src-main/demo/random';
import { nodeInflate } from '../../../src-main/spectrum/nodeDecode';
import { starModel, STAR_TYPES } from '../../../src-main/demo/stars';
import { fixture, fixturesPresent } from './fixtures';
import { cardOffsets, mutate, setCard } from './mutate';

const CASES = 5200;
/** A generous bound: decoding takes well under a millisecond; this catches hangs, not speed. */
const PER_CASE_MS = 100;
/** How many times slower than the unmutated file, timed at the same moment, a runaway is. */
const RUNAWAY_FACTOR = 50;

function timeOf(work: () => unknown): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

function baseFiles(): Uint8Array[] {
  const rng = new Random(11);
  const wl = lamostGrid(3906);
  const obs = observe(wl, starModel(wl, STAR_TYPES[4]![0], 0), { brightness: 100, snrR: 20, sky: 0.2, fault: null }, rng);
  const h = { obsid: 1, designation: 'LAMOST J000000.00+000000.0', obsdate: '2020-01-01', lmjd: 58850, planid: 'FUZZ', spid: 1, fiberid: 2, ra: 1, dec: 2, fibertype: 'Obj', objtype: 'Star', tsource: 'T', class: 'STAR', subclass: 'G0', z: 0, zErr: 0, magG: 15, magR: 14, magI: 13 };
  const files = [gunzipSync(lamostFile('lamost-image', h, wl, obs)), gunzipSync(lamostFile('lamost-coadd', h, wl, obs))];
  if (fixturesPresent) {
    files.push(new Uint8Array(readFileSync(fixture('3703110.fits'))));
    files.push(new Uint8Array(readFileSync(fixture('spec-58397-EG014118N254444M01_sp03-031.fits'))));
  }
  return files;
}

/** The FITS bytes behind `input` (inflated when gzip). */
function fitsBytes(input: Uint8Array): number {
  return input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input).length : input.length;
}

function checkSpectrum(s: Spectrum, input: Uint8Array): void {
  const n = s.flux.length;
  for (const a of [s.ivar, s.wavelength, s.andMask, s.orMask]) expect(a.length).toBe(n);
  const bytes = [s.flux, s.ivar, s.wavelength, s.andMask, s.orMask].reduce((t, a) => t + a.byteLength, 0);
  // Every output element stands for at least one input byte and takes at most 8: the output is
  // bounded by what the file describes, whatever its header claims.
  expect(bytes).toBeLessThanOrEqual(8 * fitsBytes(input));
}

function decodeOnce(bytes: Uint8Array, i: number, kind: string): { outcome: string; ms: number } {
  const t0 = performance.now();
  let outcome: string;
  try {
    // Half the cases through fflate (browser), half through Node's zlib (CLI, cache).
    const s = decodeSpectrum(bytes, `case-${i}`, i % 2 ? { inflate: nodeInflate } : {});
    checkSpectrum(s, bytes);
    outcome = 'spectrum';
  } catch (err) {
    if (!(err instanceof FitsError)) throw new Error(`case ${i} (${kind}) threw a non-FitsError: ${String(err)}`);
    expect(err.message.startsWith(`case-${i}: `)).toBe(true);
    expect(err.message).not.toContain('\n');
    outcome = err.code;
  }
  return { outcome, ms: performance.now() - t0 };
}

describe('fuzz: mutated spectrum files', () => {
  it(`${CASES} mutated files each end in a Spectrum or a FitsError, fast`, () => {
    const bases = baseFiles().map((plain) => ({ plain, gz: gzipSync(plain, { level: 1 }) }));
    // Warm the decoder up first so that JIT compilation is not counted against a case.
    for (const b of bases) for (let k = 0; k < 20; k++) decodeSpectrum(b.gz, 'warm-up');
    const rng = new Random(20_261_124);
    const outcomes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const base = bases[i % bases.length]!;
      const { bytes, kind } = mutate(base.plain, base.gz, rng);
      let { outcome, ms } = decodeOnce(bytes, i, kind);
      // On a shared machine a GC pause or a busy core can stall any one call; a hang or a
      // runaway loop is slow every time and slow against the unmutated file decoded at the
      // same moment, so a slow case fails only when it is both, three times over.
      for (let retry = 0; retry < 3 && ms > PER_CASE_MS; retry++) {
        const again = decodeOnce(bytes, i, kind);
        const baseline = timeOf(() => decodeSpectrum(base.gz, 'baseline'));
        outcome = again.outcome;
        ms = again.ms > RUNAWAY_FACTOR * baseline ? again.ms : 0;
      }
      if (ms > PER_CASE_MS) throw new Error(`case ${i} (${kind}) took ${ms.toFixed(1)} ms, over ${RUNAWAY_FACTOR}× the unmutated file, every time`);
      slowest = Math.max(slowest, ms);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log(`fuzz outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}; slowest ${slowest.toFixed(1)} ms`);
    // The mutations must reach the interesting paths, not just one kind of rejection.
    for (const code of ['spectrum', 'truncated', 'bad-header', 'gzip', 'not-a-spectrum']) expect(outcomes.get(code) ?? 0).toBeGreaterThan(10);
  });

  it('refuses NAXIS1 = 999999999 as truncated before allocating, naming the card', () => {
    const plain = baseFiles()[0]!;
    const bytes = setCard(plain, cardOffsets(plain, 'NAXIS1')[0]!, '999999999');
    const err = (() => {
      try {
        decodeSpectrum(bytes, 'big.fits');
      } catch (e) {
        return e as FitsError;
      }
    })();
    expect(err?.code).toBe('truncated');
    expect(err?.message).toMatch(/^big\.fits: primary HDU describes \d+ data bytes .* but only \d+ are left/);
  });

  it('refuses BITPIX = 7 and garbage TFORM as bad headers', () => {
    const [image, coadd] = baseFiles() as [Uint8Array, Uint8Array];
    const bitpix = () => decodeSpectrum(setCard(image, cardOffsets(image, 'BITPIX')[0]!, '7'), 'a.fits');
    expect(bitpix).toThrowError(/a\.fits: primary HDU has BITPIX = 7, not one of/);
    const tform = () => decodeSpectrum(setCard(coadd, cardOffsets(coadd, 'TFORM2')[0]!, "'ZZZ'"), 'b.fits');
    expect(tform).toThrowError(/b\.fits: HDU 1 \(COADD\): TFORM2 = 'ZZZ' is not a binary-table format/);
  });

  it('refuses bit (X) columns before sizing any array from their count of bits', () => {
    const coadd = baseFiles()[1]!;
    // Every column's 3906 float32 as 124,992 bits: the same bytes, 8 "values" per byte, so
    // all lengths agree and only the type says no.
    let bytes = coadd;
    for (let n = 1; n <= 6; n++) bytes = setCard(bytes, cardOffsets(bytes, `TFORM${n}`)[0]!, `'${3906 * 32}X'`);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => decodeSpectrum(bytes, 'x.fits')).toThrowError(/^x\.fits: column FLUX has type X, which is not a numeric type/);
    // Sized from 124,992 values, the five arrays would take 3 MB for a 94 kB table.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1_500_000);
  });

  it('refuses a gzip trailer that claims more than the stream can hold, without allocating it', () => {
    const gz = gzipSync(baseFiles()[0]!, { level: 1 });
    gz.set([0xff, 0xff, 0xff, 0xff], gz.length - 4);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => decodeSpectrum(gz, 'g.fits.gz')).toThrowError(/g\.fits\.gz: gzip trailer claims 4294967295 bytes/);
    expect(() => decodeSpectrum(gz, 'g.fits.gz', { inflate: nodeInflate })).toThrowError(/g\.fits\.gz: gzip trailer claims/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_INFLATED_BYTES);
  });
});
