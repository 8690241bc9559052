/** The recheck list under its thresholds (d, q: recheckThresholds.ts), and one case open on the plot (RecheckCase.tsx). */
import { DEFAULT_THRESHOLDS } from '../../shared/agreement';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk } from './deskState';
import { RecheckCase } from './RecheckCase';

const zText = (z: number) => z.toFixed(4);

export function DeskRecheck() {
  const cases = useDesk((s) => s.recheck);
  const cursor = useDesk((s) => s.cursor);
  const open = useDesk((s) => s.openCase);
  const quiet = useDesk((s) => s.failure !== null || s.loading);
  const opened = open && cases[open.index];
  if (open && opened) return <RecheckCase c={opened} open={open} />;
  const list =
    cases.length === 0 ? (
      !quiet && (
        <p className="placeholder" data-testid="desk-empty">
          Nothing to recheck: every reviewer agrees.
        </p>
      )
    ) : (
      <table>
        <TableHead columns={['obsid', 'plan · sp-fibre', 'pipeline', 'reviewers', 'why']} />
        <tbody>
          {cases.map((c, i) => (
            <CursorRow key={c.obsid} atCursor={i === cursor} testId="desk-recheck">
              <td>{c.obsid}</td>
              <td>
                {c.planid} · {c.spid}-{c.fiberid}
              </td>
              <td>
                {c.pipeline.class} z={zText(c.pipeline.z)}
              </td>
              <td>{c.verdicts.map((v) => `${v.reviewer}: ${v.class}`).join(', ')}</td>
              <td>{c.reasons.join(', ')}</td>
            </CursorRow>
          ))}
        </tbody>
      </table>
    );
  return (
    <>
      <ThresholdChips />
      {list}
    </>
  );
}

/** The thresholds in force, each a chip naming its key; set (not the default) ones stand out. */
function ThresholdChips() {
  const t = useDesk((s) => s.recheckThresholds);
  const chip = (set: boolean) => (set ? 'chip set' : 'chip');
  return (
    <p className="desk-filters desk-chips" data-testid="desk-recheck-thresholds">
      <span className={chip(t.dz !== DEFAULT_THRESHOLDS.dz)} data-testid="desk-chip-dz">
        <kbd>d</kbd> redshifts disagree at |Δz|/(1+z) ≥ <strong>{t.dz}</strong>
      </span>
      <span className={chip(t.quality !== DEFAULT_THRESHOLDS.quality)} data-testid="desk-chip-dq">
        <kbd>q</kbd> qualities disagree at <strong>{t.quality}</strong> or more apart
      </span>
    </p>
  );
}
