/**
 * `npm run bench [-- --json] [-- --only NAME[,NAME…]]`: runs every bench/*.bench.ts and
 * prints one table (name, median, p95, unit, target) or a JSON array of
 * {name, median, p95, unit, target, pass}. --only matches names by substring.
 * Each bench file runs in a process of its own: one benchmark's leftovers (a big heap, a
 * browser's children) must not slow the next one down — the decode figures moved by 5–10 %
 * when measured after the browser benchmarks in the same process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median, quantile, type Benchmark, type Target } from './benchmark';

interface Row {
  name: string;
  median: number | null;
  p95: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
  note?: string;
}

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' }, file: { type: 'string' }, out: { type: 'string' } } });
const only = values.only?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
const here = dirname(fileURLToPath(import.meta.url));

const rows: Row[] = values.file ? await runFile(values.file) : inChildren();

if (values.file && values.out) {
  writeFileSync(values.out, JSON.stringify(rows));
} else if (values.json) {
  process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
} else {
  process.stdout.write(table(rows));
}
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;

/** The rows of every bench file, each file measured by a fresh `run.ts --file` process. */
function inChildren(): Row[] {
  const out: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-rows-'));
  const tsx = join(here, '..', 'bin', 'tsx.mjs');
  for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const result = join(dir, `${file}.json`);
    const args = [tsx, fileURLToPath(import.meta.url), '--file', file, '--out', result, ...(values.only ? ['--only', values.only] : [])];
    // The child's own output (progress, a library's logging) goes to stderr; rows come back in a file.
    const child = spawnSync(process.execPath, args, { stdio: ['ignore', 2, 'inherit'], env: { ...process.env, SPECVET_BENCH_RUN: dir } });
    try {
      out.push(...(JSON.parse(readFileSync(result, 'utf8')) as Row[]));
    } catch {
      out.push({ name: file, median: null, p95: null, unit: '', target: '', pass: false, note: `failed: the ${file} process exited ${child.status ?? child.signal} without results` });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

async function runFile(file: string): Promise<Row[]> {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks: Benchmark[] };
  const out: Row[] = [];
  for (const b of mod.benchmarks) {
    if (only && !only.some((o) => b.name.toLowerCase().includes(o))) continue;
    process.stderr.write(`running ${b.name}…\n`);
    out.push(await measure(b));
  }
  return out;
}

async function measure(b: Benchmark): Promise<Row> {
  try {
    const r = await b.run();
    if (!r || r.samples.length === 0) {
      return { name: b.name, median: null, p95: null, unit: b.unit, target: describe(b.target), pass: null, note: r?.note ?? 'skipped' };
    }
    const med = median(r.samples);
    const p95 = quantile(r.samples, 0.95);
    const judged = b.target?.on === 'p95' ? p95 : med;
    const meets = b.target ? (b.target.kind === 'max' ? judged <= b.target.value : judged >= b.target.value) : null;
    const pass = meets === null ? (r.pass ?? null) : meets && (r.pass ?? true);
    return { name: b.name, median: round(med), p95: round(p95), unit: b.unit, target: describe(b.target), pass, ...(r.note ? { note: r.note } : {}) };
  } catch (err) {
    return { name: b.name, median: null, p95: null, unit: b.unit, target: describe(b.target), pass: false, note: `failed: ${(err as Error).message}` };
  }
}

function describe(t: Target | null): string {
  if (!t) return '(reference)';
  return `${t.kind === 'max' ? '≤' : '≥'} ${t.value}${t.on === 'p95' ? ' (p95)' : ''}`;
}

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 1000) / 1000;
}

function table(rs: Row[]): string {
  const head = ['name', 'median', 'p95', 'unit', 'target', 'pass'];
  const body = rs.map((r) => [
    r.name,
    r.median === null ? '—' : String(r.median),
    r.p95 === null ? '—' : String(r.p95),
    r.unit,
    r.target,
    r.pass === null ? (r.note ?? '—') : r.pass ? 'yes' : `NO${r.note ? ` (${r.note})` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ''].join('\n');
}
