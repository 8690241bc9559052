/**
 * Where spectrum files come from: a folder (typically an NFS mount of the survey's archive) or
 * an http(s) base URL. One rule for the main process and the forms that ask for it; the main
 * process also checks that a folder is there before keeping it.
 */
export const DATA_SOURCE_SHAPE = 'a data source is a folder (/data/lamost/dr10) or an address (https://files.example.org/lamost/)';

/** Why `text` cannot be a data source, or null. Blank is not a problem: it means "none". */
export function dataSourceProblem(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      return `${DATA_SOURCE_SHAPE}: "${s}" is not a valid address`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${DATA_SOURCE_SHAPE}: ${url.protocol.replace(/:$/, '')} addresses are not supported`;
    if (url.username || url.password) return 'a data source address must not carry a user or password';
    return null;
  }
  // Relative to what? The app and `specvet sync` run from different folders.
  if (!s.startsWith('/') && !/^[a-z]:[\\/]/i.test(s) && !s.startsWith('\\\\')) return `${DATA_SOURCE_SHAPE}: a folder is given from the root (starts with /)`;
  return null;
}

/** The text as kept: trimmed, and null for blank ("none of my own"). */
export function normalDataSource(text: string | null): string | null {
  const s = text?.trim() ?? '';
  return s === '' ? null : s;
}
