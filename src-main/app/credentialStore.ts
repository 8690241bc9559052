/**
 * Where a remembered central password lives. The Electron host implements this over
 * safeStorage (the OS keychain); the web host and the CLI keep passwords in memory only, so
 * nothing is ever written to disk in clear text.
 */
export interface CredentialStore {
  get(server: string): Promise<string | null>;
  set(server: string, password: string): Promise<void>;
  delete(server: string): Promise<void>;
}

/** Forgets everything when the process ends: right for `specvet serve` and tests. */
export function memoryCredentialStore(): CredentialStore {
  const saved = new Map<string, string>();
  return {
    get: async (server) => saved.get(server) ?? null,
    set: async (server, password) => void saved.set(server, password),
    delete: async (server) => void saved.delete(server),
  };
}
