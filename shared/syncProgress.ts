/**
 * Sync progress as the top bar shows it, and the check an incoming progress event passes
 * first: it crosses a process boundary (IPC or the web edition's event stream), so the
 * renderer takes only a well-formed one. Zod-free: the renderer's bundle stays without it.
 */
import type { SyncPhase, SyncProgress } from './model';

const PHASES: readonly SyncPhase[] = ['pull', 'files', 'push', 'done'];

/** The event's payload if it is a SyncProgress (whole counts, done ≤ total), else null. */
export function readSyncProgress(raw: unknown): SyncProgress | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { phase, done, total } = raw as Record<string, unknown>;
  if (!PHASES.includes(phase as SyncPhase)) return null;
  if (!Number.isSafeInteger(done) || !Number.isSafeInteger(total)) return null;
  if ((done as number) < 0 || (total as number) < 0 || (done as number) > (total as number)) return null;
  return { phase: phase as SyncPhase, done: done as number, total: total as number };
}

const LINE: Record<Exclude<SyncPhase, 'done'>, (done: string, total: string) => string> = {
  // The pull's total is pages known so far (one more while the server says there are more).
  pull: (d, t) => `pulling page ${d} / ${t}`,
  files: (d, t) => `fetching ${d} / ${t} files`,
  push: (d, t) => `pushing ${d} / ${t} changes`,
};

/** "fetching 120 / 480 files"; a phase that has not counted anything yet: "fetching files…". */
export function progressLine(p: SyncProgress): string {
  if (p.phase === 'done') return 'sync done';
  if (p.total === 0) return { pull: 'pulling…', files: 'fetching files…', push: 'pushing…' }[p.phase];
  const n = (x: number) => x.toLocaleString('en');
  return LINE[p.phase](n(p.done), n(p.total));
}
