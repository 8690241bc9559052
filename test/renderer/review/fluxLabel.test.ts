import { describe, expect, it } from 'vitest';
import { fluxLabel } from '../../../src-renderer/review/fluxLabel';

describe('fluxLabel', () => {
  it('writes ticks as uPlot did with Intl.NumberFormat("en-US")', () => {
    const intl = new Intl.NumberFormat('en-US');
    const ticks = [0, 1, -1, 0.5, 12.25, 100, 999.999, 1000, -1500, 12345.678, 1e6, 2.5e-4, 0.0015, 7.0001, -0.2, 40000];
    for (const v of ticks) expect(fluxLabel(v)).toBe(intl.format(v));
  });

  it('leaves a gap empty', () => {
    expect(fluxLabel(null)).toBe('');
  });
});
