/**
 * The spectrograph view (the 2D check): every fibre of one spectrograph of one plan in fibre
 * order, compact plots on one wavelength axis (each on its own robust range), with the median flux and
 * median S/N strip beside them, so stray light, negative flux or a dead block of fibres shows
 * at a glance. Select a range (keys, or click first and last) and `p` reports it. The
 * assistant fits every fibre (slitFits.ts): ≠fit in the fit column where it disagrees with the
 * pipeline, and its answer for the cursor's fibre over the canvas.
 */
import { useEffect, useMemo } from 'react';
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import { problemTypeLabel } from '../../shared/problemTypes';
import { ThumbnailStore } from '../spectra/thumbnailStore';
import { hintKeys, type Keymap } from '../../shared/keymap';
import { modeHintKeys, type ModeKeymap, type SpectrographAction } from '../../shared/modeKeys';
import { useApp } from '../state/store';
import { KeyHints, type KeyHint } from '../review/KeyHints';
import { loadProblems } from './reports';
import { ReportForm } from './ReportForm';
import { SlitCanvas, SlitColumns, useFibreThumbnails } from './SlitCanvas';
import { selection, useSlit } from './slitState';
import { CursorFit } from './CursorFit';
import { fitMarks } from './fitOrder';
import { useSlitFits } from './slitFits';
import type { FitMark } from './drawSlit';

/** The view's hint line, from the keys as the reviewer has bound them. */
function slitHints(k: Keymap, m: ModeKeymap<SpectrographAction>): KeyHint[] {
  const fibre = (extend: boolean) => (a: SpectrographAction) => a.kind === 'fibre' && Math.abs(a.step) === 1 && a.extend === extend;
  return [
    [modeHintKeys(m, fibre(false)), 'fibre'],
    [modeHintKeys(m, fibre(true)).replace(/Shift\+/g, '⇧'), 'extend'],
    ['click', 'first and last'],
    [modeHintKeys(m, (a) => (a.kind === 'fibre' && Math.abs(a.step) > 1 && !a.extend) || a.kind === 'end'), 'move'],
    [modeHintKeys(m, (a) => a.kind === 'overview'), 'all 250'],
    [modeHintKeys(m, (a) => a.kind === 'report'), 'report'],
    [hintKeys(k, 'back'), 'batches'],
    [hintKeys(k, 'help'), 'all keys'],
  ];
}

export const slitThumbnails = new ThumbnailStore();

export function SpectrographScreen() {
  const review = useApp((s) => s.review)!;
  const slit = useSlit();
  const items = review.items;
  const keymap = useApp((s) => s.keymap);
  const slitKeymap = useApp((s) => s.slitKeymap);
  const hints = useMemo(() => slitHints(keymap, slitKeymap), [keymap, slitKeymap]);

  useEffect(() => {
    useSlit.setState({ cursor: 1, anchor: null, first: 1, picked: false, form: null, problems: [] });
    // Every fibre: the view is about the slit as a whole (the strip needs them all).
    slitThumbnails.want(items.map((it) => it.obsid));
    void loadProblems();
  }, [items]);

  const { byFibre, hasItem, scales, loaded } = useFibreThumbnails(items, slitThumbnails);
  const first = slit.overview ? 1 : slit.first;
  const rows = slit.overview ? FIBERS_PER_SPECTROGRAPH : slit.visible;
  const fits = useSlitFits(items, slitThumbnails, first, rows, slit.cursor);
  const marks = useMemo(() => fitMarks(fits), [fits]);
  const fibresWith = (...m: FitMark[]) => marks.flatMap((x, f) => (m.includes(x) ? [f] : []));
  const fitted = fibresWith('agrees', 'disagrees', 'none');
  const disagreeing = fibresWith('disagrees');

  const { from, to } = selection(slit);
  const plan = items[0]!;
  return (
    <section className="slit" data-testid="slit" data-view={`${first}–${Math.min(FIBERS_PER_SPECTROGRAPH, first + rows - 1)}`} data-fitted={fitted.join(' ')} data-disagrees={disagreeing.join(' ')}>
      <header className="slit-header">
        <strong>
          {plan.planid} · spectrograph {plan.spid} · lmjd {plan.lmjd}
        </strong>
        <span data-testid="slit-selection">
          fibres {from}–{to} selected
        </span>
        <span>
          spectra {loaded} of {items.length}
          {slit.overview ? ' · all 250 fibres' : ''}
        </span>
        <span data-testid="slit-fits" title="the assistant's fits (in a worker, the fibres in view first); ≠fit: the fit disagrees with the pipeline">
          fitted {fitted.length} of {items.length} · {disagreeing.length} ≠fit
        </span>
        <span className="legend">F flux standard · · no spectrum (sky or unused)</span>
      </header>
      <CursorFit item={items.find((it) => it.fiberid === slit.cursor)} fit={fits[slit.cursor]} fibre={slit.cursor} />
      <SlitColumns fit />
      <SlitCanvas scene={{ byFibre, hasItem, first, rows, cursor: slit.cursor, from, to, problems: slit.problems, fitMarks: marks, ...scales }} />
      <SlitReports />
      <ReportForm />
      <KeyHints hints={hints} />
    </section>
  );
}

/** The reports filed on this spectrograph, in words (the canvas draws them over their fibres). */
function SlitReports() {
  const problems = useSlit((s) => s.problems);
  return (
    <ul className="slit-reports" data-testid="slit-reports">
      {problems.map((p) => (
        <li key={p.id} data-testid="slit-report">
          fibres {p.fiberFrom}–{p.fiberTo}: {problemTypeLabel(p.type)}, {p.origin === 'raw' ? 'raw data' : '2D processing'} — {p.state}
          {p.pushed ? '' : ' (not pushed yet)'}
        </li>
      ))}
    </ul>
  );
}
