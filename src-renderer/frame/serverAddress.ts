/**
 * Why a typed server address cannot be signed in to yet, said before the button is pressed:
 * the main process's own rules (shared/centralUrl), worded for someone still typing.
 */
import { checkCentralUrl } from '../../shared/centralUrl';

export const ADDRESS_SHAPE = 'a server address looks like mysql://user@host:3306/database';

export function addressProblem(text: string): string | null {
  const s = text.trim();
  if (!/^mysql:\/\//i.test(s)) return `${ADDRESS_SHAPE} (it starts with mysql://)`;
  const r = checkCentralUrl(s);
  if (r.ok) return null;
  const p = r.problem;
  if (p.kind === 'bad-port') return 'the port is a number 1–65535 (MariaDB usually listens on 3306)';
  // Without a host the person is still typing the address's middle: the shape helps more than a list.
  if (p.kind !== 'missing' || p.parts.includes('host')) return ADDRESS_SHAPE;
  return `${ADDRESS_SHAPE} — the ${p.parts.join(', ')} ${p.parts.length > 1 ? 'are' : 'is'} missing`;
}

/** Pasted text that is a whole address (not a piece of one being typed into the field). */
export function isWholeAddress(text: string): boolean {
  return /^\s*mysql:\/\/\S+\s*$/i.test(text);
}

/** A pasted address as the form keeps it: a password carried in it moves to the password field. */
export function pastedAddress(text: string): { address: string; password: string | null } {
  const s = text.trim();
  const r = checkCentralUrl(s);
  if (r.ok && r.target.password !== undefined) return { address: r.target.display, password: r.target.password };
  return { address: s, password: null };
}
