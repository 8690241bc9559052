/**
 * The reviewer's settings, kept per user in their local cache (the meta table, key
 * `settings`): rebound review keys and the quality Enter saves. Pure: the renderer builds its
 * keymap from them, and the main process checks them with the same rules before storing.
 */
import { chordLabel, DEFAULT_KEYMAP, describeAction, type Keymap } from './keymap';
import type { Quality } from './model';
import { BROWSE_KEYMAP, describeBrowse, describeSpectrograph, SPECTROGRAPH_KEYMAP } from './modeKeys';

/** Enter's "accepted as is" quality: 1–4, never 0 ("not set"). */
export type AcceptQuality = Exclude<Quality, 0>;
export const ACCEPT_QUALITIES: readonly AcceptQuality[] = [1, 2, 3, 4];

export interface Settings {
  /**
   * Rebound keys: a chord of DEFAULT_KEYMAP → the chord that does its action instead. Only
   * the changes are kept, so a default added in a later version reaches everybody.
   */
  keys: Readonly<Record<string, string>>;
  acceptQuality: AcceptQuality;
}

/**
 * Enter's quality until the reviewer sets their own: 3, not 4 — accepting at a glance is a
 * confident answer, not a certain one — and never 0, which means "not set".
 */
export const DEFAULT_SETTINGS: Settings = { keys: {}, acceptQuality: 3 };

/** The review keymap with the reviewer's rebindings applied. */
export function keymapWith(keys: Settings['keys']): Keymap {
  const out: Record<string, Keymap[string]> = {};
  for (const [chord, action] of Object.entries(DEFAULT_KEYMAP)) out[keys[chord] ?? chord] = action;
  return out;
}

/** Keys that stay where they are, so the way out and the way back to the settings are never lost. */
export const FIXED_KINDS: readonly string[] = ['settings', 'back'];

/**
 * What `chord` already does other than the review action bound to `own` (null: free). The
 * batch list's keys are no clash: they are live only while no batch is open, the review keys
 * only while one is. The mode views' keys are: they win over review keys in those views.
 */
function takenBy(keys: Settings['keys'], own: string, chord: string): string | null {
  const review = Object.entries(DEFAULT_KEYMAP).find(([c]) => c !== own && (keys[c] ?? c) === chord);
  if (review) return describeAction(review[1]);
  const browse = BROWSE_KEYMAP[chord];
  if (browse) return `browse grid: ${describeBrowse(browse)}`;
  const slit = SPECTROGRAPH_KEYMAP[chord];
  if (slit) return `spectrograph view: ${describeSpectrograph(slit)}`;
  return null;
}

/** Rebinds the default chord `own` to `chord`; a clash is refused with both actions named. */
export function rebind(keys: Settings['keys'], own: string, chord: string): { keys: Settings['keys'] } | { refused: string } {
  const action = DEFAULT_KEYMAP[own];
  if (!action) return { refused: `${chordLabel(own)} is not a review key` };
  if (FIXED_KINDS.includes(action.kind)) return { refused: `${chordLabel(own)} ("${describeAction(action)}") cannot be rebound` };
  const clash = takenBy(keys, own, chord);
  if (clash !== null) {
    return { refused: `${chordLabel(chord)} is already "${clash}"; "${describeAction(action)}" keeps ${chordLabel(keys[own] ?? own)} — rebind that one first, or pick another key` };
  }
  const next = { ...keys };
  if (chord === own) delete next[own];
  else next[own] = chord;
  return { keys: next };
}

/** Why a stored or sent set of rebindings cannot be used, or null: each checked as if rebound one by one. */
export function keysProblem(keys: Settings['keys']): string | null {
  let built: Settings['keys'] = {};
  for (const [own, chord] of Object.entries(keys)) {
    const step = rebind(built, own, chord);
    if ('refused' in step) return step.refused;
    built = step.keys;
  }
  // Checked once more against the whole set: a later rebinding may take an earlier one's key.
  for (const [own, chord] of Object.entries(keys)) {
    const clash = takenBy(keys, own, chord);
    if (clash !== null) return `${chordLabel(chord)} is bound twice ("${clash}")`;
  }
  return null;
}
