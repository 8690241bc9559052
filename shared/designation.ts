/**
 * LAMOST designations, "LAMOST JHHMMSS.ss+DDMMSS.s": made from a position (the demo survey,
 * the exported catalogue) and read back into one (tracing a spectrum by its designation).
 */

export function designation(ra: number, dec: number): string {
  const h = ra / 15;
  const hh = Math.floor(h);
  const mm = Math.floor((h - hh) * 60);
  const ss = ((h - hh) * 60 - mm) * 60;
  const a = Math.abs(dec);
  const dd = Math.floor(a);
  const dm = Math.floor((a - dd) * 60);
  const ds = ((a - dd) * 60 - dm) * 60;
  const two = (x: number) => String(x).padStart(2, '0');
  return `LAMOST J${two(hh)}${two(mm)}${ss.toFixed(2).padStart(5, '0')}${dec < 0 ? '-' : '+'}${two(dd)}${two(dm)}${ds.toFixed(1).padStart(4, '0')}`;
}

const PATTERN = /^(?:LAMOST\s+)?J(\d{2})(\d{2})(\d{2}(?:\.\d+)?)([+-])(\d{2})(\d{2})(\d{2}(?:\.\d+)?)$/i;

/** The position a designation names (degrees), or null when the text is not one. */
export function positionOf(text: string): { ra: number; dec: number } | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const ra = (Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600) * 15;
  const dec = (m[4] === '-' ? -1 : 1) * (Number(m[5]) + Number(m[6]) / 60 + Number(m[7]) / 3600);
  return { ra, dec };
}

/** How far (degrees) a designation's rounding may put it from the position it was made from:
 * 0.01 s of RA (0.00004°) and 0.1″ of dec (0.00003°), with room. */
export const DESIGNATION_TOLERANCE_DEG = 0.0001;
