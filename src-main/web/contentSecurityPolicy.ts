/**
 * The renderer's Content-Security-Policy as the web host sends it. It must equal the Electron
 * host's (src-main/electron/appScheme.ts, which the lint layering keeps out of reach here);
 * test/web/csp.test.ts holds the two together. Why each directive: see that file.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";
