/**
 * LAMOST designations, "LAMOST JHHMMSS.ss+DDMMSS.s": made from a position (the demo survey,
 * the exported catalogue) and read back into one (tracing a spectrum by its designation).
 */

const two = (x: number) => String(x).padStart(2, '0');

export function designation(ra: number, dec: number): string {
  // Rounded to the last digit shown first, then split: 19.9999999° is 20°00'00.0", never 19°59'60.0".
  const cs = Math.round(((((ra % 360) + 360) % 360) / 15) * 360_000) % (24 * 360_000);
  const ds = Math.round(Math.abs(dec) * 36_000);
  const hms = `${two(Math.floor(cs / 360_000))}${two(Math.floor(cs / 6000) % 60)}${((cs % 6000) / 100).toFixed(2).padStart(5, '0')}`;
  const dms = `${two(Math.floor(ds / 36_000))}${two(Math.floor(ds / 600) % 60)}${((ds % 600) / 10).toFixed(1).padStart(4, '0')}`;
  return `LAMOST J${hms}${dec < 0 ? '-' : '+'}${dms}`;
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
