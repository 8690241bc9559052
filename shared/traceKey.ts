/** A spectrum's name as typed for a trace, read without zod (the renderer's search box uses it; shared/desk.ts checks what travels). */

/** How a spectrum is named for a trace: its obsid, its designation, or its plan, spectrograph and fibre. */
export type DeskTraceKey = { obsid: number } | { designation: string } | { planid: string; spid: number; fiberid: number; lmjd?: number };

/**
 * What was typed in the trace screen's search box, as a key: digits are an obsid, "J…" (or
 * "LAMOST J…") a designation, and "PLAN 4 17" / "PLAN sp4-17" a plan, spectrograph and fibre.
 * A string that is none of these is a RangeError saying what is accepted.
 */
export function traceKeyOf(text: string): DeskTraceKey {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { obsid: Number(t) };
  if (/^(LAMOST\s+)?J\d/i.test(t)) return { designation: t };
  const m = /^(\S+)\s+(?:sp)?(\d{1,2})(?:\s+|-|\s*fib(?:re|er)?\s*)(\d{1,3})$/i.exec(t);
  if (m) return { planid: m[1]!, spid: Number(m[2]), fiberid: Number(m[3]) };
  throw new RangeError(`"${t}" is not an obsid (digits), a designation (J123456.78+123456.7) or a plan, spectrograph and fibre (PLAN 4 17)`);
}
