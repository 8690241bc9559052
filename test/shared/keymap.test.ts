/** The review keys as a keyboard produces them: chords from real key events, and the key help. */
import { describe, expect, it } from 'vitest';
import { chordLabel, chordOf, DEFAULT_KEYMAP, helpRows, type KeyChordSource } from '../../shared/keymap';

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
  it('maps the events a US keyboard sends to the actions of docs/architecture.md, Review keys', () => {
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
    // The chart's keys: smoothing, error band, zoom; Shift+arrows pan while ← → alone still page.
    expect(action(key('.', 'Period'))).toEqual({ kind: 'smooth', step: 1 });
    expect(action(key(',', 'Comma'))).toEqual({ kind: 'smooth', step: -1 });
    expect(action(key('e', 'KeyE'))).toEqual({ kind: 'toggleErrors' });
    expect(action(key('a', 'KeyA'))).toEqual({ kind: 'toggleFit' });
    expect(action(key('j', 'KeyJ'))).toEqual({ kind: 'stepCandidate', step: 1 });
    expect(action(key('+', 'Equal', { shiftKey: true }))).toEqual({ kind: 'zoom', op: 'in' });
    expect(action(key('=', 'Equal'))).toEqual({ kind: 'zoom', op: 'in' });
    expect(action(key('-', 'Minus'))).toEqual({ kind: 'zoom', op: 'out' });
    expect(action(key('ArrowLeft', 'ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'zoom', op: 'left' });
    expect(action(key('ArrowRight', 'ArrowRight', { shiftKey: true }))).toEqual({ kind: 'zoom', op: 'right' });
    expect(action(key('ArrowLeft', 'ArrowLeft'))).toEqual({ kind: 'prev' });
    expect(action(key('z', 'KeyZ'))).toEqual({ kind: 'typeZ' });
    // Shift+S is not "s": the capital is kept free for line keys.
    expect(action(key('S', 'KeyS', { shiftKey: true }))).toBeUndefined();
  });

  it('lists the keys for the help in the order they are learnt, not the keymap object order', () => {
    const rows = helpRows(DEFAULT_KEYMAP).map((r) => `${r.keys.join(' ')} ${r.text}`);
    expect(rows.slice(0, 3)).toEqual(['→ n next spectrum', '← b previous spectrum', "Enter accept the pipeline's answer as is (your default quality), next"]);
    expect(rows.slice(3, 7)).toEqual(['s class STAR', 'g class GALAXY', 'q class QSO', 'u class UNKNOWN']);
    expect(rows[7]).toMatch(/^0 quality not set/);
    expect(rows[11]).toMatch(/^4 quality 4/);
    expect(rows.slice(12, 14)).toEqual(['[ z −0.0001', '] z +0.0001']);
    expect(rows.slice(16, 18)).toEqual(['Alt+[ z −0.01', 'Alt+] z +0.01']);
    expect(rows.slice(-29).map((r) => r.split(' ')[0])).toEqual(['z', 'Shift+A', 'Shift+B', 'Shift+O', 'Shift+M', 'Shift+C', 'Shift+Y', 'Shift+K', 't', 'f', 'c', 'l', '.', ',', 'e', 'x', 'a', 'j', 'k', '+', '-', 'Shift+←', 'Shift+→', 'r', 'Ctrl+Z', '/', '?', 'Ctrl+,', 'Esc']);
    expect(rows).toContain('+ = zoom in around the centre');
  });

  it('prints chords the way the keys are labelled', () => {
    expect(chordLabel('ArrowLeft')).toBe('←');
    expect(chordLabel('Ctrl+z')).toBe('Ctrl+Z');
    expect(chordLabel('Shift+]')).toBe('Shift+]');
    expect(chordLabel('Escape')).toBe('Esc');
    expect(chordLabel('n')).toBe('n');
  });
});
