/** The recheck list, and one case open on the plot (RecheckCase.tsx). */
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
  if (cases.length === 0) return quiet ? null : <p className="placeholder" data-testid="desk-empty">Nothing to recheck: every reviewer agrees.</p>;
  return (
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
}
