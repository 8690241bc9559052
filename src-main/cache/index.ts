/** The local cache: open one with openLocalCache; the types the sync engine and hosts need. */
export { openLocalCache, SqliteCache, CacheOwnerError, type OpenCacheOptions } from './SqliteCache';
export { CacheSchemaError, SCHEMA_VERSION } from './migrations/migration';
export { cacheFile, cacheDir, centralOrigin, serverKey, DEMO_USER, type CacheOrigin } from './location';
export { VerdictBeingSentError } from './Interface';
export type { OutboxEntry } from './outboxList';
export type { ClaimedBatch, FileRecord, FileWanted, OutboxLimits, SyncTables } from './syncTables';
