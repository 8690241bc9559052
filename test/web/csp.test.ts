/** Both hosts must send the renderer the same policy: what works under one works under the other. */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as WEB } from '../../src-main/web/contentSecurityPolicy';
import { CONTENT_SECURITY_POLICY as ELECTRON } from '../../src-main/electron/appScheme';

describe('content security policy', () => {
  it('is the same in the web host and the Electron host', () => {
    expect(WEB).toBe(ELECTRON);
  });

  it('allows only the app itself: no inline or eval script, no plugins, never framed', () => {
    const directives = new Map(WEB.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
