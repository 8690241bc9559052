/**
 * With a central server configured, the app syncs on its own — no button press — against the
 * real MariaDB, and the Sync button joins the background run instead of starting a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/model';
import { parseCentralUrl } from '../../src-main/config/config';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import { openApp, type OpenedApp } from '../../src-main/app/openApp';
import { assign, loginOf, reviewer } from '../sync/world';
import { useWorld } from '../support/world';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the background sync');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('background sync in the app', () => {
  const world = useWorld({ plans: 1, spectrographs: 1, fibers: 12 });
  let app: OpenedApp;
  let home: string;
  const progress: SyncProgress[] = [];

  beforeAll(async () => {
    const alice = await reviewer(world);
    await assign(world, 'first', [alice], 12);
    const l = loginOf(world, alice);
    const central = parseCentralUrl(`mysql://${l.user}:${encodeURIComponent(l.password)}@${l.host}:${l.port}/${l.database}`);
    home = mkdtempSync(join(tmpdir(), 'specvet-background-'));
    app = await openApp({ config: { home, central, data: null, file: null }, credentials: memoryCredentialStore(), background: { intervalMs: 60_000 } });
    app.events.on('syncProgress', (p) => progress.push(p));
  });
  afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("pulls the reviewer's batch at start without being asked", async () => {
    const status = await until(async () => {
      const s = await app.handlers.status({});
      return s.items === 12 ? s : undefined;
    });
    expect(status).toMatchObject({ batches: 1, online: true, lastError: null });
    expect(progress.some((p) => p.phase === 'pull')).toBe(true);
  });

  it('the Sync button runs the same service and reports what it did', async () => {
    const summary = await app.handlers.sync({});
    // No data source anywhere: the sync says so instead of a bare "0 files".
    expect(summary).toEqual({ pulled: 0, filesFetched: 0, pushed: 0, error: null, note: "no data source set: 12 spectrum file(s) cannot be fetched; choose one in the app's Settings (Ctrl+,) or set SPECVET_DATA" });
  });
});
