/**
 * A promise-based adapter around fitsjs 0.6.6, for comparison with our direct decoder
 * (bench/decode.bench.ts) — not used by the app. fitsjs dates from 2015 and was written for
 * browsers; in Node it needs:
 *   - a global `astro` (it creates data units through `new astro.FITS[type]`),
 *   - an XMLHttpRequest stand-in: given a string it "downloads" an ArrayBuffer, which is the
 *     only path that keeps data in memory (the Blob path needs FileReader, absent in Node),
 *     and whose onload must fire asynchronously (its FITS constructor reads a variable that
 *     is assigned only after the parser returns),
 *   - gunzip done by us (it has none),
 *   - images decoded with Image#_getFrame directly: getFrame starts a Worker from a blob: URL.
 * Never give it a damaged file: one cut short mid-data sends its block reader into an endless
 * synchronous loop (the thread is blocked for good; no timeout can fire). The timeout below
 * only covers a parse that ends without calling back.
 */
import { createRequire } from 'node:module';
import { gunzipIfNeeded } from '../shared/fits/gzip';
import type { Spectrum, SpectrumMeta } from '../shared/spectrum/types';

interface FitsjsHeader {
  get(key: string): unknown;
}
interface FitsjsHdu {
  header: FitsjsHeader;
  data?: FitsjsImage & FitsjsTable;
}
interface FitsjsImage {
  bitpix: number;
  bzero: number;
  bscale: number;
  width: number;
  height: number;
  frameOffsets: { buffers?: ArrayBuffer[] }[];
  _getFrame(buffer: ArrayBuffer, bitpix: number, bzero: number, bscale: number): Float32Array | Float64Array;
}
interface FitsjsTable {
  rows: number;
  getRows(row: number, count: number, cb: (rows: Record<string, ArrayLike<number> | number>[]) => void): void;
}
interface FitsjsFile {
  hdus: FitsjsHdu[];
}
type FitsCtor = new (url: string, cb: (this: unknown, fits: FitsjsFile) => void) => unknown;

const pending = new Map<string, ArrayBuffer>();
let FITS: FitsCtor | null = null;
let counter = 0;

class MemoryXhr {
  responseType = '';
  status = 200;
  response: ArrayBuffer | null = null;
  onload: (() => void) | null = null;
  private url = '';
  open(_method: string, url: string): void {
    this.url = url;
  }
  send(): void {
    this.response = pending.get(this.url) ?? null;
    this.status = this.response ? 200 : 404;
    pending.delete(this.url);
    queueMicrotask(() => this.onload?.());
  }
}

function load(): FitsCtor {
  if (FITS) return FITS;
  const g = globalThis as Record<string, unknown>;
  g.XMLHttpRequest ??= MemoryXhr;
  const mod = createRequire(import.meta.url)('fitsjs') as { astro: { FITS: FitsCtor } };
  g.astro ??= mod.astro;
  FITS = mod.astro.FITS;
  return FITS;
}

/** Decodes a LAMOST LRS file (either layout, gzip or not) through fitsjs. */
export async function fitsjsDecode(bytes: Uint8Array, fileName = '(unnamed)', timeoutMs = 2000): Promise<Spectrum> {
  const Fits = load();
  const raw = gunzipIfNeeded(bytes, fileName);
  const url = `mem://${counter++}`;
  pending.set(url, raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
  const fits = await new Promise<FitsjsFile>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${fileName}: fitsjs did not call back within ${timeoutMs} ms`)), timeoutMs);
    new Fits(url, function (this: unknown, f: FitsjsFile) {
      clearTimeout(timer);
      resolve(f);
    });
  });
  const primary = fits.hdus[0]!;
  const image = primary.data;
  if (image && image.height === 5) {
    const frame = image._getFrame(image.frameOffsets[0]!.buffers![0]!.slice(0), image.bitpix, image.bzero, image.bscale);
    const n = image.width;
    const row = (k: number) => frame.subarray(k * n, (k + 1) * n);
    return spectrum('lamost-image', fileName, meta(primary.header), row(0), row(1), row(2), row(3), row(4));
  }
  const coadd = fits.hdus.find((h) => String(h.header.get('EXTNAME') ?? '').trim() === 'COADD');
  if (!coadd?.data) throw new Error(`${fileName}: fitsjs found no COADD table and no 5-row image`);
  const rows = await new Promise<Record<string, ArrayLike<number> | number>[]>((resolve) => coadd.data!.getRows(0, coadd.data!.rows, resolve));
  const col = (name: string) => rows[0]![name] as ArrayLike<number>;
  return spectrum('lamost-coadd', fileName, meta(primary.header), col('FLUX'), col('IVAR'), col('WAVELENGTH'), col('ANDMASK'), col('ORMASK'));
}

function spectrum(layout: Spectrum['layout'], fileName: string, m: SpectrumMeta, ...a: ArrayLike<number>[]): Spectrum {
  const [flux, ivar, wavelength, andMask, orMask] = a as [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
  return {
    layout,
    fileName,
    meta: m,
    flux: Float32Array.from(flux),
    ivar: Float32Array.from(ivar),
    wavelength: Float64Array.from(wavelength),
    andMask: Int32Array.from(andMask),
    orMask: Int32Array.from(orMask),
  };
}

function meta(h: FitsjsHeader): SpectrumMeta {
  const num = (k: string) => (typeof h.get(k) === 'number' ? (h.get(k) as number) : null);
  const str = (k: string) => (typeof h.get(k) === 'string' ? String(h.get(k)).trim() : null);
  return {
    obsid: num('OBSID'),
    designation: str('DESIG'),
    obsdate: (str('OBSDATE') ?? str('DATE-OBS'))?.slice(0, 10) ?? null,
    lmjd: num('LMJD'),
    planid: str('PLANID'),
    spid: num('SPID'),
    fiberid: num('FIBERID'),
    ra: num('RA'),
    dec: num('DEC'),
    class: str('CLASS'),
    subclass: str('SUBCLASS'),
    z: num('Z'),
    zErr: num('Z_ERR'),
    snr: { u: num('SNRU'), g: num('SNRG'), r: num('SNRR'), i: num('SNRI'), z: num('SNRZ') },
    fibertype: str('FIBERTYP') ?? str('FIB_TYPE'),
  };
}
