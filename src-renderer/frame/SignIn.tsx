/**
 * Signing in to a central server: its address (mysql://user@host:port/database), the
 * password, which travels separately and is kept only if asked to (Electron: the OS keychain;
 * web edition: the server's memory), and where this person's spectra come from. Opened again
 * when the sync needs the password, it shows the address signed in to; a whole address pasted
 * is taken as it is (a password in it goes to its own field). A failure keeps what was typed.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { signIn } from '../review/actions';
import { setState, useApp } from '../state/store';
import { dataSourceProblem } from '../../shared/dataSource';
import { DataSourceField } from './DataSourceField';
import { addressProblem, isWholeAddress, pastedAddress } from './serverAddress';

export function SignInDialog() {
  const open = useApp((s) => s.showSignIn);
  const status = useApp((s) => s.status);
  // null: not typed in yet, so the dialog shows what it knows (the address signed in to, the data source in use).
  const [typedServer, setServer] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [typedSource, setSource] = useState<string | null>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) return null;

  const server = typedServer ?? (status?.origin.kind === 'central' ? status.origin.server : 'mysql://');
  const source = typedSource ?? status?.dataSource ?? '';
  const problem = addressProblem(server) ?? dataSourceProblem(source);
  const close = () => setState({ showSignIn: false });
  // The last failure described what was typed then; once that changes it no longer applies.
  const edited = <T,>(set: (v: T) => void, v: T) => {
    set(v);
    setError(null);
  };
  const pasted = (text: string) => {
    const whole = pastedAddress(text);
    edited(setServer, whole.address);
    if (whole.password !== null) setPassword(whole.password);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(await signIn({ server: server.trim(), password, remember, ...(typedSource === null ? {} : { dataSource: typedSource }) }));
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
        <ServerField value={server} problem={addressProblem(server)} onChange={(v) => edited(setServer, v)} onPaste={pasted} />
        <label>
          password
          <input type="password" value={password} onChange={(e) => edited(setPassword, e.target.value)} autoComplete="current-password" autoFocus={typedServer === null && server !== 'mysql://'} />
        </label>
        <DataSourceField value={source} onChange={(v) => edited(setSource, v)} />
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => edited(setRemember, e.target.checked)} /> remember the password on this
          computer
        </label>
        <FormEnd error={error} busy={busy} ready={problem === null} close={close} />
      </form>
    </div>
  );
}

/** Why the last try failed, and the buttons. */
function FormEnd({ error, busy, ready, close }: { error: string | null; busy: boolean; ready: boolean; close: () => void }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="button" onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="submit" disabled={busy || !ready}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </>
  );
}

/** The address, with why it cannot be used yet right under it (instead of a silently greyed button). */
function ServerField(props: { value: string; problem: string | null; onChange: (v: string) => void; onPaste: (text: string) => void }) {
  const { value, problem, onChange, onPaste } = props;
  return (
    <div className="field">
      <label>
        server
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text');
            // A whole address replaces the field (which may hold "mysql://" already) instead of joining it.
            if (!isWholeAddress(text)) return;
            e.preventDefault();
            onPaste(text);
          }}
          placeholder="mysql://alice@db.example.org:3306/specvet"
          aria-describedby="server-help"
          aria-invalid={problem !== null}
          autoFocus={value === 'mysql://'}
        />
      </label>
      <small id="server-help" className={problem ? 'field-help problem' : 'field-help'} data-testid="server-help">
        {problem ?? 'the password goes in its own field below, never in the address'}
      </small>
    </div>
  );
}
