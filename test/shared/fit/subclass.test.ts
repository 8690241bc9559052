import { describe, expect, it } from 'vitest';
import { ensembleSubclass, fitSpectrum, lamostSubclass, subtypeDistance } from '../../../shared/fit';
import { setOf, shippedLibrary, synthetic } from './support';

describe('lamostSubclass', () => {
  it.each([
    ['G4V (32923)', 'G4'],
    ['B9.5V+... (37269)', 'B9'],
    ['K5Ve (118100)', 'K5'],
    ['A4p (G_37-26)', 'A4'],
    ['Am (78362)', 'A0'],
    ['F3/F5V (30743)', 'F4'],
    ['G5/G6IVw (26297)', 'G5'],
    ['M4.5:III (123657)', 'M4'],
    ['sd:F0 (G_84-29)', 'F0'],
    ['B3Ib/II (51309)', 'B3'],
    ['WDhotter', 'WD'],
    ['CalciumWD', 'WD'],
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

describe('ensembleSubclass', () => {
  // 3900 degrees of freedom: the window is χ²_best · √(2/3900) ≈ 2.3 % of the best χ².
  const dof = 3900;
  const fit = (template: string, chi2: number) => ({ template, subclass: lamostSubclass(template), chi2 });

  it('puts a star fitted equally well by F8V and G4V between them', () => {
    expect(ensembleSubclass([fit('F8V (30562)', 3900), fit('G4V (32923)', 3900), fit('K5 (110281)', 9000)], dof)).toBe('G1');
  });

  it('ignores templates outside the window, however many', () => {
    expect(ensembleSubclass([fit('G8V (75732)', 3900), ...['F2V', 'F6V', 'G0Va'].map((t) => fit(t, 3900 + 100))], dof)).toBe('G8');
  });

  it('widens the window with the best fit’s χ²/dof (template mismatch, not noise)', () => {
    // Δχ² = 1000: far outside at χ²/dof 1, inside at χ²/dof 20 (window ≈ 1770).
    expect(ensembleSubclass([fit('K5 (110281)', 3900), fit('M1 (204445)', 4900)], dof)).toBe('K5');
    expect(ensembleSubclass([fit('K5 (110281)', 78000), fit('M1 (204445)', 79000)], dof)).toBe('K7');
  });

  it('keeps a white dwarf or carbon star as it is, and leaves them out of a typed star’s mean', () => {
    expect(ensembleSubclass([fit('WDhotter', 3900), fit('A0 (19510)', 3900)], dof)).toBe('WD');
    expect(ensembleSubclass([fit('A0 (19510)', 3900), fit('WDhotter', 3900), fit('Carbon', 3900)], dof)).toBe('A0');
    expect(ensembleSubclass([], dof)).toBeNull();
  });
});

describe('a star made from one template', () => {
  it('comes back as that template’s own subclass at S/N 10, for each of the 123', () => {
    const lib = shippedLibrary();
    const stars = setOf(lib, 'spEigenStar');
    const starsOnly = { sets: [stars], step: lib.step };
    const wrong: string[] = [];
    stars.rows.forEach((_, k) => {
      const s = synthetic(stars, stars.rows.map((__, j) => (j === k ? 1 : 0)), 0.00012, 10, 100 + k);
      const r = fitSpectrum(s, starsOnly);
      const got = r.ok ? r.best.subclass : r.reason;
      if (got !== stars.subclasses[k]) wrong.push(`${stars.names[k]} → ${got}`);
    });
    expect(wrong).toEqual([]);
  });
});
