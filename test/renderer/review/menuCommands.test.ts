/** The Electron Review menu's commands run the same actions as the keys (review/menuCommands.ts). */
import { describe, expect, it } from 'vitest';
import { reviewActionFor } from '../../../src-renderer/review/menuCommands';
import { DEFAULT_KEYMAP } from '../../../shared/keymap';

describe('review menu commands', () => {
  it('type z, smoothing, the band and the zoom keys do what their keys do', () => {
    const byKey = (k: string) => DEFAULT_KEYMAP[k];
    expect(reviewActionFor('type-z')).toEqual(byKey('z'));
    expect(reviewActionFor('smooth-more')).toEqual(byKey('.'));
    expect(reviewActionFor('smooth-less')).toEqual(byKey(','));
    expect(reviewActionFor('toggle-errors')).toEqual(byKey('e'));
    expect(reviewActionFor('zoom-in')).toEqual(byKey('+'));
    expect(reviewActionFor('zoom-out')).toEqual(byKey('-'));
    expect(reviewActionFor('pan-left')).toEqual(byKey('Shift+ArrowLeft'));
    expect(reviewActionFor('pan-right')).toEqual(byKey('Shift+ArrowRight'));
    expect(reviewActionFor('reset-zoom')).toEqual(byKey('r'));
  });
});
