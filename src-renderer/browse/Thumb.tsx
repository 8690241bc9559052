/** One thumbnail of the browse grid: the spectrum, its obsid, the answer, S/N and the marks. */
import { useLayoutEffect, useRef } from 'react';
import type { Item } from '../../shared/model';
import type { Draft } from '../state/store';
import { strokeThumbnail } from '../spectra/thumbnail';
import type { ThumbnailState } from '../spectra/thumbnailStore';
import type { ThumbFit } from '../assistant/pageFits';

interface ThumbProps {
  item: Item;
  shown: ThumbnailState | undefined;
  cursor: boolean;
  /** The answer on screen for the cursor's spectrum (its draft), else null. */
  draft: Draft | null;
  seen: boolean;
  /** The assistant's fit, summarised; undefined until it is in. */
  fit: ThumbFit | undefined;
}

export function Thumb({ item, shown, cursor, draft, seen, fit }: ThumbProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const thumb = shown?.state === 'ready' ? shown.thumb : null;

  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (!thumb) return;
    ctx.strokeStyle = '#1f5fbf';
    ctx.lineWidth = 1;
    strokeThumbnail(ctx, thumb, { x: 2, y: 2, width: w - 4, height: h - 4 }, thumb.yMin, thumb.yMax);
  }, [thumb]);

  const p = item.pipeline;
  const answer = draft ?? (item.verdict ? { class: item.verdict.class, subclass: item.verdict.subclass, z: item.verdict.z } : p);
  const changed = answer.class !== p.class || answer.subclass !== p.subclass || answer.z !== p.z;
  const classes = ['thumb', cursor && 'cursor', seen && 'seen', item.verdict && 'mine'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid="thumb" data-obsid={item.obsid} data-fit={fit ? (fit.disagrees ? 'disagrees' : 'agrees') : 'pending'} aria-current={cursor || undefined}>
      <div className="thumb-head">
        <span className="obsid">{item.obsid}</span>
        <span className="marks">
          {fit?.disagrees && (
            <span className="mark fit-mark" data-testid="fit-mark" title={`the fit disagrees with the pipeline: ${fit.text}`}>
              ≠fit
            </span>
          )}
          {item.verdict && (
            <span className="mark mine-mark" data-testid="mine-mark" title="you gave a verdict on this spectrum">
              ✎
            </span>
          )}
          {item.history.length > 0 && (
            <span className="mark others-mark" data-testid="others-mark" title={`checked by ${item.history.map((v) => v.reviewer).join(', ')}`}>
              ◆{item.history.length}
            </span>
          )}
        </span>
      </div>
      <canvas ref={canvas} className="thumb-plot" />
      {shown?.state === 'error' && <div className="thumb-error">{shown.message}</div>}
      <div className={changed ? 'thumb-answer changed' : 'thumb-answer'} data-testid="thumb-answer">
        {answer.class} {answer.subclass} · z {answer.z.toFixed(4)} · S/N r {p.snr.r?.toFixed(0) ?? '–'}
      </div>
    </div>
  );
}
