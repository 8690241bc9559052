/** The person's settings as kept in the cache's meta table: one JSON row, key `settings`. */
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settingsSchema';

/**
 * The stored row, checked again on the way out: a row that fails the check now (written by
 * another version, edited by hand) gives the defaults rather than a keymap with two actions
 * on one key.
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
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
