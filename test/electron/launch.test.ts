import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePlan, fallbackLine, type LaunchSteps, type Outcome } from '../../scripts/launch';
import { displayAvailable, electronBinary, tellingLine } from '../../scripts/launchSteps';

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (reason: string): Outcome<never> => ({ ok: false, reason });

/** Steps that play a machine: which binary exists, and what the installer does. */
function machine(o: { binary: boolean; install?: Outcome<void>; native?: Outcome<string>; display?: Outcome<void> }) {
  let present = o.binary;
  const log = { installs: 0, nativeBuilds: 0 };
  const steps: LaunchSteps = {
    display: () => o.display ?? ok(undefined),
    findElectron: () => (present ? '/nm/electron/dist/electron' : null),
    installElectron: async () => {
      log.installs++;
      const r = o.install ?? fail('not expected');
      if (r.ok) present = true;
      return r;
    },
    electronNativeBinding: async () => {
      log.nativeBuilds++;
      return o.native ?? ok('/repo/.cache/electron-native/45.4.1/better-sqlite3/build/Release/better_sqlite3.node');
    },
  };
  return { steps, log };
}

describe('npm start: Electron or the web edition', () => {
  it('starts Electron when its binary is present, without downloading', async () => {
    const { steps, log } = machine({ binary: true });
    expect(await choosePlan(steps)).toEqual({
      kind: 'electron',
      binary: '/nm/electron/dist/electron',
      nativeBinding: '/repo/.cache/electron-native/45.4.1/better-sqlite3/build/Release/better_sqlite3.node',
    });
    expect(log.installs).toBe(0);
  });

  it("runs Electron's installer once when the binary is absent, then starts Electron", async () => {
    const { steps, log } = machine({ binary: false, install: ok(undefined) });
    expect((await choosePlan(steps)).kind).toBe('electron');
    expect(log.installs).toBe(1);
  });

  it('falls back to the web edition with one line when the download fails', async () => {
    const { steps, log } = machine({ binary: false, install: fail('TypeError: fetch failed') });
    const plan = await choosePlan(steps);
    expect(plan).toEqual({ kind: 'web', reason: "Electron's binary could not be downloaded (TypeError: fetch failed)" });
    expect(log).toEqual({ installs: 1, nativeBuilds: 0 });
    const line = fallbackLine(plan as Extract<typeof plan, { kind: 'web' }>);
    expect(line).toBe("Electron's binary could not be downloaded (TypeError: fetch failed); serving the web edition instead");
    expect(line).not.toContain('\n');
  });

  it('falls back when SQLite cannot be built for Electron (no headers offline)', async () => {
    const { steps } = machine({ binary: true, native: fail("Electron's headers could not be downloaded from electronjs.org") });
    expect(await choosePlan(steps)).toEqual({
      kind: 'web',
      reason: "SQLite could not be built for Electron (Electron's headers could not be downloaded from electronjs.org)",
    });
  });

  it('serves the web edition on a Linux machine without a display, downloading nothing', async () => {
    const { steps, log } = machine({ binary: false, display: fail('neither DISPLAY nor WAYLAND_DISPLAY is set') });
    expect((await choosePlan(steps)).kind).toBe('web');
    expect(log.installs).toBe(0);
  });
});

describe('launch steps', () => {
  it('finds the Electron binary only when path.txt names a file that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-electron-'));
    try {
      expect(electronBinary(dir)).toBeNull();
      writeFileSync(join(dir, 'path.txt'), 'electron');
      expect(electronBinary(dir)).toBeNull();
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'electron'), '');
      expect(electronBinary(dir)).toBe(join(dir, 'dist', 'electron'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows when Linux has no display', () => {
    expect(displayAvailable({}, 'linux').ok).toBe(false);
    expect(displayAvailable({ DISPLAY: ':0' }, 'linux').ok).toBe(true);
    expect(displayAvailable({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux').ok).toBe(true);
    expect(displayAvailable({}, 'darwin').ok).toBe(true);
  });

  it("turns node-gyp's offline failure into one plain line", () => {
    const gyp = [
      'gyp info it worked if it ends with ok',
      'gyp ERR! configure error ',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
    ].join('\n');
    expect(tellingLine(gyp)).toBe("Electron's headers could not be downloaded from electronjs.org");
    expect(tellingLine('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13')).toBe('TypeError: fetch failed');
  });
});
