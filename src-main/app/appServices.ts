/**
 * The service functions behind the API: both hosts (Electron's ipcMain and `specvet serve`)
 * dispatch every validated call here. Plain module, dependencies passed in — testable
 * without Electron or a browser.
 */
import { ApiError, type ApiHandlers } from '../../shared/api';
import type { AppStatus } from '../../shared/model';
import { CentralError } from '../central/centralClient';
import { parseCentralUrl } from '../config/config';
import type { CredentialStore } from './credentialStore';
import type { ApiEventBus } from './eventBus';
import { reviewHandlers } from './reviewHandlers';
import { deskHandlers } from './deskHandlers';
import { deskFileHandlers } from './deskFiles';
import { templateHandlers } from './templateHandlers';
import type { AppSession, SessionFactory } from './appSession';
import type { BackgroundSyncOptions } from '../sync/background';
import { startSyncControl, type SyncControl } from './syncControl';

export interface AppServicesDeps {
  /** The session to start on (the configured server's cache, or the demo). */
  initial: AppSession;
  sessions: SessionFactory;
  credentials: CredentialStore;
  events: ApiEventBus;
  clock: () => Date;
  /**
   * Sync in the background while a central session is open (first run at once, then every few
   * minutes; backs off while offline). false: only when asked (tests).
   */
  background?: BackgroundSyncOptions | false;
  /** The fit's template folder (config "templates"); unset: the shipped SDSS set. */
  templates?: string | null;
  /** Where spectrum files come from (config "data", SPECVET_DATA): the desk's plots read from it. */
  data?: string | null;
}

export interface AppServices {
  handlers: ApiHandlers;
  /** The open session, for hosts that show who is signed in. */
  current(): AppSession;
  close(): Promise<void>;
}

export function createAppServices(deps: AppServicesDeps): AppServices {
  const { sessions, credentials, events, clock } = deps;
  let session = deps.initial;
  const controlOf = (of: AppSession) => startSyncControl(of, events, deps.background ?? {}, changed);
  let syncControl: SyncControl;

  const status = (): AppStatus => {
    const c = session.cache.counts();
    return { user: session.user, origin: session.origin, online: syncControl.online, ...c };
  };
  const changed = () => events.emit('statusChanged', status());
  syncControl = controlOf(session);

  const swap = async (next: AppSession) => {
    const old = session;
    syncControl.stop();
    session = next;
    syncControl = controlOf(next);
    await old.close();
    changed();
    return status();
  };

  const handlers: ApiHandlers = {
    status: async () => status(),
    ...reviewHandlers(() => session.cache, changed, clock),
    ...deskHandlers(() => session.desk),
    ...deskFileHandlers(() => session.cache, () => session.desk, deps.data ?? null),
    ...templateHandlers(deps.templates ?? null),
    sync: async () => {
      const { pulled, filesFetched, pushed, error, note } = await syncControl.now();
      // Only the contract's fields cross the boundary.
      return { pulled, filesFetched, pushed, error, note };
    },
    signIn: async ({ server, password, remember }) => {
      let target;
      try {
        target = parseCentralUrl(server);
      } catch (err) {
        throw new ApiError('bad-input', (err as Error).message);
      }
      if (!sessions.central) {
        throw new ApiError('offline', 'this build cannot open a central server yet; keep reviewing the demo');
      }
      const next = await sessions.central(target, password, { verify: true }).catch(signInFailure(target));
      if (remember) await credentials.set(target.display, password);
      return swap(next);
    },
    signOut: async () => {
      if (session.origin.kind === 'central') await credentials.delete(session.origin.server);
      return swap(await sessions.demo());
    },
  };

  return {
    handlers,
    current: () => session,
    close: () => {
      syncControl.stop();
      return session.close();
    },
  };
}

/** The offline text promises a later retry, which is true of sync but not of a sign-in. */
function signInFailure(target: { host: string; port: number }) {
  return (err: unknown): never => {
    if (err instanceof CentralError && err.kind === 'offline') {
      throw new ApiError('offline', `cannot sign in: ${target.host}:${target.port} does not answer; check the address and the network or VPN, then sign in again (the demo stays open meanwhile)`);
    }
    throw err;
  };
}
