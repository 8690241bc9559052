/**
 * The sync runner the app hosts plug into their session (services' OpenSync): the same engine
 * `specvet sync` runs, over the central area's mysql2 session, with SPECVET_DATA as the file
 * source. The password lives in this closure only — never in the cache or a log.
 */
import type { SyncProgress } from '../../shared/model';
import type { LocalCache } from '../cache/Interface';
import { SqliteCache } from '../cache/SqliteCache';
import type { Config, CentralTarget } from '../config';
import { CentralError } from '../central/Interface';
import { openFileSource } from '../files/source';
import { runSync, type SyncResult } from './engine';

export interface SyncRunnerOf {
  run(onProgress: (p: SyncProgress) => void): Promise<SyncResult>;
}

export function openSyncRunner(target: CentralTarget, password: string | null, cache: LocalCache, config: Config): SyncRunnerOf {
  if (!(cache instanceof SqliteCache)) throw new TypeError('sync needs the SQLite local cache (openLocalCache)');
  return {
    async run(onProgress) {
      const files = config.data ? openFileSource(config.data) : null;
      try {
        return await runSync({
          cache,
          async openSession() {
            if (password === null) throw new CentralError('auth', `no password saved for ${target.user}; sign in again to sync`);
            const { openCentralSession } = await import('../central/session');
            return openCentralSession({ host: target.host, port: target.port, database: target.database, user: target.user, password });
          },
          server: { host: target.host, port: target.port },
          files,
          clock: () => new Date(),
          onProgress,
        });
      } finally {
        files?.close();
      }
    },
  };
}
