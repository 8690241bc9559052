/**
 * The key help's pages (frame/keyHelpPages.ts): every key of a screen is on its page once,
 * grouped by purpose; a mode view's own keys hide the review keys they win over; rebound keys
 * are shown as bound; other screens are those the reviewer can reach; columns never split a group.
 */
import { describe, expect, it, vi } from 'vitest';
import { BATCH_LIST_KEYMAP, chordLabel, DEFAULT_KEYMAP, type Keymap } from '../../../shared/keymap';
import { reboundMap } from '../../../shared/keyScopes';
import { BROWSE_KEYMAP, SPECTROGRAPH_KEYMAP } from '../../../shared/modeKeys';
import { DESK_KEYS } from '../../../shared/keymapDesk';
import type { DeskMember } from '../../../shared/desk';

// The pages only read keymaps; the desk's actions beside them need an API object to load.
vi.mock('../../../src-renderer/api', () => ({ api: {} }));
const { columnsFor, helpPages, intoColumns, reviewGroups } = await import('../../../src-renderer/frame/keyHelpPages');
type BoundKeys = Parameters<typeof helpPages>[1];

const bound = (over: Partial<BoundKeys> = {}): BoundKeys => ({
  keymap: DEFAULT_KEYMAP,
  listKeymap: BATCH_LIST_KEYMAP,
  browseKeymap: BROWSE_KEYMAP,
  slitKeymap: SPECTROGRAPH_KEYMAP,
  screenKeys: {},
  member: null,
  ...over,
});
const coordinator: DeskMember = { user: 'co', role: 'coordinator' };
const texts = (groups: { rows: { text: string }[] }[]) => groups.flatMap((g) => g.rows.map((r) => r.text));
const keysOf = (groups: { rows: { keys: string[]; text: string }[] }[], text: string) => groups.flatMap((g) => g.rows).find((r) => r.text === text)?.keys;

describe('the key help pages', () => {
  it('lists every review key once, in groups by purpose, a family of actions on one row', () => {
    for (const keymap of [DEFAULT_KEYMAP, BATCH_LIST_KEYMAP] as Keymap[]) {
      const shown = reviewGroups(keymap).flatMap((g) => g.rows.flatMap((r) => r.keys));
      expect(shown.sort()).toEqual(Object.keys(keymap).map(chordLabel).sort());
    }
    const groups = reviewGroups(DEFAULT_KEYMAP);
    expect(groups.map((g) => g.title)).toEqual(['Move', 'Verdict', 'Redshift', 'Subclass, flags, comment', 'Chart', 'Assistant', 'Anywhere']);
    expect(groups.find((g) => g.title === 'Verdict')!.rows.slice(0, 3)).toEqual([
      { keys: ['Enter'], text: "accept the pipeline's answer as is (your default quality), next" },
      { keys: ['s', 'g', 'q', 'u'], text: 'class STAR / GALAXY / QSO / UNKNOWN' },
      { keys: ['0', '1', '2', '3', '4'], text: 'quality (4 certain … 1 no z possible, 0 not set) — saves, next' },
    ]);
    expect(keysOf(groups, 'z −/+ 0.001')).toEqual(['Shift+[', 'Shift+]']);
    // A lone action of a family keeps its own words (the grid takes none of these, but a rebinding could split them).
    expect(reviewGroups({ s: DEFAULT_KEYMAP.s! })[0]!.rows).toEqual([{ keys: ['s'], text: 'class STAR' }]);
  });

  it('leaves out the review keys a mode view takes: Enter opens a thumbnail, j / k move the fibre cursor', () => {
    const browse = helpPages('browse', bound()).here;
    expect(browse.groups[0]).toMatchObject({ title: 'Browse grid', own: true });
    expect(texts(browse.groups)).not.toContain("accept the pipeline's answer as is (your default quality), next");
    expect(texts(browse.groups)).toContain('class STAR / GALAXY / QSO / UNKNOWN');
    const slit = helpPages('spectrograph', bound()).here;
    expect(slit.groups.filter((g) => !g.own).flatMap((g) => g.rows.flatMap((r) => r.keys))).not.toEqual(expect.arrayContaining(['j']));
    expect(slit.groups.filter((g) => !g.own).flatMap((g) => g.rows.flatMap((r) => r.keys))).not.toEqual(expect.arrayContaining(['k']));
    expect(keysOf(slit.groups, 'cursor one fibre down')).toEqual(['↓', 'j']);
  });

  it('shows the keys as rebound, on this screen and on the others', () => {
    const b = bound({ keymap: reboundMap(DEFAULT_KEYMAP, { n: 'h' }), screenKeys: { 'desk.progress': { v: 'w' } }, member: coordinator });
    const pages = helpPages('batchList', b);
    const single = pages.others.find((s) => s.id === 'review')!;
    expect(keysOf(single.groups, 'next spectrum')).toEqual(['→', 'h']);
    const classes = reviewGroups(reboundMap(DEFAULT_KEYMAP, { g: 'w' }));
    expect(keysOf(classes, 'class STAR / GALAXY / QSO / UNKNOWN')).toEqual(['s', 'w', 'q', 'u']);
    const progress = pages.others.find((s) => s.id === 'progress')!;
    expect(keysOf(progress.groups, 'next view (reviewer, batch, plan, night)')).toEqual(['w']);
  });

  it('offers the desk screens the role may use, and never the one on view twice', () => {
    expect(helpPages('batchList', bound()).others.map((s) => s.id)).toEqual(['review', 'browse', 'spectrograph', 'trace']);
    const pages = helpPages('recheckCase', bound({ member: coordinator }));
    expect(pages.here.title).toBe('Desk: a recheck case open');
    expect(pages.others.map((s) => s.id)).toEqual(['batchList', 'review', 'browse', 'spectrograph', 'batches', 'newBatch', 'progress', 'recheck', 'problems', 'problemOpen', 'export', 'trace']);
    const home = helpPages('batchList', bound({ member: coordinator })).here.groups.find((g) => g.own)!;
    expect(home.rows.map((r) => r.text)).toEqual(DESK_KEYS.home.map((d) => d.text));
    // In a desk screen only ? of the batch list reaches past it.
    expect(helpPages('progress', bound({ member: coordinator })).here.groups.at(-1)).toEqual({ title: 'Anywhere', rows: [{ keys: ['?'], text: "this screen's keys (Tab there: the other screens')" }] });
  });

  it('lays the groups in balanced columns, in order, a group never split', () => {
    const groups = reviewGroups(DEFAULT_KEYMAP);
    expect(columnsFor(groups)).toBe(3);
    expect(columnsFor(helpPages('export', bound({ member: coordinator })).here.groups)).toBe(1);
    const columns = intoColumns(groups, 3);
    expect(columns).toHaveLength(3);
    expect(columns.flat()).toEqual(groups);
    const rows = columns.map((c) => c.reduce((n, g) => n + g.rows.length + 1, 0));
    const biggest = Math.max(...groups.map((g) => g.rows.length + 1));
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(biggest);
  });
});
