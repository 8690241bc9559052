/**
 * Commands from the Electron application menu (ApiEvents 'menu') mapped to the same actions the
 * keys run. Unknown or not-yet-built commands say so instead of doing nothing.
 */
import type { ReviewAction } from '../../shared/keymap';
import { setState } from '../state/store';

const REVIEW_COMMANDS: Readonly<Record<string, ReviewAction>> = {
  next: { kind: 'next' },
  previous: { kind: 'prev' },
  accept: { kind: 'accept' },
  'class-star': { kind: 'setClass', value: 'STAR' },
  'class-galaxy': { kind: 'setClass', value: 'GALAXY' },
  'class-qso': { kind: 'setClass', value: 'QSO' },
  'class-unknown': { kind: 'setClass', value: 'UNKNOWN' },
  'quality-0': { kind: 'setQuality', value: 0 },
  'quality-1': { kind: 'setQuality', value: 1 },
  'quality-2': { kind: 'setQuality', value: 2 },
  'quality-3': { kind: 'setQuality', value: 3 },
  'quality-4': { kind: 'setQuality', value: 4 },
  'z-down': { kind: 'nudgeZ', step: -0.0001 },
  'z-up': { kind: 'nudgeZ', step: 0.0001 },
  'type-z': { kind: 'typeZ' },
  'smooth-more': { kind: 'smooth', step: 1 },
  'smooth-less': { kind: 'smooth', step: -1 },
  'toggle-errors': { kind: 'toggleErrors' },
  'zoom-in': { kind: 'zoom', op: 'in' },
  'zoom-out': { kind: 'zoom', op: 'out' },
  'pan-left': { kind: 'zoom', op: 'left' },
  'pan-right': { kind: 'zoom', op: 'right' },
  'reset-zoom': { kind: 'resetZoom' },
  'toggle-lines': { kind: 'toggleLines' },
  'undo-verdict': { kind: 'undo' },
  'show-keys': { kind: 'help' },
};

/** The review action for a menu command; frame commands (sync, sign-out) are handled by the frame. */
export function reviewActionFor(command: string): ReviewAction | null {
  return REVIEW_COMMANDS[command] ?? null;
}

export function notYetAvailable(command: string): void {
  setState({ notice: { kind: 'info', text: `"${command}" is not in this version yet` } });
}
