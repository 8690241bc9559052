/**
 * One recheck case open: the spectrum on the single mode's chart with every answer's line
 * markers in its own colour (each reviewer's latest verdict, then the pipeline's), a legend
 * saying whose is whose, and the coordinator's final answer as it is being made — its own
 * markers are the single mode's red ones.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DeskRecheckCase } from '../../shared/desk';
import { LINES_BY_CLASS } from '../../shared/lines';
import { api } from '../api';
import { decodeErrorText, decoder } from '../spectra/decoder';
import type { PlotSpectrum } from '../spectra/plotSpectrum';
import type { MarkerSet } from '../review/markerSets';
import { SpectrumChart } from '../review/SpectrumChart';
import { SubclassField } from '../review/SubclassPicker';
import { narrow } from '../review/TypeAheadList';
import type { OpenCase } from './deskState';
import { answersOf, closeCaseSubclass, draftZ, subclassesFor } from './recheckDraft';

/** Reviewers' colours, apart from the flux's blue and the answer's red; the pipeline is grey. */
export const ANSWER_COLOURS = ['#e8590c', '#2b8a3e', '#9c36b5', '#0c8599', '#c2255c', '#5c940d'];
const PIPELINE_COLOUR = '#5b6672';
const NO_ZOOM = { op: 'reset', seq: 0 } as const;
const ignore = () => undefined;
const zText = (z: number) => z.toFixed(4);

type Loaded = { obsid: number; spectrum: PlotSpectrum | null; error: string | null };

/** Any spectrum's file (not only the coordinator's batches), decoded in the worker. */
function useDeskSpectrum(obsid: number): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    api
      .deskSpectrum({ obsid })
      .then((bytes) => decoder.decode(obsid, bytes))
      .then(
        (spectrum) => live && setLoaded({ obsid, spectrum, error: null }),
        (err: unknown) => live && setLoaded({ obsid, spectrum: null, error: decodeErrorText(obsid, err) }),
      );
    return () => {
      live = false;
    };
  }, [obsid]);
  return loaded?.obsid === obsid ? loaded : null;
}

export function RecheckCase({ c, open }: { c: DeskRecheckCase; open: OpenCase }) {
  const loaded = useDeskSpectrum(c.obsid);
  const answers = useMemo(() => answersOf(c), [c]);
  const colourOf = (i: number) => (i === answers.length - 1 ? PIPELINE_COLOUR : ANSWER_COLOURS[i % ANSWER_COLOURS.length]!);
  const sets = useMemo(
    () => ({ sets: answers.map((a, i): MarkerSet => ({ name: a.who, colour: colourOf(i), z: a.z, lines: LINES_BY_CLASS[a.class] })), emphasised: open.emphasis }),
    // colourOf depends on answers only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [answers, open.emphasis],
  );
  const { draft } = open;
  const z = draftZ(c, open);
  const answering = draft.class !== null || draft.z !== null;
  return (
    <div className="desk-case" data-testid="desk-case">
      <p>
        <strong>{c.obsid}</strong> · {c.planid} sp{c.spid} fibre {c.fiberid} · {c.reasons.join(', ')}
      </p>
      <div className="desk-case-body">
        <div className="chart-area">
          <SpectrumChart
            spectrum={loaded?.spectrum ?? null}
            z={z}
            showLines={answering}
            lines={LINES_BY_CLASS[draft.class ?? answers[open.emphasis]!.class]}
            smoothing={0}
            showErrors={false}
            zoom={NO_ZOOM}
            restZ={null}
            feature={null}
            onFeature={ignore}
            sets={sets}
          />
          {open.picking && <CaseSubclass c={c} draft={draft} />}
          {!loaded && <div className="chart-state loading">loading spectrum {c.obsid}…</div>}
          {loaded?.error && (
            <div className="chart-state error" role="alert" data-testid="spectrum-error">
              {loaded.error}
              <br />
              <small>The answers are listed beside; the final answer can still be recorded.</small>
            </div>
          )}
        </div>
        <ul className="desk-legend" data-testid="desk-legend" aria-label="answers on the plot">
          {answers.map((a, i) => (
            <li key={a.who} className={i === open.emphasis ? 'emphasised' : undefined} aria-current={i === open.emphasis ? 'true' : undefined} data-testid="desk-legend-entry">
              <span className="swatch" style={{ background: colourOf(i) }} />
              <strong>{a.who}</strong> {a.class}
              {a.subclass ? ` ${a.subclass}` : ''} z={zText(a.z)}
              {a.quality !== null && ` q${a.quality}`}
              {i < c.verdicts.length && c.verdicts[i]!.comment && <span className="comment"> “{c.verdicts[i]!.comment}”</span>}
            </li>
          ))}
        </ul>
      </div>
      <DraftLine draft={draft} z={answering ? z : null} />
    </div>
  );
}

/** t: single mode's subclass picker for the final class, over the plot; the answers' own subclasses of that class offered too. */
function CaseSubclass({ c, draft }: { c: DeskRecheckCase; draft: OpenCase['draft'] }) {
  const cls = draft.class;
  if (cls === null) return null;
  return (
    <SubclassField
      cls={cls}
      initial={draft.subclass}
      match={(typed) => narrow(subclassesFor(c, cls), typed)}
      empty="takes the answer's"
      onPick={closeCaseSubclass}
      onClose={() => closeCaseSubclass(null)}
    />
  );
}

/** The final answer as it is being made; `z` null until a class or z is chosen. */
function DraftLine({ draft, z }: { draft: OpenCase['draft']; z: number | null }) {
  return (
    <p className="desk-draft" data-testid="desk-draft">
      final answer: <strong>{draft.class ?? 'choose a class (s g q u, or a for the emphasised answer)'}</strong>
      {draft.subclass && <> {draft.subclass}</>}
      {z !== null && <> z={zText(z)}</>}
      {draft.quality !== null && <> · quality {draft.quality}</>}
      {draft.comment && <> · “{draft.comment}”</>} — Enter records it
    </p>
  );
}
