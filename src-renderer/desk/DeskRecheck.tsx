/**
 * The recheck list, and one case open: the pipeline's answer and each reviewer's latest
 * verdict side by side, and the coordinator's final answer being made (s g q u, 0–4, Enter).
 */
import type { DeskRecheckCase } from '../../shared/desk';
import { CursorRow, TableHead } from './DeskTable';
import { useDesk, type RecheckDraft } from './deskState';

const zText = (z: number) => z.toFixed(4);

export function DeskRecheck() {
  const cases = useDesk((s) => s.recheck);
  const cursor = useDesk((s) => s.cursor);
  const open = useDesk((s) => s.openCase);
  const quiet = useDesk((s) => s.failure !== null || s.loading);
  const opened = open && cases[open.index];
  if (opened) return <RecheckCase c={opened} draft={open.draft} />;
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

function RecheckCase({ c, draft }: { c: DeskRecheckCase; draft: RecheckDraft }) {
  const columns = [{ who: 'pipeline', class: c.pipeline.class, subclass: c.pipeline.subclass, z: c.pipeline.z, quality: null as number | null, comment: '' }, ...c.verdicts.map((v) => ({ who: v.reviewer, ...v }))];
  return (
    <div className="desk-case" data-testid="desk-case">
      <p>
        <strong>{c.obsid}</strong> · {c.planid} sp{c.spid} fibre {c.fiberid} · {c.reasons.join(', ')}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            {columns.map((col) => (
              <th key={col.who}>{col.who}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['class', 'subclass', 'z', 'quality', 'comment'] as const).map((field) => (
            <tr key={field}>
              <th>{field}</th>
              {columns.map((col) => (
                <td key={col.who}>{field === 'z' ? zText(col.z) : (col[field] ?? '—') || '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="desk-draft" data-testid="desk-draft">
        final answer: <strong>{draft.class ?? 'choose a class (s g q u)'}</strong>
        {draft.quality !== null && <> · quality {draft.quality}</>} — Enter records it; z and subclass come from the answer of that class
      </p>
    </div>
  );
}
