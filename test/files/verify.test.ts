/**
 * The fetch-time check (src-main/files/verify.ts) reads headers and sizes, not the arrays:
 * it must still refuse everything that is not a whole, readable spectrum, and never accept
 * a file the renderer's decodeSpectrum would refuse.
 */
// fflate, not node:zlib: a Buffer's slice() is a view, and mutate() relies on slice() copying.
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lamostFile } from '../../src-main/demo/lamostFile';
import { observe } from '../../src-main/demo/observe';
import { lamostGrid } from '../../src-main/demo/profile';
import { Random } from '../../src-main/demo/random';
import { starModel, STAR_TYPES } from '../../src-main/demo/stars';
import { verifySpectrum, verifySpectrumSync, type VerifyResult } from '../../src-main/files/verify';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { fixtureBytes, fixturesPresent, LRS_FIXTURES, MRS_FIXTURE, SKIP_FIXTURES } from '../shared/spectrum/fixtures';
import { cardOffsets, mutate, setCard } from '../shared/spectrum/mutate';

const MUTANTS = 1500;

/** Synthetic LAMOST files of both layouts (plain FITS), so the test runs without the fixtures. */
function synthetic(): { image: Uint8Array; coadd: Uint8Array } {
  const rng = new Random(7);
  const wl = lamostGrid(3906);
  const obs = observe(wl, starModel(wl, STAR_TYPES[2]![0], 0), { brightness: 100, snrR: 20, sky: 0.2, fault: null }, rng);
  const h = { obsid: 1, designation: 'LAMOST J000000.00+000000.0', obsdate: '2020-01-01', lmjd: 58850, planid: 'VERIFY', spid: 1, fiberid: 2, ra: 1, dec: 2, fibertype: 'Obj', objtype: 'Star', tsource: 'T', class: 'STAR', subclass: 'G0', z: 0, zErr: 0, magG: 15, magR: 14, magI: 13 };
  return { image: gunzipSync(lamostFile('lamost-image', h, wl, obs)), coadd: gunzipSync(lamostFile('lamost-coadd', h, wl, obs)) };
}

/** Both entry points, which must agree; returns the refusal reason, or null when accepted. */
async function refusal(bytes: Uint8Array, name = 'x.fits'): Promise<string | null> {
  const a = await verifySpectrum(bytes, name);
  const s = verifySpectrumSync(bytes, name);
  expect(s).toEqual(a);
  return reasonOf(a);
}

function reasonOf(r: VerifyResult): string | null {
  return r.ok ? null : r.reason;
}

function decodes(bytes: Uint8Array): boolean {
  try {
    decodeSpectrum(bytes, 'x.fits');
    return true;
  } catch {
    return false;
  }
}

describe('spectrum verification at fetch time', () => {
  const { image, coadd } = synthetic();

  it('accepts both LAMOST layouts, plain and gzip', async () => {
    for (const plain of [image, coadd]) {
      expect(await refusal(plain)).toBeNull();
      expect(await refusal(gzipSync(plain))).toBeNull();
    }
  });

  it.skipIf(!fixturesPresent)('accepts every LRS fixture and refuses the MRS one with the decoder’s reason', async () => {
    for (const f of LRS_FIXTURES) expect(await refusal(fixtureBytes(f.name), f.name)).toBeNull();
    expect(await refusal(fixtureBytes(MRS_FIXTURE), MRS_FIXTURE)).toMatch(/MRS COADD_B\/COADD_R not supported/);
  });
  if (!fixturesPresent) console.warn(SKIP_FIXTURES);

  it('refuses a file whose headers are whole but whose data is cut short, plain or re-gzipped', async () => {
    for (const plain of [image, coadd]) {
      const cut = plain.subarray(0, plain.length - 5000);
      expect(await refusal(cut)).toMatch(/x\.fits: .*describes \d+ data bytes .* but only \d+ are left/);
      // A valid gzip stream around the cut file: CRC and ISIZE agree, the FITS sizes do not.
      expect(await refusal(gzipSync(cut))).toMatch(/cut short/);
    }
  });

  it('refuses a gzip file whose CRC is wrong, whose ISIZE is wrong, or whose stream is cut', async () => {
    const gz = gzipSync(image);
    const crc = gz.slice();
    crc[crc.length - 8]! ^= 0x01;
    expect(await refusal(crc)).toMatch(/x\.fits: corrupt gzip data \(incorrect data check\)/);
    const isize = gz.slice();
    new DataView(isize.buffer).setUint32(isize.length - 4, image.length - 2880, true);
    expect(await refusal(isize)).toMatch(/x\.fits: gzip data inflates to more than the \d+ bytes its trailer says/);
    new DataView(isize.buffer).setUint32(isize.length - 4, image.length + 2880, true);
    expect(await refusal(isize)).toMatch(/x\.fits: corrupt gzip data \(incorrect length check\)/);
    expect(await refusal(gz.subarray(0, gz.length >> 1))).toMatch(/gzip/);
    expect(await refusal(gz.subarray(0, 10))).toMatch(/only 10 bytes long/);
  });

  it('refuses an HTML error page, plain or gzip-encoded', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>\n');
    expect(await refusal(html)).toMatch(/x\.fits: not a FITS file \(expected SIMPLE = T at the start, found "<!DOCTYPE html><"\)/);
    expect(await refusal(gzipSync(html))).toMatch(/not a FITS file/);
    expect(await refusal(new Uint8Array(0))).toMatch(/an empty file/);
  });

  it('refuses a cut-short extension even after a primary image the decoder alone would accept', async () => {
    const block = (cards: string[]) => new TextEncoder().encode([...cards, 'END'].map((c) => c.padEnd(80)).join('').padEnd(2880));
    const ext = block(["XTENSION= 'IMAGE   '", 'BITPIX  =                    8', 'NAXIS   =                    1', 'NAXIS1  =                 5760', 'PCOUNT  =                    0', 'GCOUNT  =                    1']);
    const bytes = new Uint8Array(image.length + ext.length + 2880);
    bytes.set(image);
    bytes.set(ext, image.length);
    expect(decodes(bytes)).toBe(true);
    expect(await refusal(bytes)).toMatch(/x\.fits: HDU 1 describes 5760 data bytes .* but only 2880 are left/);
    // The COADD table's own header says one more row than the bytes hold.
    const rows = cardOffsets(coadd, 'NAXIS2').at(-1)!;
    expect(await refusal(setCard(coadd, rows, '2'))).toMatch(/HDU 1 \(COADD\) describes/);
  });

  it('refuses a COADD column type the decoder cannot read, with the decoder’s reason', async () => {
    // Every column's float32 values as bits: the same row width, so only the type says no.
    let bytes = coadd;
    for (let n = 1; n <= 6; n++) bytes = setCard(bytes, cardOffsets(bytes, `TFORM${n}`)[0]!, `'${3906 * 32}X'`);
    expect(await refusal(bytes)).toMatch(/column \w+ has type X, which is not a numeric type/);
    expect(decodes(bytes)).toBe(false);
  });

  it(`never accepts what decodeSpectrum refuses (${MUTANTS} mutated files)`, async () => {
    const bases = [image, coadd].map((plain) => ({ plain, gz: gzipSync(plain, { level: 1 }) }));
    const rng = new Random(20_261_201);
    const tally = { accepted: 0, refused: 0 };
    for (let i = 0; i < MUTANTS; i++) {
      const base = bases[i % bases.length]!;
      const { bytes, kind } = mutate(base.plain, base.gz, rng);
      const reason = await refusal(bytes);
      if (reason === null && !decodes(bytes)) throw new Error(`case ${i} (${kind}) verified but does not decode`);
      tally[reason === null ? 'accepted' : 'refused']++;
    }
    // The mutations must exercise both verdicts, not only refusals.
    expect(tally.accepted).toBeGreaterThan(MUTANTS / 20);
    expect(tally.refused).toBeGreaterThan(MUTANTS / 2);
  });
});
