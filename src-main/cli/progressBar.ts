/**
 * Sync progress for a terminal: one redrawn bar on a TTY, plain lines (one per finished
 * phase) otherwise, so logs and CI output stay readable.
 */
import type { SyncProgress } from '../../shared/model';

const WIDTH = 28;
const LABEL: Record<SyncProgress['phase'], string> = { pull: 'pulling', files: 'fetching files', push: 'pushing', done: 'done' };

export function progressPrinter(out: NodeJS.WritableStream & { isTTY?: boolean }): (p: SyncProgress) => void {
  let last: SyncProgress | null = null;
  let lastDraw = 0;
  const finishLine = (p: SyncProgress) => {
    if (p.phase === 'done') return;
    out.write(out.isTTY ? '\n' : `${LABEL[p.phase]}: ${p.done}/${p.total}\n`);
  };
  return (p) => {
    if (last && last.phase !== p.phase) finishLine(last);
    last = p;
    if (!out.isTTY || p.phase === 'done') return;
    const now = Date.now();
    // Redrawing more than ~20 times a second only costs time.
    if (p.done !== p.total && now - lastDraw < 50) return;
    lastDraw = now;
    const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
    const filled = Math.round(frac * WIDTH);
    out.write(`\r${LABEL[p.phase].padEnd(15)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.done}/${p.total}\x1b[K`);
  };
}
