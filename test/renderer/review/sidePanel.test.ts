/** The side panel (review/SidePanel.tsx) as text: the pipeline's answer, the observation, and earlier verdicts marked where yours disagrees. */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { lmjdDate, SidePanel } from '../../../src-renderer/review/SidePanel';
import type { Verdict } from '../../../shared/model';
import { BATCH_ID, itemsOf } from './fakeApi';

const verdict = (reviewer: string, cls: Verdict['class'], z: number, day: string): Verdict => ({
  id: `${reviewer}-${day}`,
  obsid: 1000,
  batchId: BATCH_ID,
  reviewer,
  class: cls,
  subclass: '',
  z,
  quality: 3,
  flags: [],
  comment: reviewer === 'bob' ? 'broad Mg II' : '',
  createdAt: `2026-11-${day}T10:00:00.000Z`,
  supersedes: null,
  pushed: true,
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('side panel', () => {
  const item = { ...itemsOf(BATCH_ID, 1)[0]!, lmjd: 57287, history: [verdict('carol', 'GALAXY', 0.1001, '02'), verdict('bob', 'QSO', 1.5, '03')] };
  const draft = { obsid: 1000, class: 'GALAXY' as const, subclass: '', z: 0.1, quality: 0 as const, flags: [], comment: '' };

  it("shows the pipeline's class, z ± error, S/N per band, objtype, plan, date, spectrograph and fibre", () => {
    const shown = text(renderToStaticMarkup(createElement(SidePanel, { item, draft })));
    expect(shown).toContain('class GALAXY');
    expect(shown).toContain('z 0.1000 ± 0.0001');
    expect(shown).toContain('u – g 5.0 r 8.0 i – z –');
    expect(shown).toContain('objtype galaxy');
    expect(shown).toContain('plan P1 date 2015-09-22 lmjd 57287 sp / fibre 1 / 1');
  });

  it('lists everyone else’s verdicts, marking the one yours disagrees with', () => {
    const html = renderToStaticMarkup(createElement(SidePanel, { item, draft }));
    const rows = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => ({ disagrees: m[0].includes('disagrees'), text: text(m[1]!) }));
    expect(rows).toEqual([
      { disagrees: false, text: 'carol, 2026-11-02 GALAXY z 0.1001 q3' },
      { disagrees: true, text: '≠ bob, 2026-11-03 QSO z 1.5000 q3 broad Mg II' },
    ]);
  });

  it('says when nobody else has checked the spectrum', () => {
    expect(text(renderToStaticMarkup(createElement(SidePanel, { item: { ...item, history: [] }, draft })))).toContain('nobody else has checked it');
  });

  it('turns lmjd into a date', () => {
    expect(lmjdDate(57287)).toBe('2015-09-22');
  });
});
