import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLocalCache } from '../../src-main/cache';
import { DEFAULT_KEYMAP } from '../../shared/keymap';
import { keymapWith, keysProblem, rebind } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settingsSchema';

describe('key rebinding', () => {
  it('moves an action to the new key and frees the old one', () => {
    const step = rebind({}, 'n', 'h');
    expect(step).toEqual({ keys: { n: 'h' } });
    const map = keymapWith({ n: 'h' });
    expect(map.h).toEqual({ kind: 'next' });
    expect(map.n).toBeUndefined();
    expect(map.ArrowRight).toEqual({ kind: 'next' });
    expect(Object.keys(map)).toHaveLength(Object.keys(DEFAULT_KEYMAP).length);
  });

  it('refuses a key another action has, naming both, also a rebound one and a mode view key', () => {
    expect(rebind({}, 'n', 'g')).toEqual({ refused: expect.stringMatching(/^g is already "class GALAXY"; "next spectrum" keeps n/) });
    expect(rebind({ g: 'h' }, 'n', 'h')).toEqual({ refused: expect.stringMatching(/h is already "class GALAXY"/) });
    expect(rebind({ g: 'h' }, 'n', 'g')).toEqual({ keys: { g: 'h', n: 'g' } });
    expect(rebind({}, 'n', 'o')).toEqual({ refused: expect.stringMatching(/spectrograph view: all 250 fibres/) });
    expect(rebind({}, 'Escape', 'x')).toEqual({ refused: expect.stringMatching(/cannot be rebound/) });
    expect(rebind({}, 'n', 'Ctrl+,')).toEqual({ refused: expect.stringMatching(/settings/) });
  });

  it('the schema refuses two actions on one key and an unknown key, and takes a good set', () => {
    expect(keysProblem({ n: 'h', b: 'h' })).toMatch(/h is already "next spectrum"/);
    expect(SettingsSchema.safeParse({ keys: { n: 'g' }, acceptQuality: 3 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: { nope: 'h' }, acceptQuality: 3 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: {}, acceptQuality: 0 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: { n: 'h', 'Shift+a': 'Alt+h' }, acceptQuality: 4 }).success).toBe(true);
  });
});

describe('settings in the local cache', () => {
  it('are kept per cache file, and a damaged row gives the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-settings-'));
    const file = join(dir, 'alice.sqlite');
    try {
      const cache = openLocalCache(file, 'alice');
      expect(cache.settings()).toEqual({ keys: {}, acceptQuality: 3 });
      cache.putSettings({ keys: { n: 'h' }, acceptQuality: 2 });
      cache.close();
      const again = openLocalCache(file, 'alice');
      expect(again.settings()).toEqual({ keys: { n: 'h' }, acceptQuality: 2 });
      again.close();
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'settings'").run('{"keys":{"n":"g"},"acceptQuality":2}');
      db.close();
      const damaged = openLocalCache(file, 'alice');
      expect(damaged.settings()).toEqual({ keys: {}, acceptQuality: 3 });
      damaged.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
