/**
 * The settings as the main process takes them (API input, and what it reads back from the
 * cache): the same rules the settings panel applies, so a hand-made call or a damaged row
 * cannot store a keymap with two actions on one key. Kept apart from shared/settings.ts so
 * the renderer's bundle stays free of zod.
 */
import { z } from 'zod';
import { keysProblem, type AcceptQuality, type Settings } from './settings';

/** A chord as chordOf() writes it: modifiers, then one key name ("Shift+a", "ArrowRight", "?"). */
const ChordSchema = z.string().regex(/^((Ctrl|Alt|Shift)\+)*([^\s+]|\+|[A-Z][A-Za-z0-9]+| )$/, 'not a key chord');

export const SettingsSchema = z
  .object({
    keys: z.record(ChordSchema, ChordSchema).superRefine((keys, ctx) => {
      const problem = keysProblem(keys);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
    acceptQuality: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  })
  .strict() satisfies z.ZodType<Settings>;

export type { AcceptQuality };
