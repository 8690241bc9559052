/**
 * "New batch" (coordinator): every criterion of the batch service as a field, reached by Tab;
 * under it the live count, each assignee's share and the first 10 spectra, counted again as
 * typing pauses; Enter creates it, Esc goes back to Team batches with the form kept.
 */
import { useEffect, useRef } from 'react';
import { REVIEW_MODES, type ReviewMode } from '../../shared/modelConstants';
import { createFromForm } from './batchBuild';
import { TEXT_FIELDS, type BatchForm } from './batchForm';
import { editBatchForm } from './batchPreview';
import { openScreen } from './deskActions';
import { TableHead } from './DeskTable';
import { useDesk } from './deskState';

export function DeskNewBatch() {
  const form = useDesk((s) => s.batchForm);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void createFromForm();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      openScreen('batches');
    }
  };
  return (
    <>
      <form className="batch-form" data-testid="batch-form" onKeyDown={onKeyDown} onSubmit={(e) => e.preventDefault()}>
        {TEXT_FIELDS.slice(0, 2).map((f, i) => (
          <TextField key={f.key} field={f} value={form[f.key]} autoFocus={i === 0} />
        ))}
        <label>
          <span>mode</span>
          <select aria-label="mode" value={form.mode} onChange={(e) => editBatchForm({ mode: e.target.value as ReviewMode })}>
            {REVIEW_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        {TEXT_FIELDS.slice(2).map((f) => (
          <TextField key={f.key} field={f} value={form[f.key]} />
        ))}
        <label className="tick">
          <input type="checkbox" checked={form.includeAssigned} onChange={(e) => editBatchForm({ includeAssigned: e.target.checked })} /> also spectra in an active batch
        </label>
        <label className="tick">
          <input type="checkbox" checked={form.includeVerified} onChange={(e) => editBatchForm({ includeVerified: e.target.checked })} /> also spectra with a verdict
        </label>
      </form>
      <TeamLine chosen={form.assignees} />
      <PreviewPart />
    </>
  );
}

function TextField({ field, value, autoFocus = false }: { field: (typeof TEXT_FIELDS)[number]; value: string; autoFocus?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  return (
    <label>
      <span>{field.label}</span>
      <input
        ref={input}
        value={value}
        placeholder={field.hint}
        aria-label={field.label}
        spellCheck={false}
        onChange={(e) => editBatchForm({ [field.key]: e.target.value } as Partial<BatchForm>)}
      />
    </label>
  );
}

/** The members a batch can go to, the ones named in the form marked. */
function TeamLine({ chosen }: { chosen: string }) {
  const members = useDesk((s) => s.members);
  const named = new Set(chosen.split(/[\s,]+/));
  if (members.length === 0) return null;
  return (
    <p className="hint batch-team" data-testid="batch-team">
      team:{' '}
      {members.map((m) => (
        <span key={m.user} className={named.has(m.user) ? 'chosen' : undefined}>
          {m.user}
          {m.role === 'reviewer' ? '' : ` (${m.role})`}
        </span>
      ))}
    </p>
  );
}

function PreviewPart() {
  const { result, problem, counting } = useDesk((s) => s.batchPreview);
  return (
    <>
      {problem && (
        <p className="desk-failure" role="alert" data-testid="batch-problem">
          {problem}
        </p>
      )}
      {result && (
        <p className={problem ? 'batch-count stale' : 'batch-count'}>
          <strong data-testid="batch-count">{result.count}</strong> spectra match
          {result.shares.length > 0 && <span data-testid="batch-shares"> · {result.shares.map((s) => `${s.assignee} ${s.count}`).join(' · ')}</span>}
          {counting && <span className="hint"> counting…</span>}
        </p>
      )}
      {result && result.sample.length > 0 && (
        <table className="batch-sample">
          <TableHead columns={['obsid', 'night', 'plan', 'sp', 'fibre', 'class', 'subclass', 'z', 'S/N r', 'object type', 'target source']} />
          <tbody>
            {result.sample.map((s) => (
              <tr key={s.obsid} data-testid="batch-sample">
                <td>{s.obsid}</td>
                <td>{s.obsdate}</td>
                <td>{s.planid}</td>
                <td>{s.spid}</td>
                <td>{s.fiberid}</td>
                <td>{s.class}</td>
                <td>{s.subclass || '—'}</td>
                <td>{s.z.toFixed(4)}</td>
                <td>{s.snrR === null ? '—' : s.snrR.toFixed(1)}</td>
                <td>{s.objtype || '—'}</td>
                <td>{s.tsource || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
