/**
 * The service functions both hosts call, over the real demo cache: what a reviewer's actions
 * do to the outbox, and the one-line errors for what cannot be done.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiHandlers } from '../../shared/api';
import type { AppStatus, Item } from '../../shared/model';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { parseCentralUrl } from '../../src-main/config/config';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import { toApiError } from '../../src-main/app/apiErrors';
import { openApp, type OpenedApp } from '../../src-main/app/openApp';

describe('app services on the demo', () => {
  let home: string;
  let app: OpenedApp;
  let api: ApiHandlers;
  let items: Item[];
  const statuses: AppStatus[] = [];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'specvet-services-'));
    app = await openApp({ config: { home, central: null, data: null, file: null }, credentials: memoryCredentialStore() });
    api = app.handlers;
    app.events.on('statusChanged', (s) => statuses.push(s));
    const single = (await api.listBatches({})).find((b) => b.mode === 'single')!;
    items = await api.listItems({ batchId: single.id });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('starts on the demo with no server configured', async () => {
    const s = await api.status({});
    expect(s).toMatchObject({ user: 'demo', origin: { kind: 'demo' }, batches: 3, outboxPending: 0, online: false });
    expect(s.filesCached).toBeGreaterThan(0);
  });

  it('reads a spectrum file as bytes that decode to that spectrum', async () => {
    const bytes = await api.readSpectrum({ obsid: items[0]!.obsid });
    expect(decodeSpectrum(bytes).meta.obsid).toBe(items[0]!.obsid);
  });

  it('says which obsid is not one of yours', async () => {
    const err = await api.readSpectrum({ obsid: 42 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not-found', message: 'spectrum 42 is in none of your batches' });
  });

  it('refuses a bookmark for a batch that does not exist, and stores nothing', async () => {
    const err = await api.setBookmark({ batchId: 'no-such-batch', position: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not-found', message: 'batch no-such-batch is none of yours; the bookmark was not saved (reload your batches)' });
    await api.setBookmark({ batchId: items[0]!.batchId, position: 1 });
    expect((await api.listBatches({})).find((b) => b.id === items[0]!.batchId)!.bookmark).toBe(1);
  });

  it('a verdict goes to the outbox, tells the hosts, and can be undone', async () => {
    const it0 = items[0]!;
    const verdict = await api.saveVerdict({
      obsid: it0.obsid,
      batchId: it0.batchId,
      class: 'QSO',
      subclass: '',
      z: 1.2345,
      quality: 3,
      flags: [],
      comment: 'broad Mg II',
    });
    expect(verdict).toMatchObject({ reviewer: 'demo', class: 'QSO', z: 1.2345, pushed: false });
    expect((await api.status({})).outboxPending).toBe(1);
    expect(statuses.at(-1)?.outboxPending).toBe(1);
    const listed = (await api.listItems({ batchId: it0.batchId }))[0]!;
    expect(listed.verdict?.id).toBe(verdict.id);
    expect((await api.undoVerdict({}))?.id).toBe(verdict.id);
    expect((await api.status({})).outboxPending).toBe(0);
    expect(await api.undoVerdict({})).toBeNull();
  });

  it('sync on the demo explains there is no server as a note, not as an error', async () => {
    const summary = await api.sync({});
    expect(summary.error).toBeNull();
    expect(summary.note).toMatch(/demo dataset: there is no central server/);
    expect(summary.pushed).toBe(0);
  });

  it('sign-in: a bad address is bad input, a dead server is offline, and the demo stays open', async () => {
    const bad = await api.signIn({ server: 'http://nope', password: 'x', remember: false }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'bad-input' });
    const dead = await api
      .signIn({ server: 'mysql://alice@127.0.0.1:1/specvet', password: 'secret', remember: true })
      .catch((e: unknown) => e);
    // What a host sends for it: 'offline' with one line naming the server, never the password.
    const sent = toApiError(dead);
    expect(sent.code).toBe('offline');
    expect(sent.message).toMatch(/^cannot sign in: 127\.0\.0\.1:1 does not answer; check the address/);
    expect(sent.message).not.toMatch(/retry|secret/); // nothing retries a failed sign-in
    expect((await api.status({})).origin).toEqual({ kind: 'demo' });
  });
});

describe('app services with a central server configured', () => {
  let home: string;
  let app: OpenedApp;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'specvet-services-central-'));
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const central = parseCentralUrl('mysql://alice:wrong@127.0.0.1:1/specvet');
    app = await openApp({ config: { home, central, data: null, file: null }, credentials: memoryCredentialStore() });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("opens that person's cache offline instead of the demo", async () => {
    const s = await app.handlers.status({});
    expect(s).toMatchObject({ user: 'alice', origin: { kind: 'central', server: 'mysql://alice@127.0.0.1:1/specvet' }, batches: 0 });
    expect(existsSync(join(home, 'demo'))).toBe(false);
  });

  it('a sync that cannot reach the server ends with one line, and keeps the cache usable', async () => {
    const summary = await app.handlers.sync({});
    expect(summary.error).toMatch(/127\.0\.0\.1:1/);
    expect(summary.error).not.toMatch(/wrong/);
    expect(Object.keys(summary).sort()).toEqual(['error', 'filesFetched', 'note', 'pulled', 'pushed']);
    const s = await app.handlers.status({});
    expect(s.online).toBe(false);
    expect(await app.handlers.listBatches({})).toEqual([]);
  });
});
