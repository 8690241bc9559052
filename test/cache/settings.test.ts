import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLocalCache } from '../../src-main/cache';
import { DEFAULT_KEYMAP } from '../../shared/keymap';
import { bindingsProblem, rebindIn, type Bindings, type ScreenKeys } from '../../shared/keyScopes';
import { keymapWith } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settingsSchema';

const NONE: Bindings = { keys: {}, screenKeys: {} };
/** A review key rebound, as the settings panel does it; `keys`: the review rebindings so far. */
const rebind = (keys: Bindings['keys'], own: string, chord: string) => {
  const step = rebindIn({ keys, screenKeys: {} }, 'review', own, chord);
  return 'refused' in step ? step : { keys: step.bindings.keys };
};
const keysProblem = (keys: Bindings['keys']) => bindingsProblem({ keys, screenKeys: {} });

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

  it('refuses Tab and Shift+Tab on every screen: they move the focus and turn the key help’s pages', () => {
    expect(rebind({}, 'n', 'Tab')).toEqual({ refused: 'Tab moves the focus and turns the key help\'s pages; "next spectrum" keeps n — pick another key' });
    expect(rebind({ n: 'h' }, 'n', 'Shift+Tab')).toEqual({ refused: expect.stringMatching(/^Shift\+Tab moves the focus .*"next spectrum" keeps h/) });
    expect(rebindIn(NONE, 'browse', 'PageDown', 'Tab')).toEqual({ refused: expect.stringMatching(/^Tab moves the focus/) });
    expect(rebindIn(NONE, 'desk.batches', 'x', 'Shift+Tab')).toEqual({ refused: expect.stringMatching(/^Shift\+Tab moves the focus/) });
    expect(keysProblem({ n: 'Tab' })).toMatch(/^Tab moves the focus/);
  });

  it('the schema refuses two actions on one key and an unknown key, and takes a good set', () => {
    expect(keysProblem({ n: 'h', b: 'h' })).toMatch(/h is already "next spectrum"/);
    expect(SettingsSchema.safeParse({ keys: { n: 'g' }, acceptQuality: 3 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: { nope: 'h' }, acceptQuality: 3 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: {}, acceptQuality: 0 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keys: { n: 'h', 'Shift+a': 'Alt+h' }, acceptQuality: 4 }).success).toBe(true);
  });
});

describe('every screen’s keys rebindable, refused only where both are live', () => {
  const step = (b: Bindings, scope: Parameters<typeof rebindIn>[1], own: string, chord: string) => rebindIn(b, scope, own, chord);

  it('a browse key moves; it may not take a review key (live in the grid) but may take a desk key', () => {
    expect(step(NONE, 'browse', 'PageDown', 'f')).toEqual({ refused: expect.stringMatching(/^f is already "flags: .*"; "next page .*" keeps PageDown/) });
    // Enter is the review keys' "accept" but also the grid's own default: h is free in both.
    expect(step(NONE, 'browse', 'PageDown', 'h')).toEqual({ bindings: { keys: {}, screenKeys: { browse: { PageDown: 'h' } } } });
    // w is no review key; the desk's "x" (cancel a batch) is never live in the grid.
    expect(step(NONE, 'browse', 'PageUp', 'w')).toMatchObject({ bindings: { screenKeys: { browse: { PageUp: 'w' } } } });
    expect(step({ keys: {}, screenKeys: { 'desk.batches': { x: 'w' } } }, 'browse', 'PageUp', 'w')).toMatchObject({ bindings: {} });
  });

  it('a review key may not take a browse or spectrograph key as rebound, naming the view', () => {
    const b: Bindings = { keys: {}, screenKeys: { browse: { PageDown: 'h', ' ': 'w' } } };
    expect(step(b, 'review', 'n', 'h')).toEqual({ refused: expect.stringMatching(/^h is already "browse grid: next page/) });
    expect(step(b, 'review', 'n', 'PageDown')).toEqual({ refused: expect.stringMatching(/^PageDown is already "spectrograph view: cursor 25 fibres down"/) });
    // Space, freed in the grid, is no key of the spectrograph view either.
    expect(step(b, 'review', 'n', ' ')).toMatchObject({ bindings: { keys: { n: ' ' } } });
  });

  it('two keys of one desk screen may not share a chord; two screens may', () => {
    expect(step(NONE, 'desk.batches', 'x', 'd')).toEqual({ refused: expect.stringMatching(/^d is already "due date"; "cancel the batch \(press twice\)" keeps x/) });
    expect(step(NONE, 'desk.batches', 'x', 'Delete')).toEqual({ bindings: { keys: {}, screenKeys: { 'desk.batches': { x: 'Delete' } } } });
    expect(step(NONE, 'desk.progress', 'v', 'q')).toMatchObject({ bindings: { screenKeys: { 'desk.progress': { v: 'q' } } } });
    // Inside a screen the batch list's ? still opens the help: not a desk key.
    expect(step(NONE, 'desk.progress', 'v', '?')).toEqual({ refused: expect.stringMatching(/^\? is already "batch list: this screen's keys \(Tab there: the other screens'\)"/) });
    expect(step(NONE, 'desk.batches', 'Escape', 'q')).toEqual({ refused: expect.stringMatching(/cannot be rebound/) });
  });

  it('the batch list and the desk screens it opens share the list: a clash there is refused', () => {
    expect(step(NONE, 'desk.home', 'c', 's')).toEqual({ refused: expect.stringMatching(/^s is already "batch list: sync with the server"; "Team batches" keeps c/) });
    expect(step(NONE, 'batchList', 's', 'p')).toEqual({ refused: expect.stringMatching(/^p is already "batch list, desk screens: Progress"/) });
    expect(step(NONE, 'batchList', 's', 'y')).toMatchObject({ bindings: { screenKeys: { batchList: { s: 'y' } } } });
  });

  it('a recheck case shares the single mode’s class, z, quality, subclass and comment keys', () => {
    expect(step(NONE, 'desk.recheckCase', 'a', 'g')).toEqual({ refused: expect.stringMatching(/^g is already "class GALAXY"; "take that answer" keeps a/) });
    expect(step(NONE, 'review', 's', 'Shift+e')).toEqual({ refused: expect.stringMatching(/^Shift\+E is already "desk, a recheck case open: previous answer"; "class STAR" keeps s/) });
    // The error band is no key of the case: Shift+E is free for it.
    expect(step(NONE, 'review', 'e', 'Shift+e')).toMatchObject({ bindings: { keys: { e: 'Shift+e' } } });
  });

  it('the schema checks the screens’ keys too, and a row from before them still reads', () => {
    const ok: ScreenKeys = { browse: { PageDown: 'h' }, 'desk.batches': { x: 'Delete' } };
    expect(SettingsSchema.safeParse({ keys: {}, screenKeys: ok, acceptQuality: 3 }).success).toBe(true);
    const clash = SettingsSchema.safeParse({ keys: { n: 'h' }, screenKeys: { browse: { PageDown: 'h' } }, acceptQuality: 3 });
    expect(clash.success).toBe(false);
    expect(clash.error?.issues[0]?.message).toMatch(/browse grid: next page|next spectrum/);
    expect(SettingsSchema.safeParse({ keys: {}, screenKeys: { nowhere: { a: 'b' } }, acceptQuality: 3 }).success).toBe(false);
    expect(SettingsSchema.parse({ keys: { n: 'h' }, acceptQuality: 2 })).toEqual({ keys: { n: 'h' }, screenKeys: {}, acceptQuality: 2 });
  });
});

describe('settings in the local cache', () => {
  it('are kept per cache file, and a damaged row gives the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specvet-settings-'));
    const file = join(dir, 'alice.sqlite');
    try {
      const cache = openLocalCache(file, 'alice');
      expect(cache.settings()).toEqual({ keys: {}, screenKeys: {}, acceptQuality: 3 });
      cache.putSettings({ keys: { n: 'h' }, screenKeys: { spectrograph: { o: 'v' } }, acceptQuality: 2 });
      cache.close();
      const again = openLocalCache(file, 'alice');
      expect(again.settings()).toEqual({ keys: { n: 'h' }, screenKeys: { spectrograph: { o: 'v' } }, acceptQuality: 2 });
      again.close();
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'settings'").run('{"keys":{"n":"g"},"acceptQuality":2}');
      db.close();
      const damaged = openLocalCache(file, 'alice');
      expect(damaged.settings()).toEqual({ keys: {}, screenKeys: {}, acceptQuality: 3 });
      damaged.close();
      // Written before Tab was refused: that key (which never acted) is dropped, the rest kept.
      const db2 = new Database(file);
      db2.prepare("UPDATE meta SET value = ? WHERE key = 'settings'").run('{"keys":{"n":"h","p":"Tab"},"screenKeys":{"spectrograph":{"o":"Shift+Tab"}},"acceptQuality":4}');
      db2.close();
      const older = openLocalCache(file, 'alice');
      expect(older.settings()).toEqual({ keys: { n: 'h' }, screenKeys: { spectrograph: {} }, acceptQuality: 4 });
      older.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
