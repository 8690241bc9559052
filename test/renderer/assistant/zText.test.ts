/** The fit's z as the panel shows it: stars as cz in km/s, galaxies and QSOs in z to their error's digits. */
import { describe, expect, it } from 'vitest';
import { zText } from '../../../src-renderer/assistant/zText';

describe('zText', () => {
  it("gives a star's velocity and its error in km/s, never ± 0.0000", () => {
    // The DR7 fixture star: z 1.4e-5 ± 8.7e-7.
    expect(zText({ class: 'STAR', z: 0.000014, zErr: 8.7465e-7 })).toBe('4.2 ± 0.3 km/s');
    expect(zText({ class: 'STAR', z: -0.000175, zErr: 2.68e-6 })).toBe('−52.5 ± 0.8 km/s');
    expect(zText({ class: 'STAR', z: -1e-8, zErr: 1e-5 })).toBe('0.0 ± 3.0 km/s');
  });

  it('gives galaxies and QSOs z to two significant digits of the error, at least four decimals', () => {
    expect(zText({ class: 'GALAXY', z: 0.123456, zErr: 0.0000213 })).toBe('0.123456 ± 0.000021');
    expect(zText({ class: 'QSO', z: 2.31234, zErr: 0.0012 })).toBe('2.3123 ± 0.0012');
    expect(zText({ class: 'QSO', z: 2.31234, zErr: 0.05 })).toBe('2.3123 ± 0.0500');
    expect(zText({ class: 'GALAXY', z: 0.5, zErr: 0 })).toBe('0.5000 ± 0.0000');
  });
});
