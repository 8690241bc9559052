/**
 * The draft's z as a z key changes it, straight from the store: the line markers are drawn in
 * the key's own task before React renders the screen around them. The header, the side panel
 * and the χ² strip then follow in the same task (React renders a key's store change before the
 * task ends), so a reviewer still sees all of them change in one frame.
 */
import { useApp } from '../state/store';

/**
 * Calls `draw` with each new z of the draft on screen; a z that comes with another spectrum is
 * left to the chart's own redraw of it. Returns the unsubscribe.
 */
export function followDraftZ(draw: (z: number) => void): () => void {
  return useApp.subscribe((s, prev) => {
    const d = s.review?.draft;
    const p = prev.review?.draft;
    if (d !== undefined && p !== undefined && d.z !== p.z && d.obsid === p.obsid) draw(d.z);
  });
}
