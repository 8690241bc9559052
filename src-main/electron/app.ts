/**
 * The Electron app's lifecycle: one instance, the data folder, the app:// protocol, the
 * window, the API over IPC, the menu. Which service handlers answer the API is the caller's
 * choice (main.ts passes the real ones), so none of this depends on them.
 */
import { app, dialog, ipcMain, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultHome } from '../config/config';
import type { AppServices } from '../app/appServices';
import type { ChooseExportFile } from '../app/exportHandlers';
import type { CredentialStore } from '../app/credentialStore';
import { createEventBus, type ApiEventBus } from '../app/eventBus';
import { safeStorageCredentialStore } from './keychainCredentials';
import { denyAllPermissions, hardenWebContents } from './guards';
import { registerApiHandlers, sendApiEvent } from './ipc';
import { menuFollowingSettings } from './menu';
import { handleAppScheme, registerAppScheme } from './protocol';
import { exportFileChooser } from './saveDialog';
import { createMainWindow } from './window';

export const APP_NAME = 'SpecVet';

export interface ServicesOptions {
  /** SPECVET_HOME: the data folder (also Electron's userData). */
  home: string;
  credentials: CredentialStore;
  events: ApiEventBus;
  /** better-sqlite3 built for Electron's ABI, when not the one in node_modules (development). */
  nativeBinding?: string;
  /** The export's save dialog (saveDialog.ts). */
  chooseExportFile: ChooseExportFile;
}

export type OpenServices = (options: ServicesOptions) => Promise<AppServices>;

/** Environment variable through which scripts/start.mjs hands over the Electron-ABI build. */
export const NATIVE_BINDING_ENV = 'SPECVET_SQLITE_BINDING';

export function startElectronApp(openServices: OpenServices): void {
  // Electron's userData is the same folder the CLI and the web edition use (config.ts).
  app.setName(APP_NAME);
  const home = process.env.SPECVET_HOME || defaultHome();
  app.setPath('userData', home);

  registerAppScheme(); // privileged schemes must be registered before 'ready'
  if (!app.requestSingleInstanceLock()) {
    // Two instances would write one SQLite cache from two processes; the first gets focus.
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(() => onReady(home, openServices)).catch(fatal);
}

async function onReady(home: string, openServices: OpenServices): Promise<void> {
  mkdirSync(home, { recursive: true });
  const appRoot = app.getAppPath();
  const isDev = !app.isPackaged;
  denyAllPermissions(session.defaultSession);
  handleAppScheme(join(appRoot, 'dist', 'renderer'));

  const events = createEventBus();
  const binding = process.env[NATIVE_BINDING_ENV];
  let win: BrowserWindow | null = null;
  const services = await openServices({
    home,
    credentials: safeStorageCredentialStore(home),
    events,
    ...(binding ? { nativeBinding: binding } : {}),
    chooseExportFile: exportFileChooser(() => win),
  });
  const handlers = menuFollowingSettings(
    {
      isMac: process.platform === 'darwin',
      isDev,
      appName: APP_NAME,
      send: (command) => sendApiEvent(win?.webContents ?? null, 'menu', { command }),
    },
    services.handlers,
    events,
  );
  registerApiHandlers(ipcMain, handlers);

  const open = () => {
    win = createMainWindow({ home, preload: join(appRoot, 'dist', 'main', 'preload.cjs'), devTools: isDev });
    win.on('closed', () => (win = null));
  };
  open();
  events.onAny((event, payload) => sendApiEvent(win?.webContents ?? null, event, payload));

  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (!win) open(); // macOS: clicking the dock icon with no window open
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Close the cache cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    closing = true;
    services
      .close()
      .catch((err: unknown) => console.error(`specvet: closing the cache failed: ${(err as Error).message}`))
      .finally(() => app.quit());
  });
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`specvet: cannot start: ${message}`);
  dialog.showErrorBox('SpecVet could not start', message);
  app.exit(1);
}
