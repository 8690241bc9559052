/**
 * The application menu: the usual File / Edit / View / Window / Help (and the app menu on
 * macOS), plus a Review menu listing the review keys (shared/menuCommands.ts, the keys shown are
 * the default keymap's: a rebound key works, the menu still names the default).
 * Choosing a Review item sends a 'menu' event ({command}) to the renderer, which runs the same
 * action as the key.
 *
 * The review accelerators are displayed but not registered (registerAccelerator: false): the
 * keys are single letters, and a registered menu accelerator would swallow them while the
 * reviewer types a comment; the renderer's keymap (which knows about text fields) handles the keystrokes themselves.
 */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorFor, REVIEW_MENU } from '../../shared/menuCommands';

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
    ...group.map((item) => ({ ...command(item.command, item.label, acceleratorFor(item)), registerAccelerator: false })),
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
        { ...command('settings', 'Settings…', 'CmdOrCtrl+,'), registerAccelerator: false },
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
      submenu: [{ ...command('show-keys', 'Keyboard Shortcuts', '?'), registerAccelerator: false }, command('about', `About ${o.appName}`)],
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
