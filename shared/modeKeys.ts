/**
 * The keys of the browse grid and of the spectrograph view, beside the review keys of
 * shared/keymap.ts. A chord here wins over the same chord there while that view is on screen;
 * every other review key keeps its meaning (in the grid the verdict keys act on the thumbnail
 * under the cursor). Pure data, like the review keymap, so a rebinding is a change of data.
 */
import type { HelpRow } from './keymap';
import { chordLabel } from './keymap';

export type BrowseAction =
  | { kind: 'row'; step: 1 | -1 }
  | { kind: 'page'; step: 1 | -1 }
  /** Open the thumbnail in single mode; on the page's last thumbnail Space pages on instead. */
  | { kind: 'open'; orPageOn: boolean };

export type SpectrographAction =
  | { kind: 'fibre'; step: number; extend: boolean }
  | { kind: 'end'; which: 'first' | 'last' }
  /** All 250 fibres in the window at once, or back to rows one can read. */
  | { kind: 'overview' }
  | { kind: 'report' };

export type ModeKeymap<A> = Readonly<Record<string, A>>;

export const BROWSE_KEYMAP: ModeKeymap<BrowseAction> = {
  ArrowDown: { kind: 'row', step: 1 },
  ArrowUp: { kind: 'row', step: -1 },
  PageDown: { kind: 'page', step: 1 },
  PageUp: { kind: 'page', step: -1 },
  ' ': { kind: 'open', orPageOn: true },
  Enter: { kind: 'open', orPageOn: false },
};

/** The view scrolls by this many fibres on PgDn / PgUp. */
export const FIBRE_PAGE = 25;

export const SPECTROGRAPH_KEYMAP: ModeKeymap<SpectrographAction> = {
  ArrowDown: { kind: 'fibre', step: 1, extend: false },
  j: { kind: 'fibre', step: 1, extend: false },
  ArrowUp: { kind: 'fibre', step: -1, extend: false },
  k: { kind: 'fibre', step: -1, extend: false },
  'Shift+ArrowDown': { kind: 'fibre', step: 1, extend: true },
  'Shift+j': { kind: 'fibre', step: 1, extend: true },
  'Shift+ArrowUp': { kind: 'fibre', step: -1, extend: true },
  'Shift+k': { kind: 'fibre', step: -1, extend: true },
  PageDown: { kind: 'fibre', step: FIBRE_PAGE, extend: false },
  PageUp: { kind: 'fibre', step: -FIBRE_PAGE, extend: false },
  'Shift+PageDown': { kind: 'fibre', step: FIBRE_PAGE, extend: true },
  'Shift+PageUp': { kind: 'fibre', step: -FIBRE_PAGE, extend: true },
  Home: { kind: 'end', which: 'first' },
  End: { kind: 'end', which: 'last' },
  o: { kind: 'overview' },
  p: { kind: 'report' },
};

export function describeBrowse(a: BrowseAction): string {
  switch (a.kind) {
    case 'row':
      return a.step > 0 ? 'cursor one row down' : 'cursor one row up';
    case 'page':
      return a.step > 0 ? 'next page — this page counts as seen, the bookmark moves past it' : 'previous page';
    case 'open':
      return a.orPageOn ? 'open in single mode (Esc back to the grid); on the last thumbnail: next page' : 'open in single mode (Esc back to the grid)';
  }
}

export function describeSpectrograph(a: SpectrographAction): string {
  switch (a.kind) {
    case 'fibre': {
      const what = Math.abs(a.step) === 1 ? 'one fibre' : `${Math.abs(a.step)} fibres`;
      return `${a.extend ? 'extend the selection' : 'cursor'} ${what} ${a.step > 0 ? 'down' : 'up'}`;
    }
    case 'end':
      return a.which === 'first' ? 'first fibre' : 'last fibre';
    case 'overview':
      return 'all 250 fibres at once / back to readable rows';
    case 'report':
      return 'report a problem on the selected fibres (click first and last fibre to select too)';
  }
}

/** Help rows for a mode keymap, in the map's own order, chords of one action together. */
export function modeHelpRows<A>(keymap: ModeKeymap<A>, describe: (a: A) => string): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const [chord, action] of Object.entries(keymap)) {
    const text = describe(action);
    const label = chord === ' ' ? 'Space' : chordLabel(chord);
    const same = rows.find((r) => r.text === text);
    if (same) same.keys.push(label);
    else rows.push({ keys: [label], text });
  }
  return rows;
}

/** A chord as the one-line hints print it: short names where the line is narrow ("PgDn", "Shift+PgUp", "Space"). */
export function hintLabel(chord: string): string {
  if (chord === ' ') return 'Space';
  if (chord === 'Shift+Tab') return '⇧Tab';
  return chordLabel(chord).replace(/Page(Down|Up)$/, (_, d: string) => (d === 'Down' ? 'PgDn' : 'PgUp'));
}

/** The chords of a mode keymap's actions that `pick` chooses, for a one-line hint ("PgDn"). */
export function modeHintKeys<A>(keymap: ModeKeymap<A>, pick: (a: A) => boolean): string {
  return Object.entries(keymap)
    .filter(([, a]) => pick(a))
    .map(([chord]) => hintLabel(chord))
    .join(' ');
}
