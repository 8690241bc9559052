"""Reference reader/writer for SpecVet's spectrum tests and benchmarks, using astropy.

  read FILE...        one JSON object per file: layout, meta and every pixel (NaN/Inf -> null)
  bench N FILE...     JSON list of per-file decode times in ms (bytes in memory → header values
                      and native arrays, as SpecVet decodes), N rounds
  write DIR           writes FITS files in layouts astropy produces; prints their names as JSON
  write-sdss DIR TEMPLATE Z
                      two SDSS/BOSS spec files of one galaxy at redshift Z (the first eigenspectrum
                      of TEMPLATE, an spEigenGal file, with noise): HDU1 COADD, HDU2 the answer
                      table named SPALL (newer data releases) in one and SPECOBJ (older) in the
                      other; prints their names as JSON

Run with /usr/bin/python3 (Debian's python3-astropy).
"""
import json
import math
import sys
import time
import gzip
import io
import os

import numpy as np
from astropy.io import fits


def clean(values):
    out = []
    for v in np.asarray(values).ravel().tolist():
        out.append(v if isinstance(v, int) or math.isfinite(v) else None)
    return out


def decode(source):
    """source: a path, or a file object (see in_memory)."""
    with fits.open(source, memmap=False) as hdul:
        primary = hdul[0]
        names = [h.name.upper() for h in hdul]
        if primary.data is not None and primary.data.ndim == 2 and primary.data.shape[0] == 5:
            d = primary.data
            return 'lamost-image', primary.header, d[0], d[1], d[2], d[3], d[4]
        if 'COADD' in names:
            t = hdul['COADD'].data
            cols = {c.upper(): c for c in t.columns.names}
            def col(*keys):
                for k in keys:
                    if k in cols:
                        return np.asarray(t[cols[k]]).ravel()
                return None
            if 'WAVELENGTH' in cols:
                return ('lamost-coadd', primary.header, col('FLUX'), col('IVAR'), col('WAVELENGTH'),
                        col('ANDMASK', 'AND_MASK'), col('ORMASK', 'OR_MASK'))
            return ('sdss-spec', primary.header, col('FLUX'), col('IVAR'), 10 ** col('LOGLAM').astype(np.float64),
                    col('ANDMASK', 'AND_MASK'), col('ORMASK', 'OR_MASK'))
        raise ValueError('not a spectrum')


def meta(h):
    def get(k):
        v = h.get(k)
        if isinstance(v, str):
            return v.rstrip()
        return v
    return {k: get(k) for k in ['OBSID', 'DESIG', 'LMJD', 'PLANID', 'SPID', 'FIBERID', 'RA', 'DEC', 'CLASS',
                                'SUBCLASS', 'Z', 'Z_ERR', 'SNRU', 'SNRG', 'SNRR', 'SNRI', 'SNRZ']}


def read(paths):
    for p in paths:
        layout, h, flux, ivar, wave, andm, orm = decode(p)
        print(json.dumps({
            'file': p, 'layout': layout, 'header': meta(h),
            # What a float32 spectrum holds: flux/ivar as float32, masks as int32.
            'flux': clean(np.asarray(flux, dtype=np.float32).astype(np.float64)),
            'ivar': clean(np.asarray(ivar, dtype=np.float32).astype(np.float64)),
            'wavelength': clean(np.asarray(wave, dtype=np.float64)),
            'andMask': clean(np.nan_to_num(np.asarray(andm, dtype=np.float64)).astype(np.int64).astype(np.int32)),
            'orMask': clean(np.nan_to_num(np.asarray(orm, dtype=np.float64)).astype(np.int64).astype(np.int32)),
        }))


def in_memory(data):
    """A file's bytes as astropy opens them from memory (it recognises gzip only by file name)."""
    raw = io.BytesIO(data)
    return gzip.GzipFile(fileobj=raw, mode='rb') if data[:2] == b'\x1f\x8b' else raw


def bench(rounds, paths):
    """The same work as SpecVet's decodeSpectrum, per file: from the file's bytes in memory to
    the header values it reads and the five arrays in native byte order (float32 flux and ivar,
    float64 wavelength, int32 masks; NaN for ±Inf). Reading the file from disk is left out of both."""
    blobs = [open(p, 'rb').read() for p in paths]
    samples = []
    for _ in range(rounds):
        for data in blobs:
            t0 = time.perf_counter()
            layout, h, flux, ivar, wave, andm, orm = decode(in_memory(data))
            meta(h)
            h.get('OBSDATE')
            for a in (np.array(flux, dtype=np.float32), np.array(ivar, dtype=np.float32), np.array(wave, dtype=np.float64)):
                a[~np.isfinite(a)] = np.nan  # decodeSpectrum's convention: NaN for NaN and ±Inf
            np.asarray(andm, dtype=np.int32); np.asarray(orm, dtype=np.int32)
            samples.append((time.perf_counter() - t0) * 1000)
    print(json.dumps(samples))


def write(out):
    os.makedirs(out, exist_ok=True)
    n = 3000
    rng = np.random.default_rng(7)
    loglam = (3.5523 + 1e-4 * np.arange(n)).astype(np.float32)
    flux = rng.normal(10, 2, n).astype(np.float32)
    flux[[10, 11]] = np.nan
    flux[12] = np.inf
    flux[13] = -np.inf
    ivar = rng.uniform(0, 1, n).astype(np.float32)
    andm = rng.integers(0, 2 ** 28, n).astype(np.int32)
    andm[5] = -2 ** 31  # bit 31 set
    orm = andm | 1
    names = []

    # SDSS/BOSS spec file: COADD one row per pixel, SPALL with the pipeline's answer.
    ph = fits.Header()
    for k, v in [('PLUG_RA', 150.25), ('PLUG_DEC', 2.5), ('MJD', 55555), ('PLATEID', 4055), ('FIBERID', 321),
                 ('DATE-OBS', '2010-12-24')]:
        ph[k] = v
    coadd = fits.BinTableHDU.from_columns([
        fits.Column(name='flux', format='E', array=flux),
        fits.Column(name='loglam', format='E', array=loglam),
        fits.Column(name='ivar', format='E', array=ivar),
        fits.Column(name='and_mask', format='J', array=andm),
        fits.Column(name='or_mask', format='J', array=orm),
        fits.Column(name='wdisp', format='E', array=np.ones(n, np.float32)),
        fits.Column(name='sky', format='E', array=np.ones(n, np.float32)),
        fits.Column(name='model', format='E', array=flux),
    ], name='COADD')
    spall = fits.BinTableHDU.from_columns([
        fits.Column(name='CLASS', format='6A', array=np.array(['QSO'])),
        fits.Column(name='SUBCLASS', format='21A', array=np.array(['BROADLINE'])),
        fits.Column(name='Z', format='E', array=np.array([2.345], np.float32)),
        fits.Column(name='Z_ERR', format='E', array=np.array([0.0012], np.float32)),
        fits.Column(name='SN_MEDIAN', format='5E', array=np.array([[1, 2, 3, 4, 5]], np.float32)),
    ], name='SPALL')
    fits.HDUList([fits.PrimaryHDU(header=ph), coadd, spall]).writeto(f'{out}/spec-4055-55555-0321.fits', overwrite=True)
    names.append('spec-4055-55555-0321.fits')

    # LAMOST coadd with D and J columns (not the E of DR10).
    lh = fits.Header()
    for k, v in [('OBSID', 123456789), ('DESIG', 'LAMOST J100000.00+020000.0'), ('LMJD', 58000), ('PLANID', 'TEST01'),
                 ('SPID', 7), ('FIBERID', 42), ('RA', 150.0), ('DEC', 2.0), ('CLASS', 'GALAXY'), ('SUBCLASS', ''),
                 ('Z', 0.1234), ('Z_ERR', 0.0001), ('SNRU', 1.0), ('SNRG', 2.0), ('SNRR', 3.0), ('SNRI', 4.0), ('SNRZ', 5.0)]:
        lh[k] = v
    wave = (10 ** loglam.astype(np.float64))
    lc = fits.BinTableHDU.from_columns([
        fits.Column(name='FLUX', format=f'{n}D', array=flux.astype(np.float64)[None, :] * 1.0000001),
        fits.Column(name='IVAR', format=f'{n}E', array=ivar[None, :]),
        fits.Column(name='WAVELENGTH', format=f'{n}D', array=wave[None, :]),
        fits.Column(name='ANDMASK', format=f'{n}J', array=andm[None, :]),
        fits.Column(name='ORMASK', format=f'{n}K', array=orm.astype(np.int64)[None, :]),
        fits.Column(name='NORMALIZATION', format=f'{n}E', array=flux[None, :]),
    ], name='COADD')
    fits.HDUList([fits.PrimaryHDU(header=lh), lc]).writeto(f'{out}/lamost-coadd-DJ.fits', overwrite=True)
    names.append('lamost-coadd-DJ.fits')

    # LAMOST image layout in float64, and in int16 with BSCALE/BZERO and BLANK.
    rows = np.vstack([flux, ivar, wave, andm & 0xffff, orm & 0xffff])
    fits.PrimaryHDU(data=rows.astype(np.float64), header=lh).writeto(f'{out}/lamost-image-f64.fits', overwrite=True)
    names.append('lamost-image-f64.fits')
    scaled = fits.PrimaryHDU(data=np.nan_to_num(rows, posinf=0, neginf=0).astype(np.float64), header=lh.copy())
    scaled.scale('int16', bscale=0.5, bzero=1000)
    scaled.header['BLANK'] = -32768
    scaled.data[0, 20] = -32768  # an undefined pixel: astropy and we must both give NaN
    scaled.writeto(f'{out}/lamost-image-i16.fits', overwrite=True)
    names.append('lamost-image-i16.fits')

    # The same DR10 file gzip-compressed by Python's gzip module.
    with open(f'{out}/lamost-coadd-DJ.fits', 'rb') as src, gzip.open(f'{out}/lamost-coadd-DJ.fits.gz', 'wb') as dst:
        dst.write(src.read())
    names.append('lamost-coadd-DJ.fits.gz')
    print(json.dumps(names))


def write_sdss(out, template, z):
    """The SDSS spec-file layout (HDU1 COADD one row per pixel: flux, loglam, ivar, and_mask, …;
    HDU2 the pipeline's answer, one row) with a spectrum the fit can recover: the galaxy PCA's
    first eigenspectrum redshifted onto BOSS's grid (log10 λ step 1e-4), S/N ~20 per pixel."""
    os.makedirs(out, exist_ok=True)
    with fits.open(template, memmap=False) as t:
        eigen = np.asarray(t[0].data[0], dtype=np.float64)
        c0, c1 = t[0].header['COEFF0'], t[0].header['COEFF1']
    rest = c0 + c1 * np.arange(eigen.size)
    loglam = 3.5800 + 1e-4 * np.arange(3800)
    model = np.interp(loglam - np.log10(1 + z), rest, eigen)
    model = 10 * model / np.median(model)
    sigma = np.abs(model) / 20 + 0.05
    rng = np.random.default_rng(14)
    flux = (model + rng.normal(0, 1, model.size) * sigma).astype(np.float32)
    ivar = (1 / sigma ** 2).astype(np.float32)
    andm = np.zeros(model.size, np.int32)
    andm[100:110] = 1 << 16  # masked pixels with wild flux: the fit must leave them out
    flux[100:110] = 1e4
    names = []
    for table in ('SPALL', 'SPECOBJ'):
        ph = fits.Header()
        for k, v in [('PLUG_RA', 150.25), ('PLUG_DEC', 2.5), ('MJD', 55555), ('PLATEID', 4055), ('FIBERID', 322)]:
            ph[k] = v
        coadd = fits.BinTableHDU.from_columns([
            fits.Column(name='flux', format='E', array=flux),
            fits.Column(name='loglam', format='E', array=loglam.astype(np.float32)),
            fits.Column(name='ivar', format='E', array=ivar),
            fits.Column(name='and_mask', format='J', array=andm),
            fits.Column(name='or_mask', format='J', array=andm),
        ], name='COADD')
        answer = fits.BinTableHDU.from_columns([
            fits.Column(name='CLASS', format='6A', array=np.array(['GALAXY'])),
            fits.Column(name='SUBCLASS', format='21A', array=np.array(['STARFORMING'])),
            fits.Column(name='Z', format='E', array=np.array([z], np.float32)),
            fits.Column(name='Z_ERR', format='E', array=np.array([2e-5], np.float32)),
        ], name=table)
        name = f'spec-4055-55555-0322-{table}.fits'
        fits.HDUList([fits.PrimaryHDU(header=ph), coadd, answer]).writeto(f'{out}/{name}', overwrite=True)
        names.append(name)
    print(json.dumps(names))


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'read':
        read(sys.argv[2:])
    elif cmd == 'bench':
        bench(int(sys.argv[2]), sys.argv[3:])
    elif cmd == 'write':
        write(sys.argv[2])
    elif cmd == 'write-sdss':
        write_sdss(sys.argv[2], sys.argv[3], float(sys.argv[4]))
