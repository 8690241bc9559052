/**
 * The application menu: the usual File / Edit / View / Window / Help (and the app menu on
 * macOS), plus a Review menu listing the review keys (docs/architecture.md, "Review keys").
 * Choosing a Review item sends a 'menu' event ({command}) to the renderer, which runs the same
 * action as the key.
 *
 * The review accelerators are displayed but not registered (registerAccelerator: false): the
 * keys are single letters, and a registered menu accelerator would swallow them while the
 * reviewer types a comment; the renderer's keymap (which knows about text fields) handles the keystrokes themselves.
 */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface ReviewMenuItem {
  command: string;
  label: string;
  /** Electron accelerator syntax, shown next to the label. */
  key: string;
}

type Group = readonly ReviewMenuItem[];

/** The review keys (docs/architecture.md, "Review keys") and those not built yet, grouped as the menu shows them. */
export const REVIEW_MENU: readonly Group[] = [
  [
    { command: 'next', label: 'Next Spectrum', key: 'Right' },
    { command: 'previous', label: 'Previous Spectrum', key: 'Left' },
    { command: 'accept', label: 'Accept Pipeline Class and z', key: 'Enter' },
  ],
  [
    { command: 'class-star', label: 'Class STAR', key: 'S' },
    { command: 'class-galaxy', label: 'Class GALAXY', key: 'G' },
    { command: 'class-qso', label: 'Class QSO', key: 'Q' },
    { command: 'class-unknown', label: 'Class UNKNOWN', key: 'U' },
  ],
  [
    { command: 'quality-4', label: 'Quality 4 (certain)', key: '4' },
    { command: 'quality-3', label: 'Quality 3', key: '3' },
    { command: 'quality-2', label: 'Quality 2', key: '2' },
    { command: 'quality-1', label: 'Quality 1 (no redshift possible)', key: '1' },
    { command: 'quality-0', label: 'Quality Not Set', key: '0' },
  ],
  [
    { command: 'z-down', label: 'z − 0.0001', key: '[' },
    { command: 'z-up', label: 'z + 0.0001', key: ']' },
    { command: 'type-z', label: 'Type Exact z…', key: 'Z' },
  ],
  [
    { command: 'smooth-more', label: 'Smooth More', key: '.' },
    { command: 'smooth-less', label: 'Smooth Less', key: ',' },
    { command: 'toggle-errors', label: 'Error Band On/Off', key: 'E' },
    { command: 'zoom-in', label: 'Zoom In', key: 'Plus' },
    { command: 'zoom-out', label: 'Zoom Out', key: '-' },
    { command: 'pan-left', label: 'Pan Left', key: 'Shift+Left' },
    { command: 'pan-right', label: 'Pan Right', key: 'Shift+Right' },
    { command: 'reset-zoom', label: 'Reset Zoom', key: 'R' },
    { command: 'toggle-lines', label: 'Line Markers On/Off', key: 'L' },
  ],
  [
    { command: 'flag', label: 'Flag Bad Data…', key: 'F' },
    { command: 'undo-verdict', label: 'Undo Last Verdict', key: 'CmdOrCtrl+Z' },
    { command: 'show-keys', label: 'Show Every Key', key: 'Shift+/' },
  ],
];

export interface MenuOptions {
  isMac: boolean;
  /** Development build: reload and developer tools appear. */
  isDev: boolean;
  appName: string;
  /** Sends a menu command to the renderer. */
  send(command: string): void;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const command = (id: string, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => o.send(id),
  });
  const review: MenuItemConstructorOptions[] = REVIEW_MENU.flatMap((group, i) => [
    ...(i > 0 ? [{ type: 'separator' as const }] : []),
    ...group.map((item) => ({ ...command(item.command, item.label, item.key), registerAccelerator: false })),
  ]);
  return [
    ...(o.isMac ? [macAppMenu(o.appName)] : []),
    {
      label: 'File',
      submenu: [
        command('sync', 'Sync Now', 'CmdOrCtrl+S'),
        command('sign-in', 'Sign In to a Server…'),
        command('sign-out', 'Sign Out'),
        { type: 'separator' },
        o.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    EDIT_MENU,
    { label: 'Review', submenu: review },
    viewMenu(o.isDev),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [command('show-keys', 'Keyboard Shortcuts'), command('about', `About ${o.appName}`)],
    },
  ];
}

function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

const EDIT_MENU: MenuItemConstructorOptions = {
  label: 'Edit',
  // Text undo (CmdOrCtrl+Z) and the review key "undo the last verdict" (Ctrl+Z) do not fight:
  // on Windows/Linux a menu accelerator fires only for key events the page left unhandled,
  // and the review keys call preventDefault outside text fields (not yet tried on macOS,
  // where menu key equivalents may be seen first: no Electron binary where this was built).
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ],
};

function viewMenu(isDev: boolean): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      ...(isDev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function installMenu(o: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(o)));
}
