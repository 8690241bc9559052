/**
 * The pieces every browser test uses: a real `specvet serve` child process on a fresh
 * SPECVET_HOME (so it creates the demo as a new user's first start would) and Debian's
 * Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { BatchSummary, ReviewMode } from '../../shared/model';
import { useOrStartMariaDb, type RunningServer } from '../support/mariadb';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Chromium 156's headless shell builds the address bar's WebUI popup for every new window:
  // ~290 chrome:// requests and ~0.7 s of CPU (its own renderer and the browser process) that
  // a fresh context per run would charge to our page on 2 shared cores. A reviewer's browser
  // has its address bar up before the URL is pasted; the page's own work is what we measure.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export interface Served {
  url: string;
  home: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `specvet serve --port 0 --json` (plus `args`) on `home` (a new temp folder by default).
 * The URL it prints carries the server's secret in its fragment, as a person would get it.
 */
export async function startServe(opts: { home?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<Served> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/renderer is not built: run npm run test:e2e (it builds first) or npm run build');
  }
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'specvet-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/specvet.mjs'), 'serve', '--port', '0', '--json', ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SPECVET_HOME: home, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`specvet serve did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolveUrl((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`specvet serve exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    home,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.home) rmSync(home, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(url);
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/**
 * Fraction of the chart canvas's pixels drawn in the flux colour (blue): axes and grid are
 * grey, so an empty chart scores 0 and a plotted spectrum clearly more.
 */
export async function chartInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="spectrum-chart"] canvas');
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 96 && b - r > 50 && b - g > 25) ink++;
    }
    return ink / (canvas.width * canvas.height);
  });
}

/** The secret in a URL that `specvet serve` printed (…/#token=S). */
export function secretOf(url: string): string {
  const secret = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
  if (!secret) throw new Error(`no #token= in ${url}`);
  return secret;
}

/**
 * An API call from the test, the way the renderer makes it (same server, same origin rules,
 * the secret from the printed URL as a header).
 */
export async function apiCall<T>(baseUrl: string, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`api/${method}`, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secretOf(baseUrl)}` },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The web edition and the browser a describe block's tests share. */
export interface WebEdition {
  readonly served: Served;
  readonly browser: Browser;
}

/**
 * For the describe block it is called in: `specvet serve` on a fresh demo and one Chromium,
 * started before the block's own beforeAll hooks run (hooks run in the order they are
 * registered) and closed after its tests.
 */
export function webEditionForSuite(): WebEdition {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await startServe();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });
  return {
    get served() {
      return served!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** The demo's batch of one review mode, as the API lists it. */
export async function demoBatch(served: Served, mode: ReviewMode): Promise<BatchSummary> {
  const batch = (await apiCall<BatchSummary[]>(served.url, 'listBatches')).find((b) => b.mode === mode);
  if (!batch) throw new Error(`the demo has no ${mode} batch`);
  return batch;
}

/**
 * The e2e run has no global MariaDB: a file that needs one calls this before `useWorld`, which
 * starts one (or uses MYSQL_URL) for the file and stops it after.
 */
export function mariaDbForFile(): void {
  let mariadb: RunningServer | undefined;
  beforeAll(async () => {
    mariadb = await useOrStartMariaDb();
    process.env.MYSQL_URL = mariadb.url;
  }, 120_000);
  afterAll(async () => mariadb?.stop());
}
