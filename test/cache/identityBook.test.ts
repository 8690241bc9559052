/**
 * Which cache file a person's central target opens (issue 16, finding 13): by the database's
 * identity once learned, carrying over what was made under a node's address with its unsent
 * work; by address until then. Real SQLite files.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressOrigin, cacheFile, knownIdentity, openLocalCache, recordIdentity, resolveCacheFile } from '../../src-main/cache';
import { batchOf, itemsOf, page } from './pages';

const ID = '6f1c2a4e-1d2b-11f1-9c74-e7b0375c1d58';
const h1 = { host: 'h1.example', port: 3306 };
const h2 = { host: 'h2.example', port: 3307 };

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-identity-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** A cache under h1's address with one pulled batch and `unsent` verdicts in its outbox. */
function addressCache(user: string, unsent: number): string {
  const file = cacheFile(home, addressOrigin({ ...h1, database: 'survey', user }));
  const cache = openLocalCache(file, user);
  const b = batchOf();
  cache.applyPullPage(page({ batches: [b], items: itemsOf(b.id, 10, 1), rev: '5' }));
  for (let k = 0; k < unsent; k++) cache.addVerdict({ obsid: 1 + k, batchId: b.id, class: 'STAR', subclass: '', z: 0, quality: 3, flags: [], comment: `${user} ${k}` }, new Date());
  cache.close();
  return file;
}

const pending = (file: string, user: string) => {
  const c = openLocalCache(file, user);
  try {
    return c.counts().outboxPending;
  } finally {
    c.close();
  }
};

describe('resolveCacheFile', () => {
  it('stays on the address key until the identity is known, for any listed node', () => {
    const old = addressCache('alice', 2);
    expect(resolveCacheFile(home, { nodes: [h2, h1], database: 'survey', user: 'alice' })).toBe(old);
    expect(knownIdentity(home, { nodes: [h2, h1], database: 'survey' })).toBeNull();
  });

  it('carries a cache made under one node over to the identity, unsent verdicts and all, when another node told it', () => {
    const old = addressCache('alice', 3);
    recordIdentity(home, h2, 'survey', ID);
    const file = resolveCacheFile(home, { nodes: [h1, h2], database: 'survey', user: 'alice' });
    expect(file).toBe(cacheFile(home, { kind: 'central', databaseId: ID, user: 'alice' }));
    expect(existsSync(old)).toBe(false);
    expect(pending(file, 'alice')).toBe(3);
    // Again: the same file, nothing moved twice.
    expect(resolveCacheFile(home, { nodes: [h2], database: 'survey', user: 'alice' })).toBe(file);
    expect(pending(file, 'alice')).toBe(3);
  });

  it("moves only the person's file when the identity's folder exists already", () => {
    addressCache('alice', 1);
    recordIdentity(home, h1, 'survey', ID);
    const alice = resolveCacheFile(home, { nodes: [h1], database: 'survey', user: 'alice' });
    const bobOld = addressCache('bob', 2);
    const bob = resolveCacheFile(home, { nodes: [h1], database: 'survey', user: 'bob' });
    expect(bob).toBe(cacheFile(home, { kind: 'central', databaseId: ID, user: 'bob' }));
    expect(existsSync(bobOld)).toBe(false);
    expect(pending(bob, 'bob')).toBe(2);
    expect(pending(alice, 'alice')).toBe(1);
  });

  it('keeps databases of the same name on other servers apart', () => {
    recordIdentity(home, h1, 'survey', ID);
    expect(knownIdentity(home, { nodes: [h1], database: 'other' })).toBeNull();
    expect(knownIdentity(home, { nodes: [{ host: 'h1.example', port: 3308 }], database: 'survey' })).toBeNull();
  });
});
