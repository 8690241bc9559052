/**
 * A problem report opened on its spectrograph: the spectrograph view of that plan, read-only,
 * with the reported fibres marked (tinted, boxed and named); what it says, and why spectra
 * are missing when they are (not on this computer, no data source) in one line.
 */
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import { problemTypeLabel } from '../../shared/problemTypes';
import { SlitCanvas, SlitColumns, useFibreThumbnails } from '../spectrograph/SlitCanvas';
import { useSlit } from '../spectrograph/slitState';
import type { DeskSpectrograph } from '../../shared/desk';
import type { OpenProblem } from './deskState';
import { deskThumbnails } from './problemOpen';

const NO_FIBRES: DeskSpectrograph['fibres'] = [];

export function DeskProblemOpen({ open }: { open: OpenProblem }) {
  const { problem: p, view } = open;
  const slit = useSlit();
  const fibres = view?.fibres ?? NO_FIBRES;
  const { byFibre, hasItem, scales, loaded, failure } = useFibreThumbnails(fibres, deskThumbnails);
  return (
    <div className="slit desk-slit" data-testid="desk-problem-open">
      <header className="slit-header">
        <strong>
          {p.planid} · spectrograph {p.spid} · {p.obsdate ?? `lmjd ${p.lmjd}`}
        </strong>
        <span data-testid="desk-problem-range">
          fibres {p.fiberFrom}–{p.fiberTo}: {problemTypeLabel(p.type)}, {p.origin === 'raw' ? 'raw data' : '2D processing'} — <strong>{p.state}</strong>
        </span>
        <span>
          by {p.reporter}
          {p.text ? `: “${p.text}”` : ''}
        </span>
        {view && (
          <span>
            spectra {loaded} of {fibres.length}
          </span>
        )}
      </header>
      <MissingFiles view={view} failure={failure} planid={p.planid} spid={p.spid} />
      <SlitColumns />
      <SlitCanvas
        readOnly
        scene={{
          byFibre,
          hasItem,
          first: slit.overview ? 1 : slit.first,
          rows: slit.overview ? FIBERS_PER_SPECTROGRAPH : slit.visible,
          cursor: 0,
          from: p.fiberFrom,
          to: p.fiberTo,
          problems: [p],
          ...scales,
        }}
      />
    </div>
  );
}

/** Why the view has no spectra, in one line, and what to do. */
function MissingFiles({ view, failure, planid, spid }: { view: DeskSpectrograph | null; failure: string | null; planid: string; spid: number }) {
  if (!view) return <p className="hint">loading the fibres of {planid} sp{spid}…</p>;
  let why: string | null = null;
  if (view.fibres.length === 0) why = `The central server has no spectra of ${planid} spectrograph ${spid}; the reported fibres are marked on an empty view.`;
  else if (view.source === null && !view.fibres.some((f) => f.local)) {
    why = `The spectra of ${planid} spectrograph ${spid} are not on this computer: set SPECVET_DATA (or "data" in the config file) to the survey's spectrum files and open the report again.`;
  } else if (failure) why = `Some spectra cannot be shown — ${failure}`;
  return why ? (
    <p className="desk-failure" role="status" data-testid="desk-problem-files">
      {why}
    </p>
  ) : null;
}
