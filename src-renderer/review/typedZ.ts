/** Reading an exact z typed after `z` (ZEntry.tsx): a number within the schema's Z_RANGE, or one line why not. */
import { Z_RANGE } from '../../shared/ranges';

export type TypedZ = { ok: true; z: number } | { ok: false; message: string };

/** Accepts "0.1234", " 2.5 ", "1e-3", "-0.0004"; refuses text, blanks and values outside Z_RANGE. */
export function parseTypedZ(text: string): TypedZ {
  const t = text.trim();
  const z = Number(t);
  if (t === '' || !Number.isFinite(z)) return { ok: false, message: `"${t}" is not a number; type a redshift such as 0.1234` };
  if (z < Z_RANGE.min || z > Z_RANGE.max) return { ok: false, message: `z must be within ${Z_RANGE.min} … ${Z_RANGE.max}, got ${t}` };
  // The same grid as the [ ] keys, so a typed z and a nudged one compare equal.
  return { ok: true, z: Math.round(z * 1e6) / 1e6 };
}
