/** The one line that says what went wrong (or what just happened), until dismissed. */
import { setState, useApp } from '../state/store';

export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={() => setState({ notice: null })} aria-label="dismiss">
        ×
      </button>
    </div>
  );
}
