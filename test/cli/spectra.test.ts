/** `specvet inspect` and `specvet demo-data` as a terminal user runs them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src-main/survey/bundle';
import { runCli } from '../support/cli';
import { fixture, fixturesPresent } from '../shared/spectrum/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'specvet-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('specvet demo-data and inspect', () => {
  it('writes a survey, and inspect --json prints each file as one JSON object', async () => {
    const out = join(dir, 'survey');
    const made = await runCli(['demo-data', '--out', out, '--count', '6', '--seed', '4', '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ spectra: 6, plans: 1 });
    const bundle = await readBundle(out);
    const files = bundle.spec_info.slice(0, 2).map((s) => join(out, 'files', s.file_path));
    const r = await runCli(['inspect', ...files, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const [first] = lines;
    expect(Object.keys(first)).toEqual(['file', 'layout', 'meta', 'wavelength', 'flux', 'ivar', 'andMask', 'orMask']);
    expect(first.file).toBe(files[0]);
    expect(first.meta.obsid).toBe(bundle.spec_info[0]!.obsid);
    expect(Object.keys(first.meta)).toEqual(['obsid', 'designation', 'obsdate', 'lmjd', 'planid', 'spid', 'fiberid', 'ra', 'dec', 'class', 'subclass', 'z', 'zErr', 'snr', 'fibertype']);
    expect(Array.isArray(first.flux)).toBe(true);
    expect(first.flux).toHaveLength(first.wavelength.length);
  });

  it('prints NaN pixels as null in JSON', async () => {
    const { writeFits } = await import('../../shared/fits/writer');
    const n = 4;
    const rows = new Float32Array([1, NaN, Infinity, 4, 1, 1, 1, 1, 4000, 4001, 4002, 4003, 0, 0, 0, 0, 0, 0, 0, 0]);
    const file = join(dir, 'nan.fits');
    writeFileSync(file, writeFits({ kind: 'image', axes: [n, 5], data: rows, cards: [['OBSID', 7]] }));
    const r = await runCli(['inspect', file, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.flux).toEqual([1, null, null, 4]);
    expect(s.meta.obsid).toBe(7);
    expect(s.meta.class).toBeNull();
  });

  it('exits 1 with one line naming a bad file, and still shows the good ones', async () => {
    const bad = join(dir, 'bad.fits');
    writeFileSync(bad, 'SIMPLE  = T'.padEnd(2880, ' '));
    const good = join(dir, 'nan.fits');
    const r = await runCli(['inspect', bad, good]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`specvet: ${bad}: primary header has no END card before the end of the file (cut short, or not FITS)`]);
    expect(r.stdout).toContain(good);
    expect(r.stdout).toContain('layout lamost-image, 4 pixels');
  });

  it('says so when a file does not exist', async () => {
    const r = await runCli(['inspect', join(dir, 'nope.fits')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`specvet: ${join(dir, 'nope.fits')}: cannot read (no such file)\n`);
  });

  it.skipIf(!fixturesPresent)('summarises a real LAMOST file for a human', async () => {
    const r = await runCli(['inspect', fixture('spec-57287-KP193637N444141V03_sp10-161.fits.gz')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layout lamost-image, 3909 pixels, 3700.0–9099.1 Å');
    expect(r.stdout).toContain('obsid 359910161');
    expect(r.stdout).toContain('pipeline: STAR F5');
  });

  it.skipIf(!fixturesPresent)('refuses an MRS file with exit 1 and a one-line reason', async () => {
    const r = await runCli(['inspect', fixture('med-58625-TD192102N424113K01_sp12-076.fits.gz')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^specvet: .*med-58625.*: MRS COADD_B\/COADD_R not supported yet.*\n$/);
  });

  it('rejects bad demo-data options as usage errors', async () => {
    expect((await runCli(['demo-data', '--count', '5'])).code).toBe(2);
    const r = await runCli(['demo-data', '--out', join(dir, 'x'), '--count', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--count must be at least 1');
  });
});
