/**
 * Where spectra come from, asked at sign-in and in the settings: a folder or an http(s) base
 * address, with what is wrong with it said while it is typed (shared/dataSource.ts, the main
 * process's own rule). Blank means the computer's default (SPECVET_DATA), if it has one.
 */
import { useState, type FormEvent } from 'react';
import { dataSourceProblem } from '../../shared/dataSource';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { setState, useApp } from '../state/store';

const HELP = 'a folder (/data/lamost/dr10) or an address (https://…/lamost/); blank: this computer’s default';

export function DataSourceField({ value, onChange, autoFocus = false }: { value: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  const problem = dataSourceProblem(value);
  return (
    <div className="field">
      <label>
        data source
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="/data/lamost/dr10 or https://files.example.org/lamost/"
          aria-describedby="data-source-help"
          aria-invalid={problem !== null}
          data-testid="data-source"
          autoFocus={autoFocus}
        />
      </label>
      <small id="data-source-help" className={problem ? 'field-help problem' : 'field-help'}>
        {problem ?? HELP}
      </small>
    </div>
  );
}

/** The settings panel's row: the data source in use, changed by typing and Enter (or Use). */
export function DataSourceSetting({ autoFocus }: { autoFocus: boolean }) {
  const current = useApp((s) => s.status?.dataSource ?? null);
  // What was typed and not used survives the panel closing (the store's draft); nothing typed is lost.
  const draft = useApp((s) => s.dataSourceDraft);
  const text = draft ?? current ?? '';
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (dataSourceProblem(text) !== null) return;
    try {
      const status = await api.setDataSource({ dataSource: text });
      setState({ status, dataSourceDraft: null });
      setMessage({ kind: 'info', text: status.dataSource ? `spectra now come from ${status.dataSource}; the next sync fetches what is missing` : 'no data source set' });
    } catch (err) {
      // What was typed stays in the field, to be corrected.
      setMessage({ kind: 'error', text: messageOf(err) });
    }
  };
  return (
    <form className="data-source-setting" aria-label="data source" onSubmit={(e) => void submit(e)}>
      <DataSourceField
        value={text}
        onChange={(v) => {
          setState({ dataSourceDraft: v });
          setMessage(null);
        }}
        autoFocus={autoFocus}
      />
      <button type="submit" disabled={dataSourceProblem(text) !== null || (text.trim() || null) === current}>
        Use
      </button>
      {message && (
        <p className={message.kind === 'error' ? 'form-error' : 'field-help'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="data-source-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
