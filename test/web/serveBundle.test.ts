/**
 * `specvet serve` from its bundle (npm run build → dist/serve): built exactly as the build
 * does, it starts the web edition and answers the API with its secret; and bin/specvet.mjs
 * takes it only while no file it was built from has changed since.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { freshServeBundle } from '../../bin/serveBundle.mjs';
import { ROOT, SERVE_OPTIONS } from '../../scripts/build.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'specvet-serve-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the serve bundle', () => {
  it('starts the web edition and answers the API', async () => {
    // As deep as dist/serve/, so its dist/renderer is <root>/dist/renderer; packages and the
    // templates (resources/) from ours.
    const root = join(scratch, 'pkg');
    const outfile = join(root, 'dist', 'serve', 'specvet.mjs');
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SpecVet</title>');
    for (const shared of ['node_modules', 'resources']) symlinkSync(join(ROOT, shared), join(root, shared));
    await build({ ...SERVE_OPTIONS, outfile, absWorkingDir: ROOT });
    const run = `const { main } = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.exitCode = await main(['serve', '--port', '0', '--json']);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', run], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SPECVET_HOME: join(scratch, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve((JSON.parse(line) as { url: string }).url);
        });
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.once('exit', (code) => reject(new Error(`the bundled serve exited with ${code}: ${err}`)));
      });
      const { origin, hash } = new URL(url);
      const secret = decodeURIComponent(hash.slice('#token='.length));
      const page = await fetch(origin + '/');
      expect(await page.text()).toContain('<title>SpecVet</title>');
      const res = await fetch(`${origin}/api/listBatches`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` }, body: '{}' });
      expect(res.status).toBe(200);
      const modes = ((await res.json()) as { mode: string }[]).map((b) => b.mode).sort();
      expect(modes).toEqual(['browse', 'single', 'spectrograph']);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);

  it('is taken only while every file it was built from is as old as it', () => {
    const root = join(scratch, 'fake');
    mkdirSync(join(root, 'dist', 'serve'), { recursive: true });
    mkdirSync(join(root, 'src'), { recursive: true });
    const rootUrl = pathToFileURL(root + '/');
    const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
    expect(freshServeBundle(rootUrl)).toBeNull(); // not built
    writeFileSync(join(root, 'src', 'a.ts'), '');
    writeFileSync(join(root, 'src', 'b.ts'), '');
    writeFileSync(join(root, 'dist', 'serve', 'inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
    writeFileSync(join(root, 'dist', 'serve', 'specvet.mjs'), '');
    at('src/a.ts', 1000);
    at('src/b.ts', 1000);
    at('dist/serve/specvet.mjs', 2000);
    expect(freshServeBundle(rootUrl)).toBe(pathToFileURL(join(root, 'dist', 'serve', 'specvet.mjs')).href);
    at('src/b.ts', 3000); // edited after the build
    expect(freshServeBundle(rootUrl)).toBeNull();
    at('src/b.ts', 1000);
    rmSync(join(root, 'src', 'a.ts')); // gone since
    expect(freshServeBundle(rootUrl)).toBeNull();
  });
});
