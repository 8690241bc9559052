/**
 * Remembered central-server passwords, encrypted with Electron's safeStorage (the OS
 * keychain: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept in
 * SPECVET_HOME/credentials.json as base64 ciphertext. Where no keychain can protect them the
 * store refuses to remember anything, rather than write a password that anyone could read.
 */
import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api';
import type { CredentialStore } from '../app/credentialStore';

type Storage = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

const FileSchema = z.object({ version: z.literal(1), servers: z.record(z.string(), z.string()) });
type CredentialFile = z.infer<typeof FileSchema>;

export function credentialsFile(home: string): string {
  return join(home, 'credentials.json');
}

export function safeStorageCredentialStore(
  home: string,
  storage: Storage = safeStorage,
  platform: NodeJS.Platform = process.platform,
): CredentialStore {
  const file = credentialsFile(home);

  /** Why passwords cannot be kept safely here, or null when they can. */
  const unavailable = (): string | null => {
    if (!storage.isEncryptionAvailable()) return 'the system keychain is not available';
    // On Linux without a keyring, safeStorage "encrypts" with a fixed key: that is not secret.
    if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') {
      return 'no keyring (GNOME Keyring / KWallet) is running';
    }
    return null;
  };

  return {
    async get(server) {
      const cipher = read(file).servers[server];
      if (cipher === undefined || unavailable()) return null;
      try {
        return storage.decryptString(Buffer.from(cipher, 'base64'));
      } catch {
        // Encrypted under another keychain (profile copied, keyring reset): ask for it again.
        return null;
      }
    },
    async set(server, password) {
      const why = unavailable();
      if (why) {
        throw new ApiError(
          'bad-input',
          `cannot remember the password: ${why}; sign in without "remember" (you will be asked each time)`,
        );
      }
      const data = read(file);
      data.servers[server] = storage.encryptString(password).toString('base64');
      write(file, data);
    },
    async delete(server) {
      const data = read(file);
      if (!(server in data.servers)) return;
      delete data.servers[server];
      write(file, data);
    },
  };
}

function read(file: string): CredentialFile {
  if (!existsSync(file)) return { version: 1, servers: {} };
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: an unreadable file only costs a password prompt
  }
  console.warn(`${file} is damaged; remembered passwords are forgotten and will be asked again`);
  return { version: 1, servers: {} };
}

function write(file: string, data: CredentialFile): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}
