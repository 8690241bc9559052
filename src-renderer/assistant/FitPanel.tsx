/**
 * The side panel's "Fit" section: the assistant's answer at the candidate on screen beside the
 * pipeline's, with a ≠ when they disagree (shared/agreement.ts, the one rule for all such marks).
 */
import { memo } from 'react';
import { disagrees } from '../../shared/agreement';
import type { FitSuccess } from '../../shared/fit';
import type { Item } from '../../shared/model';
import { useFitView } from './fitView';
import { zText } from './zText';

/** Memo: the review screen re-renders on every key, the panel's item changes only with the spectrum. */
export const FitPanel = memo(function FitPanel({ item }: { item: Item }) {
  const { view, candidate } = useFitView(item.obsid);
  return (
    <section className="fit-panel" data-testid="fit-panel">
      <h3>Fit</h3>
      {view?.obsid !== item.obsid || view.state === 'fitting' ? (
        <p className="hint">fitting…</p>
      ) : view.state === 'error' ? (
        <p className="fit-error">{view.message}</p>
      ) : !view.fit.ok ? (
        <p className="fit-error">{view.fit.reason}</p>
      ) : (
        <FitAnswer fit={view.fit} index={candidate} item={item} />
      )}
    </section>
  );
});

/** Memo: storing the fit made ahead (useFit) re-renders the panel with the same fit. */
const FitAnswer = memo(function FitAnswer({ fit, index, item }: { fit: FitSuccess; index: number; item: Item }) {
  const c = fit.candidates[index] ?? fit.best;
  const p = item.pipeline;
  const differs = disagrees({ class: p.class, z: p.z }, { class: c.class, z: c.z });
  return (
    <dl data-testid="fit-answer" data-disagrees={differs ? 'yes' : 'no'}>
      <dt>class</dt>
      <dd data-testid="fit-class">
        {c.class} {c.subclass ?? ''}
        {differs && (
          <span className="disagree" title="the fit disagrees with the pipeline (another class, or |Δz|/(1+z) ≥ 0.0033)">
            {' '}
            ≠ pipeline
          </span>
        )}
      </dd>
      {/* A star's z and error are velocities (zText.ts); the exact z stays in data-z and the title. */}
      <dt>{c.class === 'STAR' ? 'cz' : 'z'}</dt>
      <dd data-testid="fit-z" data-z={c.z} title={`z = ${c.z} ± ${c.zErr}`}>
        {zText(c)}
        {c.atEdge ? ' (range edge)' : ''}
      </dd>
      <dt>candidate</dt>
      <dd data-testid="fit-candidate">
        {index + 1} of {fit.candidates.length} · χ² {(c.chi2 - fit.best.chi2).toFixed(1)} above the best
      </dd>
      <dt>Δχ²</dt>
      <dd title="χ² of the second candidate minus the best's: how sure the fit is">{fit.deltaChi2 === null ? '–' : fit.deltaChi2.toFixed(1)}</dd>
      <dt>χ²/dof</dt>
      <dd>{fit.reducedChi2.toFixed(2)}</dd>
    </dl>
  );
});
