/**
 * The fit's accuracy on fresh demo surveys, seed by seed (docs/assistant.md, "Accuracy"):
 *   node bin/tsx.mjs scripts/fitAccuracy.ts [--count 200] [--keep DIR] SEED…
 * Prints, per seed and over all, per true class: class right %, class right and
 * |Δz|/(1+z) ≤ 0.001 % (and < 0.0033, the ≠ rule), and the confusions (true → fitted), for the spectra at S/N ≥ 5 in
 * clean fibres (the issue's figure), then those in fibres with a planted 2D fault and those
 * below S/N 5 (src-main/demo/truthScore.ts), and how `batch create --suspects`'s ranking finds
 * the planted wrong pipeline answers (precision, recall). With --keep, each survey is written once under
 * DIR/SEED and reused by later runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSurvey } from '../src-main/demo/generate';
import { emptyScore, pct, scoreFits, scoreSuspects, suspectLine, total, type ClassScore, type Score } from '../src-main/demo/truthScore';
import { fitFiles } from '../src-main/fit/pool';
import { bundleFile, bundleFilesDir, type SurveyBundle } from '../src-main/survey/bundle';

async function survey(seed: number, count: number, keep: string | null): Promise<{ dir: string; bundle: SurveyBundle; temp: boolean }> {
  const dir = keep ? join(keep, String(seed)) : mkdtempSync(join(tmpdir(), 'specvet-fit-acc-'));
  if (keep && existsSync(bundleFile(dir))) return { dir, bundle: JSON.parse(readFileSync(bundleFile(dir), 'utf8')) as SurveyBundle, temp: false };
  return { dir, bundle: await generateSurvey(dir, { count, seed }), temp: !keep };
}

async function measure(seed: number, count: number, keep: string | null, all: Score): Promise<Score> {
  const { dir, bundle, temp } = await survey(seed, count, keep);
  try {
    const rows = await fitFiles(bundle.spec_info.map((s) => join(bundleFilesDir(dir), s.file_path)));
    scoreFits(bundle, rows, all);
    console.log(`seed ${seed} ${suspectLine(scoreSuspects(bundle, rows))}`);
    return scoreFits(bundle, rows);
  } finally {
    if (temp) rmSync(dir, { recursive: true, force: true });
  }
}

function line(label: string, c: ClassScore): string {
  const conf = [...c.confusions].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return `  ${label.padEnd(8)} ${String(c.n).padStart(5)}  class right ${pct(c.right, c.n).padStart(7)}  and z ≤ 0.001 ${pct(c.zRight, c.n).padStart(7)}  < 0.0033 ${pct(c.zClose, c.n).padStart(7)}  ${conf ? `wrong: ${conf}` : ''}`;
}

function report(label: string, score: Score): string {
  const out = [label];
  for (const [group, title] of [
    ['clean', 'S/N ≥ 5, clean fibres'],
    ['faulty', 'fibres with a 2D fault (unreliable data)'],
    ['lowSnr', 'S/N < 5'],
  ] as const) {
    out.push(` ${title}:`, line('all', total(score[group])));
    for (const cls of ['STAR', 'GALAXY', 'QSO'] as const) {
      const c = score[group].get(cls);
      if (c) out.push(line(cls, c));
    }
  }
  return out.join('\n');
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
const all = emptyScore();
for (const seed of seeds) console.log(report(`seed ${seed}`, await measure(seed, count, keep, all)));
if (seeds.length > 1) console.log(report('all seeds', all));
