/**
 * The exact-z field opened by `z`: it takes the focus, Enter sets the draft's z, Esc cancels.
 * A value the schema would refuse stays in the field with one line saying why.
 */
import { useState, type KeyboardEvent } from 'react';
import { editDraft } from './actions';
import { setState, useApp } from '../state/store';
import { parseTypedZ } from './typedZ';

export function ZEntry() {
  // The z only while the field is open: closed, a z key need not render this.
  const z = useApp((s) => (s.field === 'z' && s.review !== null ? s.review.draft.z : null));
  if (z === null) return null;
  return <ZField initial={z.toFixed(4)} />;
}

function ZField({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const close = () => setState({ field: null });
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const r = parseTypedZ(text);
      if (!r.ok) return setError(r.message);
      editDraft({ z: r.z });
      close();
    }
  };
  return (
    <div className="z-entry" data-testid="z-entry">
      <label>
        z ={' '}
        <input
          autoFocus
          value={text}
          inputMode="decimal"
          aria-label="exact z"
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={onKey}
          onBlur={close}
        />
      </label>
      <span className="z-entry-hint">Enter sets · Esc cancels</span>
      {error && (
        <span className="z-entry-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
