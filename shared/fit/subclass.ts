/**
 * Stellar subclasses, LAMOST-style. LAMOST LRS names subclasses by spectral letter and digit
 * (A0, F5, G2, K7, M3) and a few words (WD, Carbon, CV).
 *
 * A template's own subclass (SDSS spEigenStar NAMEi: "G4V (32923)", "B9.5V+... (37269)",
 * "F3/F5V", "WDhotter", "Carbon"): the MK type on the O…T sequence as a number (G4 = 44,
 * B9.5 = 19.5, a range F3/F5 its middle 34, a letter without a digit 0: Am = 20), then the
 * letter and the digit it rounds to, halves down (G4V → G4, B9.5V → B9, F3/F5V → F4); the
 * luminosity class and peculiarity flags dropped; white dwarfs → WD, carbon stars → Carbon,
 * L/T dwarfs → L0/T0.
 *
 * A fitted star's subclass is not just the best template's. LAMOST's pipeline picks the best
 * template of its own library, dense in subtypes; the SDSS set is sparse (no G5, G4V then G8V,
 * K5 then M0), so its best template alone is often two or more subtypes off even when the
 * spectrum lies between two templates. And on bright stars the best fit's χ²/dof reaches 5–20
 * (S/N 100–300): the χ² differences between templates then measure template mismatch
 * (metallicity, gravity, one star's peculiarities), not noise, so exp(−Δχ²/2) weights, even
 * with rescaled errors, would keep the best template alone.
 * The rule (`ensembleSubclass`): with the errors scaled so that the best fit's χ²/dof is 1
 * (the Birge ratio), every template whose χ² lies within the χ² distribution's own spread,
 * √(2·dof), of the best is as good a description of the spectrum as the best; the subclass is
 * the mean MK type of those templates, weighted 1 − Δχ²/window (the best 1, falling to 0 at
 * the window's edge so a template crossing it moves the answer smoothly), rounded as above.
 * In raw χ² the window is χ²_best · √(2/dof). Dwarfs, giants and supergiants count alike: MK
 * types are a temperature sequence defined across luminosity classes, and a giant that fits
 * as well as a dwarf says as much about the type. Templates without a type (WD, Carbon, CV)
 * are left out of the mean; when the best is one, its own subclass stands. A synthetic star
 * made from one template comes back as that template's subclass (test/shared/fit/subclass.test.ts).
 * What it cannot do: find a type between templates when only one fits well (a K7 star that
 * K5 fits far better than any M0 stays K5), or say dwarf or giant for M stars (dM/gM: the SDSS
 * set's M templates are giants and one M1).
 */

const LETTERS = 'OBAFGKMLT';
const TYPE = /^(?:sd:?|d|g)?([OBAFGKMLT])(\d+(?:\.\d+)?)?(?:\/([OBAFGKMLT])?(\d+(?:\.\d+)?))?/;

/**
 * The MK type of a subclass or template name as a number on O…T (O0 = 0, G2 = 42, B9.5 = 19.5,
 * F3/F5 = 34), or null for WD, Carbon, CV. LAMOST writes some with prefixes (dM2, gM3, sdM1),
 * SDSS one as sd:F0: the prefix is ignored.
 */
export function subtypeIndex(name: string): number | null {
  const m = TYPE.exec(name.trim());
  if (!m) return null;
  const first = LETTERS.indexOf(m[1]!) * 10 + (m[2] ? Number(m[2]) : 0);
  if (m[4] === undefined) return first;
  const second = LETTERS.indexOf(m[3] ?? m[1]!) * 10 + Number(m[4]);
  return (first + second) / 2;
}

/** The letter and digit a type index rounds to, halves down (19.5 → B9, 34 → F4). */
export function subclassOfIndex(index: number): string {
  const i = Math.min(LETTERS.length * 10 - 1, Math.max(0, Math.ceil(index - 0.5)));
  return `${LETTERS[Math.floor(i / 10)]}${i % 10}`;
}

export function lamostSubclass(name: string): string {
  const head = name.trim().split(/\s+/)[0] ?? '';
  if (/WD/i.test(head) || /^D[ABOQZC]/.test(head)) return 'WD';
  if (/^carbon/i.test(head)) return 'Carbon';
  if (/^CV/i.test(head)) return 'CV';
  const index = subtypeIndex(head);
  return index === null ? head || name : subclassOfIndex(index);
}

/** One stellar template's best fit: its name (NAMEi), its subclass and χ² at its best z. */
export interface StellarFit {
  template: string;
  subclass: string | null;
  chi2: number;
}

/** The fitted star's subclass from every stellar template's fit (the rule above); dof of one template's fit. */
export function ensembleSubclass(fits: readonly StellarFit[], dof: number): string | null {
  const best = fits.reduce<StellarFit | null>((b, f) => (b === null || f.chi2 < b.chi2 ? f : b), null);
  if (best === null) return null;
  const bestIndex = typeOf(best);
  if (bestIndex === null) return best.subclass;
  const window = best.chi2 * Math.sqrt(2 / Math.max(1, dof));
  let sumW = 1;
  let sumX = bestIndex;
  for (const f of fits) {
    const d = f.chi2 - best.chi2;
    const x = f === best || !(d < window) ? null : typeOf(f);
    if (x === null) continue;
    sumW += 1 - d / window;
    sumX += (1 - d / window) * x;
  }
  return subclassOfIndex(sumX / sumW);
}

/** A fit's type: from the template's name, else from its subclass (a set without NAMEi cards); null for WD, Carbon, CV. */
function typeOf(f: StellarFit): number | null {
  return subtypeIndex(f.template) ?? (f.subclass === null ? null : subtypeIndex(f.subclass));
}

/** Subtypes between two subclasses on the O…T sequence (G8 → K0 is 2), or null when one has no type (WD, Carbon, CV). */
export function subtypeDistance(a: string, b: string): number | null {
  const ia = subtypeIndex(a);
  const ib = subtypeIndex(b);
  return ia === null || ib === null ? null : Math.abs(ia - ib);
}
