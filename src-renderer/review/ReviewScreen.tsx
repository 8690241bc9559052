/**
 * The single-spectrum review screen: header with the pipeline's answer and the reviewer's
 * verdict, the chart, and the keys. A browse batch's thumbnail opens here too (Space or Enter).
 */
import { hintKeys, type Keymap } from '../../shared/keymap';
import { memo, useMemo } from 'react';
import { useApp } from '../state/store';
import { KeyHints, type KeyHint } from './KeyHints';
import { ReviewHeader } from './ReviewHeader';
import { SidePanel } from './SidePanel';
import { SpectrumChart } from './SpectrumChart';
import { useSpectrum } from './useSpectrum';
import { CommentEntry } from './CommentEntry';
import { followDraftZ } from './draftZ';
import { followSpectrum, spectrumInputs } from './nextSpectrum';
import { usePanelSpectrum } from './panelSpectrum';
import { markFeature } from './featureZ';
import { FlagPicker } from './FlagPicker';
import { SubclassPicker } from './SubclassPicker';
import { ZEntry } from './ZEntry';
import { FitPanel } from '../assistant/FitPanel';
import { FitStripArea } from '../assistant/FitStripArea';
import { useFitModel } from '../assistant/fitView';
import { useFit } from '../assistant/useFit';

/** The keys a reviewer needs most, in README order, as the reviewer has bound them; `?` shows them all. */
function keyHints(k: Keymap): KeyHint[] {
  return [
    [hintKeys(k, 'next'), 'next'],
    [hintKeys(k, 'prev'), 'previous'],
    [hintKeys(k, 'accept'), 'accept'],
    [hintKeys(k, 'setClass'), 'class'],
    [hintKeys(k, 'setQuality'), 'quality, saves'],
    [hintKeys(k, 'nudgeZ', 'typeZ'), 'z, typed'],
    [`click ${hintKeys(k, 'zFromFeature').split(' ')[0]}…`, 'feature is line'],
    [hintKeys(k, 'pickSubclass', 'pickFlags', 'editComment'), 'subclass, flags, comment'],
    [hintKeys(k, 'toggleLines'), 'lines'],
    [hintKeys(k, 'smooth'), 'smooth'],
    [hintKeys(k, 'toggleErrors'), 'σ band'],
    [hintKeys(k, 'toggleFrame'), 'rest frame'],
    [hintKeys(k, 'toggleFit', 'stepCandidate'), 'fit, candidates'],
    [hintKeys(k, 'zoom', 'resetZoom'), 'zoom, pan, reset'],
    [hintKeys(k, 'undo'), 'undo'],
    [hintKeys(k, 'back'), 'batches'],
    [hintKeys(k, 'help'), 'all keys'],
  ];
}

export function ReviewScreen() {
  const review = useApp((s) => s.review)!;
  const showLines = useApp((s) => s.showLines);
  const zoom = useApp((s) => s.zoom);
  const smoothing = useApp((s) => s.smoothing);
  const showErrors = useApp((s) => s.showErrors);
  const feature = useApp((s) => s.feature);
  const keymap = useApp((s) => s.keymap);
  const restFrame = useApp((s) => s.restFrame);
  const hints = useMemo(() => keyHints(keymap), [keymap]);

  const items = review.items;
  const obsids = useMemo(() => items.map((it) => it.obsid), [items]);
  const { view, spectrum } = useSpectrum(obsids, review.index);
  const item = items[review.index]!;
  useFit(obsids, review.index);
  const model = useFitModel(item.obsid);
  const inputs = spectrumInputs({ restFrame, feature }, item.obsid, review.draft);
  const panel = usePanelSpectrum(review);

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
        restZ={restFrame ? review.draft.z : null}
      />
      <div className="review-body">
        <div className="chart-area">
          <SpectrumChart
            spectrum={spectrum}
            z={inputs.z}
            restZ={inputs.restZ}
            showLines={showLines}
            lines={inputs.lines}
            smoothing={smoothing}
            showErrors={showErrors}
            zoom={zoom}
            feature={inputs.feature}
            onFeature={markFeature}
            model={spectrum?.obsid === item.obsid ? model : null}
            followZ={followDraftZ}
            follow={followSpectrum}
          />
          <FitStripArea obsid={item.obsid} z={review.draft.z} />
          <VerdictFields />
          <ChartState view={view} />
        </div>
        <SidePanel item={panel.item} draft={panel.draft}>
          <FitPanel item={panel.item} />
        </SidePanel>
      </div>
      <KeyHints hints={hints} />
    </section>
  );
}

/** The fields a key opens over the chart: exact z, subclass, flags, comment. Memo: each reads the store itself, so the screen's re-render on every key need not run them. */
const VerdictFields = memo(function VerdictFields() {
  return (
    <>
      <ZEntry />
      <SubclassPicker />
      <FlagPicker />
      <CommentEntry />
    </>
  );
});

/** What the chart area says while its spectrum loads, or why it could not. */
function ChartState({ view }: { view: ReturnType<typeof useSpectrum>['view'] }) {
  if (view?.state === 'loading') return <div className="chart-state loading">loading spectrum {view.obsid}…</div>;
  if (view?.state !== 'error') return null;
  return (
    <div className="chart-state error" role="alert" data-testid="spectrum-error">
      {view.message}
      <br />
      <small>Press → for the next spectrum; your verdicts are not affected.</small>
    </div>
  );
}
