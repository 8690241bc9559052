/**
 * The fit on real LAMOST LRS stars (../shared/fixtures/lamost), against the pipeline's own
 * CLASS, SUBCLASS and Z in each header (issue 14: all five). Prints one line per file so a
 * reader sees how close it comes, not only that it passes: the subclass from all stellar
 * templates (subclass.ts) and, as "template", the best template's own.
 */
import { describe, expect, it } from 'vitest';
import { fitSpectrum, lamostSubclass, subtypeDistance } from '../../../shared/fit';
import { decodeSpectrum } from '../../../shared/spectrum/decode';
import { fixtureBytes, fixturesPresent, LRS_FIXTURES, SKIP_FIXTURES } from '../spectrum/fixtures';
import { shippedLibrary } from './support';

const C = 299792.458;

describe.skipIf(!fixturesPresent)('fit on real LAMOST stars', () => {
  if (!fixturesPresent) console.log(SKIP_FIXTURES);
  for (const f of LRS_FIXTURES) {
    it(`${f.name}: STAR, |Δv| ≤ 40 km/s, subclass within 3 subtypes`, () => {
      const s = decodeSpectrum(fixtureBytes(f.name), f.name);
      const r = fitSpectrum(s, shippedLibrary());
      if (!r.ok) throw new Error(r.reason);
      const m = s.meta;
      const dv = (r.best.z - m.z!) * C;
      const dist = subtypeDistance(r.best.subclass ?? '', m.subclass ?? '');
      const own = lamostSubclass(r.best.template);
      console.log(
        `${f.name.padEnd(48)} pipeline ${m.class} ${m.subclass?.padEnd(3)} z ${m.z!.toFixed(6)}  ` +
          `fit ${r.best.class} ${r.best.subclass?.padEnd(3)} (template ${r.best.template}: ${own}, Δsubtype ${subtypeDistance(own, m.subclass ?? '')}) z ${r.best.z.toFixed(6)} ± ${r.best.zErr.toFixed(6)}  ` +
          `Δv ${dv.toFixed(1)} km/s  Δsubtype ${dist}  χ²/dof ${r.reducedChi2.toFixed(2)}  Δχ² ${r.deltaChi2?.toFixed(0)}`,
      );
      expect(m.class).toBe('STAR');
      expect(r.best.class).toBe('STAR');
      expect(Math.abs(dv)).toBeLessThanOrEqual(40);
      expect(dist).not.toBeNull();
      expect(dist!).toBeLessThanOrEqual(3);
    });
  }
});
