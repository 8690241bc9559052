/** The review keys as a keyboard produces them: chords from real key events, and rebinding. */
import { describe, expect, it } from 'vitest';
import { chordOf, DEFAULT_KEYMAP, rebind, type KeyChordSource } from '../../shared/keymap';

const key = (k: string, code: string, mods: Partial<KeyChordSource> = {}): KeyChordSource => ({
  key: k,
  code,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('review keymap', () => {
  it('maps the events a US keyboard sends to the DESIGN.md actions', () => {
    const action = (e: KeyChordSource) => DEFAULT_KEYMAP[chordOf(e)];
    expect(action(key('ArrowRight', 'ArrowRight'))).toEqual({ kind: 'next' });
    expect(action(key('b', 'KeyB'))).toEqual({ kind: 'prev' });
    expect(action(key('g', 'KeyG'))).toEqual({ kind: 'setClass', value: 'GALAXY' });
    expect(action(key('3', 'Digit3'))).toEqual({ kind: 'setQuality', value: 3 });
    expect(action(key(']', 'BracketRight'))).toEqual({ kind: 'nudgeZ', step: 0.0001 });
    // Shift+] arrives as "}", Alt+[ on a Mac as "“": the physical key decides.
    expect(action(key('}', 'BracketRight', { shiftKey: true }))).toEqual({ kind: 'nudgeZ', step: 0.001 });
    expect(action(key('“', 'BracketLeft', { altKey: true }))).toEqual({ kind: 'nudgeZ', step: -0.01 });
    expect(action(key('?', 'Slash', { shiftKey: true }))).toEqual({ kind: 'help' });
    expect(action(key('z', 'KeyZ', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(action(key('z', 'KeyZ', { metaKey: true }))).toEqual({ kind: 'undo' });
    // Shift+S is not "s": the capital is kept free for line keys.
    expect(action(key('S', 'KeyS', { shiftKey: true }))).toBeUndefined();
  });

  it('rebinds and frees keys without touching the defaults', () => {
    const mine = rebind(DEFAULT_KEYMAP, { j: { kind: 'next' }, n: null });
    expect(mine.j).toEqual({ kind: 'next' });
    expect(mine.n).toBeUndefined();
    expect(DEFAULT_KEYMAP.n).toEqual({ kind: 'next' });
  });
});
