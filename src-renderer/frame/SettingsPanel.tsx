/**
 * The settings (Ctrl+, or the top bar's button): where spectra come from (the data source),
 * each review key rebound by pressing the new one — a key another action already has is
 * refused naming both — and the quality Enter saves. Kept per user in their local cache
 * (api.setDataSource, api.saveSettings), so they follow the person, not the machine's browser.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { chordLabel, chordOf, DEFAULT_KEYMAP, describeAction, inHelpOrder } from '../../shared/keymap';
import { ACCEPT_QUALITIES, DEFAULT_SETTINGS, FIXED_KINDS, rebind, type AcceptQuality, type Settings } from '../../shared/settings';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { setState, settingsState, useApp } from '../state/store';
import { DataSourceSetting } from './DataSourceField';

/** Only a modifier held so far: the chord is not complete yet. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
const ROWS = inHelpOrder(DEFAULT_KEYMAP);

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

function SettingsBody() {
  const keys = useApp((s) => s.keys);
  const acceptQuality = useApp((s) => s.acceptQuality);
  // The default chord whose new key is awaited, or null.
  const [listening, setListening] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  // Without a data source the panel opens on it (the spectrum said: press Ctrl+, to choose one).
  const sourceMissing = useApp((s) => s.status !== null && s.status.dataSource === null && s.status.origin.kind !== 'demo');
  useEffect(() => {
    if (!sourceMissing) first.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- on opening only

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
      const result = rebind(keys, own, chord);
      if ('refused' in result) return setMessage({ kind: 'error', text: result.refused });
      void save({ keys: result.keys, acceptQuality }, `${chordLabel(chord)} now: ${describeAction(DEFAULT_KEYMAP[own]!)}`);
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
        <AcceptQualityField keys={keys} acceptQuality={acceptQuality} save={save} />
        <p className="field-help">Review keys: choose Rebind (or Tab to it and press Enter), then press the new key; Esc cancels.</p>
        <KeyBindings keys={keys} listening={listening} listen={setListening} first={first} />
        {message && (
          <p className={message.kind === 'error' ? 'form-error' : 'field-help'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="settings-message">
            {message.text}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={() => void save({ ...DEFAULT_SETTINGS }, 'every key and Enter’s quality back to the defaults')}>
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


function AcceptQualityField({ keys, acceptQuality, save }: { keys: Settings['keys']; acceptQuality: AcceptQuality; save: Say }) {
  return (
    <label className="inline">
      Enter accepts the pipeline&apos;s answer at quality
      <select
        data-testid="accept-quality"
        value={acceptQuality}
        onChange={(e) => void save({ keys, acceptQuality: Number(e.target.value) as AcceptQuality }, `Enter now saves quality ${e.target.value}`)}
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
  keys: Settings['keys'];
  listening: string | null;
  listen: (own: string) => void;
  first: RefObject<HTMLButtonElement | null>;
}

/** One row per default chord: the key it is now, what it does, and its Rebind button. */
function KeyBindings({ keys, listening, listen, first }: KeyBindingsProps) {
  return (
    <ul className="key-bindings" data-testid="key-bindings">
      {ROWS.map(([own, action], i) => (
        <li key={own}>
          <kbd>{chordLabel(keys[own] ?? own)}</kbd>
          <span>{describeAction(action)}</span>
          {FIXED_KINDS.includes(action.kind) ? (
            <span className="field-help">fixed</span>
          ) : (
            <button type="button" ref={i === 0 ? first : undefined} data-chord={own} onClick={() => listen(own)}>
              {listening === own ? 'press a key…' : 'Rebind'}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
