/**
 * Spectrum decoding speed in Node, on gzipped LAMOST files of both layouts (the real
 * fixtures when ../shared/fixtures/lamost is present, plus demo-data files): our decoder with
 * Node's zlib and with fflate (decodeSpectrum's synchronous default), astropy and fitsjs 0.6.6 on the
 * same files in the same run. Ratio rows turn "≥ 5× faster than astropy" into a pass/fail.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { decodeSpectrum } from '../shared/spectrum/decode';
import { generateSurvey } from '../src-main/demo/generate';
import { decodeSpectrumNode } from '../src-main/spectrum/nodeDecode';
import { astropyAvailable, astropyBench } from '../test/support/astropy';
import { median, timeEach, type Benchmark } from './benchmark';
import { fitsjsDecode } from './fitsjs';

const ROUNDS = 200;
const FIXTURES = resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'lamost');

interface Sample {
  path: string;
  bytes: Uint8Array;
}

let files: Sample[] | null = null;
let oursMedian: number | null = null;
let astropySamples: number[] | null = null;
let fitsjsSamples: number[] | null = null;

/** Gzipped LAMOST files of both layouts, written once per run to a temp folder (astropy reads them there). */
async function sampleFiles(): Promise<Sample[]> {
  if (files) return files;
  const dir = mkdtempSync(join(tmpdir(), 'specvet-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const bundle = await generateSurvey(join(dir, 'demo'), { count: 8, seed: 1 });
  const paths = bundle.spec_info.map((s) => join(dir, 'demo', 'files', s.file_path));
  if (existsSync(FIXTURES)) {
    for (const name of readdirSync(FIXTURES).filter((f) => /^(spec-|\d+\.fits)/.test(f))) {
      const raw = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const gz = name.endsWith('.gz') ? raw : gzipSync(raw, { level: 6 });
      const path = join(dir, name.endsWith('.gz') ? name : `${name}.gz`);
      writeFileSync(path, gz);
      paths.push(path);
    }
  }
  files = paths.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  return files;
}

async function timeOurs(decode: (b: Uint8Array, name: string) => unknown): Promise<number[]> {
  const fs = await sampleFiles();
  return timeEach(ROUNDS * fs.length, (i) => decode(fs[i % fs.length]!.bytes, fs[i % fs.length]!.path), 50);
}

/** Measured once, shown twice (as milliseconds and as a ratio to ours). */
async function timeFitsjs(): Promise<number[]> {
  const fs = await sampleFiles();
  fitsjsSamples ??= await timeEach(50 * fs.length, (i) => fitsjsDecode(fs[i % fs.length]!.bytes, fs[i % fs.length]!.path), 20);
  return fitsjsSamples;
}

async function timeAstropy(): Promise<number[]> {
  astropySamples ??= astropyBench(20, (await sampleFiles()).map((f) => f.path));
  return astropySamples;
}

async function ours(): Promise<number> {
  oursMedian ??= median(await timeOurs(decodeSpectrumNode));
  return oursMedian;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'decode LAMOST .fits.gz in Node (both layouts, zlib)',
    unit: 'ms',
    target: { kind: 'max', value: 0.5 },
    async run() {
      const samples = await timeOurs(decodeSpectrumNode);
      oursMedian = median(samples);
      return { samples, note: `${(await sampleFiles()).length} files` };
    },
  },
  {
    name: 'decode LAMOST .fits.gz in Node with fflate (the synchronous default)',
    unit: 'ms',
    target: null,
    async run() {
      return { samples: await timeOurs((b, n) => decodeSpectrum(b, n)) };
    },
  },
  {
    name: 'astropy: the same files, bytes → header values + native arrays',
    unit: 'ms',
    target: null,
    async run() {
      if (!astropyAvailable) return { samples: [], note: 'skipped: no astropy for /usr/bin/python3' };
      return { samples: await timeAstropy() };
    },
  },
  {
    name: 'astropy time / our time, same files',
    unit: '×',
    target: { kind: 'min', value: 5 },
    async run() {
      if (!astropyAvailable) return { samples: [], note: 'skipped: no astropy for /usr/bin/python3' };
      const base = await ours();
      return { samples: (await timeAstropy()).map((ms) => ms / base) };
    },
  },
  {
    name: 'fitsjs 0.6.6 (promise adapter): decode the same files',
    unit: 'ms',
    target: null,
    async run() {
      return { samples: await timeFitsjs() };
    },
  },
  {
    name: 'fitsjs time / our time, same files',
    unit: '×',
    target: null,
    async run() {
      const base = await ours();
      return { samples: (await timeFitsjs()).map((ms) => ms / base) };
    },
  },
];
