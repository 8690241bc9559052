/**
 * The settings as the main process takes them (API input, and what it reads back from the
 * cache): the same rules the settings panel applies, so a hand-made call or a damaged row
 * cannot store a keymap with two actions on one key. Kept apart from shared/settings.ts so
 * the renderer's bundle stays free of zod.
 */
import { z } from 'zod';
import { bindingsProblem, KEY_SCOPE_IDS } from './keyScopes';
import type { AcceptQuality, Settings } from './settings';

/** A chord as chordOf() writes it: modifiers, then one key name ("Shift+a", "ArrowRight", "?"). */
const ChordSchema = z.string().regex(/^((Ctrl|Alt|Shift)\+)*([^\s+]|\+|[A-Z][A-Za-z0-9]+| )$/, 'not a key chord');
const RebindingsSchema = z.record(ChordSchema, ChordSchema);

export const SettingsSchema = z
  .object({
    keys: RebindingsSchema,
    // Absent in rows written before the other screens' keys could be rebound.
    screenKeys: z.partialRecord(z.enum(KEY_SCOPE_IDS.filter((s) => s !== 'review')), RebindingsSchema).default({}),
    acceptQuality: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = bindingsProblem(s);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['keys'] });
  }) satisfies z.ZodType<Settings>;

export type { AcceptQuality };
