/**
 * The application menu: the usual File / Edit / View / Window / Help (and the app menu on
 * macOS), plus a Review menu listing the review keys (shared/menuCommands.ts), each with the key
 * the reviewer has bound to it: the menu is drawn again when their settings change
 * (menuFollowingSettings).
 * Choosing a Review item sends a 'menu' event ({command}) to the renderer, which runs the same
 * action as the key.
 *
 * The review accelerators are displayed but not registered (registerAccelerator: false): the
 * keys are single letters, and a registered menu accelerator would swallow them while the
 * reviewer types a comment; the renderer's keymap (which knows about text fields) handles the keystrokes themselves.
 */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiHandlers } from '../../shared/api';
import { DEFAULT_KEYMAP, type Keymap } from '../../shared/keymap';
import { acceleratorFor, REVIEW_MENU, type MenuCommand } from '../../shared/menuCommands';
import { keymapWith, type Settings } from '../../shared/settings';
import type { ApiEventBus } from '../app/eventBus';

export interface MenuOptions {
  isMac: boolean;
  /** Development build: reload and developer tools appear. */
  isDev: boolean;
  appName: string;
  /** Sends a menu command to the renderer. */
  send(command: string): void;
  /** The reviewer's review keymap (defaults with their rebindings), whose keys the menu shows. */
  keymap?: Keymap;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const keymap = o.keymap ?? DEFAULT_KEYMAP;
  const command = (id: string, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => o.send(id),
  });
  const review: MenuItemConstructorOptions[] = REVIEW_MENU.flatMap((group, i) => [
    ...(i > 0 ? [{ type: 'separator' as const }] : []),
    ...group.map((item) => ({ ...command(item.command, item.label, acceleratorFor(item, keymap)), registerAccelerator: false })),
  ]);
  const shown = (id: string, label: string, kind: 'help' | 'settings'): MenuItemConstructorOptions => ({
    ...command(id, label, acceleratorFor({ command: id, label, action: { kind } } satisfies MenuCommand, keymap)),
    registerAccelerator: false,
  });
  return [
    ...(o.isMac ? [macAppMenu(o.appName)] : []),
    {
      label: 'File',
      submenu: [
        command('sync', 'Sync Now', 'CmdOrCtrl+S'),
        command('sign-in', 'Sign In to a Server…'),
        command('sign-out', 'Sign Out'),
        { type: 'separator' },
        shown('settings', 'Settings…', 'settings'),
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
      submenu: [shown('show-keys', 'Keyboard Shortcuts', 'help'), command('about', `About ${o.appName}`)],
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

/**
 * Draws the menu with the keys of the reviewer's settings, and again whenever they are saved or
 * the person signed in changes (their settings are in their own cache). Returns the handlers
 * with saveSettings wrapped to do so.
 */
export function menuFollowingSettings(o: MenuOptions, handlers: ApiHandlers, events: ApiEventBus): ApiHandlers {
  const draw = (settings: Settings) => installMenu({ ...o, keymap: keymapWith(settings.keys) });
  // Before a sign-in there may be no cache to read: the defaults until there is.
  const reread = () => handlers.getSettings({}).then(draw, () => installMenu(o));
  installMenu(o);
  void reread();
  events.on('statusChanged', () => void reread());
  return {
    ...handlers,
    saveSettings: async (input) => {
      const saved = await handlers.saveSettings(input);
      draw(saved);
      return saved;
    },
  };
}
