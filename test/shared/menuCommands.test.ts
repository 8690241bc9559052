/** The Review menu is drawn from one list of commands, each running a keymap action (shared/menuCommands.ts). */
import { describe, expect, it } from 'vitest';
import { acceleratorFor, acceleratorOf, REVIEW_MENU, reviewActionFor } from '../../shared/menuCommands';
import { DEFAULT_KEYMAP } from '../../shared/keymap';

describe('the Review menu', () => {
  it('every item runs an action that has a key, and shows that key', () => {
    for (const c of REVIEW_MENU.flat()) {
      expect(acceleratorFor(c), c.label).toBeDefined();
      expect(reviewActionFor(c.command)).toEqual(c.action);
    }
  });

  it('names the keys as Electron does', () => {
    expect(acceleratorOf('ArrowRight')).toBe('Right');
    expect(acceleratorOf('Shift+ArrowLeft')).toBe('Shift+Left');
    expect(acceleratorOf('Ctrl+z')).toBe('CmdOrCtrl+Z');
    expect(acceleratorOf('+')).toBe('Plus');
    expect(acceleratorOf('Shift+a')).toBe('Shift+A');
    expect(acceleratorOf('Alt+]')).toBe('Alt+]');
    expect(acceleratorOf('Ctrl+,')).toBe('CmdOrCtrl+,');
  });

  it('shows a rebound key where the keymap says so', () => {
    const flags = REVIEW_MENU.flat().find((c) => c.command === 'flag')!;
    expect(acceleratorFor(flags)).toBe('F');
    const { f, ...rest } = DEFAULT_KEYMAP;
    expect(acceleratorFor(flags, { ...rest, h: f! })).toBe('H');
  });

  it('lists the flags, subclass, comment, rest frame and the assistant, which the keys have', () => {
    const kinds = new Set(REVIEW_MENU.flat().map((c) => c.action.kind));
    for (const k of ['pickFlags', 'pickSubclass', 'editComment', 'toggleFrame', 'toggleFit', 'stepCandidate', 'zFromFeature'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(reviewActionFor('settings')).toEqual({ kind: 'settings' });
    expect(reviewActionFor('sync')).toBeNull();
  });
});
