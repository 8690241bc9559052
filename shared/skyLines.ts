/**
 * Bright night-sky regions, marked on the chart so a sky-subtraction residual is not taken for
 * a line of the object. Observed frame (the sky does not move with z), vacuum Å like the
 * spectra; each keeps the wavelength as published (air) and is converted with airToVacuum.
 *
 * Sources: Osterbrock, Fulbright, Martel et al. 1996, "Night-sky high-resolution spectral
 * atlas of OH and O2 emission lines" (PASP 108, 277) and Osterbrock et al. 1997 (PASP 109,
 * 614) for the [O I] airglow lines 5577.338, 6300.304, 6363.776 Å (air) and the Na D sky
 * lines (airglow and sodium street lamps) 5889.950, 5895.924 Å (air, NIST). The OH Meinel
 * bands fill the red end with hundreds of lines; beyond 7600 Å (air ≈ vacuum − 2 Å there)
 * their residuals are everywhere, so that part is one band to the end of the spectrum.
 */
import { airToVacuum } from './lines';

export interface SkyRegion {
  name: string;
  /** Vacuum Å, observed frame. */
  from: number;
  to: number;
  /** The published centre (air Å); null for a band. */
  source: number | null;
}

/** Half-width of a bright line's mark: a residual spans ±2–3 LAMOST pixels (≈ 1.3 Å each here). */
const HALF_WIDTH = 4;

const skyLine = (name: string, airAngstrom: number): SkyRegion => {
  const v = airToVacuum(airAngstrom);
  return { name, from: v - HALF_WIDTH, to: v + HALF_WIDTH, source: airAngstrom };
};

/** Ordered by wavelength. The last reaches past any LAMOST or SDSS spectrum. */
export const SKY_REGIONS: readonly SkyRegion[] = [
  skyLine('[O I] sky', 5577.338),
  skyLine('Na D sky', 5889.95),
  skyLine('Na D sky', 5895.924),
  skyLine('[O I] sky', 6300.304),
  skyLine('[O I] sky', 6363.776),
  { name: 'OH forest', from: 7600, to: 11000, source: null },
];
