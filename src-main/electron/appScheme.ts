/**
 * The renderer's Content-Security-Policy, sent as a response header on every file the app://
 * protocol serves (a header rather than a <meta> tag: frame-ancestors only works as a header,
 * and no document can then be served without it).
 *
 * Why each directive:
 * - script-src / worker-src 'self': only the bundled code runs; no inline script, no eval, no
 *   blob: workers (the spectrum decoder is a worker file of the bundle, not a blob: URL).
 * - style-src 'self' without 'unsafe-inline': React and uPlot set styles through the CSSOM
 *   (element.style.x = …), which CSP allows; only <style> blocks and style="" markup are refused.
 * - img-src data: blob: — thumbnails drawn on canvas and shown as images.
 * - connect-src 'self': the renderer talks to the main process over IPC, never the network.
 * - object-src, base-uri, form-action, frame-src, frame-ancestors: nothing of the kind exists
 *   in the app, so none is allowed.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'specvet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Headers sent with every response of the app:// protocol, the CSP included. */
export function securityHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  // A literal assignment, so that electronegativity's CSP check finds and evaluates it. Its
  // evaluator marks script-src 'self' "maybe weak" because a site may host JSONP endpoints or
  // user uploads on its own origin; app://specvet serves only the files of our own build (no
  // endpoint, nothing uploaded: spectra reach the page over IPC as bytes), so 'self' is exactly
  // our bundle. Accepted (the eng-disable at the end of the line).
  headers['Content-Security-Policy'] = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'"; // eng-disable CSP_GLOBAL_CHECK
  return headers;
}

export const CONTENT_SECURITY_POLICY = securityHeaders('text/html')['Content-Security-Policy'];
