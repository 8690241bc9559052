/**
 * The single-spectrum review screen: header with the pipeline's answer and the reviewer's
 * verdict, the chart, and the keys. A browse batch's thumbnail opens here too (Space or Enter).
 */
import { LINES_BY_CLASS } from '../../shared/lines';
import { useMemo } from 'react';
import { useApp } from '../state/store';
import { KeyHints, type KeyHint } from './KeyHints';
import { ReviewHeader } from './ReviewHeader';
import { SidePanel } from './SidePanel';
import { SpectrumChart } from './SpectrumChart';
import { useSpectrum } from './useSpectrum';
import { CommentEntry } from './CommentEntry';
import { markFeature } from './featureZ';
import { FlagPicker } from './FlagPicker';
import { SubclassPicker } from './SubclassPicker';
import { ZEntry } from './ZEntry';
import { FitPanel } from '../assistant/FitPanel';
import { FitStripArea, useFitModel } from '../assistant/FitStripArea';
import { useFit } from '../assistant/useFit';

/** The keys a reviewer needs most, in README order; `?` shows them all. Each pair stays on one line. */
const KEY_HINTS: readonly KeyHint[] = [
  ['→', 'next'],
  ['←', 'previous'],
  ['Enter', 'accept'],
  ['s g q u', 'class'],
  ['0–4', 'quality, saves'],
  ['[ ] z', 'z, typed'],
  ['click ⇧A…', 'feature is line'],
  ['t f c', 'subclass, flags, comment'],
  ['l', 'lines'],
  ['. ,', 'smooth'],
  ['e', 'σ band'],
  ['a j k', 'fit, candidates'],
  ['+ − ⇧← ⇧→ r', 'zoom, pan, reset'],
  ['Ctrl+Z', 'undo'],
  ['Esc', 'batches'],
  ['?', 'all keys'],
];

export function ReviewScreen() {
  const review = useApp((s) => s.review)!;
  const showLines = useApp((s) => s.showLines);
  const zoom = useApp((s) => s.zoom);
  const smoothing = useApp((s) => s.smoothing);
  const showErrors = useApp((s) => s.showErrors);
  const feature = useApp((s) => s.feature);

  const items = review.items;
  const obsids = useMemo(() => items.map((it) => it.obsid), [items]);
  const { view, spectrum } = useSpectrum(obsids, review.index);
  const item = items[review.index]!;
  useFit(obsids, review.index);
  const model = useFitModel(item.obsid);

  return (
    <section className="review" data-testid="review">
      {review.batch.mode === 'browse' && <p className="hint mode-hint">Opened from the browse grid: Esc goes back to it.</p>}
      <ReviewHeader
        item={item}
        draft={review.draft}
        index={review.index}
        count={items.length}
        smoothing={smoothing}
        showErrors={showErrors}
      />
      <div className="review-body">
        <div className="chart-area">
          <SpectrumChart
            spectrum={spectrum}
            z={review.draft.z}
            showLines={showLines}
            lines={LINES_BY_CLASS[review.draft.class]}
            smoothing={smoothing}
            showErrors={showErrors}
            zoom={zoom}
            feature={feature?.obsid === item.obsid ? feature.wavelength : null}
            onFeature={markFeature}
            model={spectrum?.obsid === item.obsid ? model : null}
          />
          <FitStripArea obsid={item.obsid} z={review.draft.z} />
          <ZEntry />
          <SubclassPicker />
          <FlagPicker />
          <CommentEntry />
          {view?.state === 'loading' && <div className="chart-state loading">loading spectrum {view.obsid}…</div>}
          {view?.state === 'error' && (
            <div className="chart-state error" role="alert" data-testid="spectrum-error">
              {view.message}
              <br />
              <small>Press → for the next spectrum; your verdicts are not affected.</small>
            </div>
          )}
        </div>
        <SidePanel item={item} draft={review.draft}>
          <FitPanel item={item} />
        </SidePanel>
      </div>
      <KeyHints hints={KEY_HINTS} />
    </section>
  );
}
