/** The zoom keys' arithmetic (review/zoom.ts): where the view goes for + − and Shift+← →. */
import { describe, expect, it } from 'vitest';
import { MIN_SPAN, zoomed } from '../../../src-renderer/review/zoom';

const data = { min: 3700, max: 9100 };

describe('zoom keys', () => {
  it('+ halves the view around its centre, − doubles it back', () => {
    const full = { min: 3700, max: 9100 };
    const inOnce = zoomed(full, data, 'in');
    expect(inOnce).toEqual({ min: 5050, max: 7750 });
    expect(zoomed(inOnce, data, 'out')).toEqual(full);
  });

  it('− never shows more than the spectrum, and keeps the view inside it', () => {
    expect(zoomed({ min: 3700, max: 5000 }, data, 'out')).toEqual({ min: 3700, max: 6300 });
    expect(zoomed(data, data, 'out')).toEqual(data);
  });

  it('+ held down stops at a few pixels wide', () => {
    let view = { ...data };
    for (let i = 0; i < 30; i++) view = zoomed(view, data, 'in');
    expect(view.max - view.min).toBeCloseTo(MIN_SPAN, 6);
    expect((view.min + view.max) / 2).toBeCloseTo(6400, 6);
  });

  it('Shift+← / → pan by a quarter of the view and stop at the ends, keeping the width', () => {
    const view = { min: 6000, max: 7000 };
    expect(zoomed(view, data, 'right')).toEqual({ min: 6250, max: 7250 });
    expect(zoomed(view, data, 'left')).toEqual({ min: 5750, max: 6750 });
    expect(zoomed({ min: 3800, max: 4800 }, data, 'left')).toEqual({ min: 3700, max: 4700 });
    expect(zoomed({ min: 8000, max: 9000 }, data, 'right')).toEqual({ min: 8100, max: 9100 });
  });
});
