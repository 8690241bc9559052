/**
 * Click a feature on the chart, then Shift + a line's key: z is set so that the feature sits on
 * that line (shared/featureLines.ts). The clicked wavelength belongs to the spectrum it was
 * clicked on; a z outside the schema's range is refused with one line, the draft unchanged.
 */
import { featureLineRest, zPutting, type FeatureLine } from '../../shared/featureLines';
import { Z_RANGE } from '../../shared/ranges';
import { currentItem, getState, setState } from '../state/store';
import { showError, showInfo } from './notify';

/** Remembers the observed wavelength clicked on the spectrum on screen. */
export function markFeature(wavelength: number): void {
  const item = currentItem(getState());
  if (item) setState({ feature: { obsid: item.obsid, wavelength } });
}

export function zFromFeature(line: FeatureLine): void {
  const s = getState();
  const item = currentItem(s);
  if (!item) return;
  const f = s.feature;
  if (!f || f.obsid !== item.obsid) {
    return showError(new Error(`click a feature on the chart first, then Shift + its line's key to put it on ${line}`));
  }
  const z = zPutting(line, f.wavelength);
  if (z < Z_RANGE.min || z > Z_RANGE.max) {
    const rest = featureLineRest(line).toFixed(0);
    return showError(new Error(`${f.wavelength.toFixed(0)} Å as ${line} (${rest} Å) would be z ${z.toFixed(4)}, outside ${Z_RANGE.min} … ${Z_RANGE.max}; click another feature or pick another line`));
  }
  const r = s.review!;
  setState({ review: { ...r, draft: { ...r.draft, z } } });
  showInfo(`${f.wavelength.toFixed(1)} Å is ${line}: z = ${z.toFixed(4)}`);
}
