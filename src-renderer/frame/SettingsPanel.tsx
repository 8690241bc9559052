/**
 * The settings (Ctrl+, or the top bar's button): where spectra come from (the data source),
 * each key of each screen rebound by pressing the new one — a key another action live on the
 * same screen already has is refused naming both — and the quality Enter saves. Kept per user in their local cache
 * (api.setDataSource, api.saveSettings), so they follow the person, not the machine's browser.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { chordLabel, chordOf } from '../../shared/keymap';
import { KEY_SCOPES, rebindingsOf, rebindIn, scopeOf, type Bindings, type KeyScopeId } from '../../shared/keyScopes';
import { hintLabel } from '../../shared/modeKeys';
import { ACCEPT_QUALITIES, DEFAULT_SETTINGS, type AcceptQuality, type Settings } from '../../shared/settings';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { setState, settingsState, useApp } from '../state/store';
import { DataSourceSetting } from './DataSourceField';

/** Only a modifier held so far: the chord is not complete yet. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

async function store(settings: Settings): Promise<string | null> {
  try {
    setState(settingsState(await api.saveSettings(settings)));
    return null;
  } catch (err) {
    return messageOf(err);
  }
}

export function SettingsPanel() {
  // Mounted afresh on each opening: no key awaited, no message from last time.
  return useApp((s) => s.showSettings) ? <SettingsBody /> : null;
}

type Say = (next: Settings, done: string) => Promise<void>;

/** The first Rebind button has the focus on opening; without a data source the panel opens on that (the spectrum said: press Ctrl+, to choose one). */
function useFocusOnOpening(first: RefObject<HTMLButtonElement | null>): boolean {
  const sourceMissing = useApp((s) => s.status !== null && s.status.dataSource === null && s.status.origin.kind !== 'demo');
  useEffect(() => {
    if (!sourceMissing) first.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- on opening only
  return sourceMissing;
}

function SettingsBody() {
  const keys = useApp((s) => s.keys);
  const screenKeys = useApp((s) => s.screenKeys);
  const bindings: Bindings = { keys, screenKeys };
  const acceptQuality = useApp((s) => s.acceptQuality);
  // Whose keys are listed: one screen at a time, so the panel fits the window.
  const [scope, setScope] = useState<KeyScopeId>('review');
  // The default chord whose new key is awaited, or null.
  const [listening, setListening] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const sourceMissing = useFocusOnOpening(first);

  const close = () => setState({ showSettings: false });
  const save: Say = async (next, done) => {
    const failed = await store(next);
    setMessage(failed ? { kind: 'error', text: failed } : { kind: 'info', text: done });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const chord = chordOf(e.nativeEvent);
    if (listening !== null) {
      if (MODIFIERS.has(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      const own = listening;
      setListening(null);
      if (chord === 'Escape') return setMessage(null);
      const result = rebindIn(bindings, scope, own, chord);
      if ('refused' in result) return setMessage({ kind: 'error', text: result.refused });
      const text = scopeOf(scope).keys.find((k) => k.own === own)!.text;
      void save({ ...result.bindings, acceptQuality }, `${chordLabel(chord)} now: ${text}`);
    } else if (chord === 'Escape' || chord === 'Ctrl+,') {
      // Not on to the window's review keys, where Esc would leave the batch and Ctrl+, reopen this.
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label="settings" onKeyDown={onKeyDown}>
      <div className="dialog settings" data-testid="settings">
        <h2>Settings</h2>
        <DataSourceSetting autoFocus={sourceMissing} />
        <AcceptQualityField bindings={bindings} acceptQuality={acceptQuality} save={save} />
        <ScopePicker scope={scope} pick={(id) => (setScope(id), setListening(null))} />
        <p className="field-help">Choose Rebind (or Tab to it and press Enter), then press the new key; Esc cancels.</p>
        <KeyBindings bindings={bindings} scope={scope} listening={listening} listen={setListening} first={first} />
        {message && (
          <p className={message.kind === 'error' ? 'form-error' : 'field-help'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="settings-message">
            {message.text}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={() => void save({ ...DEFAULT_SETTINGS }, 'every key of every screen and Enter’s quality back to the defaults')}>
            Reset to defaults
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

/** Which screen's keys the panel lists (the scopes of shared/keyScopes.ts). */
function ScopePicker({ scope, pick }: { scope: KeyScopeId; pick: (id: KeyScopeId) => void }) {
  return (
    <label className="inline">
      Keys of
      <select data-testid="key-scope" value={scope} onChange={(e) => pick(e.target.value as KeyScopeId)}>
        {KEY_SCOPES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}


function AcceptQualityField({ bindings, acceptQuality, save }: { bindings: Bindings; acceptQuality: AcceptQuality; save: Say }) {
  return (
    <label className="inline">
      Enter accepts the pipeline&apos;s answer at quality
      <select
        data-testid="accept-quality"
        value={acceptQuality}
        onChange={(e) => void save({ ...bindings, acceptQuality: Number(e.target.value) as AcceptQuality }, `Enter now saves quality ${e.target.value}`)}
      >
        {ACCEPT_QUALITIES.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </label>
  );
}

interface KeyBindingsProps {
  bindings: Bindings;
  scope: KeyScopeId;
  listening: string | null;
  listen: (own: string) => void;
  first: RefObject<HTMLButtonElement | null>;
}

/** One row per default chord of the screen: the key it is now, what it does, and its Rebind button. */
function KeyBindings({ bindings, scope, listening, listen, first }: KeyBindingsProps) {
  const rebound = rebindingsOf(bindings, scope);
  return (
    <ul className="key-bindings" data-testid="key-bindings">
      {scopeOf(scope).keys.map((k, i) => (
        <li key={k.own}>
          <kbd>{hintLabel(rebound[k.own] ?? k.own)}</kbd>
          <span>{k.text}</span>
          {k.fixed ? (
            <span className="field-help">fixed</span>
          ) : (
            <button type="button" ref={i === 0 ? first : undefined} data-chord={k.own} onClick={() => listen(k.own)}>
              {listening === k.own ? 'press a key…' : 'Rebind'}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
