/** The fit's templates over the API: the shipped set listed and served, nothing outside it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateHandlers } from '../../src-main/app/templateHandlers';
import { readTemplateSet } from '../../shared/fit';

describe('templateHandlers', () => {
  it('lists the shipped spEigen files and serves each as a readable template set', async () => {
    const h = templateHandlers(null);
    const names = await h.listTemplates({});
    expect(names.some((n) => n.startsWith('spEigenStar'))).toBe(true);
    expect(names.some((n) => n.startsWith('spEigenQSO'))).toBe(true);
    const star = names.find((n) => n.startsWith('spEigenStar'))!;
    expect(readTemplateSet(await h.readTemplate({ name: star }), star).class).toBe('STAR');
  });

  it('refuses a name the folder does not list, and says what is wrong with an empty folder', async () => {
    const h = templateHandlers(null);
    await expect(h.readTemplate({ name: '../../package.json' })).rejects.toThrow(/template \.\.\/\.\.\/package\.json is not in /);
    const empty = mkdtempSync(join(tmpdir(), 'specvet-tpl-'));
    try {
      await expect(templateHandlers(empty).listTemplates({})).rejects.toThrow(/holds no spEigen\*\.fits files; set "templates" in config\.json/);
      await expect(templateHandlers(join(empty, 'gone')).listTemplates({})).rejects.toThrow(/cannot read \(ENOENT\)/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
