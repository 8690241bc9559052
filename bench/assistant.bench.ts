/**
 * The assistant's fit where the reviewer meets it: in the review screen's Web Worker in
 * Chromium (the built dist/renderer fit worker), one real LAMOST LRS spectrum through every
 * template set, timed inside the worker. The templates go in once, as the app sends them; the
 * spectra are decoded once by the built decode worker, as the app's chart has them, and each
 * fit is sent its own copy of the arrays (decode not included: the chart pays for it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHIPPED_TEMPLATES } from '../src-main/fit/templates';
import { isTemplateFile } from '../shared/fit';
import { launchChromium, ROOT, startServe } from '../test/e2e/support';
import type { Benchmark } from './benchmark';
import { ensureBuilt } from './support/build';
import { descendantsCpuMs } from './support/childCpu';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'lamost');
const LRS = ['spec-57287-KP193637N444141V03_sp10-161.fits.gz', 'spec-58397-EG014118N254444M01_sp03-031.fits', '3703110.fits', '3709013.fits', '3712166.fits'];
const FITS = 60;
/** The first fits build the templates' FFT caches; not what a reviewer paging on waits for. */
const WARM_UP = 5;

const b64 = (path: string) => readFileSync(path).toString('base64');

export const benchmarks: Benchmark[] = [
  {
    name: 'fit in the renderer (Web Worker, Chromium), one LAMOST spectrum',
    unit: 'ms',
    target: { kind: 'max', value: 150 },
    async run() {
      if (!existsSync(FIXTURES)) return { samples: [], note: `skipped: no LAMOST fixtures at ${FIXTURES}` };
      ensureBuilt();
      const assets = readdirSync(join(ROOT, 'dist/renderer/assets'));
      const workerFile = assets.find((f) => /^fit\.worker-.*\.js$/.test(f));
      const decodeFile = assets.find((f) => /^decode\.worker-.*\.js$/.test(f));
      if (!workerFile || !decodeFile) throw new Error('no fit or decode worker in dist/renderer/assets: run npm run build');
      const templates = readdirSync(SHIPPED_TEMPLATES).filter(isTemplateFile).map((name) => ({ name, b64: b64(join(SHIPPED_TEMPLATES, name)) }));
      const served = await startServe();
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(served.url);
        const args = { url: `assets/${workerFile}`, decodeUrl: `assets/${decodeFile}`, templates, files: LRS.map((f) => b64(join(FIXTURES, f))) };
        // The worker stays on the page between the two evaluations: warm-up, then the timed fits.
        await page.evaluate(async ({ url, decodeUrl, templates, files }) => {
          // No named functions in here: tsx would wrap them in a helper the page lacks.
          const decoder = new Worker(decodeUrl, { type: 'module' });
          const spectra: unknown[] = [];
          for (const [i, f] of files.entries()) {
            const bytes = Uint8Array.from(atob(f), (c) => c.charCodeAt(0));
            const reply = await new Promise<{ ok: boolean; message?: string; result?: unknown }>((done) => {
              decoder.onmessage = (e) => done(e.data as { ok: boolean });
              decoder.postMessage({ id: i, obsid: i + 1, bytes }, [bytes.buffer]);
            });
            if (!reply.ok) throw new Error(reply.message);
            spectra.push(reply.result);
          }
          decoder.terminate();
          const worker = new Worker(url, { type: 'module' });
          worker.postMessage({ kind: 'templates', files: templates.map((t) => ({ name: t.name, bytes: Uint8Array.from(atob(t.b64), (c) => c.charCodeAt(0)) })) });
          (globalThis as unknown as { bench: unknown }).bench = { worker, spectra };
        }, args);
        const fits = (n: number) =>
          page.evaluate(async (count) => {
            type Arrays = { wavelength: Float64Array; flux: Float32Array; ivar: Float32Array; andMask: Int32Array };
            const { worker, spectra } = (globalThis as unknown as { bench: { worker: Worker; spectra: Arrays[] } }).bench;
            const times: number[] = [];
            for (let i = 0; i < count; i++) {
              const s = spectra[i % spectra.length]!;
              const spectrum = { wavelength: s.wavelength.slice(), flux: s.flux.slice(), ivar: s.ivar.slice(), andMask: s.andMask.slice() };
              const reply = await new Promise<{ ok: boolean; ms: number; message?: string; result?: { ok: boolean; reason?: string } }>((done) => {
                worker.onmessage = (e) => done(e.data as { ok: boolean; ms: number });
                worker.postMessage({ kind: 'fit', id: i, obsid: i + 1, spectrum }, [spectrum.wavelength.buffer, spectrum.flux.buffer, spectrum.ivar.buffer, spectrum.andMask.buffer]);
              });
              if (!reply.ok) throw new Error(reply.message);
              if (!reply.result?.ok) throw new Error(reply.result?.reason);
              times.push(reply.ms);
            }
            return times;
          }, n);
        await fits(WARM_UP);
        const cpu0 = descendantsCpuMs();
        const ms = await fits(FITS);
        const cpu1 = descendantsCpuMs();
        const cpu = cpu0 === null || cpu1 === null ? 'n/a' : `${((cpu1 - cpu0) / FITS).toFixed(0)} ms`;
        return { samples: ms, note: `${LRS.length} real LRS stars, decoded once before (the chart's decode), timed in the worker (wall; the machine's load inflates it); CPU of all Chromium processes per fit ${cpu}` };
      } finally {
        await browser.close();
        await served.stop();
      }
    },
  },
];
