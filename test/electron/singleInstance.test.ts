import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakeElectron'));
const { app, ipcMain, protocol } = await import('./fakeElectron');

const home = mkdtempSync(join(tmpdir(), 'specvet-lock-'));
const saved = process.env.SPECVET_HOME;
afterAll(() => {
  if (saved === undefined) delete process.env.SPECVET_HOME;
  else process.env.SPECVET_HOME = saved;
  rmSync(home, { recursive: true, force: true });
});

it('a second instance quits at once, before opening anything (the first keeps the cache)', async () => {
  process.env.SPECVET_HOME = home;
  app.gotLock = false;
  await import('../../src-main/electron/main');
  expect(app.quitCalls).toBe(1);
  app.becomeReady();
  await new Promise((r) => setTimeout(r, 50));
  expect(ipcMain.handlers.size).toBe(0);
  expect(protocol.handlers.size).toBe(0);
});
