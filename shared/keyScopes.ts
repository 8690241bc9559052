/**
 * Every rebindable key, grouped by the screen where it is live (a scope): the single view's
 * review keys, the batch list's, the browse grid's, the spectrograph view's and each desk
 * screen's. A rebinding is refused only against the keys live at the same time as it: two
 * review keys may not share a chord, a browse key may equal a desk key. Pure data and rules:
 * the settings panel offers them, the main process checks a stored or sent set with them.
 */
import { BATCH_LIST_KEYMAP, chordLabel, DEFAULT_KEYMAP, describeAction, inHelpOrder, type Keymap, type ReviewAction } from './keymap';
import { DESK_KEYS, DESK_SCOPE_TITLES, type DeskKeyScope } from './keymapDesk';
import { BROWSE_KEYMAP, describeBrowse, describeSpectrograph, SPECTROGRAPH_KEYMAP, type ModeKeymap } from './modeKeys';

export type DeskScopeId = `desk.${DeskKeyScope}`;
export type KeyScopeId = 'review' | 'batchList' | 'browse' | 'spectrograph' | DeskScopeId;

/** A scope's rebindings: a default chord → the chord that does its action instead (only the changes). */
export type Rebindings = Readonly<Record<string, string>>;

export interface ScopeKey {
  /** The default chord: the key of the rebinding. */
  own: string;
  text: string;
  /** Stays where it is, so the way out and the way to the settings are never lost. */
  fixed: boolean;
  /** A review action's kind (review and batch list scopes), for the scopes that share some of them. */
  kind?: ReviewAction['kind'];
}

export interface KeyScope {
  id: KeyScopeId;
  /** In the settings panel's list of screens. */
  title: string;
  /** Before another scope's action in a refusal ("browse grid: next page"); the review keys need none. */
  where: string;
  keys: readonly ScopeKey[];
}

/** Review kinds that never move: the settings key and the way back. */
export const FIXED_KINDS: readonly ReviewAction['kind'][] = ['settings', 'back'];
/** Desk chords that never move: the way back, and Tab through a form. */
const FIXED_CHORDS: readonly string[] = ['Escape', 'Tab', 'Shift+Tab'];
/** No action may move onto these: the browser moves the focus with them and the key help (?) turns its pages with Tab. */
const RESERVED_CHORDS: readonly string[] = ['Tab', 'Shift+Tab'];

const reviewKeys = (keymap: Keymap): ScopeKey[] =>
  inHelpOrder(keymap).map(([own, a]) => ({ own, text: describeAction(a), fixed: FIXED_KINDS.includes(a.kind), kind: a.kind }));
const modeKeys = <A>(keymap: ModeKeymap<A>, describe: (a: A) => string): ScopeKey[] =>
  Object.entries(keymap).map(([own, a]) => ({ own, text: describe(a), fixed: false }));

export const DESK_SCOPES = Object.keys(DESK_KEYS) as DeskKeyScope[];

export const KEY_SCOPES: readonly KeyScope[] = [
  { id: 'review', title: 'Single view (review keys)', where: '', keys: reviewKeys(DEFAULT_KEYMAP) },
  { id: 'batchList', title: 'Batch list', where: 'batch list', keys: reviewKeys(BATCH_LIST_KEYMAP) },
  { id: 'browse', title: 'Browse grid', where: 'browse grid', keys: modeKeys(BROWSE_KEYMAP, describeBrowse) },
  { id: 'spectrograph', title: 'Spectrograph view', where: 'spectrograph view', keys: modeKeys(SPECTROGRAPH_KEYMAP, describeSpectrograph) },
  ...DESK_SCOPES.map((d) => ({
    id: `desk.${d}` as const,
    title: DESK_SCOPE_TITLES[d],
    where: DESK_SCOPE_TITLES[d].replace(/: /, ', ').toLowerCase(),
    keys: DESK_KEYS[d].flatMap((k) => k.keys.map((own) => ({ own, text: k.text, fixed: FIXED_CHORDS.includes(own) }))),
  })),
];

export const KEY_SCOPE_IDS = KEY_SCOPES.map((s) => s.id) as [KeyScopeId, ...KeyScopeId[]];

export function scopeOf(id: KeyScopeId): KeyScope {
  return KEY_SCOPES.find((s) => s.id === id)!;
}

/** A side of a pair of scopes live at once; `only`: the part of the scope that is. */
interface Side {
  scope: KeyScopeId;
  only?: (k: ScopeKey) => boolean;
}

/** The recheck case takes these single-mode keys for its final answer (deskKeys.ts). */
export const CASE_REVIEW_KINDS: readonly ReviewAction['kind'][] = ['setClass', 'setQuality', 'nudgeZ', 'typeZ', 'pickSubclass', 'editComment'];

/**
 * Which scopes are live together. The mode views' keys win over the review keys in those views
 * and the rest of the review keys stay live there; the desk's keys on the batch list sit beside
 * its own; inside a desk screen only the batch list's ? (and Ctrl+,) still reach past it.
 */
const LIVE_TOGETHER: readonly (readonly [Side, Side])[] = [
  [{ scope: 'review' }, { scope: 'browse' }],
  [{ scope: 'review' }, { scope: 'spectrograph' }],
  [{ scope: 'batchList' }, { scope: 'desk.home' }],
  [{ scope: 'review', only: (k) => CASE_REVIEW_KINDS.includes(k.kind!) }, { scope: 'desk.recheckCase' }],
  ...DESK_SCOPES.filter((d) => d !== 'home').map(
    (d) => [{ scope: 'batchList', only: (k: ScopeKey) => k.kind === 'help' || k.kind === 'settings' }, { scope: `desk.${d}` as const }] as const,
  ),
];

/** The rebindings of every scope but the review's (kept as `keys`, as before scopes). */
export type ScreenKeys = Readonly<Partial<Record<KeyScopeId, Rebindings>>>;

export interface Bindings {
  keys: Rebindings;
  screenKeys: ScreenKeys;
}

export function rebindingsOf(b: Bindings, scope: KeyScopeId): Rebindings {
  return (scope === 'review' ? b.keys : b.screenKeys[scope]) ?? {};
}

/** A key as bound now, with where it is and what it does. */
interface Bound {
  scope: KeyScope;
  key: ScopeKey;
  chord: string;
}

/** The keys live beside `key` of `scope`: its own scope's others, and the paired scopes' (each side as far as it is live). */
function liveBeside(b: Bindings, scope: KeyScope, key: ScopeKey): Bound[] {
  const bound = (s: KeyScope, only?: (k: ScopeKey) => boolean): Bound[] => {
    const map = rebindingsOf(b, s.id);
    return s.keys.filter((k) => (only ? only(k) : true)).map((k) => ({ scope: s, key: k, chord: map[k.own] ?? k.own }));
  };
  const out = bound(scope).filter((x) => x.key !== key);
  for (const [a, c] of LIVE_TOGETHER) {
    for (const [mine, other] of [[a, c], [c, a]] as const) {
      if (mine.scope === scope.id && (!mine.only || mine.only(key))) out.push(...bound(scopeOf(other.scope), other.only));
    }
  }
  return out;
}

/** What `chord` already does beside `key` of `scope` (null: free), as the refusal names it. */
function takenBy(b: Bindings, scope: KeyScope, key: ScopeKey, chord: string): string | null {
  const hit = liveBeside(b, scope, key).find((x) => x.chord === chord);
  if (!hit) return null;
  const said = hit.scope.id === scope.id || hit.key.text.startsWith(hit.scope.where);
  return said ? hit.key.text : `${hit.scope.where}: ${hit.key.text}`;
}

/** Rebinds the default chord `own` of `scopeId` to `chord`; a clash is refused with both actions named. */
export function rebindIn(b: Bindings, scopeId: KeyScopeId, own: string, chord: string): { bindings: Bindings } | { refused: string } {
  const scope = scopeOf(scopeId);
  const key = scope.keys.find((k) => k.own === own);
  if (!key) return { refused: `${chordLabel(own)} is not a key of the ${scope.title.toLowerCase()}` };
  if (key.fixed) return { refused: `${chordLabel(own)} ("${key.text}") cannot be rebound` };
  const map = rebindingsOf(b, scopeId);
  if (RESERVED_CHORDS.includes(chord)) {
    return { refused: `${chordLabel(chord)} moves the focus and turns the key help's pages; "${key.text}" keeps ${chordLabel(map[own] ?? own)} — pick another key` };
  }
  const clash = takenBy(b, scope, key, chord);
  if (clash !== null) {
    return { refused: `${chordLabel(chord)} is already "${clash}"; "${key.text}" keeps ${chordLabel(map[own] ?? own)} — rebind that one first, or pick another key` };
  }
  const next: Record<string, string> = { ...map };
  if (chord === own) delete next[own];
  else next[own] = chord;
  if (scopeId === 'review') return { bindings: { ...b, keys: next } };
  const screenKeys: Partial<Record<KeyScopeId, Rebindings>> = { ...b.screenKeys, [scopeId]: next };
  if (Object.keys(next).length === 0) delete screenKeys[scopeId];
  return { bindings: { ...b, screenKeys } };
}

/** Why a stored or sent set of rebindings cannot be used, or null: each checked as if rebound one by one, then as a whole. */
/**
 * The set without its rebindings onto Tab or Shift+Tab: stored before those were refused, they
 * never acted (the browser and the key help take them), so dropping them loses nothing that worked.
 */
export function withoutReservedChords<B extends Bindings>(b: B): B {
  const keep = (r: Rebindings | undefined): Rebindings => Object.fromEntries(Object.entries(r ?? {}).filter(([, chord]) => !RESERVED_CHORDS.includes(chord)));
  const screenKeys = Object.fromEntries(Object.entries(b.screenKeys ?? {}).map(([id, r]) => [id, keep(r)]));
  return { ...b, keys: keep(b.keys), screenKeys };
}

export function bindingsProblem(b: Bindings): string | null {
  let built: Bindings = { keys: {}, screenKeys: {} };
  const all = KEY_SCOPES.flatMap((s) => Object.entries(rebindingsOf(b, s.id)).map(([own, chord]) => [s, own, chord] as const));
  for (const [s, own, chord] of all) {
    const step = rebindIn(built, s.id, own, chord);
    if ('refused' in step) return step.refused;
    built = step.bindings;
  }
  // Once more against the whole set: a later rebinding may take an earlier one's key.
  for (const [s, own, chord] of all) {
    const clash = takenBy(b, s, s.keys.find((k) => k.own === own)!, chord);
    if (clash !== null) return `${chordLabel(chord)} is bound twice ("${clash}")`;
  }
  return null;
}

/** A default keymap with a scope's rebindings applied. */
export function reboundMap<A>(defaults: Readonly<Record<string, A>>, rebindings: Rebindings | undefined): Record<string, A> {
  const out: Record<string, A> = {};
  for (const [chord, action] of Object.entries(defaults)) out[rebindings?.[chord] ?? chord] = action;
  return out;
}
