/**
 * Signing in to a central server: its address (mysql://user@host:port/database) and the
 * password, which travels separately and is kept only if asked to (Electron: the OS keychain;
 * web edition: the server's memory). A failure keeps what was typed and says why.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { signIn } from '../review/actions';
import { setState, useApp } from '../state/store';
import { addressProblem } from './serverAddress';

export function SignInDialog() {
  const open = useApp((s) => s.showSignIn);
  const [server, setServer] = useState('mysql://');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) return null;

  const problem = addressProblem(server);
  const close = () => setState({ showSignIn: false });
  // The last failure described what was typed then; once that changes it no longer applies.
  const edited = <T,>(set: (v: T) => void, v: T) => {
    set(v);
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(await signIn(server.trim(), password, remember));
    setBusy(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label="sign in to a central server" onKeyDown={onKeyDown}>
      <form className="dialog" aria-label="sign in" onSubmit={(e) => void submit(e)}>
        <h2>Sign in to a central server</h2>
        <ServerField value={server} problem={problem} onChange={(v) => edited(setServer, v)} />
        <label>
          password
          <input type="password" value={password} onChange={(e) => edited(setPassword, e.target.value)} autoComplete="current-password" />
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => edited(setRemember, e.target.checked)} /> remember the password on this
          computer
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy || problem !== null}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The address, with why it cannot be used yet right under it (instead of a silently greyed button). */
function ServerField({ value, problem, onChange }: { value: string; problem: string | null; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label>
        server
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="mysql://alice@db.example.org:3306/specvet"
          aria-describedby="server-help"
          aria-invalid={problem !== null}
          autoFocus
        />
      </label>
      <small id="server-help" className={problem ? 'field-help problem' : 'field-help'} data-testid="server-help">
        {problem ?? 'the password goes in its own field below, never in the address'}
      </small>
    </div>
  );
}
