/**
 * Why a typed server address cannot be signed in to yet, said before the button is pressed
 * (the same rules as the main process's parseCentralUrl; it checks again).
 */
export const ADDRESS_SHAPE = 'a server address looks like mysql://user@host:3306/database';

export function addressProblem(text: string): string | null {
  const s = text.trim();
  if (!/^mysql:\/\//i.test(s)) return `${ADDRESS_SHAPE} (it starts with mysql://)`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    const port = /^mysql:\/\/[^/]*:(\d*)(?:\/|$)/i.exec(s)?.[1];
    if (port !== undefined && (port === '' || Number(port) > 65535)) return 'the port is a number 1–65535 (MariaDB usually listens on 3306)';
    return ADDRESS_SHAPE;
  }
  const missing = [!u.username && 'user', !u.hostname && 'host', !u.pathname.replace(/^\//, '') && 'database'].filter(Boolean);
  if (missing.length === 3) return ADDRESS_SHAPE;
  if (missing.length > 0) return `${ADDRESS_SHAPE} — the ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`;
  return null;
}
