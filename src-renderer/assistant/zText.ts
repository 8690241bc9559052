/**
 * A candidate's redshift as the panel writes it. A star's z error is ~1e-6 (a few km/s), which
 * four decimals of z turn into "± 0.0000": stars are given as a velocity cz in km/s, galaxies
 * and QSOs in z with as many decimals as their error needs.
 */
export const C_KM_S = 299_792.458;

/** A fit's candidate, or the pipeline's answer (whose class may be UNKNOWN). */
export function zText(c: { class: string; z: number; zErr: number }): string {
  if (c.class === 'STAR') return `${minus((c.z * C_KM_S).toFixed(1))} ± ${(c.zErr * C_KM_S).toFixed(1)} km/s`;
  // Two significant digits of the error, and z to the same place (never fewer than four decimals).
  const decimals = c.zErr > 0 ? Math.min(8, Math.max(4, 1 - Math.floor(Math.log10(c.zErr)))) : 4;
  return `${minus(c.z.toFixed(decimals))} ± ${c.zErr.toFixed(decimals)}`;
}

/** A typographic minus, and no "−0.0". */
function minus(s: string): string {
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace(/^-/, '−');
}
