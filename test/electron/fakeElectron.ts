/**
 * A stand-in for the 'electron' module (no Electron binary exists where the tests run). It
 * records what the code under test asks of Electron — window options, IPC handlers,
 * protocol handlers, the menu — and plays the other side where a test needs it: ipcRenderer
 * calls reach the registered ipcMain handlers, safeStorage encrypts reversibly.
 * Used through `vi.mock('electron', () => import('./fakeElectron'))`.
 */
import { EventEmitter } from 'node:events';
import type { Rect } from '../../src-main/electron/windowState';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  bounds: Rect;
  maximized = false;
  url: string | null = null;
  constructor(readonly options: Record<string, unknown> & Rect) {
    super();
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  setBounds(b: Rect): void {
    this.bounds = { ...b };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {}
}

export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
  getPrimaryDisplay() {
    return this.displays[0]!;
  },
  getAllDisplays() {
    return this.displays;
  },
};

type InvokeHandler = (event: { senderFrame: FakeFrame | null }, arg: unknown) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

/** The frame ipcRenderer calls appear to come from; tests change it to play a foreign page. */
export const renderer: { frame: FakeFrame | null } = { frame: { url: 'app://specvet/', parent: null } };

class FakeIpcRenderer extends EventEmitter {
  async invoke(channel: string, arg: unknown): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Structured clone, as across the real process boundary.
    return structuredClone(await handler({ senderFrame: renderer.frame }, structuredClone(arg)));
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const Menu = {
  application: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null) {
    this.application = menu;
  },
};

/** Reversible stand-in for the OS keychain: XOR with a key and a prefix, like 'v10' on Linux. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5);
    return Buffer.concat([Buffer.from('v10'), bytes]);
  },
  decryptString(cipher: Buffer): string {
    if (cipher.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(cipher.subarray(3).map((b) => b ^ 0xa5)).toString('utf8');
  },
};

export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  deviceCheck: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['deviceCheck']) {
    this.deviceCheck = h;
  }
}
export const session = { defaultSession: new FakeSession() };

export const dialog = {
  errors: [] as Array<[string, string]>,
  showErrorBox(title: string, content: string) {
    this.errors.push([title, content]);
  },
  /** The save dialogs opened (their options), and what the next one answers. */
  saves: [] as Array<Record<string, unknown>>,
  saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  async showSaveDialog(...args: unknown[]) {
    this.saves.push(args.at(-1) as Record<string, unknown>);
    return this.saveAnswer;
  },
};

export const app = new (class FakeApp extends EventEmitter {
  name = 'electron';
  paths = new Map<string, string>();
  isPackaged = false;
  gotLock = true;
  appPath = '/app';
  quitCalls = 0;
  exitCode: number | null = null;
  private ready!: () => void;
  readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  setName(name: string) {
    this.name = name;
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  getPath(name: string) {
    return this.paths.get(name) ?? `/default/${name}`;
  }
  getAppPath() {
    return this.appPath;
  }
  requestSingleInstanceLock() {
    return this.gotLock;
  }
  whenReady() {
    return this.readyPromise;
  }
  /** Test control: fire 'ready'. */
  becomeReady() {
    this.ready();
  }
  quit() {
    this.quitCalls++;
  }
  exit(code: number) {
    this.exitCode = code;
  }
})();

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, safeStorage, screen, session };
