/** `specvet fit`: the redshift and class assistant's fit over files, on all cores. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, num, str, UsageError, UserError, type Command, type CliIO } from '../../command/command';
import type { FitRow } from '../../fit/fitFile';

const fit = defineCommand({
  path: ['fit'],
  summary: 'fit class, subclass and redshift with templates; show them beside the pipeline’s',
  args: { usage: 'FILE… | --dir DIR', min: 0, max: Infinity },
  options: {
    dir: { type: 'string', placeholder: 'DIR', description: 'fit every .fits / .fits.gz file under DIR' },
    csv: { type: 'string', placeholder: 'OUT', description: 'also write the rows as CSV to OUT' },
    templates: { type: 'string', placeholder: 'DIR', description: 'template folder (default: SPECVET_TEMPLATES, config "templates", else the shipped SDSS set)' },
    threads: { type: 'string', placeholder: 'N', description: 'worker threads (default: one per core)' },
  },
  help: `
Fits every spectrum with the template set (docs/assistant.md): galaxy and QSO eigenspectra,
each stellar template, CV stars, each with a 3-term polynomial, χ² over a redshift grid.
Prints per file the fit's class, subclass, z ± z_err, χ²/dof and Δχ² to the runner-up, and
the pipeline's CLASS, SUBCLASS, Z, Z_ERR from the file (LAMOST: its header; SDSS/BOSS: its
SPALL or SPECOBJ table). With --json, one array of
rows. A file that cannot be read or fitted gets a row with "error" and makes the exit code 1.

examples:
  specvet fit spec-57287-KP193637N444141V03_sp10-161.fits.gz
  specvet fit --dir /data/lamost/20240101 --csv fits.csv`,
  async run(values, positionals, ctx) {
    const files = [...positionals.map((f) => resolve(f)), ...filesUnder(str(values, 'dir'))];
    if (files.length === 0) throw new UsageError('give spectrum files or --dir DIR');
    const threads = num(values, 'threads', { integer: true });
    if (threads !== undefined && threads < 1) throw new UsageError(`--threads must be at least 1, got ${threads}`);
    const templates = str(values, 'templates') ?? ctx.config().templates ?? undefined;
    const { fitFiles } = await import('../../fit/pool');
    const t0 = performance.now();
    let rows: FitRow[];
    try {
      rows = await fitFiles(files, { templates: templates && resolve(templates), threads, onProgress: progress(ctx.io) });
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    const seconds = (performance.now() - t0) / 1000;
    const csv = str(values, 'csv');
    if (csv) writeFileSync(csv, toCsv(rows));
    ctx.print(rows, () => [...rows.map(line), `${rows.length} spectra in ${seconds.toFixed(1)} s`].join('\n'));
    return rows.some((r) => r.error) ? 1 : 0;
  },
});

function filesUnder(dir: string | undefined): string[] {
  if (dir === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (err) {
    throw new UserError(`--dir ${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return names.filter((n) => /\.fits(\.gz)?$/i.test(n)).sort().map((n) => resolve(join(dir, n)));
}

/** One redrawn line on a terminal; nothing when stderr is a file or a pipe. */
function progress(io: CliIO): ((done: number, total: number) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    io.stderr.write(`\rfitting ${done}/${total}${done === total ? '\n' : ''}\x1b[K`);
  };
}

const fmt = (x: number | null, d: number) => (x === null ? '—' : x.toFixed(d));

function line(r: FitRow): string {
  if (r.error) return `${r.file}\n  error: ${r.error}`;
  const p = r.pipeline;
  return [
    r.file,
    `  fit      ${r.class} ${r.subclass ?? ''} z = ${fmt(r.z, 6)} ± ${fmt(r.zErr, 6)}  χ²/dof ${fmt(r.reducedChi2, 2)}  Δχ² ${fmt(r.deltaChi2, 1)} to ${r.second ? `${r.second.class} z = ${r.second.z.toFixed(4)}` : '—'}  (${r.template})`,
    `  pipeline ${p.class ?? '—'} ${p.subclass ?? ''} z = ${fmt(p.z, 6)} ± ${fmt(p.zErr, 6)}`,
  ].join('\n');
}

const CSV_COLUMNS = ['file', 'class', 'subclass', 'z', 'z_err', 'chi2', 'reduced_chi2', 'delta_chi2', 'template', 'pipeline_class', 'pipeline_subclass', 'pipeline_z', 'pipeline_z_err', 'error'];

function toCsv(rows: FitRow[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const body = rows.map((r) =>
    [r.file, r.class, r.subclass, r.z, r.zErr, r.chi2, r.reducedChi2, r.deltaChi2, r.template, r.pipeline.class, r.pipeline.subclass, r.pipeline.z, r.pipeline.zErr, r.error].map(cell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...body].join('\n') + '\n';
}

export const fitCommands: Command[] = [fit];
