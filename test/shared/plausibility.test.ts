import { describe, expect, it } from 'vitest';
import { classZQuestion } from '../../shared/plausibility';
import { matchSubclasses, SUBCLASSES_BY_CLASS } from '../../shared/subclasses';

describe('classZQuestion: a class and z that contradict each other', () => {
  it('questions a star at a quasar\'s z and a galaxy at a star\'s', () => {
    expect(classZQuestion('STAR', 3.5)).toBe('a STAR at z 3.5000 is above 0.005, outside -0.005 … 0.005 where a STAR is expected');
    expect(classZQuestion('GALAXY', 0.0001)).toMatch(/^a GALAXY at z 0\.0001 is below 0\.002/);
    expect(classZQuestion('GALAXY', 2.2)).toMatch(/is above 1\.5/);
    expect(classZQuestion('QSO', 0)).toMatch(/is below 0\.002/);
  });

  it('lets the usual answers through, UNKNOWN at any z', () => {
    expect(classZQuestion('STAR', 0.0003)).toBeNull();
    expect(classZQuestion('STAR', -0.001)).toBeNull();
    expect(classZQuestion('GALAXY', 0.12)).toBeNull();
    expect(classZQuestion('QSO', 3.5)).toBeNull();
    expect(classZQuestion('UNKNOWN', 7)).toBeNull();
  });
});

describe('matchSubclasses: the picker\'s type-ahead', () => {
  it('offers what starts with the text first, then what contains it, case ignored', () => {
    expect(matchSubclasses('STAR', 'k')).toEqual(['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K7']);
    expect(matchSubclasses('STAR', 'a7')).toEqual(['A7III', 'A7IV', 'A7V']);
    expect(matchSubclasses('STAR', 'm0').slice(0, 4)).toEqual(['M0', 'dM0', 'gM0', 'sdM0']);
    expect(matchSubclasses('GALAXY', 'star')).toEqual(['STARFORMING', 'STARBURST']);
  });

  it("offers the pipeline's own subclass even where the list lacks it", () => {
    expect(matchSubclasses('STAR', 'b', 'B5')).toEqual(['B5', 'B6', 'B9', 'OB', 'DB', 'Carbon', 'CarbonWD', 'DoubleStar']);
    expect(matchSubclasses('UNKNOWN', '')).toEqual([]);
  });

  it('lists each subclass once', () => {
    for (const list of Object.values(SUBCLASSES_BY_CLASS)) expect(new Set(list).size).toBe(list.length);
  });
});
