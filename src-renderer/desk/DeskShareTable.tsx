/**
 * Per plan or per night: how many of the spectra are checked (a verdict, a recheck, or paged
 * past in browse mode) and how many of the checked ones corrected the pipeline, overall and by
 * the pipeline's class — the same figures and words as `specvet progress --by plan|night`.
 */
import type { DeskCheckedShare, DeskProgress, DeskShare } from '../../shared/desk';
import { SPEC_CLASSES } from '../../shared/modelConstants';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk } from './deskState';

type ShareReport = Extract<DeskProgress, { by: 'plan' | 'night' }>;

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);
const corrected = (s: DeskShare) => (s.checked === 0 ? '—' : `${pct(s.corrected, s.checked)} of ${s.checked}`);

export function DeskShareTable({ report }: { report: ShareReport }) {
  const cursor = useDesk((s) => s.cursor);
  const all = report.rows.reduce((n, r) => ({ total: n.total + r.total, checked: n.checked + r.checked, corrected: n.corrected + r.corrected }), { total: 0, checked: 0, corrected: 0 });
  const head = report.by === 'plan' ? ['night', 'plan'] : ['night', 'plans'];
  return (
    <>
      <p data-testid="desk-progress-summary">
        <strong>{pct(all.checked, all.total)}</strong> of {all.total} spectra checked · <strong>{pct(all.corrected, all.checked)}</strong> of the
        checked corrected
      </p>
      <table className="desk-shares">
        <TableHead columns={[...head, 'spectra', 'checked', 'corrected', ...SPEC_CLASSES.map((c) => `${c} corrected`)]} />
        <tbody>
          {report.rows.map((r, i) => (
            <CursorRow key={'planid' in r ? `${r.lmjd}/${r.planid}` : r.obsdate} atCursor={i === cursor} testId="desk-share">
              <td>{r.obsdate}</td>
              <td>{'planid' in r ? r.planid : r.plans}</td>
              <ShareCells share={r} />
            </CursorRow>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ShareCells({ share }: { share: DeskCheckedShare }) {
  return (
    <>
      <td>{share.total}</td>
      <td className="done">
        <progress max={Math.max(1, share.total)} value={share.checked} /> {pct(share.checked, share.total)}
      </td>
      <td>{corrected(share)}</td>
      {SPEC_CLASSES.map((c) => (
        <td key={c}>{corrected(share.byClass[c])}</td>
      ))}
    </>
  );
}
