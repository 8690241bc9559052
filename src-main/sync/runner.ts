/**
 * The one sync wiring every host uses (the app's session and `specvet sync` alike): the engine
 * over a central client opened as the person, with SPECVET_DATA as the file source. The
 * password lives in this closure only — never in the cache or a log. One sync at a time per
 * cache is the engine's rule (runSync), so the app's timer, its Sync button and a CLI run in
 * the same process join one run.
 */
import type { SyncProgress } from '../../shared/model';
import type { CentralTarget } from '../config/config';
import { CentralError, type OpenCentralClient } from '../central/centralClient';
import { openFileSource } from '../files/source';
import type { SyncableCache } from './contract';
import { dataSourceOf } from './dataSource';
import { runSync, type SyncDeps, type SyncOptions, type SyncResult } from './engine';

export interface SyncRunner {
  run(onProgress: (p: SyncProgress) => void, opts?: SyncOptions): Promise<SyncResult>;
}

export interface SyncWiring {
  target: Pick<CentralTarget, 'host' | 'port' | 'database' | 'user'> & Partial<Pick<CentralTarget, 'nodes'>>;
  /** null: none known — the run fails with "sign in again" instead of trying an empty one. */
  password: string | null;
  cache: SyncableCache;
  /**
   * The computer's default data source (SPECVET_DATA, config `data`): a directory or http(s)
   * base URL. The person's own (sync/dataSource.ts) wins; with neither the file phase is skipped.
   */
  data: string | null;
  /** Default: mysql2, loaded on first use (the demo never needs it). */
  openClient?: OpenCentralClient;
  /** Told which database and node each sync reached (see SyncDeps.onServer). */
  onServer?: SyncDeps['onServer'];
}

export function openSyncRunner(w: SyncWiring): SyncRunner {
  const { target, password, cache } = w;
  return {
    async run(onProgress, opts) {
      const source = dataSourceOf(cache.ledger, w.data);
      const files = source ? openFileSource(source) : null;
      try {
        return await runSync(
          {
            cache,
            async openClient() {
              if (password === null) throw new CentralError('auth', `no password saved for ${target.user}; sign in again to sync`);
              const open = w.openClient ?? (await import('../central/mysqlClient')).openCentralClient;
              return open({ host: target.host, port: target.port, ...(target.nodes ? { nodes: target.nodes } : {}), database: target.database, user: target.user, password });
            },
            server: { host: target.host, port: target.port, ...(target.nodes ? { nodes: target.nodes } : {}) },
            ...(w.onServer ? { onServer: w.onServer } : {}),
            files,
            clock: () => new Date(),
            onProgress,
          },
          opts,
        );
      } finally {
        files?.close();
      }
    },
  };
}
