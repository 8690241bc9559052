/**
 * The problem report form of the spectrograph view, opened by `p` on the selected fibres.
 * Enter files it (Ctrl+Enter in the description); Esc puts it away with what was typed (`p`
 * brings it back); a refusal is one line under the fields and everything typed stays.
 */
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { PROBLEM_ORIGINS, type ProblemOrigin } from '../../shared/modelConstants';
import { ORIGIN_TEXT, PROBLEM_TYPES } from '../../shared/problemTypes';
import { closeForm, editForm, submitReport } from './reports';
import { useSlit, type ReportDraft } from './slitState';

export function ReportForm() {
  const form = useSlit((s) => s.form);
  const first = useRef<HTMLSelectElement>(null);
  const open = form !== null;
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  if (!form) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submitReport();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeForm();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (e.target as HTMLElement).tagName === 'SELECT')) {
      // Inputs file the form on Enter by themselves; a select does not, the description keeps its newlines.
      e.preventDefault();
      void submitReport();
    }
  };
  return (
    <form className="report-form" aria-label="problem report" onSubmit={onSubmit} onKeyDown={onKey} data-testid="report-form">
      <strong>Report a problem on fibres</strong>
      <label>
        from <input className="fibre" value={form.from} onChange={(e) => editForm({ from: e.target.value })} aria-label="first fibre" />
      </label>
      <label>
        to <input className="fibre" value={form.to} onChange={(e) => editForm({ to: e.target.value })} aria-label="last fibre" />
      </label>
      <KindFields form={form} first={first} />
      <textarea
        value={form.text}
        onChange={(e) => editForm({ text: e.target.value })}
        placeholder="what you see (Ctrl+Enter files the report)"
        aria-label="description"
        rows={2}
      />
      <div className="report-actions">
        <button type="submit" disabled={form.sending}>
          File report
        </button>
        <button type="button" onClick={closeForm}>
          Cancel (Esc)
        </button>
        {form.error && (
          <span className="report-error" role="alert" data-testid="report-error">
            {form.error}
          </span>
        )}
      </div>
    </form>
  );
}

/** The problem type and the origin: where the report goes. */
function KindFields({ form, first }: { form: ReportDraft; first: RefObject<HTMLSelectElement | null> }) {
  return (
    <>
        <label>
          problem{' '}
          <select ref={first} value={form.type} onChange={(e) => editForm({ type: e.target.value })} aria-label="problem type">
            {PROBLEM_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          origin{' '}
          <select value={form.origin} onChange={(e) => editForm({ origin: e.target.value as ProblemOrigin })} aria-label="origin">
            {PROBLEM_ORIGINS.map((o) => (
              <option key={o} value={o}>
                {ORIGIN_TEXT[o]}
              </option>
            ))}
          </select>
        </label>
    </>
  );
}
