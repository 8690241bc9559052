/**
 * The Web Worker's gzip path (DecompressionStream, here Node's own) against the synchronous
 * one: the same bytes or the same kind of FitsError for every mutated file, and no write past
 * the buffer the trailer sized, whatever the trailer says.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded } from '../../../shared/fits/gzip';
import { gunzipStreamIfNeeded } from '../../../shared/fits/gzipStream';
import { decodeSpectrum, FitsError } from '../../../shared/spectrum/decode';
import { lamostFile } from '../../../src-main/demo/lamostFile';
import { observe } from '../../../src-main/demo/observe';
import { lamostGrid } from '../../../src-main/demo/profile';
import { Random } from '../../../src-main/demo/random';
import { starModel, STAR_TYPES } from '../../../src-main/demo/stars';
import { nodeInflate } from '../../../src-main/spectrum/nodeDecode';
import { mutate } from '../spectrum/mutate';

const CASES = 800;

function sample(layout: 'lamost-image' | 'lamost-coadd'): Uint8Array {
  const rng = new Random(5);
  const wl = lamostGrid(3909);
  const obs = observe(wl, starModel(wl, STAR_TYPES[2]![0], 0), { brightness: 80, snrR: 15, sky: 0.2, fault: null }, rng);
  const h = { obsid: 7, designation: 'LAMOST J000000.00+000000.0', obsdate: '2021-02-03', lmjd: 59248, planid: 'GZ', spid: 3, fiberid: 4, ra: 1, dec: 2, fibertype: 'Obj', objtype: 'Star', tsource: 'T', class: 'STAR', subclass: 'F5', z: 0, zErr: 0, magG: 15, magR: 14, magI: 13 };
  return lamostFile(layout, h, wl, obs);
}

async function outcome(run: () => Promise<Uint8Array> | Uint8Array): Promise<{ code: string; bytes?: Uint8Array }> {
  try {
    return { code: 'ok', bytes: await run() };
  } catch (err) {
    if (!(err instanceof FitsError)) throw err;
    expect(err.message).not.toContain('\n');
    return { code: err.code };
  }
}

describe('gzip through DecompressionStream (the Web Worker path)', () => {
  it('inflates real LAMOST files of both layouts to the bytes zlib gives, and they decode alike', async () => {
    for (const layout of ['lamost-image', 'lamost-coadd'] as const) {
      const gz = sample(layout);
      const viaStream = await gunzipStreamIfNeeded(gz, `${layout}.fits.gz`);
      expect(Buffer.from(viaStream).equals(gunzipSync(gz))).toBe(true);
      expect(decodeSpectrum(viaStream, 'x').meta).toEqual(decodeSpectrum(gz, 'x', { inflate: nodeInflate }).meta);
    }
  });

  it('passes bytes that are not gzip through untouched', async () => {
    const plain = gunzipSync(sample('lamost-image'));
    expect(await gunzipStreamIfNeeded(plain, 'p.fits')).toBe(plain);
  });

  it('refuses a trailer that understates the size without writing past the buffer it sized', async () => {
    const gz = sample('lamost-coadd');
    const n = gz.length;
    gz.set([0x00, 0x10, 0x00, 0x00], n - 4); // says 4,096 bytes; the stream holds ~110 kB
    await expect(gunzipStreamIfNeeded(gz, 's.fits.gz')).rejects.toThrowError(/^s\.fits\.gz: gzip data inflates to more than the 4096 bytes its trailer says/);
  });

  it('refuses a trailer that claims more than the stream can hold, before allocating', async () => {
    const gz = sample('lamost-image');
    gz.set([0xff, 0xff, 0xff, 0xff], gz.length - 4);
    await expect(gunzipStreamIfNeeded(gz, 'g.fits.gz')).rejects.toThrowError(/^g\.fits\.gz: gzip trailer claims 4294967295 bytes/);
  });

  it(`${CASES} mutated files end as zlib's synchronous path ends: the same bytes or the same kind of error`, async () => {
    const bases = (['lamost-image', 'lamost-coadd'] as const).map((l) => {
      const plain = new Uint8Array(gunzipSync(sample(l)));
      return { plain, gz: gzipSync(plain, { level: 6 }) };
    });
    const rng = new Random(2026_11_24);
    const seen = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const base = bases[i % bases.length]!;
      const { bytes, kind } = mutate(base.plain, base.gz, rng);
      const sync = await outcome(() => gunzipIfNeeded(bytes, `case-${i}`, nodeInflate));
      const stream = await outcome(() => gunzipStreamIfNeeded(bytes, `case-${i}`));
      const label = `case ${i} (${kind})`;
      // (Buffer.equals: vitest's toEqual walks 100 kB arrays element by element, ~0.1 s each.)
      if (sync.code === 'ok' && stream.code === 'ok') expect(Buffer.from(stream.bytes!).equals(sync.bytes!), label).toBe(true);
      else expect(stream.code, label).toBe('gzip');
      seen.set(stream.code, (seen.get(stream.code) ?? 0) + 1);
    }
    // The mutations reach both outcomes.
    expect(seen.get('ok') ?? 0).toBeGreaterThan(50);
    expect(seen.get('gzip') ?? 0).toBeGreaterThan(50);
  });
});
