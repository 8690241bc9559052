/** When a reviewer's answer is marked as disagreeing with a colleague's (shared/agreement.ts). */
import { describe, expect, it } from 'vitest';
import { disagrees } from '../../shared/agreement';

describe('disagreement', () => {
  it('a different class disagrees, whatever the z', () => {
    expect(disagrees({ class: 'GALAXY', z: 0.1 }, { class: 'QSO', z: 0.1 })).toBe(true);
  });

  it('the same class agrees while |Δz|/(1+z) < 0.0033', () => {
    expect(disagrees({ class: 'GALAXY', z: 0.1 }, { class: 'GALAXY', z: 0.1036 })).toBe(false);
    expect(disagrees({ class: 'GALAXY', z: 0.1 }, { class: 'GALAXY', z: 0.1037 })).toBe(true);
    // At z = 2 the same Δz is a third as large.
    expect(disagrees({ class: 'QSO', z: 2 }, { class: 'QSO', z: 2.009 })).toBe(false);
    expect(disagrees({ class: 'QSO', z: 2 }, { class: 'QSO', z: 1.99 })).toBe(true);
  });
});
