/**
 * A field with a short list under it, all by keyboard: typing narrows the list, ↑ ↓ move in it,
 * Enter picks (what is typed, when it is one of them exactly), Esc closes. Text that matches
 * none stays in the field with one line saying so. The subclass picker (t, in single mode and
 * in a recheck case) and the problems list's filters (p s y) are this list.
 */
import { useState, type KeyboardEvent } from 'react';

/** How many choices show at once; typing narrows the rest. */
const SHOWN = 12;

export interface TypeAheadProps {
  /** The field's name, beside it and as its accessible name. */
  label: string;
  initial: string;
  /** The choices for what is typed, best first. */
  match: (typed: string) => readonly string[];
  /** A first row picking '' (as "any"), offered while nothing is typed; without it an empty field picks ''. */
  blank?: string;
  /** How a choice is shown and typed (a problem type's label for its id); default itself. */
  show?: (choice: string) => string;
  onPick: (choice: string) => void;
  onClose: () => void;
  /** The one line for typed text that is none of the choices. */
  noMatch: (typed: string) => string;
  /** Shown in place of the list when nothing matches. */
  none: string;
  listLabel: string;
  testId: string;
  hint: string;
}

/** Starts-with first, then contains, case ignored (a filter's values; subclasses have their own). */
export function narrow(choices: readonly string[], typed: string, show: (c: string) => string = (c) => c): string[] {
  const t = typed.trim().toLowerCase();
  const text = (c: string) => show(c).toLowerCase();
  return [...choices.filter((c) => text(c).startsWith(t)), ...choices.filter((c) => !text(c).startsWith(t) && text(c).includes(t))];
}

export function TypeAheadList(p: TypeAheadProps) {
  const show = p.show ?? ((c: string) => c);
  const [text, setText] = useState(p.initial);
  const [at, setAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const typed = text.trim();
  const matches = p.match(typed);
  // The blank row stands first while nothing is typed: '' is its choice.
  const rows = p.blank !== undefined && typed === '' ? ['', ...matches] : matches;
  const choose = () => {
    const exact = matches.find((c) => show(c).toLowerCase() === typed.toLowerCase());
    const picked = typed === '' && p.blank === undefined && at === 0 ? '' : (exact ?? rows[at]);
    if (picked === undefined) return setError(p.noMatch(typed));
    p.onPick(picked);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) {
      e.preventDefault();
      setAt((i) => Math.min(Math.max(0, i + moves[e.key]!), Math.max(0, Math.min(SHOWN, rows.length) - 1)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      p.onClose();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose();
    }
  };
  return (
    <div className="z-entry field-entry" data-testid={p.testId}>
      <label>
        {p.label}{' '}
        <input
          autoFocus
          value={text}
          aria-label={p.label}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setAt(0);
            setError(null);
          }}
          onKeyDown={onKey}
          onBlur={p.onClose}
        />
      </label>
      <span className="z-entry-hint">{p.hint}</span>
      {error && (
        <span className="z-entry-error" role="alert">
          {error}
        </span>
      )}
      <Choices rows={rows} at={at} text={(c) => (c === '' ? (p.blank ?? '') : show(c))} label={p.listLabel} none={p.none} />
    </div>
  );
}

/** The first rows of the list, the one at the cursor marked; `none` when nothing matches. */
function Choices({ rows, at, text, label, none }: { rows: readonly string[]; at: number; text: (c: string) => string; label: string; none: string }) {
  return (
    <ul className="choices" role="listbox" aria-label={label}>
      {rows.slice(0, SHOWN).map((c, i) => (
        <li key={c} role="option" aria-selected={i === at} className={[i === at && 'at', c === '' && 'blank'].filter(Boolean).join(' ') || undefined}>
          {text(c)}
        </li>
      ))}
      {rows.length === 0 && <li className="none">{none}</li>}
    </ul>
  );
}
