/**
 * Where spectra come from, through the services both hosts call, against the real MariaDB:
 * without a data source a spectrum says how to choose one (not "press Sync"); a chosen folder
 * is kept per person and used by the next sync; a file corrupt at its source and one missing
 * there are each reported as that; and a sync refused for want of a password asks for a
 * sign-in, which the same services take with the address as the person would paste it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/api';
import type { Item } from '../../shared/model';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { parseCentralUrl } from '../../src-main/config/config';
import { memoryCredentialStore } from '../../src-main/app/credentialStore';
import { openApp, type OpenedApp } from '../../src-main/app/openApp';
import { assign, loginOf, reviewer, type Person } from '../sync/world';
import { useWorld } from '../support/world';

const FIXTURE = '/work/shared/fixtures/lamost/spec-57287-KP193637N444141V03_sp10-161.fits.gz';

describe('data source and sign-in in the app', () => {
  const w = useWorld({ plans: 1, spectrographs: 1, fibers: 3 });
  let alice: Person;
  let app: OpenedApp;
  let home: string;
  let data: string;
  let items: Item[];
  let address: string;

  beforeAll(async () => {
    alice = await reviewer(w);
    await assign(w, 'sources', [alice], 3);
    const l = loginOf(w, alice);
    address = `mysql://${l.user}@${l.host}:${l.port}/${l.database}`;
    home = mkdtempSync(join(tmpdir(), 'specvet-source-'));
    data = mkdtempSync(join(tmpdir(), 'specvet-data-'));
    // Configured without a password and none remembered: the cache opens, the sync cannot log in.
    app = await openApp({ config: { home, central: parseCentralUrl(address), data: null, file: null }, credentials: memoryCredentialStore(), background: false });
  });
  afterAll(async () => {
    await app?.close();
    for (const d of [home, data]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('a sync without the password asks for a sign-in; signing in again clears it', async () => {
    const refused = await app.handlers.sync({});
    expect(refused.error).toMatch(/sign in again/);
    expect(await app.handlers.status({})).toMatchObject({ signInNeeded: true, dataSource: null });
    const status = await app.handlers.signIn({ server: address, password: alice.password, remember: false });
    expect(status.signInNeeded).toBe(false);
    const synced = await app.handlers.sync({});
    expect(synced).toMatchObject({ error: null, pulled: expect.any(Number) as number });
    expect(synced.note).toMatch(/^no data source set: 3 spectrum file\(s\) cannot be fetched/);
    expect((await app.handlers.status({})).signInNeeded).toBe(false);
    const batch = (await app.handlers.listBatches({}))[0]!;
    items = await app.handlers.listItems({ batchId: batch.id });
    expect(items).toHaveLength(3);
  });

  it('with no data source a spectrum says how to choose one', async () => {
    const err = await app.handlers.readSpectrum({ obsid: items[0]!.obsid }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: `spectrum ${items[0]!.obsid}: no data source set — press Ctrl+, to choose one` });
  });

  it('refuses a folder that is not there, in one line, and keeps none', async () => {
    const err = await app.handlers.setDataSource({ dataSource: join(data, 'nope') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad-input', message: `data source ${join(data, 'nope')} is not there; check the path (is the archive mounted?) and choose it again` });
    expect((await app.handlers.status({})).dataSource).toBeNull();
  });

  it('a chosen folder is used by the next sync; corrupt and missing files are reported as that', async () => {
    const [good, corrupt, missing] = items as [Item, Item, Item];
    const put = (it: Item, write: (to: string) => void) => {
      const to = join(data, it.filePath);
      mkdirSync(dirname(to), { recursive: true });
      write(to);
    };
    put(good, (to) => copyFileSync(FIXTURE, to));
    put(corrupt, (to) => writeFileSync(to, 'SIMPLE  =                    T / cut short'));
    // As a host passes it on: through the method's schema, which trims.
    const status = await app.handlers.setDataSource(parseInput('setDataSource', { dataSource: `  ${data}  ` }));
    expect(status.dataSource).toBe(data);

    const synced = await app.handlers.sync({});
    expect(synced).toMatchObject({ error: null, filesFetched: 1, note: null });
    expect(decodeSpectrum(await app.handlers.readSpectrum({ obsid: good.obsid })).meta.obsid).toBeGreaterThan(0);
    const why = async (it: Item) => ((await app.handlers.readSpectrum({ obsid: it.obsid }).catch((e: unknown) => e)) as Error).message;
    expect(await why(corrupt)).toMatch(new RegExp(`^spectrum ${corrupt.obsid}: its file ${corrupt.filePath} is corrupt at the data source \\(.+\\); tell whoever keeps the survey files`));
    expect(await why(missing)).toMatch(new RegExp(`^spectrum ${missing.obsid}: its file ${missing.filePath} is not at the data source`));
    const lastError = (await app.handlers.status({})).lastError!;
    expect(lastError).toContain('1 corrupt at the source');
    expect(lastError).toContain('1 not at the source');

    // Fixed at the source: the next sync stores it and the spectrum no longer says why it is missing.
    put(corrupt, (to) => copyFileSync(FIXTURE, to));
    expect((await app.handlers.sync({})).filesFetched).toBe(1);
    expect((await app.handlers.readSpectrum({ obsid: corrupt.obsid })).byteLength).toBeGreaterThan(0);
  });

  it('the data source is kept with the person: signing in again keeps it, blank goes back to the default', async () => {
    await app.handlers.signOut({});
    expect((await app.handlers.status({})).dataSource).toBeNull();
    const back = await app.handlers.signIn({ server: address, password: alice.password, remember: false });
    expect(back.dataSource).toBe(data);
    expect((await app.handlers.setDataSource(parseInput('setDataSource', { dataSource: ' ' }))).dataSource).toBeNull();
  });
});
