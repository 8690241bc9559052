/**
 * The subclass picker opened by `t`: type ahead over LAMOST's subclasses for the class in the
 * draft (shared/subclasses.ts), ↑ ↓ to pick, Enter sets it, Esc cancels. An empty field clears
 * the subclass; text that matches no subclass stays in the field with one line saying so.
 */
import { useState, type KeyboardEvent } from 'react';
import { matchSubclasses } from '../../shared/subclasses';
import { currentItem, setState, useApp } from '../state/store';
import { editDraft } from './actions';

/** How many choices show at once; typing narrows the rest. */
const SHOWN = 12;

export function SubclassPicker() {
  const open = useApp((s) => s.field === 'subclass' && s.review !== null);
  const draft = useApp((s) => s.review?.draft);
  const pipelineSubclass = useApp((s) => currentItem(s)?.pipeline.subclass ?? '');
  if (!open || !draft) return null;
  return <Picker cls={draft.class} initial={draft.subclass} pipelineSubclass={pipelineSubclass} />;
}

function Picker({ cls, initial, pipelineSubclass }: { cls: Parameters<typeof matchSubclasses>[0]; initial: string; pipelineSubclass: string }) {
  const [text, setText] = useState(initial);
  const [at, setAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const choices = matchSubclasses(cls, text, pipelineSubclass);
  const close = () => setState({ field: null });
  const choose = () => {
    const typed = text.trim();
    const exact = choices.find((c) => c.toLowerCase() === typed.toLowerCase());
    const picked = typed === '' ? '' : (exact ?? choices[at]);
    if (picked === undefined) return setError(`"${typed}" is no LAMOST subclass of a ${cls}; pick one from the list, or Esc`);
    editDraft({ subclass: picked });
    close();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) {
      e.preventDefault();
      setAt((i) => Math.min(Math.max(0, i + moves[e.key]!), Math.max(0, Math.min(SHOWN, choices.length) - 1)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose();
    }
  };
  return (
    <div className="z-entry field-entry" data-testid="subclass-picker">
      <label>
        subclass{' '}
        <input
          autoFocus
          value={text}
          aria-label="subclass"
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setAt(0);
            setError(null);
          }}
          onKeyDown={onKey}
          onBlur={close}
        />
      </label>
      <span className="z-entry-hint">↑ ↓ pick · Enter sets · empty clears · Esc cancels</span>
      {error && (
        <span className="z-entry-error" role="alert">
          {error}
        </span>
      )}
      <Choices cls={cls} choices={choices} at={at} />
    </div>
  );
}

function Choices({ cls, choices, at }: { cls: string; choices: readonly string[]; at: number }) {
  return (
    <ul className="choices" role="listbox" aria-label={`subclasses of ${cls}`}>
      {choices.slice(0, SHOWN).map((c, i) => (
        <li key={c} role="option" aria-selected={i === at} className={i === at ? 'at' : undefined}>
          {c}
        </li>
      ))}
      {choices.length === 0 && <li className="none">{cls === 'UNKNOWN' ? 'UNKNOWN has no subclasses' : 'no subclass matches'}</li>}
    </ul>
  );
}
