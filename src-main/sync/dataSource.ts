/**
 * Which data source a person's sync fetches spectrum files from: their own, chosen at sign-in
 * or in the settings panel and kept in their local cache, else the computer's default
 * (SPECVET_DATA or the config file's `data`). Read at every sync, so a change applies to the
 * next one without signing in again.
 */
import type { SyncLedger } from './contract';

const KEY = 'dataSource';

export function ownDataSource(ledger: Pick<SyncLedger, 'meta'>): string | null {
  return ledger.meta(KEY);
}

export function putOwnDataSource(ledger: Pick<SyncLedger, 'putMeta'>, source: string | null): void {
  ledger.putMeta(KEY, source);
}

export function dataSourceOf(ledger: Pick<SyncLedger, 'meta'>, configured: string | null): string | null {
  return ownDataSource(ledger) ?? configured;
}
