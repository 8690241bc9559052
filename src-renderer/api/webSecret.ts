/**
 * The web edition's secret, as the page gets it: `specvet serve` prints
 * http://127.0.0.1:PORT/#token=…; the fragment never reaches a server, so the page reads it
 * here, takes it out of the address bar (no one sees it over a shoulder or in a shared
 * screenshot, and a bookmark does not keep it) and keeps it in sessionStorage, which
 * survives reloads of this tab and nothing else.
 */

const STORAGE_KEY = 'specvet.secret';
const PARAM = 'token';

/** What this module touches of the window; tests pass their own. */
export interface SecretPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** The secret from the URL's fragment (then removed from it) or from this tab's earlier load. */
export function takeWebSecret(place: SecretPlace = browserPlace()): string | null {
  const params = new URLSearchParams(place.location.hash.replace(/^#/, ''));
  const fromUrl = params.get(PARAM);
  if (fromUrl) {
    params.delete(PARAM);
    const rest = params.toString();
    place.history.replaceState(place.history.state, '', `${place.location.pathname}${place.location.search}${rest ? `#${rest}` : ''}`);
    store(place, fromUrl);
    return fromUrl;
  }
  try {
    return place.sessionStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function store(place: SecretPlace, secret: string): void {
  try {
    place.sessionStorage?.setItem(STORAGE_KEY, secret);
  } catch {
    // Storage off (a privacy setting): the secret still works until the page is reloaded.
  }
}

function browserPlace(): SecretPlace {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Reading sessionStorage itself throws where storage is blocked.
  }
  return { location: window.location, history: window.history, sessionStorage: storage };
}
