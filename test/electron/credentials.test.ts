import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakeElectron'));
const { safeStorage } = await import('./fakeElectron');
const { safeStorageCredentialStore, credentialsFile } = await import('../../src-main/electron/keychainCredentials');

const SERVER = 'mysql://alice@db.lamost.example:3306/specvet';
const PASSWORD = 'Hα-6563 line!';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'specvet-cred-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('safeStorage credential store', () => {
  it('gives back a remembered password, and the file on disk does not contain it', async () => {
    const store = safeStorageCredentialStore(home, safeStorage, 'linux');
    await store.set(SERVER, PASSWORD);
    expect(await safeStorageCredentialStore(home, safeStorage, 'linux').get(SERVER)).toBe(PASSWORD);
    const onDisk = readFileSync(credentialsFile(home));
    expect(onDisk.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(onDisk.toString()).not.toContain('6563');
    if (process.platform !== 'win32') expect(statSync(credentialsFile(home)).mode & 0o077).toBe(0);
  });

  it('forgets a password on delete and knows nothing of other servers', async () => {
    const store = safeStorageCredentialStore(home, safeStorage, 'linux');
    await store.set(SERVER, PASSWORD);
    await store.set('mysql://bob@other:3306/specvet', 'b0b');
    await store.delete(SERVER);
    expect(await store.get(SERVER)).toBeNull();
    expect(await store.get('mysql://bob@other:3306/specvet')).toBe('b0b');
    expect(await store.get('mysql://carol@x:3306/y')).toBeNull();
  });

  it('refuses to store when encryption is unavailable, saying what to do, and writes nothing', async () => {
    safeStorage.available = false;
    const store = safeStorageCredentialStore(home, safeStorage, 'linux');
    await expect(store.set(SERVER, PASSWORD)).rejects.toThrow(/cannot remember the password: .*keychain.*sign in without "remember"/);
    expect(existsSync(credentialsFile(home))).toBe(false);
  });

  it('refuses on Linux when safeStorage would only use its fixed built-in key', async () => {
    safeStorage.backend = 'basic_text';
    const store = safeStorageCredentialStore(home, safeStorage, 'linux');
    await expect(store.set(SERVER, PASSWORD)).rejects.toThrow(/no keyring/);
    expect(existsSync(credentialsFile(home))).toBe(false);
  });

  it('treats an undecryptable or damaged file as nothing remembered', async () => {
    const store = safeStorageCredentialStore(home, safeStorage, 'linux');
    writeFileSync(credentialsFile(home), JSON.stringify({ version: 1, servers: { [SERVER]: Buffer.from('garbage').toString('base64') } }));
    expect(await store.get(SERVER)).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    writeFileSync(credentialsFile(home), '{ not json');
    expect(await store.get(SERVER)).toBeNull();
    await store.set(SERVER, PASSWORD);
    expect(await store.get(SERVER)).toBe(PASSWORD);
    warn.mockRestore();
  });
});
