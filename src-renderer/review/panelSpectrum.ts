/**
 * The spectrum the side panel describes: after a → key, the new one a frame later. The key's
 * frame then holds the chart and the header (which must change together) and not the panel's
 * render and layout — most of that frame's layout, which a hover hit test runs before the
 * frame's animation callbacks (traced: 2.7 → 1.1 ms CPU a key); the previous spectrum's panel
 * is on screen for one frame only.
 */
import { useEffect, useState } from 'react';
import type { Item } from '../../shared/model';
import { afterPaint } from '../state/afterPaint';
import { draftOf, type Draft, type ReviewState } from '../state/store';

export function usePanelSpectrum(r: ReviewState): { item: Item; draft: Draft } {
  const item = r.items[r.index]!;
  const [shown, setShown] = useState(item.obsid);
  const late = shown !== item.obsid;
  useEffect(() => (late ? afterPaint(() => setShown(item.obsid)) : undefined), [late, item.obsid]);
  // The one a frame behind, as it is now (a verdict saved on leaving it included).
  const was = late ? (r.items[r.index - 1]?.obsid === shown ? r.items[r.index - 1] : r.items.find((it) => it.obsid === shown)) : undefined;
  if (!was) return { item, draft: r.draft };
  return { item: was, draft: r.drafts.get(was.obsid) ?? draftOf(was) };
}
