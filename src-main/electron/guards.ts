/**
 * What no web content of the app may do: navigate away, open windows, embed <webview>s, or
 * get a permission (camera, notifications, geolocation, …). Applied by main.ts to every
 * webContents as it is created, so a window added later cannot forget it.
 */
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './appScheme';

/** True for a URL of the app's own origin (app://specvet/…). */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Not `u.origin`: for a scheme Node's URL does not know as special, origin is "null".
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export function hardenWebContents(contents: WebContents): void {
  // Navigation inside the app (history API) fires no will-navigate; anything that does is a
  // link or a script trying to load another document into the privileged window.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app needs no browser permission; every request and check is answered no. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
