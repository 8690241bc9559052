/**
 * Beside the chart: what the survey knows about this spectrum (pipeline answer, S/N per band,
 * the target's type, source and magnitudes, where and when it was taken, the night's seeing and
 * moon) and what everyone said about it before — with a
 * mark on each earlier verdict your answer disagrees with (shared/agreement.ts).
 */
import { memo, type ReactNode } from 'react';
import { disagrees } from '../../shared/agreement';
import type { Item, PipelineResult, Verdict } from '../../shared/model';
import { FLAG_TEXT, isVerdictFlag } from '../../shared/verdictFlags';
import type { Draft } from '../state/store';

const SNR_BANDS = ['u', 'g', 'r', 'i', 'z'] as const;
const MAG_BANDS = ['g', 'r', 'i'] as const;

/** LAMOST's lmjd counts days like MJD (from 1858-11-17), at the site's local date. */
export function lmjdDate(lmjd: number): string {
  return new Date(Date.UTC(1858, 10, 17) + lmjd * 86_400_000).toISOString().slice(0, 10);
}

/** `children` go under the pipeline's answer, to be read beside it (the assistant's fit). */
export function SidePanel({ item, draft, children }: { item: Item; draft: Draft; children?: ReactNode }) {
  return (
    <aside className="side-panel" data-testid="side-panel">
      <FlagsAndComment draft={draft} />
      <Pipeline p={item.pipeline} />
      {children}
      <Target item={item} />
      <Observation item={item} />
      <Verdicts history={item.history} draft={draft} />
    </aside>
  );
}

/** One value per band, '–' where there is none. */
function BandValues<B extends string>({ bands, values, digits }: { bands: readonly B[]; values: Record<B, number | null>; digits: number }) {
  return bands.map((b) => (
    <span key={b}>
      {b} {values[b] === null ? '–' : values[b].toFixed(digits)}
    </span>
  ));
}

/** Memo, as Target and Observation: a z, class or quality key gives the panel a new draft, not a new item. */
const Pipeline = memo(function Pipeline({ p }: { p: PipelineResult }) {
  return (
    <>
      <h3>Pipeline</h3>
      <dl>
        <dt>class</dt>
        <dd data-testid="side-pipeline">
          {p.class} {p.subclass}
        </dd>
        <dt>z</dt>
        <dd>
          {p.z.toFixed(4)} ± {p.zErr.toFixed(4)}
        </dd>
        <dt>S/N</dt>
        <dd className="snr">
          <BandValues bands={SNR_BANDS} values={p.snr} digits={1} />
        </dd>
      </dl>
    </>
  );
});

/** The input catalogue's word on the target (target_info). */
const Target = memo(function Target({ item }: { item: Item }) {
  return (
    <>
      <h3>Target</h3>
      <dl>
        <dt>type</dt>
        <dd data-testid="side-objtype">{item.objtype || '–'}</dd>
        <dt>source</dt>
        <dd data-testid="side-tsource" title="the input catalogue that chose the target">
          {item.tsource || '–'}
        </dd>
        <dt>mag</dt>
        <dd className="snr" data-testid="side-mag">
          {MAG_BANDS.every((b) => item.mag[b] === null) ? 'none in the catalogue' : <BandValues bands={MAG_BANDS} values={item.mag} digits={2} />}
        </dd>
      </dl>
    </>
  );
});

/** Where and when it was taken, and the night's conditions (plan_info). */
const Observation = memo(function Observation({ item }: { item: Item }) {
  return (
    <>
      <h3>Observation</h3>
      <dl>
        <dt>plan</dt>
        <dd className="plan">{item.planid}</dd>
        <dt>date</dt>
        <dd>{lmjdDate(item.lmjd)}</dd>
        <dt>lmjd</dt>
        <dd>{item.lmjd}</dd>
        <dt>sp / fibre</dt>
        <dd>
          {item.spid} / {item.fiberid}
        </dd>
        <dt>ra, dec</dt>
        <dd>
          {item.ra === null || item.dec === null ? 'not known (no target row)' : `${item.ra.toFixed(5)}, ${item.dec.toFixed(5)}`}
        </dd>
        <dt>seeing</dt>
        <dd data-testid="side-seeing" title="the plan's seeing, FWHM in arcseconds">
          {item.seeing === null ? 'not known' : `${item.seeing.toFixed(1)}″`}
        </dd>
        <dt>moon</dt>
        <dd data-testid="side-moon" title="the plan's moon: the fraction of its disc lit">
          {item.moon === null ? 'not known' : `${Math.round(item.moon * 100)} % lit`}
        </dd>
      </dl>
    </>
  );
});

/** The draft's flags and comment, shown only once there are any (`f`, `c`). */
function FlagsAndComment({ draft }: { draft: Draft }) {
  if (draft.flags.length === 0 && draft.comment === '') return null;
  return (
    <>
      <h3>Your flags and comment</h3>
      <ul className="your-flags" data-testid="side-flags">
        {draft.flags.map((f) => (
          <li key={f}>{FLAG_TEXT[f]}</li>
        ))}
      </ul>
      {draft.comment !== '' && (
        <p className="comment" data-testid="side-comment">
          {draft.comment}
        </p>
      )}
    </>
  );
}

/** A flag as it reads; one outside today's vocabulary (an older SpecVet's) as written. */
const flagText = (f: string) => (isVerdictFlag(f) ? FLAG_TEXT[f] : f);

function Verdicts({ history, draft }: { history: readonly Verdict[]; draft: Draft }) {
  return (
    <>
      <h3>Earlier verdicts</h3>
      {history.length === 0 ? (
        <p className="none" data-testid="side-history-none">
          nobody else has checked it
        </p>
      ) : (
        <ul className="history" data-testid="side-history">
          {history.map((v) => {
            const differs = disagrees(v, draft);
            return (
              <li key={v.id} className={differs ? 'disagrees' : undefined} title={differs ? 'your answer disagrees with this one' : undefined}>
                <span className="who">
                  {differs && <span className="mark">≠ </span>}
                  {v.reviewer}, {v.createdAt.slice(0, 10)}
                </span>
                <span className="what">
                  {v.class} {v.subclass} z {v.z.toFixed(4)} q{v.quality}
                </span>
                {v.flags.length > 0 && <span className="flags">{v.flags.map(flagText).join(', ')}</span>}
                {v.comment && <span className="comment">{v.comment}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
