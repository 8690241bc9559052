/** The assistant's answer for the cursor's fibre, beside the pipeline's, with ≠ when they disagree. */
import type { ThumbFit } from '../assistant/pageFits';
import type { Item } from '../../shared/model';
import { zText } from '../assistant/zText';

export function CursorFit({ fibre, item, fit }: { fibre: number; item: Item | undefined; fit: ThumbFit | undefined }) {
  const p = item?.pipeline;
  const pipeline = p ? `${p.class} ${p.subclass} ${p.class === 'STAR' ? 'cz' : 'z'} ${zText(p)}`.replace(/\s+/g, ' ') : '';
  return (
    <div className={`slit-fit${fit?.disagrees ? ' disagrees' : ''}`} data-testid="slit-fit">
      <strong>fibre {fibre}</strong>
      {!item ? (
        <span>no spectrum (sky or unused)</span>
      ) : (
        <>
          <span>fit: {fit ? fit.text : 'fitting…'}</span>
          <span>pipeline: {pipeline}</span>
          {fit?.disagrees && <span className="fit-mark">≠ pipeline</span>}
        </>
      )}
    </div>
  );
}
