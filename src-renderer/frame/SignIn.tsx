/**
 * Signing in to a central server: its address (mysql://user@host:port/database) and the
 * password, which travels separately and is kept only if asked to (Electron: the OS keychain;
 * web edition: the server's memory). A failure keeps what was typed and says why.
 */
import { useState, type FormEvent } from 'react';
import { signIn } from '../review/actions';
import { setState, useApp } from '../state/store';

export function SignInDialog() {
  const open = useApp((s) => s.showSignIn);
  const [server, setServer] = useState('mysql://');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await signIn(server.trim(), password, remember));
    setBusy(false);
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" aria-label="sign in" onSubmit={(e) => void submit(e)}>
        <h2>Sign in to a central server</h2>
        <label>
          server
          <input value={server} onChange={(e) => setServer(e.target.value)} placeholder="mysql://alice@db.example.org:3306/specvet" autoFocus />
        </label>
        <label>
          password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> remember the password on this computer
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={() => setState({ showSignIn: false })} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy || server.length < 9}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}
