/** Spectrum metadata from FITS header cards, LAMOST and SDSS keyword sets. */
import type { Header } from '../fits/header';
import type { SpectrumMeta } from './types';

/** LAMOST LRS primary header (DR6–DR10 keywords; see ../shared/fixtures/lamost/README.md). */
export function lamostMeta(h: Header): SpectrumMeta {
  return {
    obsid: h.num('OBSID'),
    designation: h.str('DESIG'),
    obsdate: dateOf(h.str('OBSDATE') ?? h.str('DATE-OBS')),
    lmjd: h.num('LMJD'),
    planid: text(h, 'PLANID'),
    spid: h.num('SPID'),
    fiberid: h.num('FIBERID'),
    ra: h.num('RA'),
    dec: h.num('DEC'),
    class: h.str('CLASS'),
    subclass: h.str('SUBCLASS'),
    z: h.num('Z'),
    zErr: h.num('Z_ERR'),
    snr: { u: h.num('SNRU'), g: h.num('SNRG'), r: h.num('SNRR'), i: h.num('SNRI'), z: h.num('SNRZ') },
    // DR10 renamed FIBERTYP to FIB_TYPE.
    fibertype: h.str('FIBERTYP') ?? h.str('FIB_TYPE'),
  };
}

/** What an SDSS/BOSS spec file's primary header says; class and z come from its SPALL or SPECOBJ table (decode.ts). */
export function sdssMeta(h: Header): SpectrumMeta {
  return {
    obsid: null,
    designation: null,
    obsdate: dateOf(h.str('DATE-OBS')),
    lmjd: h.num('MJD'),
    planid: text(h, 'PLATEID'),
    spid: h.num('SPECID') ?? h.num('SPECTROGRAPHID'),
    fiberid: h.num('FIBERID'),
    ra: h.num('PLUG_RA') ?? h.num('RA'),
    dec: h.num('PLUG_DEC') ?? h.num('DEC'),
    class: null,
    subclass: null,
    z: null,
    zErr: null,
    snr: { u: null, g: null, r: null, i: null, z: null },
    fibertype: null,
  };
}

/** A key that some files write as a string and others as a number (PLANID, PLATEID). */
function text(h: Header, key: string): string | null {
  const v = h.get(key);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;
}

function dateOf(s: string | null): string | null {
  if (!s) return null;
  const m = /^\d{4}-\d{2}-\d{2}/.exec(s.trim());
  return m ? m[0] : null;
}
