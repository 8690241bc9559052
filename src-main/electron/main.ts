/**
 * Electron's entry point (bundled to dist/main/electron-main.cjs, package.json "main"): the
 * lifecycle in app.ts with the same services `specvet serve` uses, on the same SPECVET_HOME.
 */
import { resolveConfig } from '../config/config';
import { openApp } from '../app/openApp';
import { startElectronApp } from './app';

startElectronApp(({ home, credentials, events, nativeBinding, chooseExportFile }) =>
  openApp({
    config: resolveConfig({ ...process.env, SPECVET_HOME: home }),
    credentials,
    events,
    chooseExportFile,
    ...(nativeBinding ? { cache: { nativeBinding } } : {}),
  }),
);
