/**
 * Stellar template names (SDSS spEigenStar NAMEi: "G4V (32923)", "B9.5V+... (37269)",
 * "WDhotter", "Carbon") → LAMOST-style subclasses. LAMOST LRS names subclasses by spectral
 * letter and digit (A0, F5, G2, K7, M3) and a few words (WD, Carbon, CV). The rule: the
 * letter and the integer part of the MK subtype (G4V → G4, B9.5V → B9, K1.5III → K1), the
 * luminosity class and peculiarity flags dropped; a type without a digit gets 0 (A4p → A4,
 * B5 → B5, Am → A0); white dwarfs → WD, carbon stars → Carbon, L/T dwarfs → L0/T0.
 * The SDSS set is sparse in subtypes (no G5, few K): a fit can come only as close as its
 * templates.
 */

const LETTERS = 'OBAFGKMLT';

export function lamostSubclass(name: string): string {
  const head = name.trim().split(/\s+/)[0] ?? '';
  if (/^WD/i.test(head) || /^D[ABOQZC]/.test(head)) return 'WD';
  if (/^carbon/i.test(head)) return 'Carbon';
  if (/^CV/i.test(head)) return 'CV';
  const dwarf = /^([LT])dwarf/i.exec(head);
  if (dwarf) return `${dwarf[1]!.toUpperCase()}0`;
  const m = /^(?:sd|d|g)?([OBAFGKMLT])(\d+(?:\.\d+)?)?/.exec(head);
  if (!m) return head || name;
  return `${m[1]}${m[2] ? Math.floor(Number(m[2])) : 0}`;
}

/**
 * Subtypes between two subclasses on the O…T sequence (G8 → K0 is 2), or null when one is
 * not a letter-and-digit type (WD, Carbon, CV). LAMOST writes some with prefixes (dM2, gM3,
 * sdM1): the prefix is ignored.
 */
export function subtypeDistance(a: string, b: string): number | null {
  const ia = subtypeIndex(a);
  const ib = subtypeIndex(b);
  return ia === null || ib === null ? null : Math.abs(ia - ib);
}

export function subtypeIndex(s: string): number | null {
  const m = /^(?:sd|d|g)?([OBAFGKMLT])(\d+(?:\.\d+)?)?/.exec(s.trim());
  if (!m) return null;
  return LETTERS.indexOf(m[1]!) * 10 + (m[2] ? Number(m[2]) : 0);
}
