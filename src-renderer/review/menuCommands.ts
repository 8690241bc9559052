/**
 * Commands from the Electron application menu (ApiEvents 'menu'): the Review menu's run the same
 * actions as their keys (one list, shared/menuCommands.ts); an unknown command says so instead of
 * doing nothing.
 */
import { setState } from '../state/store';

export { reviewActionFor } from '../../shared/menuCommands';

export function notYetAvailable(command: string): void {
  setState({ notice: { kind: 'info', text: `"${command}" is not in this version yet` } });
}
