/**
 * The Review menu of the desktop app: one list of commands, each naming the review action it
 * runs. The main process draws the menu from it (labels, and the key shown beside each, found in
 * the keymap); the renderer runs the command's action, so a menu item and its key can never do
 * different things.
 */
import { FEATURE_LINES } from './featureLines';
import { chordsFor, DEFAULT_KEYMAP, type Keymap, type ReviewAction } from './keymap';

export interface MenuCommand {
  command: string;
  label: string;
  action: ReviewAction;
}

const item = (command: string, label: string, action: ReviewAction): MenuCommand => ({ command, label, action });

/** Grouped as the menu shows them, a separator between groups. */
export const REVIEW_MENU: readonly (readonly MenuCommand[])[] = [
  [
    item('next', 'Next Spectrum', { kind: 'next' }),
    item('previous', 'Previous Spectrum', { kind: 'prev' }),
    item('accept', 'Accept Pipeline Class and z', { kind: 'accept' }),
  ],
  [
    item('class-star', 'Class STAR', { kind: 'setClass', value: 'STAR' }),
    item('class-galaxy', 'Class GALAXY', { kind: 'setClass', value: 'GALAXY' }),
    item('class-qso', 'Class QSO', { kind: 'setClass', value: 'QSO' }),
    item('class-unknown', 'Class UNKNOWN', { kind: 'setClass', value: 'UNKNOWN' }),
    item('pick-subclass', 'Subclass…', { kind: 'pickSubclass' }),
  ],
  [
    item('quality-4', 'Quality 4 (certain)', { kind: 'setQuality', value: 4 }),
    item('quality-3', 'Quality 3', { kind: 'setQuality', value: 3 }),
    item('quality-2', 'Quality 2', { kind: 'setQuality', value: 2 }),
    item('quality-1', 'Quality 1 (no redshift possible)', { kind: 'setQuality', value: 1 }),
    item('quality-0', 'Quality Not Set', { kind: 'setQuality', value: 0 }),
  ],
  [
    item('z-down', 'z − 0.0001', { kind: 'nudgeZ', step: -0.0001 }),
    item('z-up', 'z + 0.0001', { kind: 'nudgeZ', step: 0.0001 }),
    item('type-z', 'Type Exact z…', { kind: 'typeZ' }),
    ...FEATURE_LINES.map((line) => item(`feature-${line}`, `Clicked Feature Is ${line}`, { kind: 'zFromFeature', line })),
  ],
  [
    item('toggle-fit', 'Assistant Fit On/Off', { kind: 'toggleFit' }),
    item('next-candidate', 'Next Fit Candidate', { kind: 'stepCandidate', step: 1 }),
    item('previous-candidate', 'Previous Fit Candidate', { kind: 'stepCandidate', step: -1 }),
  ],
  [
    item('smooth-more', 'Smooth More', { kind: 'smooth', step: 1 }),
    item('smooth-less', 'Smooth Less', { kind: 'smooth', step: -1 }),
    item('toggle-errors', 'Error Band On/Off', { kind: 'toggleErrors' }),
    item('toggle-frame', 'Rest Frame / Observed', { kind: 'toggleFrame' }),
    item('zoom-in', 'Zoom In', { kind: 'zoom', op: 'in' }),
    item('zoom-out', 'Zoom Out', { kind: 'zoom', op: 'out' }),
    item('pan-left', 'Pan Left', { kind: 'zoom', op: 'left' }),
    item('pan-right', 'Pan Right', { kind: 'zoom', op: 'right' }),
    item('reset-zoom', 'Reset Zoom', { kind: 'resetZoom' }),
    item('toggle-lines', 'Line Markers On/Off', { kind: 'toggleLines' }),
  ],
  [
    item('flag', 'Flags…', { kind: 'pickFlags' }),
    item('comment', 'Comment…', { kind: 'editComment' }),
    item('undo-verdict', 'Undo Last Verdict', { kind: 'undo' }),
  ],
];

/** Menu commands outside the Review menu that run a review action too. */
const OTHER_COMMANDS: readonly MenuCommand[] = [
  item('show-keys', 'Keyboard Shortcuts', { kind: 'help' }),
  item('settings', 'Settings…', { kind: 'settings' }),
];

const BY_COMMAND: ReadonlyMap<string, ReviewAction> = new Map(
  [...REVIEW_MENU.flat(), ...OTHER_COMMANDS].map((c) => [c.command, c.action]),
);

/** The review action a menu command runs; null for the frame's own (sync, sign-in, sign-out). */
export function reviewActionFor(command: string): ReviewAction | null {
  return BY_COMMAND.get(command) ?? null;
}

const NAMED: Readonly<Record<string, string>> = {
  ArrowRight: 'Right', ArrowLeft: 'Left', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc', '+': 'Plus',
};

/** A keymap chord ("Shift+ArrowLeft", "Ctrl+z") in Electron's accelerator syntax ("Shift+Left", "CmdOrCtrl+Z"). */
export function acceleratorOf(chord: string): string {
  // The key is the last part; "+" alone is a key, not a separator.
  const parts = chord.endsWith('++') || chord === '+' ? [...chord.slice(0, -1).split('+').filter(Boolean), '+'] : chord.split('+');
  const key = parts.pop()!;
  const mods = parts.map((m) => (m === 'Ctrl' ? 'CmdOrCtrl' : m));
  const shown = NAMED[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...mods, shown].join('+');
}

/** The key shown beside a command: the first chord the keymap binds to its action, if any. */
export function acceleratorFor(command: MenuCommand, keymap: Keymap = DEFAULT_KEYMAP): string | undefined {
  const chord = chordsFor(command.action, keymap)[0];
  return chord === undefined ? undefined : acceleratorOf(chord);
}
