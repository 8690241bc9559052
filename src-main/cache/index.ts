/** The local cache: open one with openLocalCache; the types the sync engine and hosts need. */
export { openLocalCache, SqliteCache, CacheOwnerError, type OpenCacheOptions } from './sqliteCache';
export { CacheSchemaError, SCHEMA_VERSION } from './migrate';
export { cacheFile, cacheDir, addressOrigin, serverKey, DEMO_USER, type CacheOrigin } from './location';
export { knownIdentity, recordIdentity, resolveCacheFile, type CacheTarget } from './identityBook';
export { UnknownBatchError, VerdictBeingSentError } from './localCache';
export type { OutboxEntry } from './outboxList';
export type { SqliteSyncLedger } from './syncLedger';
export { CacheDamagedError, damagedCopies } from './integrity';
