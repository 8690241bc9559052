/** The FITS writer: fitsverify accepts its files, and our reader reads back what it wrote. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findColumn, openTable, readColumn, readString } from '../../../shared/fits/bintable';
import { FitsFile } from '../../../shared/fits/hdu';
import { formatCard, writeFits } from '../../../shared/fits/writer';
import { decodeSpectrum } from '../../../shared/spectrum/decode';
import { generateSurvey } from '../../../src-main/demo/generate';

const fitsverify = spawnSync('fitsverify', ['-h'], { stdio: 'ignore' }).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'specvet-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FITS writer', () => {
  it('formats fixed-format cards (strings quoted from column 11, numbers right-aligned to 30)', () => {
    expect(formatCard(['OBSID', 359910161, 'id'])).toBe('OBSID   =            359910161 / id'.padEnd(80));
    expect(formatCard(['PLANID', "O'BRIEN"])).toBe("PLANID  = 'O''BRIEN'".padEnd(80));
    expect(formatCard(['RA', { real: 292 }])).toBe('RA      =                292.0'.padEnd(80));
    expect(formatCard(['Z', { real: 1e-7 }])).toBe('Z       =               1.0E-7'.padEnd(80));
    expect(formatCard(['VACUUM', true])).toBe('VACUUM  =                    T'.padEnd(80));
  });

  it('reads back scaled and null integer columns, text and logicals', () => {
    const bytes = writeFits({ kind: 'image', cards: [] }, [
      {
        kind: 'bintable',
        name: 'T',
        rows: 3,
        columns: [
          { name: 'MASK', format: 'J', repeat: 2, data: [1, -99, 3, 4, -99, 6] },
          { name: 'U16', format: 'I', repeat: 1, data: [-32768, 0, 32767] },
          { name: 'NAME', format: 'A', repeat: 5, data: ['STAR', 'QSO', 'GALAXY'] },
          { name: 'X', format: 'D', repeat: 1, data: [0.1, NaN, Infinity] },
        ],
        cards: [['TNULL1', -99], ['TZERO2', 32768], ['TSCAL2', 1]],
      },
    ]);
    const fits = new FitsFile(bytes, 't.fits');
    const table = openTable(fits, fits.find('T')!);
    expect(Array.from(readColumn(table, findColumn(table, 'mask')!, 'f64'))).toEqual([1, NaN, 3, 4, NaN, 6]);
    expect(Array.from(readColumn(table, findColumn(table, 'U16')!, 'f64'))).toEqual([0, 32768, 65535]);
    expect([0, 1, 2].map((r) => readString(table, findColumn(table, 'NAME')!, r))).toEqual(['STAR', 'QSO', 'GALAX']);
    expect(Array.from(readColumn(table, findColumn(table, 'X')!, 'f64'))).toEqual([0.1, NaN, NaN]);
  });

  describe.skipIf(!fitsverify)('fitsverify', () => {
    if (!fitsverify) console.warn('skipped: fitsverify not installed (apt install fitsverify)');

    it('accepts demo-data files in both LAMOST layouts', async () => {
      const bundle = await generateSurvey(join(dir, 'survey'), { count: 12, seed: 5 });
      const files = bundle.spec_info.map((s) => join(dir, 'survey', 'files', s.file_path));
      const out = execFileSync('fitsverify', ['-q', ...files], { encoding: 'utf8' });
      expect(out.trim().split('\n')).toHaveLength(files.length);
      for (const line of out.trim().split('\n')) expect(line).toMatch(/^verification OK/);
      // Both layouts are among them.
      const layouts = new Set(files.map((f) => decodeSpectrum(new Uint8Array(readFileSync(f)), f).layout));
      expect(layouts).toEqual(new Set(['lamost-image', 'lamost-coadd']));
    });

    it('accepts a table with text, scaled and null columns', () => {
      const file = join(dir, 'table.fits');
      writeFileSync(file, writeFits({ kind: 'image', cards: [['OBJECT', 'test']] }, [
        { kind: 'bintable', name: 'T', rows: 2, columns: [{ name: 'A', format: 'A', repeat: 4, data: ['ab', 'cd'] }, { name: 'B', format: 'J', repeat: 3, data: [1, 2, 3, 4, 5, 6] }], cards: [['TNULL2', -1]] },
      ]));
      expect(execFileSync('fitsverify', ['-q', file], { encoding: 'utf8' })).toMatch(/^verification OK/);
    });
  });
});
