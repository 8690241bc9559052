/**
 * The draft's z as a z key changes it: the line markers are drawn first thing in the key's
 * handler, before the store's listeners and React render the screen around them. The header,
 * the side panel and the χ² strip then follow in the same task (React renders a key's store
 * change before the task ends), so a reviewer still sees all of them change in one frame.
 */
import { useApp } from '../state/store';

/** The chart's marker drawer while a review screen shows one. */
let drawer: ((z: number) => void) | null = null;
/** The z a key's action drew before setting it in the store (NaN: none): not drawn twice. */
let drawnFirst = NaN;

/**
 * Calls `draw` with each new z of the draft on screen — a z key's before the store changes
 * (drawDraftZ), any other (a typed z, a feature's) from the store; a z that comes with another
 * spectrum is left to the chart's own redraw of it. Returns the unsubscribe.
 */
export function followDraftZ(draw: (z: number) => void): () => void {
  drawer = draw;
  const off = useApp.subscribe((s, prev) => {
    const d = s.review?.draft;
    const p = prev.review?.draft;
    const first = drawnFirst;
    drawnFirst = NaN;
    if (d !== undefined && p !== undefined && d.z !== p.z && d.obsid === p.obsid && d.z !== first) draw(d.z);
  });
  return () => {
    if (drawer === draw) drawer = null;
    off();
  };
}

/**
 * A z key's new z for the draft on screen, drawn now: every listener of the store (each
 * component's selectors, React's scheduling) would otherwise run before the markers, and the
 * store's own listener then finds them drawn at this z.
 */
export function drawDraftZ(z: number): void {
  if (!drawer) return;
  drawnFirst = z;
  drawer(z);
}
