import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { FIXTURES, fixturesPresent, SKIP_FIXTURES } from '../shared/spectrum/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'specvet-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!fixturesPresent)('specvet fit', () => {
  if (!fixturesPresent) console.log(SKIP_FIXTURES);

  it('fits a folder on two threads, writes CSV, puts the pipeline beside the fit, flags the unreadable file', async () => {
    const csv = join(dir, 'fits.csv');
    const r = await runCli(['fit', '--dir', FIXTURES, '--threads', '2', '--csv', csv, '--json'], { SPECVET_HOME: dir });
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as { file: string; error: string | null; class: string; z: number; pipeline: { class: string; z: number } }[];
    expect(rows).toHaveLength(6);
    const mrs = rows.find((x) => x.file.includes('med-'))!;
    expect(mrs.error).toMatch(/MRS COADD_B\/COADD_R not supported/);
    expect(r.code).toBe(1);
    for (const row of rows.filter((x) => !x.error)) {
      expect(row.class).toBe('STAR');
      expect(row.pipeline.class).toBe('STAR');
      expect(Math.abs(row.z - row.pipeline.z) * 299792.458).toBeLessThanOrEqual(40);
    }
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,class,subclass,z,z_err,chi2,reduced_chi2,delta_chi2,template,pipeline_class,pipeline_subclass,pipeline_z,pipeline_z_err,error');
    expect(lines).toHaveLength(7);
  });

  it('prints fit and pipeline lines for one file and exits 0', async () => {
    const r = await runCli(['fit', join(FIXTURES, '3712166.fits')], { SPECVET_HOME: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ fit +STAR G\d z = -?0\.\d{6} ± 0\.\d{6}/);
    expect(r.stdout).toMatch(/ pipeline STAR G8 z = -0\.000175 ± 0\.000013/);
  });

  it('says which template folder it cannot use', async () => {
    const r = await runCli(['fit', '--templates', join(dir, 'none'), join(FIXTURES, '3712166.fits')], { SPECVET_HOME: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/template folder .*none: cannot read \(ENOENT\)/);
  });

  it('wants files or --dir', async () => {
    const r = await runCli(['fit'], { SPECVET_HOME: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give spectrum files or --dir DIR/);
  });
});
