/**
 * The comment field opened by `c`. Enter keeps the text in the draft (Shift+Enter starts a new
 * line); Esc and leaving the field keep it too, so nothing typed is lost. It is saved with the
 * verdict, by a quality key or Enter.
 */
import { useState, type KeyboardEvent } from 'react';
import { setState, useApp } from '../state/store';
import { editDraft } from './actions';

export function CommentEntry() {
  const open = useApp((s) => s.field === 'comment' && s.review !== null);
  const comment = useApp((s) => s.review?.draft.comment ?? '');
  if (!open) return null;
  return <CommentField initial={comment} />;
}

function CommentField({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const keep = () => {
    editDraft({ comment: text });
    setState({ field: null });
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      keep();
    }
  };
  return (
    <div className="z-entry field-entry" data-testid="comment-entry">
      <label>
        comment
        <textarea autoFocus rows={3} maxLength={20_000} value={text} aria-label="comment" onChange={(e) => setText(e.currentTarget.value)} onKeyDown={onKey} onBlur={keep} />
      </label>
      <span className="z-entry-hint">Enter keeps it · Shift+Enter new line</span>
    </div>
  );
}
