/** The side panel (review/SidePanel.tsx) as text: the pipeline's answer, the target, the observation, and earlier verdicts marked where yours disagrees. */
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

  it("shows the pipeline's class, z ± error, S/N per band, the target, plan, date, spectrograph and fibre, seeing and moon", () => {
    const shown = text(renderToStaticMarkup(createElement(SidePanel, { item, draft })));
    expect(shown).toContain('class GALAXY');
    expect(shown).toContain('z 0.1000 ± 0.0001');
    expect(shown).toContain('u – g 5.0 r 8.0 i – z –');
    expect(shown).toContain('Target type galaxy source SDSS mag g 18.90 r 18.10 i 17.80');
    expect(shown).toContain('plan P1 date 2015-09-22 lmjd 57287 sp / fibre 1 / 1');
    expect(shown).toContain('seeing 3.1″ moon 60 % lit');
  });

  it('says what the survey does not know: no source, no magnitudes, no seeing or moon', () => {
    const bare = { ...item, tsource: '', mag: { g: null, r: null, i: null }, seeing: null, moon: null };
    const shown = text(renderToStaticMarkup(createElement(SidePanel, { item: bare, draft })));
    expect(shown).toContain('type galaxy source – mag none in the catalogue');
    expect(shown).toContain('seeing not known moon not known');
  });

  it('shows a missing magnitude as –, beside the ones there are', () => {
    const shown = text(renderToStaticMarkup(createElement(SidePanel, { item: { ...item, mag: { g: 17.25, r: null, i: 16.5 } }, draft })));
    expect(shown).toContain('mag g 17.25 r – i 16.50');
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
