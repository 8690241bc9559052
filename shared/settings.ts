/**
 * The reviewer's settings, kept per user in their local cache (the meta table, key
 * `settings`): rebound keys, per screen (shared/keyScopes.ts), and the quality Enter saves.
 * Pure: the renderer builds its keymaps from them, and the main process checks them with the
 * same rules before storing.
 */
import { DEFAULT_KEYMAP, type Keymap } from './keymap';
import { reboundMap, type Rebindings, type ScreenKeys } from './keyScopes';
import type { Quality } from './model';

export { FIXED_KINDS } from './keyScopes';

/** Enter's "accepted as is" quality: 1–4, never 0 ("not set"). */
export type AcceptQuality = Exclude<Quality, 0>;
export const ACCEPT_QUALITIES: readonly AcceptQuality[] = [1, 2, 3, 4];

export interface Settings {
  /**
   * Rebound review keys: a chord of DEFAULT_KEYMAP → the chord that does its action instead.
   * Only the changes are kept, so a default added in a later version reaches everybody.
   */
  keys: Rebindings;
  /** The other screens' rebound keys, the same way, by scope ("browse", "desk.batches"). */
  screenKeys: ScreenKeys;
  acceptQuality: AcceptQuality;
}

/**
 * Enter's quality until the reviewer sets their own: 3, not 4 — accepting at a glance is a
 * confident answer, not a certain one — and never 0, which means "not set".
 */
export const DEFAULT_SETTINGS: Settings = { keys: {}, screenKeys: {}, acceptQuality: 3 };

/** The review keymap with the reviewer's rebindings applied. */
export function keymapWith(keys: Settings['keys']): Keymap {
  return reboundMap(DEFAULT_KEYMAP, keys);
}
