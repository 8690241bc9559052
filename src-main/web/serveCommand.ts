/**
 * `specvet serve`: the web host's own command. The web host hands it to the command line
 * through the entry (src-main/entry/specvet.ts); the CLI host never imports a host.
 */
import { num, str, UsageError, UserError, defineCommand, type Command } from '../command/command';
import { isLoopback } from './guard';

const DEFAULT_PORT = 8737;

const serve = defineCommand({
  path: ['serve'],
  summary: 'run the web edition: the app in your browser at http://127.0.0.1:PORT',
  options: {
    port: { type: 'string', placeholder: 'N', description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
    host: { type: 'string', placeholder: 'H', description: 'interface to listen on (default 127.0.0.1; another needs --token)' },
    token: {
      type: 'string',
      placeholder: 'T',
      description: 'secret every request must carry (or set SPECVET_TOKEN); required with a non-loopback --host',
    },
  },
  help: `
Starts on the server in SPECVET_CENTRAL (or SPECVET_HOME/config.json) if one is configured,
else on the built-in demo survey, created in SPECVET_HOME/demo on first start.
Runs until Ctrl+C. With --json, prints {"url": …} once listening.

examples:
  specvet serve
  specvet serve --port 0 --json
  specvet serve --host 192.168.1.20 --token "$(openssl rand -hex 16)"`,
  async run(values, _args, ctx) {
    const port = num(values, 'port', { integer: true }) ?? DEFAULT_PORT;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
    const host = str(values, 'host') ?? '127.0.0.1';
    const token = str(values, 'token') ?? (ctx.io.env.SPECVET_TOKEN || null);
    if (token !== null && token.length < 16) throw new UsageError('--token must be at least 16 characters (e.g. openssl rand -hex 16)');
    if (!isLoopback(host) && token === null) {
      throw new UsageError(`--host ${host} can be reached from other machines; add --token T (16+ characters) so only you can use it`);
    }
    // Loaded on use: the other commands should not pay for the web host, cache and demo modules.
    const { serveWebEdition } = await import('./serve');
    let running;
    try {
      running = await serveWebEdition({ config: ctx.config(), host, port, token });
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    ctx.print({ url: running.server.url }, () => `SpecVet web edition: ${running.server.url}  (Ctrl+C to stop)`);
    await untilInterrupted();
    await running.close();
  },
});

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const webCommands: Command[] = [serve];
