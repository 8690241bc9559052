/** What `npm start`'s decision (launch.ts) asks of the machine, implemented in launchSteps.ts. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface LaunchSteps {
  /** Whether a window can be shown at all (Linux needs DISPLAY or WAYLAND_DISPLAY). */
  display(): Outcome<void>;
  /** Path of the Electron executable if it is installed, else null. */
  findElectron(): string | null;
  /** Runs node_modules/electron/install.js; the reason is one line on failure. */
  installElectron(): Promise<Outcome<void>>;
  /** better-sqlite3 built for Electron's ABI (cached under .cache/electron-native/). */
  electronNativeBinding(): Promise<Outcome<string>>;
}
