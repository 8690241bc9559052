/**
 * The fit's accuracy on fresh demo surveys, seed by seed (docs/assistant.md, "Accuracy"):
 *   node bin/tsx.mjs scripts/fitAccuracy.ts [--count 200] [--keep DIR] SEED…
 * Prints, per seed and over all: class right %, class right and |Δz|/(1+z) ≤ 0.001 %, the
 * same for galaxies and QSOs alone, and the confusions (true → fitted). With --keep, each
 * survey is written once under DIR/SEED and reused by later runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSurvey } from '../src-main/demo/generate';
import { fitFiles } from '../src-main/fit/pool';
import { bundleFile, bundleFilesDir, type SurveyBundle } from '../src-main/survey/bundle';

interface Tally {
  n: number;
  right: number;
  zRight: number;
  ext: { n: number; zRight: number };
  confusions: Map<string, number>;
}

const tally = (): Tally => ({ n: 0, right: 0, zRight: 0, ext: { n: 0, zRight: 0 }, confusions: new Map() });

async function survey(seed: number, count: number, keep: string | null): Promise<{ dir: string; bundle: SurveyBundle; temp: boolean }> {
  const dir = keep ? join(keep, String(seed)) : mkdtempSync(join(tmpdir(), 'specvet-fit-acc-'));
  if (keep && existsSync(bundleFile(dir))) return { dir, bundle: JSON.parse(readFileSync(bundleFile(dir), 'utf8')) as SurveyBundle, temp: false };
  return { dir, bundle: await generateSurvey(dir, { count, seed }), temp: !keep };
}

async function measure(seed: number, count: number, keep: string | null, all: Tally): Promise<Tally> {
  const { dir, bundle, temp } = await survey(seed, count, keep);
  try {
    const truth = new Map(bundle.truth.spectra.map((t) => [t.obsid, t]));
    const rows = await fitFiles(bundle.spec_info.map((s) => join(bundleFilesDir(dir), s.file_path)));
    const t = tally();
    rows.forEach((r, i) => {
      const want = truth.get(bundle.spec_info[i]!.obsid)!;
      const zOk = r.z !== null && Math.abs(r.z - want.z) / (1 + want.z) <= 0.001;
      for (const x of [t, all]) {
        x.n++;
        const extragalactic = want.class === 'GALAXY' || want.class === 'QSO';
        if (extragalactic) x.ext.n++;
        if (r.class !== want.class) {
          const key = `${want.class} → ${r.class ?? 'failed'}`;
          x.confusions.set(key, (x.confusions.get(key) ?? 0) + 1);
          continue;
        }
        x.right++;
        if (zOk) x.zRight++;
        if (zOk && extragalactic) x.ext.zRight++;
      }
    });
    return t;
  } finally {
    if (temp) rmSync(dir, { recursive: true, force: true });
  }
}

function line(label: string, t: Tally): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  const conf = [...t.confusions].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${label}: ${t.n} spectra, class right ${pct(t.right, t.n)}, class and z right ${pct(t.zRight, t.n)}; galaxies and QSOs (${t.ext.n}) class and z right ${pct(t.ext.zRight, t.ext.n)}; confusions: ${conf || 'none'}`;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? null : args.splice(i, 2)[1]!;
};
const count = Number(opt('--count') ?? 200);
const keep = opt('--keep');
const seeds = args.map(Number);
if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s))) {
  console.error('usage: fitAccuracy.ts [--count N] [--keep DIR] SEED…');
  process.exit(2);
}
const all = tally();
for (const seed of seeds) console.log(line(`seed ${seed}`, await measure(seed, count, keep, all)));
if (seeds.length > 1) console.log(line('all seeds', all));
