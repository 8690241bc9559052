/** Spectrum-file commands: inspect files, write the synthetic demo survey. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Spectrum } from '../../../shared/spectrum/decode';
import { decodeSpectrumNode } from '../../spectrum/nodeDecode';
import { num, requireStr, UsageError, defineCommand, type Command } from '../../command/command';

const inspect = defineCommand({
  path: ['inspect'],
  summary: 'decode spectrum files (LAMOST LRS both layouts, SDSS/BOSS; .gz or not) and show what they hold',
  args: { usage: 'FILE [FILE…]', min: 1, max: Infinity },
  options: {},
  help: `
Without --json, a short summary per file. With --json, one JSON object per file and line:
{"file", "layout", "meta": {obsid, designation, obsdate, lmjd, planid, spid, fiberid, ra, dec,
class, subclass, z, zErr, snr: {u,g,r,i,z}}, "wavelength", "flux", "ivar", "andMask", "orMask"}
with NaN printed as null. A file that cannot be decoded prints one line on stderr saying why;
the others are still shown, and the exit code is 1.

examples:
  specvet inspect spec-57287-KP193637N444141V03_sp10-161.fits.gz
  specvet inspect --json data/*.fits.gz > spectra.jsonl`,
  async run(_values, files, ctx) {
    let failed = 0;
    for (const file of files) {
      let spectrum: Spectrum;
      try {
        spectrum = decodeSpectrumNode(await readBytes(file), file);
      } catch (err) {
        failed++;
        ctx.io.stderr.write(`specvet: ${(err as Error).message.split('\n', 1)[0]}\n`);
        continue;
      }
      ctx.print(asJson(file, spectrum), () => summary(file, spectrum));
    }
    return failed > 0 ? 1 : 0;
  },
});

const demoData = defineCommand({
  path: ['demo-data'],
  summary: 'write a synthetic LAMOST-like survey (spectrum files + survey rows with the truth)',
  options: {
    out: { type: 'string', placeholder: 'DIR', description: 'folder to write (DIR/survey.json and DIR/files/)' },
    count: { type: 'string', placeholder: 'N', description: 'number of spectra (default 300)' },
    seed: { type: 'string', placeholder: 'S', description: 'random seed; the same seed gives the same survey (default 1)' },
    nights: { type: 'string', placeholder: 'K', description: 'nights, one plan each (default 1)' },
  },
  help: `
Writes spec-LMJD-PLANID_spSPID-FIBERID.fits.gz files in both LAMOST layouts under DIR/files
and DIR/survey.json with plan_info, target_info, obj_info, spec_info and the truth (true
class and z of each spectrum, which pipeline answers were made wrong, which fibre ranges
carry 2D faults). Load it into the central database with: specvet central seed --from DIR

examples:
  specvet demo-data --out /tmp/survey
  specvet demo-data --out /tmp/survey --count 4000 --seed 42 --nights 3`,
  async run(values, _args, ctx) {
    const out = resolve(requireStr(values, 'out'));
    const count = positive(values, 'count');
    const seed = num(values, 'seed', { integer: true });
    const nights = positive(values, 'nights');
    const { generateSurvey } = await import('../../demo/generate');
    const bundle = await generateSurvey(out, { count, seed, nights });
    const t = bundle.truth;
    const report = {
      out,
      spectra: bundle.spec_info.length,
      plans: bundle.plan_info.length,
      spectrographs: new Set(bundle.spec_info.map((s) => `${s.planid}/${s.spid}`)).size,
      wrongClass: t.spectra.filter((s) => s.pipelineError === 'class').length,
      wrongZ: t.spectra.filter((s) => s.pipelineError === 'z').length,
      faults: t.faults.length,
    };
    ctx.print(report, () =>
      `wrote ${report.spectra} spectra (${report.plans} plan${report.plans === 1 ? '' : 's'}, ${report.spectrographs} spectrograph runs) to ${out}\n` +
      `truth: ${report.wrongClass} wrong pipeline classes, ${report.wrongZ} wrong redshifts, ${report.faults} fibre ranges with 2D faults`,
    );
  },
});

function positive(values: Parameters<typeof num>[0], name: string): number | undefined {
  const v = num(values, name, { integer: true });
  if (v !== undefined && v < 1) throw new UsageError(`--${name} must be at least 1, got ${v}`);
  return v;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new Error(`${file}: cannot read (${why})`);
  }
}

function asJson(file: string, s: Spectrum) {
  return { file, layout: s.layout, meta: s.meta, wavelength: s.wavelength, flux: s.flux, ivar: s.ivar, andMask: s.andMask, orMask: s.orMask };
}

function summary(file: string, s: Spectrum): string {
  const m = s.meta;
  const n = s.flux.length;
  let nan = 0;
  let masked = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(s.flux[i]!)) nan++;
    if (!(s.ivar[i]! > 0)) masked++;
  }
  const f = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const sn = m.snr;
  return [
    `${file}`,
    `  layout ${s.layout}, ${n} pixels, ${f(s.wavelength[0] ?? null, 1)}–${f(s.wavelength[n - 1] ?? null, 1)} Å`,
    `  obsid ${m.obsid ?? '—'}  ${m.designation ?? ''}  ${m.obsdate ?? ''}  lmjd ${m.lmjd ?? '—'}  plan ${m.planid ?? '—'}  sp${m.spid ?? '?'}-${m.fiberid ?? '?'}  ra ${f(m.ra, 5)} dec ${f(m.dec, 5)}`,
    `  pipeline: ${m.class ?? '—'} ${m.subclass ?? ''}  z = ${f(m.z, 6)} ± ${f(m.zErr, 6)}  S/N u ${f(sn.u)} g ${f(sn.g)} r ${f(sn.r)} i ${f(sn.i)} z ${f(sn.z)}`,
    `  ${nan} NaN flux pixels, ${masked} with ivar = 0`,
  ].join('\n');
}

export const spectraCommands: Command[] = [inspect, demoData];
