/** What the page and the fit worker say to each other. */
import type { FitResult } from '../../shared/fit';

export type FitRequest =
  | { kind: 'templates'; files: { name: string; bytes: Uint8Array }[] }
  | { kind: 'fit'; id: number; obsid: number; bytes: Uint8Array };

export type FitReply = { id: number; ok: true; fit: FitResult; ms: number } | { id: number; ok: false; message: string };
