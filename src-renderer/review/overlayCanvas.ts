/**
 * A canvas laid over uPlot's plot area (the line markers, the other answers' markers), sized
 * from uPlot's own numbers: reading the element's size would force a layout in the middle of
 * a key's render (2–7 ms a key, seen in the renderer's trace).
 */
import uPlot from 'uplot';

export interface OverlaySize {
  /** CSS pixels. */
  width: number;
  height: number;
  ratio: number;
}

/**
 * Sizes `canvas` to the plot area (its backing store only when that changed) and returns the
 * size in `out`, the caller's own object: a z key's redraw makes no garbage.
 */
export function fitOverlay(canvas: HTMLCanvasElement, plot: uPlot, out: OverlaySize): OverlaySize {
  const ratio = uPlot.pxRatio;
  const width = plot.bbox.width / ratio;
  const height = plot.bbox.height / ratio;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  out.width = width;
  out.height = height;
  out.ratio = ratio;
  return out;
}
