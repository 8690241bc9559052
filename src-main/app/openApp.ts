/**
 * Puts the app together for a host: decides what to open (SPECVET_CENTRAL configured → that
 * person's cache; otherwise the embedded demo, created on first start) and builds the
 * services both hosts dispatch to.
 */
import { DEMO_USER, openLocalCache, recordIdentity, resolveCacheFile, type OpenCacheOptions } from '../cache';
import type { ServerInfo } from '../central/centralClient';
import type { Config, CentralTarget } from '../config/config';
import type { LocalCache } from '../cache/localCache';
import type { SyncableCache } from '../sync/contract';
import { ensureDemo, type DemoOptions } from '../demo/install';
import { createAppServices, type AppServices } from './appServices';
import type { CredentialStore } from './credentialStore';
import type { ChooseExportFile } from './exportHandlers';
import { createEventBus, type ApiEventBus } from './eventBus';
import type { AppSession, SessionFactory, SessionSyncRunner } from './appSession';
import { openSyncRunner } from '../sync/runner';
import { openCentralDesk, type CentralDesk } from './centralDesk';
import type { BackgroundSyncOptions } from '../sync/background';

/** Builds the sync runner of a central session. */
export type OpenSync = (target: CentralTarget, password: string | null, cache: SyncableCache, config: Config) => SessionSyncRunner;
/** Asks the server who we are; throws CentralError (auth, offline, …) when the login does not work.
 * Returns which database and node answered, when it knows. */
export type CheckLogin = (target: CentralTarget, password: string) => Promise<ServerInfo | void>;

export interface OpenAppOptions {
  config: Config;
  credentials: CredentialStore;
  events?: ApiEventBus;
  clock?: () => Date;
  cache?: OpenCacheOptions;
  demo?: Omit<DemoOptions, 'cache' | 'clock'>;
  /** Defaults: the sync engine over the central mysql2 session. Tests pass their own. */
  openSync?: OpenSync;
  checkLogin?: CheckLogin;
  /** Background sync of a central session (default: on); false for tests that sync by hand. */
  background?: BackgroundSyncOptions | false;
  /** Electron's save dialog for the export (the web edition streams it instead). */
  chooseExportFile?: ChooseExportFile;
}

export interface OpenedApp extends AppServices {
  events: ApiEventBus;
}

export async function openApp(opts: OpenAppOptions): Promise<OpenedApp> {
  const events = opts.events ?? createEventBus();
  const clock = opts.clock ?? (() => new Date());
  const sessions = sessionFactory(opts, clock);
  const { central } = opts.config;
  // Starting on a configured server opens its cache offline (no login check): reviewing works
  // without the network, and sync asks the server when the person presses it.
  const initial = central
    ? await sessions.central!(central, central.password ?? (await opts.credentials.get(central.display)), { verify: false })
    : await sessions.demo();
  const services = createAppServices({
    initial, sessions, credentials: opts.credentials, events, clock, background: opts.background, templates: opts.config.templates, data: opts.config.data,
    ...(opts.chooseExportFile && { chooseExportFile: opts.chooseExportFile }),
  });
  return { ...services, events };
}

function sessionFactory(opts: OpenAppOptions, clock: () => Date): SessionFactory {
  const home = opts.config.home;
  const learn = (target: CentralTarget) => (info: ServerInfo) => recordIdentity(home, info.node, target.database, info.databaseId);
  const openSync: OpenSync = opts.openSync ?? ((target, password, cache, config) => openSyncRunner({ target, password, cache, data: config.data, onServer: learn(target) }));
  const checkLogin = opts.checkLogin ?? checkCentralLogin;
  return {
    async demo() {
      const demo = await ensureDemo(home, { ...opts.demo, cache: opts.cache, clock });
      const cache = openLocalCache(demo.cacheFile, DEMO_USER, opts.cache);
      return session(DEMO_USER, { kind: 'demo' }, cache, null, null);
    },
    async central(target, password, { verify }) {
      // Signing in checks the password now rather than at the first sync, and learns the
      // database's identity first, so a cache made on another node of it is found.
      if (verify && password !== null) {
        const info = await checkLogin(target, password);
        if (info) learn(target)(info);
      }
      const cache = openLocalCache(resolveCacheFile(home, target), target.user, opts.cache);
      return session(target.user, { kind: 'central', server: target.display }, cache, openSync(target, password, cache, opts.config), openCentralDesk(target, password));
    },
  };
}

async function checkCentralLogin(target: CentralTarget, password: string): Promise<ServerInfo> {
  // Loaded on use: the demo never needs mysql2.
  const { openCentralClient } = await import('../central/mysqlClient');
  const s = await openCentralClient({ host: target.host, port: target.port, nodes: target.nodes, database: target.database, user: target.user, password }, { poolSize: 1 });
  try {
    await s.me();
    return await s.server();
  } finally {
    await s.close();
  }
}

function session(user: string, origin: AppSession['origin'], cache: LocalCache, syncRunner: SessionSyncRunner | null, desk: CentralDesk | null): AppSession {
  return { user, origin, cache, syncRunner, desk, close: async () => cache.close() };
}
