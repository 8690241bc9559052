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
import { catalogueWriter, exportHandlers, type ChooseExportFile, type WriteCatalogue } from './exportHandlers';
import { templateHandlers } from './templateHandlers';
import type { AppSession, SessionFactory } from './appSession';
import type { BackgroundSyncOptions } from '../sync/background';
import { startSyncControl, type SyncControl } from './syncControl';
import { dataSourceOf, putOwnDataSource } from '../sync/dataSource';
import { checkDataSource } from './dataSourceCheck';

type ApiInputOf<M extends keyof ApiHandlers> = Parameters<ApiHandlers[M]>[0];

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
  /** The computer's default data source (SPECVET_DATA, config "data"); a person's own wins (sync/dataSource.ts). */
  data?: string | null;
  /** Electron's save dialog for the export; unset: the host streams it (web edition). */
  chooseExportFile?: ChooseExportFile;
}

export interface AppServices {
  handlers: ApiHandlers;
  /** The export's writer, for a host that sends the file itself (the web edition's download). */
  writeCatalogue: WriteCatalogue;
  /** The open session, for hosts that show who is signed in. */
  current(): AppSession;
  close(): Promise<void>;
}

export function createAppServices(deps: AppServicesDeps): AppServices {
  const { sessions, credentials, events, clock } = deps;
  let session = deps.initial;
  const controlOf = (of: AppSession) => startSyncControl(of, events, deps.background ?? {}, changed);
  let syncControl: SyncControl;

  const dataSource = () => dataSourceOf(session.cache.ledger, deps.data ?? null);
  const status = (): AppStatus => {
    const c = session.cache.counts();
    return { user: session.user, origin: session.origin, online: syncControl.online, signInNeeded: syncControl.signInNeeded, dataSource: dataSource(), ...c };
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

  const writeCatalogue = catalogueWriter(() => session.desk, events);
  const handlers: ApiHandlers = {
    status: async () => status(),
    ...exportHandlers(() => session.desk, writeCatalogue, deps.chooseExportFile ?? null),
    ...reviewHandlers(() => session.cache, changed, clock, dataSource),
    ...deskHandlers(() => session.desk),
    ...deskFileHandlers(() => session.cache, () => session.desk, dataSource),
    ...templateHandlers(deps.templates ?? null),
    sync: async () => {
      const { pulled, filesFetched, pushed, error, note } = await syncControl.now();
      // Only the contract's fields cross the boundary.
      return { pulled, filesFetched, pushed, error, note };
    },
    setDataSource: async ({ dataSource }) => {
      await checkDataSource(dataSource);
      putOwnDataSource(session.cache.ledger, dataSource);
      changed();
      return status();
    },
    signIn: async (input) => swap(await openSignedIn(deps, input)),
    signOut: async () => {
      if (session.origin.kind === 'central') await credentials.delete(session.origin.server);
      return swap(await sessions.demo());
    },
  };

  return {
    handlers,
    writeCatalogue,
    current: () => session,
    close: () => {
      syncControl.stop();
      return session.close();
    },
  };
}

/** Checks the login and opens the person's session (with their data source, if given); the old one stays until it resolves. */
async function openSignedIn(deps: AppServicesDeps, { server, password, remember, dataSource }: ApiInputOf<'signIn'>): Promise<AppSession> {
  let target;
  try {
    target = parseCentralUrl(server);
  } catch (err) {
    throw new ApiError('bad-input', (err as Error).message);
  }
  if (!deps.sessions.central) {
    throw new ApiError('offline', 'this build cannot open a central server yet; keep reviewing the demo');
  }
  if (dataSource !== undefined) await checkDataSource(dataSource);
  const next = await deps.sessions.central(target, password, { verify: true }).catch(signInFailure(target));
  if (dataSource !== undefined) putOwnDataSource(next.cache.ledger, dataSource);
  if (remember) await deps.credentials.set(target.display, password);
  return next;
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
