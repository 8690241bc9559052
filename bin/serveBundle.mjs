// Which code `specvet serve` runs: its bundle (npm run build → dist/serve) or the sources.
import { readFileSync, statSync } from 'node:fs';

/**
 * dist/serve/specvet.mjs under `root` (a file: URL ending in /) when it is newer than every
 * file it was built from (dist/serve/inputs.json, written by the build): the web edition then
 * starts from one file instead of ~300 loaded through tsx. Null — run the sources — when not
 * built, or when any input changed or went away since; ~300 stat calls cost ≈ 2 ms.
 */
export function freshServeBundle(root) {
  const bundle = new URL('dist/serve/specvet.mjs', root);
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/serve/inputs.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built) ? bundle.href : null;
  } catch {
    return null;
  }
}
