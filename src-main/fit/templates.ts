/** The template library from a folder: the shipped SDSS set, or a survey's own (docs/assistant.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTemplateFile, templateLibrary, type TemplateLibrary } from '../../shared/fit';

/**
 * resources/templates of this checkout: two folders up from this file (the CLI runs from
 * source through tsx) or from the Electron bundle in dist/main/ (import.meta.url is the
 * bundle's there; import.meta.dirname would be empty in its CommonJS).
 */
export const SHIPPED_TEMPLATES = fileURLToPath(new URL('../../resources/templates', import.meta.url));

export function loadTemplates(dir: string = SHIPPED_TEMPLATES): TemplateLibrary {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isTemplateFile).sort();
  } catch (err) {
    throw new Error(`template folder ${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (names.length === 0) throw new Error(`template folder ${dir} holds no spEigenGal*, spEigenQSO*, spEigenStar* or spEigenCV* .fits files`);
  return templateLibrary(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
}
