/** The template library from a folder: the shipped SDSS set, or a survey's own (docs/assistant.md). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTemplateFile, templateLibrary, type TemplateLibrary } from '../../shared/fit';

/**
 * resources/templates of this checkout: two folders up from this file (the CLI runs from
 * source through tsx) or from the Electron bundle in dist/main/ (import.meta.url is the
 * bundle's there; import.meta.dirname would be empty in its CommonJS).
 */
export const SOURCE_TEMPLATES = fileURLToPath(new URL('../../resources/templates', import.meta.url));

/** Where electron-builder.yml's extraResources puts the set in a packaged app, under process.resourcesPath. */
export const TEMPLATES_RESOURCE = 'templates';

/**
 * The shipped set's folder. A packaged app has its code inside app.asar, where
 * SOURCE_TEMPLATES does not exist; the set is beside it as a real folder
 * (<resources>/templates, readable by `specvet fit` and a survey's own tools too). An
 * unpackaged Electron also has a resourcesPath (Electron's own), without templates: then the
 * checkout's folder.
 */
export function shippedTemplatesDir(resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath): string {
  if (resourcesPath) {
    const packaged = join(resourcesPath, TEMPLATES_RESOURCE);
    if (existsSync(packaged)) return packaged;
  }
  return SOURCE_TEMPLATES;
}

export const SHIPPED_TEMPLATES = shippedTemplatesDir();

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
