/**
 * The subclass list (shared/subclasses.ts) against what LAMOST really writes: the CLASS and
 * SUBCLASS cards of the real LRS files in ../shared/fixtures/lamost, read by the project's own
 * decoder. Five stars from DR6, DR7 and DR10 are all this checks (no release's full list of
 * distinct values is reachable offline; docs/app.md says what was and was not compared).
 */
import { describe, expect, it } from 'vitest';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { matchSubclasses, SUBCLASSES_BY_CLASS } from '../../shared/subclasses';
import type { SpecClass } from '../../shared/model';
import { fixtureBytes, fixturesPresent, LRS_FIXTURES, SKIP_FIXTURES } from './spectrum/fixtures';

describe.skipIf(!fixturesPresent)('LAMOST subclasses in real files', () => {
  if (!fixturesPresent) console.log(SKIP_FIXTURES);
  for (const f of LRS_FIXTURES) {
    it(`${f.name}: its pipeline subclass is in the picker's list for its class`, () => {
      const { meta } = decodeSpectrum(fixtureBytes(f.name), f.name);
      expect(meta.class).toBe('STAR');
      const cls = meta.class as SpecClass;
      expect(SUBCLASSES_BY_CLASS[cls]).toContain(meta.subclass);
      // Typed in full it is the picker's first choice, without the pipeline's help.
      expect(matchSubclasses(cls, meta.subclass!)[0]).toBe(meta.subclass);
    });
  }
  it('the five files hold the subclasses docs/app.md names', () => {
    const seen = LRS_FIXTURES.map((f) => decodeSpectrum(fixtureBytes(f.name), f.name).meta.subclass);
    expect(seen).toEqual(['F5', 'G3', 'K7', 'G2', 'G8']);
  });
});
