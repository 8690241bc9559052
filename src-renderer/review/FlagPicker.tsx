/**
 * The flag picker opened by `f`: the fixed vocabulary (shared/verdictFlags.ts), numbered; a digit
 * toggles that flag in the draft at once, Enter, Esc or `f` closes. It holds the keyboard while
 * open (useReviewKeys leaves keys to an open field), so the digits are not qualities here.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { FLAG_TEXT, VERDICT_FLAGS, type VerdictFlag } from '../../shared/verdictFlags';
import { setState, useApp } from '../state/store';
import { editDraft } from './actions';

export function FlagPicker() {
  const open = useApp((s) => s.field === 'flags' && s.review !== null);
  const flags = useApp((s) => s.review?.draft.flags ?? []);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => setState({ field: null });
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= VERDICT_FLAGS.length) {
      e.preventDefault();
      editDraft({ flags: toggled(flags, VERDICT_FLAGS[n - 1]!) });
    } else if (e.key === 'Enter' || e.key === 'Escape' || e.key === 'f') {
      e.preventDefault();
      close();
    }
  };
  return (
    <div className="z-entry field-entry flag-picker" data-testid="flag-picker" role="dialog" aria-label="flags" tabIndex={-1} ref={ref} onKeyDown={onKey} onBlur={close}>
      <ol>
        {VERDICT_FLAGS.map((f, i) => (
          <li key={f} className={flags.includes(f) ? 'on' : undefined}>
            <kbd>{i + 1}</kbd> {flags.includes(f) ? '☑' : '☐'} {FLAG_TEXT[f]}
          </li>
        ))}
      </ol>
      <span className="z-entry-hint">1–{VERDICT_FLAGS.length} toggle · Enter or Esc closes</span>
    </div>
  );
}

/** The flags with `flag` added or removed, kept in the vocabulary's order. */
export function toggled(flags: readonly VerdictFlag[], flag: VerdictFlag): VerdictFlag[] {
  const on = new Set(flags);
  if (on.has(flag)) on.delete(flag);
  else on.add(flag);
  return VERDICT_FLAGS.filter((f) => on.has(f));
}
