/**
 * The whole Electron main process — main.ts with the real services, the real demo dataset
 * and a real SQLite cache in a temporary SPECVET_HOME — with only 'electron' played by the
 * fake: what a user's first start does, short of a screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api';
import type { AppStatus, BatchSummary, Item } from '../../shared/model';

vi.mock('electron', () => import('./fakeElectron'));
const electron = await import('./fakeElectron');
const { app, BrowserWindow, ipcMain, protocol, Menu, session, FakeWebContents } = electron;

const ROOT = join(import.meta.dirname, '..', '..');
const home = mkdtempSync(join(tmpdir(), 'specvet-app-'));
const savedHome = process.env.SPECVET_HOME;
const savedCentral = process.env.SPECVET_CENTRAL;
process.env.SPECVET_HOME = home;
delete process.env.SPECVET_CENTRAL;
app.appPath = ROOT;
afterAll(() => {
  if (savedHome === undefined) delete process.env.SPECVET_HOME;
  else process.env.SPECVET_HOME = savedHome;
  if (savedCentral !== undefined) process.env.SPECVET_CENTRAL = savedCentral;
  rmSync(home, { recursive: true, force: true });
});

await import('../../src-main/electron/main');

const frame = { url: 'app://specvet/', parent: null };
const call = async <T>(method: string, arg: unknown = {}): Promise<T> => {
  const r = (await ipcMain.handlers.get(`specvet:${method}`)!({ senderFrame: frame } as never, arg)) as
    | { ok: true; value: T }
    | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('Electron main process', () => {
  it('before ready: names the app, puts userData in SPECVET_HOME, registers app:// as privileged', () => {
    expect(app.name).toBe('SpecVet');
    expect(app.paths.get('userData')).toBe(home);
    expect(protocol.privileged.map((s) => s.scheme)).toContain('app');
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('when ready: wires every API method, the protocol, permissions, the menu and one window', async () => {
    app.becomeReady();
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1), { timeout: 60_000, interval: 50 });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `specvet:${m}`).sort());
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequest).not.toBeNull();
    expect(Menu.application).not.toBeNull();
    const win = BrowserWindow.created[0]!;
    expect((win.options.webPreferences as { preload: string }).preload).toBe(join(ROOT, 'dist', 'main', 'preload.cjs'));
    expect(win.url).toBe('app://specvet/');
  });

  it('answers over IPC from the demo dataset created in SPECVET_HOME on first start', async () => {
    const status = await call<AppStatus>('status');
    expect(status.origin).toEqual({ kind: 'demo' });
    const batches = await call<BatchSummary[]>('listBatches');
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const items = await call<Item[]>('listItems', { batchId: batches[0]!.id });
    expect(items.length).toBeGreaterThan(0);
    const bytes = await call<Uint8Array>('readSpectrum', { obsid: items[0]!.obsid });
    expect(bytes.byteLength).toBeGreaterThan(2880);
  });

  it('takes no path for the export from the page, and in the demo says offline before any save dialog', async () => {
    await expect(call('exportCatalogue', { scope: {}, format: 'csv', file: '/etc/passwd' })).rejects.toThrow(/file/);
    await expect(call('exportCatalogue', { scope: {}, format: 'csv' })).rejects.toThrow(/^offline — the export reads the central server/);
    expect(electron.dialog.saves).toEqual([]);
  });

  it('forwards service events to the window', async () => {
    const win = BrowserWindow.created[0]!;
    const batches = await call<BatchSummary[]>('listBatches');
    const [item] = await call<Item[]>('listItems', { batchId: batches[0]!.id });
    await call('saveVerdict', {
      obsid: item!.obsid,
      batchId: batches[0]!.id,
      class: 'STAR',
      subclass: '',
      z: 0,
      quality: 3,
      flags: [],
      comment: '',
    });
    const sent = win.webContents.sent.filter(([c]) => c === 'specvet:event:statusChanged');
    expect(sent.length).toBeGreaterThan(0);
    expect((sent.at(-1)![1] as AppStatus).outboxPending).toBeGreaterThan(0);
  });

  it('hardens every web contents created later', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('sends a menu command to the window', () => {
    const win = BrowserWindow.created[0]!;
    const review = (Menu.application!.template as Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>).find(
      (m) => m.label === 'Review',
    )!;
    review.submenu!.find((i) => i.label === 'Next Spectrum')!.click!();
    expect(win.webContents.sent.at(-1)).toEqual(['specvet:event:menu', { command: 'next' }]);
  });

  it('closes the cache before quitting', async () => {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    app.emit('before-quit', event);
    expect(event.prevented).toBe(true);
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    const again = { prevented: false, preventDefault() { this.prevented = true; } };
    app.emit('before-quit', again);
    expect(again.prevented).toBe(false);
  });
});
