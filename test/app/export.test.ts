/**
 * The export through the app's services (issue 15), against a real MariaDB, with the save
 * dialog played by the test (Electron's is opened by the main process): the chosen file gets
 * the catalogue and progress events count its rows; a cancelled dialog writes nothing; a file
 * that exists is refused and left as it was; a refusal by the server (a reviewer) leaves no
 * partial file; the demo says offline in one line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '../../src-main/app/apiErrors';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import type { ChooseExportFile } from '../../src-main/app/exportHandlers';
import { openApp, type OpenedApp } from '../../src-main/app/openApp';
import { parseCentralUrl } from '../../src-main/config/config';
import type { Person } from '../central/fixtures';
import { disagreeAndReport } from '../support/deskWorld';
import { useWorld } from '../support/world';

const w = useWorld({ plans: 1, spectrographs: 1, fibers: 4 });
const dir = mkdtempSync(join(tmpdir(), 'specvet-export-'));
const apps: OpenedApp[] = [];
let alice: Person;
let obsid: number;

/** The app signed in as `url` (null: the demo), whose save dialog answers `choose`. */
async function appAs(url: string | null, choose: ChooseExportFile): Promise<OpenedApp> {
  const home = mkdtempSync(join(dir, 'home-'));
  const app = await openApp({ config: { home, central: url ? parseCentralUrl(url) : null, data: null, file: null }, credentials: memoryCredentialStore(), background: false, chooseExportFile: choose });
  apps.push(app);
  return app;
}
const refusal = (p: Promise<unknown>) => p.then<null, ReturnType<typeof toApiError>>(() => null, (err: unknown) => toApiError(err));

beforeAll(async () => {
  ({ alice, obsid } = await disagreeAndReport(w, new Date('2024-03-01T10:00:00Z')));
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exporting from the app', () => {
  it('writes the chosen file, counts its rows, offers a name from the scope; a cancel writes nothing', async () => {
    const file = join(dir, 'jan.csv');
    const offered: string[] = [];
    const app = await appAs(w.coordinator.url, async (name) => (offered.push(name), file));
    const progress: number[] = [];
    app.events.on('exportProgress', ({ rows }) => progress.push(rows));
    expect(await app.handlers.exportCatalogue({ scope: { from: '2024-01-01' }, format: 'csv' })).toEqual({ file, rows: 1 });
    expect(offered).toEqual(['specvet-catalogue-2024-01-01_now.csv']);
    expect(progress.at(-1)).toBe(1);
    const [header, row] = readFileSync(file, 'utf8').trim().split('\n');
    expect(header).toMatch(/^obsid,designation,/);
    expect(row).toMatch(new RegExp(`^${obsid},`));

    const cancelled = await appAs(w.coordinator.url, async (name) => (offered.push(name), null));
    expect(await cancelled.handlers.exportCatalogue({ scope: {}, format: 'fits' })).toBeNull();
    // Both nights blank: the whole catalogue, named so.
    expect(offered.at(-1)).toBe('specvet-catalogue-all.fits');
  });

  it('refuses a file that exists and leaves it as it was', async () => {
    const file = join(dir, 'mine.fits');
    writeFileSync(file, 'not mine to replace');
    const app = await appAs(w.coordinator.url, async () => file);
    const e = await refusal(app.handlers.exportCatalogue({ scope: {}, format: 'fits' }));
    expect([e?.code, e?.message]).toEqual(['bad-input', `${file} already exists; choose another name or remove it first`]);
    expect(readFileSync(file, 'utf8')).toBe('not mine to replace');
  });

  it('leaves no partial file when the server refuses (a reviewer), and says offline in the demo', async () => {
    const file = join(dir, 'refused.csv');
    const app = await appAs(alice.url, async () => file);
    const e = await refusal(app.handlers.exportCatalogue({ scope: {}, format: 'csv' }));
    expect(e?.message).toMatch(/denied|command denied|not allowed/i);
    expect(existsSync(file)).toBe(false);
    const demo = await appAs(null, async () => join(dir, 'demo.csv'));
    const off = await refusal(demo.handlers.exportCatalogue({ scope: {}, format: 'csv' }));
    expect([off?.code, off?.message]).toEqual(['offline', 'offline — the export reads the central server; this is the demo, sign in to one']);
    expect(existsSync(join(dir, 'demo.csv'))).toBe(false);
  });
});
