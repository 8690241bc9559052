/** What is on screen and what has been said about it: pipeline answer, draft, saved verdict. */
import { memo } from 'react';
import type { Item } from '../../shared/model';
import type { Draft } from '../state/store';

interface Props {
  item: Item;
  draft: Draft;
  index: number;
  count: number;
  /** Boxcar width in pixels (0: none). */
  smoothing: number;
  showErrors: boolean;
  /** The chart's axis in the rest frame of this z; null: observed. */
  restZ: number | null;
}

const fmtZ = (z: number) => z.toFixed(4);

/** Memo: its screen re-renders on every key; a zoom, the line markers or the fit's keys change nothing here. */
export const ReviewHeader = memo(function ReviewHeader({ item, draft, index, count, smoothing, showErrors, restZ }: Props) {
  const p = item.pipeline;
  const v = item.verdict;
  const changed = draft.class !== p.class || Math.abs(draft.z - p.z) > 1e-9;
  return (
    <div className="review-header" data-testid="review-header">
      <div className="ident">
        <span className="obsid" data-testid="obsid">
          obsid {item.obsid}
        </span>
        <span className="where">
          {item.planid} · sp{String(item.spid).padStart(2, '0')}-{String(item.fiberid).padStart(3, '0')} · lmjd {item.lmjd} ·{' '}
          {item.objtype}
        </span>
        <span className="view-state" data-testid="view-state">
          {smoothing > 1 ? `smooth ${smoothing}` : 'no smoothing'} · σ band {showErrors ? 'on' : 'off'} ·{' '}
          {restZ === null ? 'observed frame' : `rest frame (z ${fmtZ(restZ)})`}
        </span>
        <span className="position">
          {index + 1} / {count}
        </span>
      </div>
      <div className="answers">
        <span className="pipeline" data-testid="pipeline">
          pipeline: <strong>{p.class}</strong> {p.subclass} · z = {fmtZ(p.z)} ± {p.zErr.toFixed(4)} · S/N g {fmt(p.snr.g)} r{' '}
          {fmt(p.snr.r)}
        </span>
        {/* Draft and saved verdict side by side: both are the reviewer's, and wrap as one. */}
        <span className="mine">
          <span className={`draft${changed ? ' changed' : ''}`} data-testid="draft">
            yours: <strong>{draft.class}</strong> {draft.subclass} · z = {fmtZ(draft.z)} · quality {draft.quality || '–'}
            {draft.flags.length > 0 && ` · ${draft.flags.length === 1 ? '1 flag' : `${draft.flags.length} flags`}`}
            {draft.comment !== '' && ' · comment'}
          </span>
          <span className="verdict" data-testid="verdict">
            {v
              ? `saved: ${v.class} z = ${fmtZ(v.z)} q${v.quality}${v.pushed ? ' (pushed)' : ' (not pushed yet)'}`
              : 'no verdict yet'}
          </span>
          {!item.assigned && <span className="tombstone">unassigned on the server; your work on it is kept</span>}
        </span>
      </div>
    </div>
  );
});

function fmt(x: number | null): string {
  return x === null ? '–' : x.toFixed(1);
}
