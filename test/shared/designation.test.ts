import { describe, expect, it } from 'vitest';
import { designation, DESIGNATION_TOLERANCE_DEG, positionOf } from '../../shared/designation';

describe('LAMOST designations', () => {
  it('are written as LAMOST names them, rounding never showing 60 seconds', () => {
    expect(designation(10.03, 19.9)).toBe('LAMOST J004007.20+195400.0');
    expect(designation(359.99999999, -0.5)).toBe('LAMOST J000000.00-003000.0');
    expect(designation(150.1234, 2.205)).toBe('LAMOST J100029.62+021218.0');
  });

  it('read back to the position they were made from, within the tolerance', () => {
    for (const [ra, dec] of [[10.03, 19.9], [150.1234, 2.205], [283.5, -45.123456], [0.001, 89.99]] as const) {
      const p = positionOf(designation(ra, dec))!;
      expect(Math.abs(p.ra - ra)).toBeLessThan(DESIGNATION_TOLERANCE_DEG);
      expect(Math.abs(p.dec - dec)).toBeLessThan(DESIGNATION_TOLERANCE_DEG);
    }
    expect(positionOf('J004007.20+195400.0')).toEqual(positionOf('LAMOST J004007.20+195400.0'));
    expect(positionOf('101234')).toBeNull();
  });
});
