/** Every key of the active keymap, with what it does (the ? key). */
import { DEFAULT_KEYMAP, describeAction, type Keymap } from '../../shared/keymap';
import { setState } from '../state/store';

export function KeyHelp({ keymap = DEFAULT_KEYMAP }: { keymap?: Keymap }) {
  return (
    <div className="key-help" role="dialog" aria-label="review keys" onClick={() => setState({ showHelp: false })}>
      <table>
        <tbody>
          {Object.entries(keymap).map(([chord, action]) => (
            <tr key={chord}>
              <td>
                <kbd>{chord.replace('Arrow', '').replace('Right', '→').replace('Left', '←')}</kbd>
              </td>
              <td>{describeAction(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Press ? again or click to close.</p>
    </div>
  );
}
