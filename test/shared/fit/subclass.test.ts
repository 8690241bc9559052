import { describe, expect, it } from 'vitest';
import { lamostSubclass, subtypeDistance } from '../../../shared/fit';
import { setOf, shippedLibrary } from './support';

describe('lamostSubclass', () => {
  it.each([
    ['G4V (32923)', 'G4'],
    ['B9.5V+... (37269)', 'B9'],
    ['K5Ve (118100)', 'K5'],
    ['A4p (G_37-26)', 'A4'],
    ['Am (78362)', 'A0'],
    ['WDhotter', 'WD'],
    ['Carbon', 'Carbon'],
    ['Ldwarf', 'L0'],
  ])('%s → %s', (name, want) => expect(lamostSubclass(name)).toBe(want));

  it('gives every shipped stellar template a subclass', () => {
    const stars = setOf(shippedLibrary(), 'spEigenStar');
    expect(stars.rows).toHaveLength(123);
    expect(stars.subclasses.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
  });
});

describe('subtypeDistance', () => {
  it('counts subtypes across letters and ignores dwarf/giant prefixes', () => {
    expect(subtypeDistance('G8', 'K0')).toBe(2);
    expect(subtypeDistance('F9', 'G2')).toBe(3);
    expect(subtypeDistance('dM2', 'M0')).toBe(2);
    expect(subtypeDistance('WD', 'G2')).toBeNull();
  });
});
