/**
 * Writes a synthetic spectrum as a LAMOST LRS file in either published layout: the older
 * primary image of 5 rows (DR ≤ 9) or the newer header-only primary + COADD table (DR10+),
 * with the header cards the pipeline writes (OBSID, DESIG, LMJD, PLANID, SPID, FIBERID, …).
 */
import { gzipSync } from 'node:zlib';
import { writeFits, type Card } from '../../shared/fits/writer';
import { COEFF0, COEFF1 } from './profile';
import type { Observed } from './observe';
import type { FiberTarget } from '../../shared/model';

export type LamostLayout = 'lamost-image' | 'lamost-coadd';

export interface LamostHeader extends FiberTarget {
  obsid: number;
  designation: string;
  obsdate: string;
  fibertype: string;
  objtype: string;
  tsource: string;
  class: string;
  subclass: string;
  z: number;
  zErr: number;
  magG: number;
  magR: number;
  magI: number;
}

export function fileName(h: Pick<LamostHeader, 'lmjd' | 'planid' | 'spid' | 'fiberid'>): string {
  return `spec-${h.lmjd}-${h.planid}_sp${String(h.spid).padStart(2, '0')}-${String(h.fiberid).padStart(3, '0')}.fits.gz`;
}

/** The gzip-compressed bytes of the file. */
export function lamostFile(layout: LamostLayout, h: LamostHeader, wl: Float64Array, s: Observed): Uint8Array {
  const cards = headerCards(layout, h, s);
  const n = wl.length;
  const fits =
    layout === 'lamost-image'
      ? writeFits({ kind: 'image', axes: [n, 5], data: imageRows(wl, s), cards })
      : writeFits({ kind: 'image', cards }, [
          {
            kind: 'bintable',
            name: 'COADD',
            rows: 1,
            columns: [
              { name: 'FLUX', format: 'E', repeat: n, data: s.flux },
              { name: 'IVAR', format: 'E', repeat: n, data: s.ivar },
              { name: 'WAVELENGTH', format: 'E', repeat: n, data: wl, unit: 'Angstrom' },
              // DR10 stores the masks as floats; readers must cope.
              { name: 'ANDMASK', format: 'E', repeat: n, data: s.andMask },
              { name: 'ORMASK', format: 'E', repeat: n, data: s.orMask },
              { name: 'NORMALIZATION', format: 'E', repeat: n, data: s.normalization },
            ],
          },
        ]);
  // Native zlib: the deflate is most of a file's cost, and zlib is ~3× faster than fflate here.
  // Its gzip header carries no timestamp, so the same seed gives the same bytes.
  const gz = gzipSync(fits, { level: 6 });
  return new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength);
}

function imageRows(wl: Float64Array, s: Observed): Float32Array {
  const n = wl.length;
  const out = new Float32Array(n * 5);
  out.set(s.flux, 0);
  out.set(s.ivar, n);
  out.set(wl, 2 * n);
  for (let i = 0; i < n; i++) {
    out[3 * n + i] = s.andMask[i]!;
    out[4 * n + i] = s.orMask[i]!;
  }
  return out;
}

function headerCards(layout: LamostLayout, h: LamostHeader, s: Observed): Card[] {
  const release = layout === 'lamost-image' ? 'LAMOST DR7' : 'LAMOST DR10';
  const dr10 = layout === 'lamost-coadd';
  const real = (x: number) => ({ real: x });
  return [
    ['COMMENT', '--------FILE INFORMATION'],
    ['FILENAME', fileName(h).replace(/\.gz$/, '')],
    ['OBSID', h.obsid, 'Unique number ID of this spectrum'],
    ['AUTHOR', 'SpecVet synthetic survey', 'Who compiled the information'],
    ['DATA_V', release, 'Data release version'],
    ...(dr10 ? [] : [['EXTEN0', 'Flux, Inverse, Wavelength, Andmask, Ormask'] as Card]),
    ['ORIGIN', 'SpecVet demo-data', 'Synthetic: not real LAMOST data'],
    ['DATE', `${h.obsdate}T12:00:00`, 'Time when this HDU is created (UTC)'],
    ['TELESCOP', 'LAMOST', 'GuoShouJing Telescope'],
    ['COMMENT', '--------OBSERVATION PARAMETERS'],
    ['OBSDATE', h.obsdate, 'Date of the night'],
    ['DATE-OBS', `${h.obsdate}T18:00:00`, 'The observation median UTC'],
    ['LMJD', h.lmjd, 'Local Modified Julian Day'],
    ['MJD', h.lmjd - 1, 'Modified Julian Day'],
    ['PLANID', h.planid, 'Plan ID in use'],
    ['RA', real(h.ra), '[deg] Right ascension of object'],
    ['DEC', real(h.dec), '[deg] Declination of object'],
    ['DESIG', h.designation, 'Designation of LAMOST target'],
    ['FIBERID', h.fiberid, 'Fiber ID of Object'],
    ['OBJTYPE', h.objtype, 'Object type from input catalog'],
    ['TSOURCE', h.tsource, 'Name of input catalog'],
    [dr10 ? 'FIB_TYPE' : 'FIBERTYP', h.fibertype, 'Fiber type of object'],
    ...(dr10
      ? ([['MAG_PS_G', real(h.magG)], ['MAG_PS_R', real(h.magR)], ['MAG_PS_I', real(h.magI)]] as Card[])
      : ([['MAGTYPE', 'gri'], ['MAG1', real(h.magG)], ['MAG2', real(h.magR)], ['MAG3', real(h.magI)]] as Card[])),
    ['COMMENT', '--------SPECTROGRAPH PARAMETERS'],
    ['SPID', h.spid, 'Spectrograph ID'],
    ['COMMENT', '--------DATA REDUCTION PARAMETERS'],
    ['SNRU', real(s.snr.u), 'Signal to noise ratio of u filter'],
    ['SNRG', real(s.snr.g), 'Signal to noise ratio of g filter'],
    ['SNRR', real(s.snr.r), 'Signal to noise ratio of r filter'],
    ['SNRI', real(s.snr.i), 'Signal to noise ratio of i filter'],
    ['SNRZ', real(s.snr.z), 'Signal to noise ratio of z filter'],
    ['COMMENT', '--------SPECTRA ANALYSIS RESULTS'],
    ['CLASS', h.class, 'Class of object'],
    ['SUBCLASS', h.subclass, 'Subclass of object'],
    ['Z', real(h.z), 'Redshift of object'],
    ['Z_ERR', real(h.zErr), 'Redshift error of object'],
    ['COMMENT', '--------WAVELENGTH'],
    ['VACUUM', true, 'Wavelengths are in vacuum'],
    ...(dr10
      ? []
      : ([
          ['CRVAL1', real(COEFF0), 'Central wavelength (log10) of first pixel'],
          ['CD1_1', real(COEFF1), 'Log10 dispersion per pixel'],
          ['CRPIX1', 1, 'Starting pixel (1-indexed)'],
          ['CTYPE1', 'LINEAR'],
          ['DC-FLAG', 1, 'Log-linear flag'],
        ] as Card[])),
    ['COEFF0', real(COEFF0), 'Central wavelength (log10) of first pixel'],
    ['COEFF1', real(COEFF1), 'Log10 dispersion per pixel'],
  ];
}
