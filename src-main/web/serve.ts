/**
 * `specvet serve`: the web edition. Opens the app (the configured server's cache, or the demo),
 * serves the built renderer and the API on 127.0.0.1 behind a secret, prints the URL, runs until
 * interrupted.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config';
import { memoryCredentialStore } from '../app/credentialStore';
import { openApp, type OpenSync } from '../app/openApp';
import { startWebServer, type WebServer } from './server';

/** dist/renderer at the package root (this file is src-main/web/serve.ts). */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface ServeOptions {
  config: Config;
  host: string;
  port: number;
  /** What every API request must carry; serveCommand.ts makes or reads it. */
  secret: string;
  rendererDir?: string;
  openSync?: OpenSync;
}

export interface RunningWebEdition {
  server: WebServer;
  close(): Promise<void>;
}

export async function serveWebEdition(o: ServeOptions): Promise<RunningWebEdition> {
  const rendererDir = o.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!existsSync(rendererDir)) throw new Error(`the renderer is not built (${rendererDir} is missing); run npm run build first`);
  const app = await openApp({ config: o.config, credentials: memoryCredentialStore(), ...(o.openSync ? { openSync: o.openSync } : {}) });
  try {
    const server = await startWebServer({ handlers: app.handlers, events: app.events, writeCatalogue: app.writeCatalogue, rendererDir, host: o.host, port: o.port, secret: o.secret });
    return {
      server,
      close: async () => {
        await server.close();
        await app.close();
      },
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}
