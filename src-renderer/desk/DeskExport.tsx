/**
 * The export screen (coordinator): the human-checked catalogue for a range of observation
 * nights or for one batch, as CSV or FITS. b switches dates / batch, f the format, Enter
 * exports; rows written show while it runs, then where it went.
 */
import { DeskBatches } from './DeskBatches';
import { useDesk } from './deskState';
import { runExport, setExport } from './exportActions';

export function DeskExport() {
  const f = useDesk((s) => s.exportForm);
  return (
    <>
      <p className="desk-filters">
        by <strong data-testid="export-by">{f.by === 'dates' ? 'observation nights' : 'batch'}</strong> (b switches) · format{' '}
        <strong data-testid="export-format">{f.format.toUpperCase()}</strong> (f switches)
      </p>
      {f.by === 'dates' ? (
        <p className="desk-filters">
          <DateBox field="from" /> <DateBox field="to" /> <span className="hint">blank: no limit · d types the first night</span>
        </p>
      ) : (
        <DeskBatches />
      )}
      {f.rows !== null && (
        <p data-testid="export-progress" role="status">
          exporting… {f.rows.toLocaleString('en')} rows written
        </p>
      )}
      {f.rows === null && f.done && <p data-testid="export-done">{f.done}</p>}
    </>
  );
}

/** A night typed as YYYY-MM-DD: Enter exports, Esc leaves the box for the screen's keys. */
function DateBox({ field }: { field: 'from' | 'to' }) {
  const value = useDesk((s) => s.exportForm[field]);
  return (
    <label>
      {field}{' '}
      <input
        className={`export-${field}`}
        value={value}
        placeholder="YYYY-MM-DD"
        aria-label={`${field} night`}
        onChange={(e) => setExport({ [field]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void runExport();
          else if (e.key === 'Escape') e.currentTarget.blur();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
    </label>
  );
}
