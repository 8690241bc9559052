import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiHandlers } from '../../shared/api';
import type { AppStatus } from '../../shared/model';
import type { Settings } from '../../shared/settings';

vi.mock('electron', () => import('./fakeElectron'));
const { Menu } = await import('./fakeElectron');
const { buildMenuTemplate, installMenu, menuFollowingSettings } = await import('../../src-main/electron/menu');
const { createEventBus } = await import('../../src-main/app/eventBus');
const { keymapWith } = await import('../../shared/settings');

type Item = MenuItemConstructorOptions;
const sent: string[] = [];
const template = (isMac: boolean, isDev: boolean) =>
  buildMenuTemplate({ isMac, isDev, appName: 'SpecVet', send: (c) => sent.push(c) });
const items = (menu: Item[]): Item[] =>
  menu.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu as Item[]) : [])]);
const top = (t: Item[]) => t.map((i) => i.label ?? i.role);

describe('application menu', () => {
  it('has the usual menus, with the app menu first on macOS only', () => {
    expect(top(template(false, false))).toEqual(['File', 'Edit', 'Review', 'View', 'windowMenu', 'help']);
    expect(top(template(true, false))).toEqual(['SpecVet', 'File', 'Edit', 'Review', 'View', 'windowMenu', 'help']);
    const roles = items(template(false, false)).map((i) => i.role);
    for (const r of ['quit', 'undo', 'copy', 'paste', 'selectAll', 'togglefullscreen']) expect(roles).toContain(r);
    expect(items(template(true, false)).map((i) => i.role)).toContain('quit');
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (dev: boolean) => items(template(false, dev)).map((i) => i.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('lists the review keys of docs/architecture.md, shown but left to the renderer to handle', () => {
    const review = items(template(false, false).find((i) => i.label === 'Review')!.submenu as Item[]).filter((i) => i.label);
    const keys = review.map((i) => i.accelerator);
    // README, "Keys": → ← Enter, s g q u t, 0–4, [ ], z, Shift+line letters, a j k, . and ,, e, x, + −, Shift+← →, r, l, f, c, Ctrl+Z
    for (const k of ['Right', 'Left', 'Enter', 'S', 'G', 'Q', 'U', 'T', '0', '1', '2', '3', '4', '[', ']', 'Z', 'Shift+A', 'Shift+K', 'A', 'J', 'K', '.', ',', 'E', 'X', 'Plus', '-', 'Shift+Left', 'Shift+Right', 'R', 'L', 'F', 'C', 'CmdOrCtrl+Z']) {
      expect(keys).toContain(k);
    }
    // Registered single-letter accelerators would eat the letters typed into a comment.
    for (const i of review) expect(i.registerAccelerator).toBe(false);
  });

  it('shows the keys the reviewer has bound, not the defaults', () => {
    const keymap = keymapWith({ n: 'h', ArrowRight: 'Shift+ArrowDown', '?': 'F1', g: 'Alt+g' });
    const all = items(buildMenuTemplate({ isMac: false, isDev: false, appName: 'SpecVet', send: () => {}, keymap }));
    expect(all.find((i) => i.label === 'Next Spectrum')?.accelerator).toBe('Shift+Down');
    expect(all.find((i) => i.label === 'Class GALAXY')?.accelerator).toBe('Alt+G');
    expect(all.find((i) => i.label === 'Keyboard Shortcuts')?.accelerator).toBe('F1');
    expect(all.find((i) => i.label === 'Class STAR')?.accelerator).toBe('S');
  });

  it('offers Settings in File and the key list in Help, with their keys', () => {
    const all = items(template(false, false));
    expect(all.find((i) => i.label === 'Settings…')).toMatchObject({ accelerator: 'CmdOrCtrl+,', registerAccelerator: false });
    expect(all.find((i) => i.label === 'Keyboard Shortcuts')).toMatchObject({ accelerator: '?', registerAccelerator: false });
    sent.length = 0;
    (all.find((i) => i.label === 'Settings…')!.click as () => void)();
    expect(sent).toEqual(['settings']);
  });

  it('sends the command of a review item to the renderer when chosen', () => {
    sent.length = 0;
    const all = items(template(false, false));
    const click = (label: string) => (all.find((i) => i.label === label)!.click as () => void)();
    click('Class GALAXY');
    click('Next Spectrum');
    click('Undo Last Verdict');
    click('Sync Now');
    expect(sent).toEqual(['class-galaxy', 'next', 'undo-verdict', 'sync']);
  });

  it('installs itself as the application menu', () => {
    installMenu({ isMac: false, isDev: false, appName: 'SpecVet', send: () => {} });
    expect(top(Menu.application!.template as Item[])).toContain('Review');
  });

  it('is drawn again with the rebound keys when the settings are saved or the person changes', async () => {
    let stored: Settings = { keys: { n: 'h', ArrowRight: 'Alt+n' }, screenKeys: {}, acceptQuality: 3 };
    const handlers = {
      getSettings: async () => stored,
      saveSettings: async (s: Settings) => (stored = s),
    } as unknown as ApiHandlers;
    const events = createEventBus();
    const next = () => items(Menu.application!.template as Item[]).find((i) => i.label === 'Next Spectrum')?.accelerator;
    const wrapped = menuFollowingSettings({ isMac: false, isDev: false, appName: 'SpecVet', send: () => {} }, handlers, events);
    await expect.poll(next).toBe('Alt+N');
    await wrapped.saveSettings({ keys: { ArrowRight: 'Ctrl+ArrowDown' }, screenKeys: {}, acceptQuality: 3 });
    expect(next()).toBe('CmdOrCtrl+Down');
    stored = { keys: {}, screenKeys: {}, acceptQuality: 3 };
    events.emit('statusChanged', {} as AppStatus);
    await expect.poll(next).toBe('Right');
  });
});
