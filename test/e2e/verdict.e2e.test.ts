/**
 * The verdict by keyboard in single mode: flags (f, a digit toggles one), a comment (c), the
 * subclass picker (t, type ahead), Enter at the reviewer's "as is" quality, and a class and z that
 * contradict each other questioned before saving. Checks what is on screen and what was stored
 * (listItems over the API, as the side panel and the outbox read it). Screenshots of the flag
 * and subclass pickers at 1280×800 and 1920×1080 go to test-results/verdict-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model';
import { classZQuestion } from '../../shared/plausibility';
import { apiCall, demoBatch, pageProblems, ROOT, webEditionForSuite } from './support';

const shown = (page: Page) => page.getByTestId('spectrum-chart').getAttribute('data-painted-obsid').then(Number);
const waitPainted = (page: Page, obsid: number) => page.locator(`[data-painted-obsid="${obsid}"]`).waitFor();

describe('web edition, the verdict by keyboard', () => {
  const web = webEditionForSuite();

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`${size.width}×${size.height}: flags, comment, subclass, Enter's quality, the class/z question`, async () => {
      const single = await demoBatch(web.served, 'single');
      const before = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
      const page = await web.browser.newPage({ viewport: size });
      const problems = pageProblems(page);
      await page.goto(web.served.url);
      await page.getByRole('button', { name: single.name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-painted-obsid]:not([data-painted-obsid=""])').waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const first = await shown(page);
      const at = before.findIndex((i) => i.obsid === first);

      // f, then digits toggle flags (not qualities: the spectrum stays), Enter closes.
      await page.keyboard.press('f');
      const picker = page.getByTestId('flag-picker');
      await picker.waitFor();
      await page.keyboard.press('4');
      await page.keyboard.press('5');
      await page.keyboard.press('8');
      await page.keyboard.press('8');
      expect(await picker.locator('li.on').allInnerTexts()).toEqual(['4 ☑ cosmic ray', '5 ☑ two objects in the fibre']);
      await page.screenshot({ path: join(ROOT, `test-results/verdict-flags-${size.width}x${size.height}.png`) });
      // README's picture of the verdict keys (docs/verdict.png), at the laptop size.
      if (size.width === 1280) await page.screenshot({ path: join(ROOT, 'docs/verdict.png') });
      await page.keyboard.press('Enter');
      await expect.poll(() => picker.count()).toBe(0);
      expect(await shown(page)).toBe(first);
      expect(await page.getByTestId('side-flags').innerText()).toBe('cosmic ray\ntwo objects in the fibre');

      // c: a comment, kept in the draft by Enter.
      await page.keyboard.press('c');
      await page.getByRole('textbox', { name: 'comment' }).waitFor();
      await page.keyboard.type('a star in front of the galaxy');
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('side-comment').innerText()).toBe('a star in front of the galaxy');

      // g, a plausible z, then t: type ahead; text that matches nothing is refused and kept.
      await page.keyboard.press('g');
      await page.keyboard.press('z');
      await page.keyboard.type('0.1');
      await page.keyboard.press('Enter');
      await page.keyboard.press('t');
      const subclass = page.getByRole('textbox', { name: 'subclass' });
      await subclass.waitFor();
      await page.keyboard.type('zz');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('subclass-picker').getByRole('alert').innerText()).toBe(
        '"zz" is no LAMOST subclass of a GALAXY; pick one from the list, or Esc',
      );
      expect(await subclass.inputValue()).toBe('zz');
      await subclass.fill('');
      await page.keyboard.type('star');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('option', { selected: true }).innerText()).toBe('STARBURST');
      await page.screenshot({ path: join(ROOT, `test-results/verdict-subclass-${size.width}x${size.height}.png`) });
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('draft').innerText()).toBe('yours: GALAXY STARBURST · z = 0.1000 · quality – · 2 flags · comment');
      await page.keyboard.press('3');
      await expect.poll(() => shown(page)).not.toBe(first);
      const second = await shown(page);

      // A STAR at z 3.5 is questioned: nothing saved, the spectrum stays; 3 again saves it.
      await page.keyboard.press('s');
      await page.keyboard.press('z');
      await page.keyboard.type('3.5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('3');
      await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(
        /^not saved yet: a STAR at z 3\.5000 is above 0\.005, outside -0\.005 … 0\.005 where a STAR is expected — press the key again/,
      );
      expect(await shown(page)).toBe(second);
      await page.keyboard.press('3');
      await expect.poll(() => shown(page)).not.toBe(second);

      // Enter on a plausible pipeline answer saves it at quality 3 (the default "as is").
      const rest = before.slice(at + 2);
      const plausible = rest.findIndex((i) => classZQuestion(i.pipeline.class, i.pipeline.z) === null);
      for (let k = 0; k < plausible; k++) await page.keyboard.press('n');
      await waitPainted(page, rest[plausible]!.obsid);
      await page.keyboard.press('Enter');
      await expect.poll(() => shown(page)).not.toBe(rest[plausible]!.obsid);

      const after = await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id });
      const verdictOn = (obsid: number) => after.find((i) => i.obsid === obsid)!.verdict;
      await expect.poll(async () => (await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id })).filter((i) => i.verdict).length).toBeGreaterThanOrEqual(3);
      expect(verdictOn(first)).toMatchObject({ class: 'GALAXY', subclass: 'STARBURST', z: 0.1, quality: 3, flags: ['cosmic-ray', 'two-objects'], comment: 'a star in front of the galaxy' });
      expect(verdictOn(second)).toMatchObject({ class: 'STAR', z: 3.5, quality: 3, flags: [] });
      const p = rest[plausible]!.pipeline;
      expect(verdictOn(rest[plausible]!.obsid)).toMatchObject({ class: p.class, subclass: p.subclass, z: p.z, quality: 3 });
      expect(problems).toEqual([]);
      // Withdraw them for the next size (Ctrl+Z, newest first).
      for (let k = 0; k < 3; k++) await page.keyboard.press('Control+z');
      await expect.poll(async () => (await apiCall<Item[]>(web.served.url, 'listItems', { batchId: single.id })).filter((i) => i.verdict).length).toBe(0);
      await page.close();
    });
  }
});
