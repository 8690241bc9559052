import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakeElectron'));

const { BrowserWindow, screen, FakeWebContents, FakeSession } = await import('./fakeElectron');
const { createMainWindow } = await import('../../src-main/electron/window');
const { hardenWebContents, denyAllPermissions } = await import('../../src-main/electron/guards');
const { placeWindow, windowStateFile } = await import('../../src-main/electron/windowState');
import type { WebContents, Session } from 'electron';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-window-'));
  BrowserWindow.created.length = 0;
  screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }];
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

// The fake module's window, which records what it was given.
const open = () =>
  createMainWindow({ home, preload: '/app/dist/main/preload.cjs', devTools: false }) as unknown as InstanceType<typeof BrowserWindow>;

describe('main window', () => {
  it('is created with the security checklist webPreferences and loads app://specvet/', () => {
    const win = open();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(win.url).toBe('app://specvet/');
  });

  it('remembers its size and position in SPECVET_HOME and opens there next time', () => {
    const first = open();
    first.setBounds({ x: 200, y: 120, width: 1000, height: 700 });
    first.emit('close');
    expect(JSON.parse(readFileSync(windowStateFile(home), 'utf8'))).toEqual({
      bounds: { x: 200, y: 120, width: 1000, height: 700 },
      maximized: false,
    });
    const second = open();
    expect(second.bounds).toEqual({ x: 200, y: 120, width: 1000, height: 700 });
  });

  it('comes back maximized when closed maximized', () => {
    const first = open();
    first.maximize();
    first.emit('close');
    expect(open().isMaximized()).toBe(true);
  });

  it('moves back onto a display when the one it was on is gone', () => {
    screen.displays = [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } },
    ];
    const first = open();
    first.setBounds({ x: 2400, y: 100, width: 1600, height: 1000 });
    first.emit('close');
    screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1280, height: 760 } }];
    const b = open().bounds;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    expect(b.y + b.height).toBeLessThanOrEqual(760);
  });

  it('opens centred with the default size when the saved state is unreadable', () => {
    const first = open();
    first.emit('close');
    writeFileSync(windowStateFile(home), '{"bounds": "nonsense"');
    expect(open().bounds).toEqual({ x: 260, y: 75, width: 1400, height: 900 });
  });
});

describe('placeWindow', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps a window that is mostly visible, pulled fully inside', () => {
    expect(placeWindow({ x: -50, y: 10, width: 800, height: 600 }, [display])).toEqual({ x: 0, y: 10, width: 800, height: 600 });
  });
  it('shrinks a window larger than the display', () => {
    expect(placeWindow({ x: 0, y: 0, width: 4000, height: 3000 }, [display])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });
  it('re-centres a window with only a sliver on screen', () => {
    expect(placeWindow({ x: 1900, y: 1060, width: 800, height: 600 }, [display])).toEqual({ x: 560, y: 240, width: 800, height: 600 });
  });
});

describe('web contents guards', () => {
  const harden = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  };
  const navigate = (contents: InstanceType<typeof FakeWebContents>, event: string, url: string) => {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit(event, e, url);
    return e.defaultPrevented;
  };

  it('blocks navigation to any other origin, and allows the app itself', () => {
    const c = harden();
    expect(navigate(c, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(c, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(c, 'will-navigate', 'app://other/')).toBe(true);
    expect(navigate(c, 'will-navigate', 'app://user@specvet/')).toBe(true);
    expect(navigate(c, 'will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(navigate(c, 'will-navigate', 'app://specvet/review')).toBe(false);
  });

  it('denies every new window and every <webview>', () => {
    const c = harden();
    expect(c.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(c.windowOpenHandler?.({ url: 'app://specvet/' })).toEqual({ action: 'deny' });
    const e = { prevented: false, preventDefault() { this.prevented = true; } };
    c.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('answers every permission request and check with no', () => {
    const s = new FakeSession();
    denyAllPermissions(s as unknown as Session);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      s.permissionRequest?.({}, p, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(s.permissionCheck?.({}, 'media')).toBe(false);
    expect(s.deviceCheck?.({})).toBe(false);
  });
});
