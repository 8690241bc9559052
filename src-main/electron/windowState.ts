/**
 * The main window's size and position, remembered in SPECVET_HOME/window-state.json and put
 * back on a visible display at the next start (a monitor may have been unplugged since).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** At least this much of the window must lie on a display for its title bar to be reachable. */
const MIN_VISIBLE = 100;

const StateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
});

export function windowStateFile(home: string): string {
  return join(home, 'window-state.json');
}

/** The saved state, or null when there is none or it is unreadable (then defaults apply). */
export function loadWindowState(home: string): WindowState | null {
  let raw: string;
  try {
    raw = readFileSync(windowStateFile(home), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = StateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old state. */
export function saveWindowState(home: string, state: WindowState): void {
  mkdirSync(home, { recursive: true });
  const file = windowStateFile(home);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/**
 * Bounds to open the window with. A saved window that still overlaps a display's work area
 * enough to be grabbed keeps its place (its size capped to that display); otherwise it is
 * centred on the primary display. `displays[0]` is the primary display's work area.
 */
export function placeWindow(saved: Rect | null, displays: readonly Rect[]): Rect {
  const primary = displays[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const host = displays.find((d) => overlap(saved, d) >= MIN_VISIBLE * MIN_VISIBLE);
    if (host) return fitInside(saved, host);
  }
  const width = Math.min(saved?.width ?? DEFAULT_SIZE.width, primary.width);
  const height = Math.min(saved?.height ?? DEFAULT_SIZE.height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
  };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function fitInside(r: Rect, area: Rect): Rect {
  const width = Math.min(r.width, area.width);
  const height = Math.min(r.height, area.height);
  const x = Math.min(Math.max(r.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(r.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
