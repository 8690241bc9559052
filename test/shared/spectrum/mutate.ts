/**
 * Seeded mutations of FITS files for the fuzz test: cut short, header cards set to hostile
 * values (NAXIS1 = 999999999, BITPIX = 7, TFORM garbage…), bytes flipped, END removed,
 * gzip streams and trailers corrupted. Deterministic for a seed.
 */
import { gzipSync } from 'fflate';
import type { Random } from '../../../src-main/demo/random';

const CARD = 80;

/** Byte offsets of every header card whose keyword is `key` (all HDUs). */
export function cardOffsets(bytes: Uint8Array, key: string | RegExp): number[] {
  const out: number[] = [];
  for (let at = 0; at + CARD <= bytes.length; at += CARD) {
    const k = String.fromCharCode(...bytes.subarray(at, at + 8)).trimEnd();
    if (typeof key === 'string' ? k === key : key.test(k)) out.push(at);
    // Cards live only in header blocks; data bytes may match by chance, which is fine for fuzzing.
  }
  return out;
}

export function setCard(bytes: Uint8Array, at: number, value: string): Uint8Array {
  const out = bytes.slice();
  const key = String.fromCharCode(...bytes.subarray(at, at + 8));
  const card = `${key}= ${value}`.slice(0, CARD).padEnd(CARD);
  for (let i = 0; i < CARD; i++) out[at + i] = card.charCodeAt(i);
  return out;
}

const HOSTILE: Record<string, readonly string[]> = {
  NAXIS: ['-1', '1000', '3', '1', '999999999', 'T', "'2'", '2.5'],
  NAXIS1: ['999999999', '-5', '0', '1', '2147483648', '1E300', '3908', '3910', 'X'],
  NAXIS2: ['999999999', '0', '6', '4', '-1', '1000000000000000000000'],
  BITPIX: ['7', '0', '-16', '128', '12', "'-32'", '-32.0'],
  TFIELDS: ['999999999', '0', '-3', '7', '1000', 'F'],
  PCOUNT: ['999999999', '-1', '2880', '1.5'],
  GCOUNT: ['999999999', '0', '2', '-1'],
  TFORM: ["'ZZZ'", "'999999999E'", "'3909'", "''", "'3909Q'", "'3909P'", "'-5E'", "'0E'", "'3909A'", "'1E'", "'3909D'", "'3909X'", '3909', "'3909L'"],
  TTYPE: ["'FLUX'", "'WAVELENGTH'", "''", "'LOGLAM'"],
  BSCALE: ['0', '1E308', 'NaN', "'x'"],
  BZERO: ['1E308', '-1E308'],
  XTENSION: ["'IMAGE'", "'TABLE'", "'FOO'", "''"],
  EXTNAME: ["'COADD'", "'COADD_B'", "'SPALL'", "''"],
  SIMPLE: ['F', "'T'"],
};

/** One mutated copy of `plain` (an uncompressed FITS file); `gz` is its gzip form. */
export function mutate(plain: Uint8Array, gz: Uint8Array, rng: Random): { bytes: Uint8Array; kind: string } {
  const kind = rng.weighted([
    ['card', 40],
    ['truncate', 15],
    ['flip', 12],
    ['header-flip', 10],
    ['no-end', 3],
    ['gzip-flip', 8],
    ['gzip-truncate', 4],
    ['gzip-trailer', 4],
    ['gzip-of-mutant', 2],
    ['junk-append', 2],
  ] as const);
  switch (kind) {
    case 'card': {
      const [key, values] = rng.pick(Object.entries(HOSTILE));
      const offsets = cardOffsets(plain, key === 'TFORM' || key === 'TTYPE' ? new RegExp(`^${key}\\d+$`) : key);
      if (offsets.length === 0) return { bytes: plain.slice(0, rng.int(0, plain.length)), kind: 'truncate' };
      let bytes = setCard(plain, rng.pick(offsets), rng.pick(values));
      // Sometimes two hostile cards at once (e.g. NAXIS1 and NAXIS2 both wrong).
      if (rng.chance(0.2)) {
        const [k2, v2] = rng.pick(Object.entries(HOSTILE));
        const o2 = cardOffsets(bytes, k2 === 'TFORM' || k2 === 'TTYPE' ? new RegExp(`^${k2}\\d+$`) : k2);
        if (o2.length) bytes = setCard(bytes, rng.pick(o2), rng.pick(v2));
      }
      return { bytes, kind: `card ${key}` };
    }
    case 'truncate':
      return { bytes: plain.slice(0, rng.chance(0.3) ? rng.int(0, 6) * 2880 : rng.int(0, plain.length - 1)), kind };
    case 'flip':
      return { bytes: flip(plain, rng, 0, plain.length, rng.int(1, 32)), kind };
    case 'header-flip':
      return { bytes: flip(plain, rng, 0, Math.min(plain.length, 2880 * 3), rng.int(1, 8)), kind };
    case 'no-end': {
      const out = plain.slice();
      for (const at of cardOffsets(out, 'END')) out.fill(0x20, at, at + 3);
      return { bytes: out, kind };
    }
    case 'gzip-flip':
      return { bytes: flip(gz, rng, 10, gz.length - 8, rng.int(1, 8)), kind };
    case 'gzip-truncate':
      return { bytes: gz.slice(0, rng.int(0, gz.length - 1)), kind };
    case 'gzip-trailer': {
      const out = gz.slice();
      const n = out.length;
      const isize = rng.pick([0xffffffff, 0, 1, 999_999_999, plain.length - 1, plain.length + 2880]);
      out[n - 4] = isize & 0xff;
      out[n - 3] = (isize >>> 8) & 0xff;
      out[n - 2] = (isize >>> 16) & 0xff;
      out[n - 1] = (isize >>> 24) & 0xff;
      return { bytes: out, kind };
    }
    case 'gzip-of-mutant':
      return { bytes: gzipSync(setCard(plain, rng.pick(cardOffsets(plain, 'NAXIS1')), '999999999'), { level: 1 }), kind };
    case 'junk-append': {
      const out = new Uint8Array(plain.length + 2880);
      out.set(plain);
      for (let i = plain.length; i < out.length; i++) out[i] = rng.int(0, 255);
      return { bytes: out, kind };
    }
  }
}

function flip(bytes: Uint8Array, rng: Random, from: number, to: number, count: number): Uint8Array {
  const out = bytes.slice();
  for (let k = 0; k < count && to > from; k++) out[rng.int(from, to - 1)] = rng.int(0, 255);
  return out;
}
