/**
 * Runs work once the next frame has been painted (and `delayMs` more): a key's own render and
 * chart draw go first, and what it merely starts (reading and decoding the spectra ahead, fits)
 * waits one frame instead of making the frame late. Returns a cancel for an effect's cleanup.
 */
export function afterPaint(work: () => void, delayMs = 0): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The animation frame callback runs just before the paint; a task queued from it runs after.
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, delayMs)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
