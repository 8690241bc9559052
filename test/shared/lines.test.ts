/** The line list is in vacuum: air values converted by the documented formula match published vacuum values. */
import { describe, expect, it } from 'vitest';
import { airToVacuum, LINES, line, linesNamed } from '../../shared/lines';

describe('line list', () => {
  // Published vacuum wavelengths (SDSS line table, classic.sdss.org/dr6/algorithms/linestable.html).
  it.each([
    ['Hα', 6562.801, 6564.61],
    ['Hβ', 4861.325, 4862.68],
    ['[O III] 5008', 5006.843, 5008.24],
    ['[N II] 6585', 6583.45, 6585.27],
    ['[S II] 6718', 6716.44, 6718.29],
    ['[O II] 3727', 3726.03, 3727.09],
    ['Ca K', 3933.663, 3934.78],
    ['Ca II 8544', 8542.09, 8544.44],
  ])('air → vacuum for %s: %f Å → %f Å', (_name, airValue, vacuum) => {
    expect(Math.abs(airToVacuum(airValue) - vacuum)).toBeLessThan(0.015);
  });

  it('leaves wavelengths below 2000 Å alone (vacuum by convention)', () => {
    expect(airToVacuum(1215.67)).toBe(1215.67);
  });

  it('holds every line the markers need, in vacuum, ordered by wavelength', () => {
    const names = ['Lyβ', 'Lyα', 'N V', 'Si IV', 'C IV', 'C III]', 'Mg II', '[O II]', '[Ne III]', 'Ca K', 'Ca H', 'Hδ', 'G band', 'Hγ', 'Hβ', '[O III]', 'Mg b', 'Na D', '[N II]', 'Hα', '[S II]', 'Ca II'];
    for (const n of names) expect(linesNamed(n).length, n).toBeGreaterThan(0);
    expect(linesNamed('[O II]').map((l) => Math.round(l.vacuum))).toEqual([3727, 3730]);
    expect(linesNamed('[O III]').map((l) => Math.round(l.vacuum))).toEqual([4960, 5008]);
    expect(linesNamed('[N II]').map((l) => Math.round(l.vacuum))).toEqual([6550, 6585]);
    expect(linesNamed('[S II]').map((l) => Math.round(l.vacuum))).toEqual([6718, 6733]);
    expect(linesNamed('Ca II')).toHaveLength(3);
    for (let i = 1; i < LINES.length; i++) expect(LINES[i]!.vacuum).toBeGreaterThan(LINES[i - 1]!.vacuum);
  });

  it('keeps the source value and the air flag of each line', () => {
    const ha = line('Hα');
    expect(ha).toMatchObject({ source: 6562.801, air: true });
    expect(ha.vacuum - ha.source).toBeGreaterThan(1.7); // air is ~1.8 Å shorter at Hα
    expect(line('Lyα')).toMatchObject({ source: 1215.67, vacuum: 1215.67, air: false });
    for (const l of LINES) expect(l.air ? l.vacuum > l.source : l.vacuum === l.source).toBe(true);
  });
});

describe('bright sky regions', () => {
  it('mark the sky lines at their vacuum wavelengths (5578.9, 5891.6/5897.6, 6302.0, 6365.5 Å) and the OH forest from 7600 Å', async () => {
    const { SKY_REGIONS } = await import('../../shared/skyLines');
    const centres = SKY_REGIONS.filter((r) => r.source !== null).map((r) => Math.round(((r.from + r.to) / 2) * 10) / 10);
    expect(centres).toEqual([5578.9, 5891.6, 5897.6, 6302.0, 6365.5]);
    const oh = SKY_REGIONS.at(-1)!;
    expect(oh).toMatchObject({ name: 'OH forest', from: 7600, source: null });
    expect(oh.to).toBeGreaterThan(9200);
    for (let i = 1; i < SKY_REGIONS.length; i++) expect(SKY_REGIONS[i]!.from).toBeGreaterThan(SKY_REGIONS[i - 1]!.from);
  });
});

describe('line labels by class', () => {
  it('never labels a star with nebular lines, and draws its lines as absorption (dashed)', async () => {
    const { LINES_BY_CLASS } = await import('../../shared/lines');
    const names = LINES_BY_CLASS.STAR.map((l) => l.name);
    for (const nebular of ['[O III]', '[S II]', '[N II]', '[O II]', 'Lyα', 'C IV']) expect(names).not.toContain(nebular);
    for (const stellar of ['Ca K', 'Ca H', 'Hβ', 'Mg b', 'Na D', 'Hα', 'Ca II']) expect(names).toContain(stellar);
    expect(LINES_BY_CLASS.STAR.every((l) => l.absorption)).toBe(true);
  });

  it('gives a QSO its broad lines, solid', async () => {
    const { LINES_BY_CLASS } = await import('../../shared/lines');
    const names = LINES_BY_CLASS.QSO.map((l) => l.name);
    for (const broad of ['Lyα', 'C IV', 'C III]', 'Mg II', 'Hβ', 'Hα']) expect(names).toContain(broad);
    expect(names).not.toContain('Na D');
    expect(names).not.toContain('[S II]');
    expect(LINES_BY_CLASS.QSO.some((l) => l.absorption)).toBe(false);
  });

  it('gives a galaxy its emission (solid) and absorption (dashed) lines, and no rest-UV quasar lines', async () => {
    const { LINES_BY_CLASS, lineNames } = await import('../../shared/lines');
    const g = LINES_BY_CLASS.GALAXY;
    expect(g.find((l) => l.name === '[O III]')!.absorption).toBe(false);
    expect(g.find((l) => l.name === 'Hα')!.absorption).toBe(false);
    expect(g.find((l) => l.name === 'Ca K')!.absorption).toBe(true);
    expect(g.find((l) => l.name === 'Mg b')!.absorption).toBe(true);
    expect(g.map((l) => l.name)).not.toContain('C IV');
    expect(lineNames(g)).toMatch(/^\[O II\], \[Ne III\], Ca K, Ca H, Hδ/);
    expect(LINES_BY_CLASS.UNKNOWN.length).toBe(LINES.length);
  });
});
