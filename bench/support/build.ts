/**
 * The web edition the browser benches measure — the renderer, and `specvet serve` from its
 * bundle — built from the tree being measured: a dist/ left by an earlier build would measure
 * old code. Built once per `npm run bench`: run.ts hands its children one folder
 * (SPECVET_BENCH_RUN), and the first child to build leaves a mark there for the others.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/e2e/support';

let built = false;

export function ensureBuilt(): void {
  const run = process.env.SPECVET_BENCH_RUN;
  const mark = run ? join(run, 'built') : null;
  if (built || (mark && existsSync(mark))) return;
  const flags = ['--renderer', '--serve'];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...flags], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
  if (r.status !== 0) throw new Error(`the web edition does not build (node scripts/build.mjs ${flags.join(' ')} failed)`);
  built = true;
  if (mark) writeFileSync(mark, '');
}
