/**
 * The review keys (docs/architecture.md, "Review keys"): a map from a key chord to a review
 * action, so that rebinding a key is a change of data, not of code. Pure data — used by the
 * renderer and by the Electron menu, which shows the same accelerators.
 *
 * A chord is written as modifiers then key: "Ctrl+z", "Shift+]", "Alt+[", "ArrowRight", "?".
 * Letters are lower case. Shift is part of the chord only for letters, brackets and named
 * keys: for other printable keys the character already says it ("?" is Shift+/).
 */
import { FEATURE_LINES, type FeatureLine } from './featureLines';
import type { Quality, SpecClass } from './model';

export type ReviewAction =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'accept' }
  | { kind: 'setClass'; value: SpecClass }
  | { kind: 'setQuality'; value: Quality }
  | { kind: 'nudgeZ'; step: number }
  | { kind: 'typeZ' }
  | { kind: 'zFromFeature'; line: FeatureLine }
  | { kind: 'pickSubclass' }
  | { kind: 'pickFlags' }
  | { kind: 'editComment' }
  | { kind: 'toggleLines' }
  | { kind: 'smooth'; step: 1 | -1 }
  | { kind: 'toggleErrors' }
  | { kind: 'toggleFrame' }
  // The assistant's (docs/assistant.md): the fit's model and χ²(z) strip; step its candidates.
  | { kind: 'toggleFit' }
  | { kind: 'stepCandidate'; step: 1 | -1 }
  | { kind: 'zoom'; op: ZoomOp }
  | { kind: 'resetZoom' }
  | { kind: 'undo' }
  | { kind: 'help' }
  | { kind: 'settings' }
  | { kind: 'back' }
  // The batch list's own (BATCH_LIST_KEYMAP).
  | { kind: 'cursor'; step: 1 | -1 }
  | { kind: 'openBatch' }
  | { kind: 'sync' }
  // The trace screen (docs/app.md): the spectrum on screen's story; on the batch list, a search.
  | { kind: 'trace' };

/** Zoom in / out around the centre of the view, or pan it a quarter of its width. */
export type ZoomOp = 'in' | 'out' | 'left' | 'right';

export type Keymap = Readonly<Record<string, ReviewAction>>;

const quality = (value: Quality): ReviewAction => ({ kind: 'setQuality', value });
const nudge = (step: number): ReviewAction => ({ kind: 'nudgeZ', step });

export const DEFAULT_KEYMAP: Keymap = {
  ArrowRight: { kind: 'next' },
  n: { kind: 'next' },
  ArrowLeft: { kind: 'prev' },
  b: { kind: 'prev' },
  Enter: { kind: 'accept' },
  s: { kind: 'setClass', value: 'STAR' },
  g: { kind: 'setClass', value: 'GALAXY' },
  q: { kind: 'setClass', value: 'QSO' },
  u: { kind: 'setClass', value: 'UNKNOWN' },
  '0': quality(0),
  '1': quality(1),
  '2': quality(2),
  '3': quality(3),
  '4': quality(4),
  '[': nudge(-0.0001),
  ']': nudge(0.0001),
  'Shift+[': nudge(-0.001),
  'Shift+]': nudge(0.001),
  'Alt+[': nudge(-0.01),
  'Alt+]': nudge(0.01),
  z: { kind: 'typeZ' },
  // Shift + a line's letter: the clicked feature is that line. Letters, not the class keys'
  // own (s g q u), so a slip of Shift never sets a class.
  'Shift+a': { kind: 'zFromFeature', line: 'Hα' },
  'Shift+b': { kind: 'zFromFeature', line: 'Hβ' },
  'Shift+o': { kind: 'zFromFeature', line: '[O III] 5008' },
  'Shift+m': { kind: 'zFromFeature', line: 'Mg II' },
  'Shift+c': { kind: 'zFromFeature', line: 'C IV' },
  'Shift+y': { kind: 'zFromFeature', line: 'Lyα' },
  'Shift+k': { kind: 'zFromFeature', line: 'Ca K' },
  t: { kind: 'pickSubclass' },
  f: { kind: 'pickFlags' },
  c: { kind: 'editComment' },
  l: { kind: 'toggleLines' },
  '.': { kind: 'smooth', step: 1 },
  ',': { kind: 'smooth', step: -1 },
  e: { kind: 'toggleErrors' },
  x: { kind: 'toggleFrame' },
  a: { kind: 'toggleFit' },
  j: { kind: 'stepCandidate', step: 1 },
  k: { kind: 'stepCandidate', step: -1 },
  '+': { kind: 'zoom', op: 'in' },
  // "+" is Shift+= on many keyboards; "=" zooms in too, so no Shift is needed.
  '=': { kind: 'zoom', op: 'in' },
  '-': { kind: 'zoom', op: 'out' },
  'Shift+ArrowLeft': { kind: 'zoom', op: 'left' },
  'Shift+ArrowRight': { kind: 'zoom', op: 'right' },
  r: { kind: 'resetZoom' },
  'Ctrl+z': { kind: 'undo' },
  '?': { kind: 'help' },
  // Ctrl+, is where desktop apps keep their settings; a bare "," is smoothing.
  'Ctrl+,': { kind: 'settings' },
  '/': { kind: 'trace' },
  Escape: { kind: 'back' },
};

/** On the batch list (no batch open): a cursor over the rows, Enter opens, s syncs. */
export const BATCH_LIST_KEYMAP: Keymap = {
  ArrowDown: { kind: 'cursor', step: 1 },
  j: { kind: 'cursor', step: 1 },
  ArrowUp: { kind: 'cursor', step: -1 },
  k: { kind: 'cursor', step: -1 },
  Enter: { kind: 'openBatch' },
  s: { kind: 'sync' },
  '/': { kind: 'trace' },
  '?': { kind: 'help' },
  // Ctrl+, is where desktop apps keep their settings; a bare "," is smoothing.
  'Ctrl+,': { kind: 'settings' },
  Escape: { kind: 'back' },
};

/** What a key event looks like to the keymap (a DOM KeyboardEvent fits). */
export interface KeyChordSource {
  key: string;
  code: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Keys named by their physical position, so Shift / Alt do not change them ("{" → "["). */
const BY_CODE: Readonly<Record<string, string>> = { BracketLeft: '[', BracketRight: ']' };

export function chordOf(e: KeyChordSource): string {
  const byCode = BY_CODE[e.code];
  const base = byCode ?? (e.key.length === 1 ? e.key.toLowerCase() : e.key);
  const letter = /^[a-z]$/.test(base);
  const named = base.length > 1;
  let chord = base;
  if (e.shiftKey && (letter || named || byCode !== undefined)) chord = `Shift+${chord}`;
  if (e.altKey) chord = `Alt+${chord}`;
  if (e.ctrlKey || e.metaKey) chord = `Ctrl+${chord}`;
  return chord;
}

/** One line per action for the key help, in the order a reviewer learns them. */
export function describeAction(a: ReviewAction): string {
  switch (a.kind) {
    case 'next':
      return 'next spectrum';
    case 'prev':
      return 'previous spectrum';
    case 'accept':
      return "accept the pipeline's answer as is (your default quality), next";
    case 'setClass':
      return `class ${a.value}`;
    case 'setQuality':
      return a.value === 0 ? 'quality not set — saves, next' : `quality ${a.value} — saves, next`;
    case 'nudgeZ':
      return `z ${a.step > 0 ? '+' : '−'}${Math.abs(a.step)}`;
    case 'typeZ':
      return 'type an exact z (Enter sets, Esc cancels)';
    case 'zFromFeature':
      return `the clicked feature is ${a.line}: sets z`;
    case 'pickSubclass':
      return 'subclass: type ahead, ↑ ↓ pick, Enter sets';
    case 'pickFlags':
      return 'flags: 1–8 toggle one, Enter or Esc closes';
    case 'editComment':
      return 'comment (Enter keeps it, Shift+Enter new line)';
    case 'toggleLines':
      return 'line markers on/off';
    case 'smooth':
      return a.step > 0 ? 'smooth more (boxcar, up to 15 pixels)' : 'smooth less';
    case 'toggleErrors':
      return '1σ error band on/off';
    case 'toggleFrame':
      return 'x axis: rest frame, λ / (1 + z) at your z / observed';
    case 'toggleFit':
      return "the assistant's fit on/off: model over the flux, χ²(z) strip";
    case 'stepCandidate':
      return a.step > 0 ? "fit: next candidate, sets the draft's class, subclass and z" : 'fit: previous candidate';
    case 'zoom':
      return ZOOM_TEXT[a.op];
    case 'resetZoom':
      return 'reset zoom (drag on the chart to zoom in)';
    case 'undo':
      return 'undo the last verdict not yet pushed';
    case 'help':
      return "this screen's keys (Tab there: the other screens')";
    case 'settings':
      return 'settings: data source, rebind keys, quality of Enter';
    case 'back':
      return 'close this list or the sign-in; else back to the batch list';
    case 'cursor':
      return a.step > 0 ? 'batch list: cursor down' : 'batch list: cursor up';
    case 'openBatch':
      return 'batch list: open the batch at the cursor, at its bookmark';
    case 'sync':
      return 'batch list: sync with the server';
    case 'trace':
      return "trace the spectrum's story (on the batch list: search one)";
  }
}

const ZOOM_TEXT: Readonly<Record<ZoomOp, string>> = {
  in: 'zoom in around the centre',
  out: 'zoom out',
  left: 'pan left',
  right: 'pan right',
};
const ZOOM_ORDER: readonly ZoomOp[] = ['in', 'out', 'left', 'right'];

/**
 * The order a reviewer learns the keys in (README "Review keys"). Written out because a
 * keymap's own order is no guide: object keys that look like numbers ("0"–"4") always come first.
 */
const HELP_ORDER: readonly ReviewAction['kind'][] = [
  'next',
  'prev',
  'accept',
  'setClass',
  'setQuality',
  'nudgeZ',
  'typeZ',
  'zFromFeature',
  'pickSubclass',
  'pickFlags',
  'editComment',
  'toggleLines',
  'smooth',
  'toggleErrors',
  'toggleFrame',
  'toggleFit',
  'stepCandidate',
  'zoom',
  'resetZoom',
  'undo',
  'cursor',
  'openBatch',
  'sync',
  'trace',
  'help',
  'settings',
  'back',
];
const FEATURE_ORDER: readonly string[] = FEATURE_LINES;
const CLASS_ORDER: readonly string[] = ['STAR', 'GALAXY', 'QSO', 'UNKNOWN'];

function rankWithinKind(a: ReviewAction): number {
  if (a.kind === 'setClass') return CLASS_ORDER.indexOf(a.value);
  if (a.kind === 'setQuality') return a.value;
  if (a.kind === 'smooth' || a.kind === 'cursor' || a.kind === 'stepCandidate') return -a.step;
  if (a.kind === 'zoom') return ZOOM_ORDER.indexOf(a.op);
  if (a.kind === 'zFromFeature') return FEATURE_ORDER.indexOf(a.line);
  // Smallest step first, − before +: "[" "]", then Shift, then Alt.
  if (a.kind === 'nudgeZ') return Math.abs(a.step) * 10 + (a.step > 0 ? Math.abs(a.step) : 0);
  return 0;
}

/** Whether two actions are the same (actions are flat records of a kind and its values). */
export function sameAction(a: ReviewAction, b: ReviewAction): boolean {
  const ka = Object.keys(a) as (keyof ReviewAction)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Every chord the keymap binds to `action`, in the keymap's order. */
export function chordsFor(action: ReviewAction, keymap: Keymap): string[] {
  return Object.entries(keymap).filter(([, a]) => sameAction(a, action)).map(([chord]) => chord);
}

/** A chord as printed on a key: "ArrowRight" → "→", "Ctrl+z" → "Ctrl+Z", "Escape" → "Esc". */
export function chordLabel(chord: string): string {
  const names: Readonly<Record<string, string>> = { ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };
  const parts = chord.split('+');
  const key = parts.pop()!;
  const shown = names[key] ?? (/^[a-z]$/.test(key) && parts.length > 0 ? key.toUpperCase() : key);
  return [...parts, shown].join('+');
}

export interface HelpRow {
  /** Every chord that does this, as labels ("→", "n"). */
  keys: string[];
  text: string;
}

/** A keymap's chords with their actions, in the order the key help lists them. */
export function inHelpOrder(keymap: Keymap): [string, ReviewAction][] {
  return Object.entries(keymap).sort(([, a], [, b]) => {
    const byKind = HELP_ORDER.indexOf(a.kind) - HELP_ORDER.indexOf(b.kind);
    return byKind !== 0 ? byKind : rankWithinKind(a) - rankWithinKind(b);
  });
}

/** The key help's rows: one per action, its chords together, in HELP_ORDER. */
export function helpRows(keymap: Keymap): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const [chord, action] of inHelpOrder(keymap)) {
    const text = describeAction(action);
    const same = rows.find((r) => r.text === text);
    if (same) same.keys.push(chordLabel(chord));
    else rows.push({ keys: [chordLabel(chord)], text });
  }
  return rows;
}

/**
 * The keys of the given kinds of action for a one-line hint, in help order ("s g q u"). Chords
 * with a modifier are left out where the kind has a bare one: the hint names the main keys, `?`
 * names them all.
 */
export function hintKeys(keymap: Keymap, ...kinds: ReviewAction['kind'][]): string {
  const rows = helpRows(Object.fromEntries(Object.entries(keymap).filter(([, a]) => kinds.includes(a.kind))));
  const labels = rows.flatMap((r) => r.keys);
  const bare = labels.filter((l) => !/^(Ctrl|Alt|Shift)\+./.test(l));
  const shown = bare.length > 0 ? bare : labels;
  // "0 1 2 3 4" reads as one range.
  const digits = shown.map(Number);
  const run = shown.length > 2 && shown.every((l, i) => /^\d$/.test(l) && (i === 0 || digits[i] === digits[i - 1]! + 1));
  return run ? `${shown[0]}–${shown.at(-1)}` : shown.join(' ');
}
