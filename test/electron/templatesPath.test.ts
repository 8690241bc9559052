/**
 * The shipped templates in a packaged app: electron-builder copies resources/templates to
 * <resources>/templates (extraResources) and the lookup finds them there through
 * process.resourcesPath. A fake resources folder stands in for the package.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTemplates, shippedTemplatesDir, SOURCE_TEMPLATES, TEMPLATES_RESOURCE } from '../../src-main/fit/templates';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A resources folder as the package would have it: app.asar's neighbours. */
function fakeResources(withTemplates: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'specvet-resources-'));
  made.push(dir);
  if (withTemplates) {
    mkdirSync(join(dir, TEMPLATES_RESOURCE));
    // Only the small CV set: enough to tell this folder's library from the checkout's.
    cpSync(join(SOURCE_TEMPLATES, 'spEigenCVstar-55734.fits'), join(dir, TEMPLATES_RESOURCE, 'spEigenCVstar-55734.fits'));
  }
  return dir;
}

describe('the shipped templates folder', () => {
  it('is <resources>/templates in a packaged app, and the fit loads its templates from there', () => {
    const resources = fakeResources(true);
    const dir = shippedTemplatesDir(resources);
    expect(dir).toBe(join(resources, 'templates'));
    const lib = loadTemplates(dir);
    expect(lib.sets.map((s) => s.file)).toEqual(['spEigenCVstar-55734.fits']);
  });

  it("is the checkout's resources/templates from source, and under an Electron whose resources hold none", () => {
    expect(shippedTemplatesDir(undefined)).toBe(SOURCE_TEMPLATES);
    expect(shippedTemplatesDir(fakeResources(false))).toBe(SOURCE_TEMPLATES);
    expect(readdirSync(SOURCE_TEMPLATES).filter((f) => f.endsWith('.fits')).sort()).toEqual([
      'spEigenCVstar-55734.fits',
      'spEigenGal-56436.fits',
      'spEigenQSO-55732.fits',
      'spEigenStar-55734.fits',
    ]);
  });
});
