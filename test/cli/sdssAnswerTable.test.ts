/**
 * SDSS/BOSS spec files carry the pipeline's answer in a one-row table after COADD, named SPALL
 * in newer data releases and SPECOBJ in older ones: both show the pipeline's class, subclass
 * and z in `specvet inspect` and beside the fit in `specvet fit`. The files are written by
 * astropy in the SDSS layout, from the galaxy PCA at a known z, so the fit has a real answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astropyAvailable, astropyWriteSdss } from '../support/astropy';
import { runCli } from '../support/cli';

const Z = 0.1;
const GALAXY_TEMPLATE = resolve(import.meta.dirname, '..', '..', 'resources', 'templates', 'spEigenGal-56436.fits');

if (!astropyAvailable) console.warn('skipped: astropy not importable by /usr/bin/python3 (apt install python3-astropy)');

describe.skipIf(!astropyAvailable)('SDSS answer table, SPALL and SPECOBJ', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specvet-sdss-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = astropyAvailable ? astropyWriteSdss(dir, GALAXY_TEMPLATE, Z) : { spall: '', specobj: '' };

  it.each(['spall', 'specobj'] as const)('inspect shows the pipeline’s class, subclass and z from %s', async (which) => {
    const r = await runCli(['inspect', files[which]]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layout sdss-spec, 3800 pixels');
    expect(r.stdout).toContain('pipeline: GALAXY STARFORMING  z = 0.100000 ± 0.000020');
    const json = JSON.parse((await runCli(['inspect', files[which], '--json'])).stdout) as { meta: { class: string; subclass: string; z: number } };
    expect([json.meta.class, json.meta.subclass]).toEqual(['GALAXY', 'STARFORMING']);
    expect(json.meta.z).toBeCloseTo(Z, 6);
  });

  it('fit puts the pipeline’s answer from either table beside its own, and agrees with it', async () => {
    const r = await runCli(['fit', files.spall, files.specobj, '--threads', '1', '--json'], { SPECVET_HOME: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { class: string; z: number; pipeline: { class: string; subclass: string; z: number; zErr: number } }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.pipeline).toMatchObject({ class: 'GALAXY', subclass: 'STARFORMING' });
      expect(row.pipeline.z).toBeCloseTo(Z, 6);
      expect(row.class).toBe('GALAXY');
      expect(Math.abs(row.z - Z) / (1 + Z)).toBeLessThan(1e-4);
    }
  });
});
