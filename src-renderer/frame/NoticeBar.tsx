/**
 * The one line that says what went wrong (or what just happened), until dismissed. When the
 * sync needs the password again, the way to give it is right there: a Sign in button.
 */
import { setState, useApp } from '../state/store';

export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const signInNeeded = useApp((s) => s.status?.signInNeeded ?? false);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      {notice.kind === 'error' && signInNeeded && (
        <button type="button" onClick={() => setState({ showSignIn: true })}>
          Sign in…
        </button>
      )}
      <button type="button" className="link" onClick={() => setState({ notice: null })} aria-label="dismiss">
        ×
      </button>
    </div>
  );
}
