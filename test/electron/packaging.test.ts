/**
 * electron-builder cannot run here (no Electron download), so this checks the packaging
 * configuration says what docs/electron.md promises.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_RESOURCE } from '../../src-main/fit/templates';

const ROOT = join(import.meta.dirname, '..', '..');
// The YAML reader and glob matcher electron-builder itself uses (no type packages for them).
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const { minimatch } = fromBuilder('minimatch') as { minimatch: (path: string, glob: string, o: { dot: boolean }) => boolean };
const globMatch = (glob: string, path: string) => minimatch(path, glob, { dot: true });
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const targets = (platform: string): string[] =>
  (config[platform].target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target));

/** Whether electron-builder's `files` globs would keep a path (last matching pattern wins). */
function kept(path: string): boolean {
  let keep = false;
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!');
    if (globMatch(negated ? pattern.slice(1) : pattern, path)) keep = !negated;
  }
  return keep;
}
describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = fromBuilder('./out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // and the validator does catch a misspelt key
    await expect(validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('names the app and builds AppImage + deb, NSIS and dmg', () => {
    expect(config.productName).toBe('SpecVet');
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
  });

  it('packs into asar with better-sqlite3 native files unpacked, rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    const unpack = config.asarUnpack as string[];
    expect(unpack.some((g) => globMatch(g, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('ships the build and production modules, not tests, sources, docs or source maps', () => {
    expect(kept('package.json')).toBe(true);
    expect(kept('dist/main/electron-main.cjs')).toBe(true);
    expect(kept('dist/main/preload.cjs')).toBe(true);
    expect(kept('dist/renderer/index.html')).toBe(true);
    for (const p of [
      'test/electron/menu.test.ts',
      'test/e2e/app.e2e.ts',
      'bench/run.ts',
      'docs/electron.md',
      'src-main/electron/main.ts',
      'src-renderer/main.tsx',
      'shared/api.ts',
      'dist/main/electron-main.cjs.map',
      'dist/renderer/assets/index.js.map',
      '.cache/electron-native/45.4.1/better-sqlite3/build/Release/better_sqlite3.node',
    ]) {
      expect(kept(p), p).toBe(false);
    }
  });

  it('turns off the Electron fuses that would let the package run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('copies every shipped template file and its README to <resources>/templates, outside app.asar', () => {
    const extra = config.extraResources as Array<{ from: string; to: string; filter: string[] }>;
    const templates = extra.find((e) => e.from === 'resources/templates')!;
    expect(templates.to).toBe(TEMPLATES_RESOURCE);
    const shipped = readdirSync(join(ROOT, templates.from)).filter((f) => templates.filter.some((g) => globMatch(g, f)));
    expect(shipped.sort()).toEqual(readdirSync(join(ROOT, 'resources', 'templates')).sort());
    expect(shipped.filter((f) => f.endsWith('.fits'))).toHaveLength(4);
  });

  it('points at an existing icon under 100 kB and at the built main file', () => {
    const icon = join(ROOT, config.linux.icon as string);
    expect(existsSync(icon)).toBe(true);
    expect(statSync(icon).size).toBeLessThan(100_000);
    expect(readFileSync(icon).subarray(1, 4).toString()).toBe('PNG');
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    expect(pkg.scripts.dist).toContain('electron-builder.yml');
  });
});
