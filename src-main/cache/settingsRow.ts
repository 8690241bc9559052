/** The person's settings as kept in the cache's meta table: one JSON row, key `settings`. */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { withoutReservedChords } from '../../shared/keyScopes';
import { SettingsSchema } from '../../shared/settingsSchema';

/**
 * The stored row, checked again on the way out: a row that fails the check now (written by
 * another version, edited by hand) gives the defaults rather than a keymap with two actions
 * on one key. A key rebound to Tab in an older version is dropped, the rest of the set kept.
 */
export function settingsFrom(stored: string | null): Settings {
  if (stored === null) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Only a set of the right shape whose keys broke a rule is stripped of Tab and tried again.
  if (!parsed.error.issues.every((i) => i.code === 'custom')) return DEFAULT_SETTINGS;
  const again = SettingsSchema.safeParse(withoutReservedChords(raw as Settings));
  return again.success ? again.data : DEFAULT_SETTINGS;
}
