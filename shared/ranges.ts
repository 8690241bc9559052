/**
 * Bounds that both a zod schema (shared/model.ts) and the renderer's keys use. Kept free of
 * zod: the renderer and the preload import values from here, and importing shared/model.ts
 * instead would bundle zod and every schema into them (~90 kB).
 */

/** The redshifts a verdict may give: a little blueshift for nearby stars, up to distant quasars. */
export const Z_RANGE = { min: -0.1, max: 8 } as const;
