/**
 * The main window: locked-down webPreferences, the renderer loaded from app://specvet/, and
 * its size and position remembered in SPECVET_HOME.
 */
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './appScheme';
import { loadWindowState, MIN_SIZE, placeWindow, saveWindowState } from './windowState';
import type { Rect } from './windowState';

export interface MainWindowOptions {
  /** SPECVET_HOME, where window-state.json lives. */
  home: string;
  /** Absolute path of the bundled (CommonJS) preload script. */
  preload: string;
  /** Developer tools available (development builds only). */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.home);
  const bounds = placeWindow(saved?.bounds ?? null, visibleWorkAreas());
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'SpecVet',
    show: false,
    backgroundColor: '#1e1e1e',
    // The Electron security checklist (docs/electron.md). Written out here rather than built
    // by a helper so that electronegativity, which reads this call, sees every setting.
    webPreferences: {
      // The preload is ours, bundled, and exposes only window.specvet (bridge.ts): accepted.
      preload: options.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => rememberState(win, options.home));
  void win.loadURL(`${APP_ORIGIN}/`);
  return win;
}

/** Work areas of every display, the primary one first. */
function visibleWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

function rememberState(win: BrowserWindow, home: string): void {
  try {
    saveWindowState(home, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  } catch (err) {
    // Losing the window position is not worth interrupting a quit for.
    console.warn(`could not save the window position: ${(err as Error).message}`);
  }
}
