/**
 * The chart's wavelength axis in the observed or the rest frame. The data stay observed — the
 * flux, the masks, the sky regions and the line markers at (1+z)·λ are all drawn where they
 * were — and in the rest frame the axis is labelled λ/(1+z), with its ticks at round rest
 * wavelengths: the picture is the spectrum divided by (1+z), and a z key still redraws only
 * the markers and this axis, never the 4000-pixel data.
 */
import type uPlot from 'uplot';

/** 1, 2 or 5 × a power of ten, at least `x`. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * p >= x) ?? 10) * p;
}

export class FrameAxis {
  /** The z the axis divides by; null: observed. */
  private z: number | null = null;
  /** The tick labels last drawn, for the page's data-ticks (the browser tests read them). */
  ticks: string[] = [];

  set(z: number | null): boolean {
    const changed = z !== this.z;
    this.z = z;
    return changed;
  }

  get rest(): boolean {
    return this.z !== null;
  }

  label(): string {
    return this.z === null ? 'observed vacuum wavelength (Å)' : `rest-frame vacuum wavelength (Å), λ / (1 + ${this.z.toFixed(4)})`;
  }

  /** For uPlot's axis: the options that make it follow the frame. */
  axis(): Pick<uPlot.Axis, 'splits' | 'values'> {
    return {
      splits: (_u, _i, min, max, incr) => {
        const f = 1 + (this.z ?? 0);
        const step = niceStep(incr / f);
        const out: number[] = [];
        for (let r = Math.ceil(min / f / step) * step; r * f <= max; r += step) out.push(r * f);
        return out;
      },
      values: (_u, splits) => {
        const f = 1 + (this.z ?? 0);
        this.ticks = splits.map((v) => String(Math.round(v / f)));
        return this.ticks;
      },
    };
  }
}
