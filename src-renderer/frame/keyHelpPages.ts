/**
 * What the key help (`?`) shows, as data: the screen on view first, its keys grouped by purpose
 * and laid out in balanced columns so that they are read at a glance (no scrolling at 1280×800);
 * every other screen's keys on a second page. All as the reviewer has bound them.
 */
import { chordLabel, describeAction, helpRows, inHelpOrder, sameAction, type HelpRow, type Keymap, type ReviewAction } from '../../shared/keymap';
import { DESK_SCOPE_TITLES, type DeskKeyScope } from '../../shared/keymapDesk';
import type { ScreenKeys } from '../../shared/keyScopes';
import { describeBrowse, describeSpectrograph, modeHelpRows, type BrowseAction, type ModeKeymap, type SpectrographAction } from '../../shared/modeKeys';
import type { DeskMember } from '../../shared/desk';
import { DESK_SCREENS, deskScopeKeys, keyLabel, type DeskKey } from '../desk/deskKeys';

export interface HelpGroup {
  title: string;
  rows: HelpRow[];
  /** The screen's own keys, beside the review keymap's (the browse grid's, a desk screen's). */
  own?: boolean;
}

export interface HelpScreen {
  id: ScreenId;
  title: string;
  /** How the review keys act there, where it needs saying. */
  note?: string;
  groups: HelpGroup[];
}

/** A screen with keys of its own: the single view, the batch list, the two mode views, a desk scope. */
export type ScreenId = 'review' | 'batchList' | 'browse' | 'spectrograph' | Exclude<DeskKeyScope, 'home'>;

/** Everything the pages are made of: the reviewer's keymaps and who they are at the desk. */
export interface BoundKeys {
  keymap: Keymap;
  listKeymap: Keymap;
  browseKeymap: ModeKeymap<BrowseAction>;
  slitKeymap: ModeKeymap<SpectrographAction>;
  screenKeys: ScreenKeys;
  member: DeskMember | null;
}

type Purpose = 'Batch list' | 'Move' | 'Verdict' | 'Redshift' | 'Subclass, flags, comment' | 'Chart' | 'Assistant' | 'Anywhere';

/** Every review action's purpose: a Record, so a new kind cannot be left out of the help. */
const PURPOSE_OF: Readonly<Record<ReviewAction['kind'], Purpose>> = {
  cursor: 'Batch list',
  openBatch: 'Batch list',
  sync: 'Batch list',
  next: 'Move',
  prev: 'Move',
  accept: 'Verdict',
  setClass: 'Verdict',
  setQuality: 'Verdict',
  undo: 'Verdict',
  nudgeZ: 'Redshift',
  typeZ: 'Redshift',
  zFromFeature: 'Redshift',
  pickSubclass: 'Subclass, flags, comment',
  pickFlags: 'Subclass, flags, comment',
  editComment: 'Subclass, flags, comment',
  toggleLines: 'Chart',
  smooth: 'Chart',
  toggleErrors: 'Chart',
  toggleFrame: 'Chart',
  zoom: 'Chart',
  resetZoom: 'Chart',
  toggleFit: 'Assistant',
  stepCandidate: 'Assistant',
  trace: 'Anywhere',
  help: 'Anywhere',
  settings: 'Anywhere',
  back: 'Anywhere',
};
const PURPOSES: readonly Purpose[] = ['Batch list', 'Move', 'Verdict', 'Redshift', 'Subclass, flags, comment', 'Chart', 'Assistant', 'Anywhere'];

/**
 * Actions read as one row when together ("s g q u  class STAR / GALAXY / QSO / UNKNOWN"): the
 * row's keys stay in the actions' order, so each key still lines up with its word.
 */
function familyOf(a: ReviewAction): string | null {
  if (a.kind === 'setClass' || a.kind === 'setQuality' || a.kind === 'smooth' || a.kind === 'stepCandidate') return a.kind;
  if (a.kind === 'nudgeZ') return `nudgeZ ${Math.abs(a.step)}`;
  return null;
}

function familyText(actions: readonly ReviewAction[]): string {
  const a = actions[0]!;
  switch (a.kind) {
    case 'setClass':
      return `class ${actions.map((x) => (x.kind === 'setClass' ? x.value : '')).join(' / ')}`;
    case 'setQuality':
      return 'quality (4 certain … 1 no z possible, 0 not set) — saves, next';
    case 'nudgeZ':
      return `z −/+ ${Math.abs(a.step)}`;
    case 'smooth':
      return 'smooth more / less (boxcar, up to 15 pixels)';
    default:
      return "fit: next / previous candidate (sets the draft's class, subclass and z)";
  }
}

/** A keymap's rows in learning order, a family's actions on one row (shared/keymap.ts helpRows, folded). */
function reviewRows(keymap: Keymap): HelpRow[] {
  const rows: (HelpRow & { family: string | null; actions: ReviewAction[] })[] = [];
  for (const [chord, action] of inHelpOrder(keymap)) {
    const family = familyOf(action);
    const text = describeAction(action);
    const same = rows.find((r) => (family !== null ? r.family === family : r.text === text));
    if (!same) rows.push({ keys: [chordLabel(chord)], text, family, actions: [action] });
    else {
      same.keys.push(chordLabel(chord));
      if (!same.actions.some((x) => sameAction(x, action))) same.actions.push(action);
      if (same.actions.length > 1) same.text = familyText(same.actions);
    }
  }
  return rows.map(({ keys, text }) => ({ keys, text }));
}

/** A review keymap's rows by purpose, leaving out the chords in `taken` (a mode view's own keys win there). */
export function reviewGroups(keymap: Keymap, taken: readonly string[] = []): HelpGroup[] {
  const live = Object.entries(keymap).filter(([chord]) => !taken.includes(chord));
  return PURPOSES.map((title) => ({ title, rows: reviewRows(Object.fromEntries(live.filter(([, a]) => PURPOSE_OF[a.kind] === title))) })).filter(
    (g) => g.rows.length > 0,
  );
}

const deskRows = (keys: DeskKey[]): HelpRow[] => keys.filter((k) => k.keys.length > 0).map((k) => ({ keys: k.keys.map(keyLabel), text: k.text }));

/** The desk scopes `member` may open (the trace anyone, offline too), each screen followed by what opens inside it. */
function deskScopes(member: DeskMember | null): Exclude<DeskKeyScope, 'home'>[] {
  const screens = DESK_SCREENS.filter((d) => d.screen === 'trace' || (member && d.may(member))).map((d) => d.screen);
  return screens.flatMap((s) => (s === 'recheck' ? [s, 'recheckCase' as const] : s === 'problems' ? [s, 'problemOpen' as const] : [s]));
}

/** A mode view's page: its own keys, then the review keys it leaves live (its chords win). */
function modeScreen(id: ScreenId, title: string, note: string, own: HelpRow[], keymap: Keymap, mode: ModeKeymap<unknown>): HelpScreen {
  return { id, title, note, groups: [{ title, rows: own, own: true }, ...reviewGroups(keymap, Object.keys(mode))] };
}

/**
 * One screen's page. `deskKeys`: the keys of a desk scope as they are now (an export by nights
 * has no cursor), else the scope's all.
 */
export function helpScreen(id: ScreenId, b: BoundKeys, deskKeys?: DeskKey[]): HelpScreen {
  switch (id) {
    case 'review':
      return { id, title: 'Single view', groups: reviewGroups(b.keymap) };
    case 'batchList': {
      const opens = deskRows(deskScopeKeys('home', b.member, b.keymap, b.screenKeys));
      const desk: HelpGroup[] = opens.length > 0 ? [{ title: 'Desk screens', rows: opens, own: true }] : [];
      return { id, title: 'Batch list', groups: [...reviewGroups(b.listKeymap), ...desk] };
    }
    case 'browse':
      return modeScreen(id, 'Browse grid', 'the single view’s keys act on the thumbnail under the cursor', modeHelpRows(b.browseKeymap, describeBrowse), b.keymap, b.browseKeymap);
    case 'spectrograph':
      return modeScreen(id, 'Spectrograph view', 'the single view’s other keys stay live', modeHelpRows(b.slitKeymap, describeSpectrograph), b.keymap, b.slitKeymap);
    default: {
      const title = DESK_SCOPE_TITLES[id];
      const rows = deskRows(deskKeys ?? deskScopeKeys(id, b.member, b.keymap, b.screenKeys));
      // Inside a desk screen every key is the screen's but the batch list's ? (useDeskKeys.ts).
      const help = helpRows(Object.fromEntries(Object.entries(b.listKeymap).filter(([, a]) => a.kind === 'help')));
      return { id, title, groups: [{ title: title.replace(/^Desk: /, ''), rows, own: true }, { title: 'Anywhere', rows: help }] };
    }
  }
}

/** The key help's two pages: the screen on view, then every other screen the reviewer can reach. */
export function helpPages(here: ScreenId, b: BoundKeys, deskKeys?: DeskKey[]): { here: HelpScreen; others: HelpScreen[] } {
  const all: ScreenId[] = ['batchList', 'review', 'browse', 'spectrograph', ...deskScopes(b.member)];
  // Elsewhere a mode view's own keys are enough: its review keys are the single view's, listed there.
  const other = (id: ScreenId): HelpScreen => {
    const s = helpScreen(id, b);
    return id === 'browse' || id === 'spectrograph' ? { ...s, note: 'and the single view’s keys it leaves free', groups: s.groups.filter((g) => g.own) } : s;
  };
  return { here: helpScreen(here, b, deskKeys), others: all.filter((id) => id !== here).map(other) };
}

/** About how many lines a row takes in a column: its text wraps past ~44 characters, its keys past the keys' 112 px. */
const LINE_CHARS = 44;
const KEYS_PX = 112;
const keysWidth = (keys: readonly string[]) => keys.reduce((w, k) => w + k.length * 7.5 + 13, 0);
const rowLines = (r: HelpRow) => Math.max(Math.ceil(r.text.length / LINE_CHARS), Math.ceil(keysWidth(r.keys) / KEYS_PX));
/** A group's height in lines, its heading counted as about one and a half. */
const weight = (g: HelpGroup) => 1.5 + g.rows.reduce((n, r) => n + rowLines(r), 0);

/** How many columns a screen's keys want: one for a few, up to three for the single view's. */
export function columnsFor(groups: readonly HelpGroup[]): 1 | 2 | 3 {
  const lines = groups.reduce((n, g) => n + weight(g), 0);
  return lines <= 16 ? 1 : lines <= 34 ? 2 : 3;
}

/** Groups in order into at most `n` columns, the tallest as short as can be; a group is never split. */
export function intoColumns(groups: readonly HelpGroup[], n: number): HelpGroup[][] {
  const heights = groups.map(weight);
  const height = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  // Every way to cut the list in n parts (a dozen groups at most): the lowest tallest part wins.
  const best = (from: number, parts: number): { tallest: number; cuts: number[] } => {
    if (parts === 1 || groups.length - from <= 1) return { tallest: height(from, groups.length), cuts: [] };
    let out = { tallest: Infinity, cuts: [] as number[] };
    for (let cut = from + 1; cut < groups.length; cut++) {
      const rest = best(cut, parts - 1);
      const tallest = Math.max(height(from, cut), rest.tallest);
      if (tallest < out.tallest) out = { tallest, cuts: [cut, ...rest.cuts] };
    }
    return out;
  };
  const edges = [0, ...best(0, n).cuts, groups.length];
  return edges.slice(1).map((end, i) => groups.slice(edges[i], end));
}
