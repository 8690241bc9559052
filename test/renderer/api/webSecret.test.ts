/** The page's side of the secret: taken from the URL's fragment, out of the address bar, kept for reloads of this tab. */
import { describe, expect, it } from 'vitest';
import { takeWebSecret, type SecretPlace } from '../../../src-renderer/api/webSecret';

function fakePlace(hash: string, stored: Record<string, string> = {}, storage = true) {
  const calls: string[] = [];
  const place: SecretPlace = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void calls.push(String(url)) },
    sessionStorage: storage ? { getItem: (k) => stored[k] ?? null, setItem: (k, v) => void (stored[k] = v) } : null,
  };
  return { place, calls, stored };
}

describe('the web secret in the page', () => {
  it('reads #token=…, removes it from the address bar and keeps it in sessionStorage', () => {
    const { place, calls, stored } = fakePlace('#token=abc_DEF-123');
    expect(takeWebSecret(place)).toBe('abc_DEF-123');
    expect(calls).toEqual(['/']);
    expect(Object.values(stored)).toEqual(['abc_DEF-123']);
  });

  it('after a reload (no fragment) uses the kept one; a new URL replaces it', () => {
    const first = fakePlace('#token=first');
    takeWebSecret(first.place);
    const reload = fakePlace('', first.stored);
    expect(takeWebSecret(reload.place)).toBe('first');
    expect(reload.calls).toEqual([]);
    const next = fakePlace('#token=second', first.stored);
    expect(takeWebSecret(next.place)).toBe('second');
    expect(takeWebSecret(fakePlace('', first.stored).place)).toBe('second');
  });

  it('keeps other fragment parts, and works without storage', () => {
    const { place, calls } = fakePlace('#token=s3cret&view=2', {}, false);
    expect(takeWebSecret(place)).toBe('s3cret');
    expect(calls).toEqual(['/#view=2']);
    expect(takeWebSecret(fakePlace('', {}, false).place)).toBeNull();
  });
});
