/**
 * `specvet serve`: the web host's own command. The web host hands it to the command line
 * through the entry (src-main/entry/specvet.ts); the CLI host never imports a host.
 */
import { num, str, UsageError, UserError, defineCommand, type Command, type OptionValues } from '../command/command';
import { checkGivenSecret, generateSecret, MIN_SECRET_CHARS, readSecretFile } from './secret';

const DEFAULT_PORT = 8737;

const serve = defineCommand({
  path: ['serve'],
  summary: 'run the web edition: the app in your browser at http://127.0.0.1:PORT',
  options: {
    port: { type: 'string', placeholder: 'N', description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
    host: { type: 'string', placeholder: 'H', description: 'interface to listen on (default 127.0.0.1)' },
    'token-file': {
      type: 'string',
      placeholder: 'PATH',
      description: 'read the secret from PATH, a file only you can read (chmod 600); default: SPECVET_TOKEN, else a new one per start',
    },
    // Declared only to refuse it with the reason: an unknown-option error would not say why.
    token: { type: 'string', placeholder: 'T', description: 'refused: ps shows command lines to every account; use --token-file' },
  },
  help: `
Starts on the server in SPECVET_CENTRAL (or SPECVET_HOME/config.json) if one is configured,
else on the built-in demo survey, created in SPECVET_HOME/demo on first start.
Runs until Ctrl+C. With --json, prints {"url": …} once listening.

Every API request needs a secret, also on 127.0.0.1: other accounts on this machine can reach
that address too. The printed URL carries it after # (browsers never send that part to a
server); open that URL. The secret is made anew for each start, unless --token-file PATH or
SPECVET_TOKEN gives one (${MIN_SECRET_CHARS}+ characters). It is never taken from the command line.

examples:
  specvet serve
  specvet serve --port 0 --json
  (umask 077; openssl rand -hex 16 > ~/.specvet-token) && specvet serve --token-file ~/.specvet-token`,
  async run(values, _args, ctx) {
    const port = num(values, 'port', { integer: true }) ?? DEFAULT_PORT;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
    const host = str(values, 'host') ?? '127.0.0.1';
    const secret = secretFor(values, ctx.io.env);
    // Loaded on use: the other commands should not pay for the web host, cache and demo modules.
    const { serveWebEdition } = await import('./serve');
    let running;
    try {
      running = await serveWebEdition({ config: ctx.config(), host, port, secret });
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    ctx.print({ url: running.server.url }, () => `SpecVet web edition: ${running.server.url}  (Ctrl+C to stop)`);
    await untilInterrupted();
    await running.close();
  },
});

/** --token-file, else SPECVET_TOKEN, else a fresh secret; --token is refused with the reason. */
export function secretFor(values: OptionValues, env: NodeJS.ProcessEnv): string {
  if (values.token !== undefined) {
    throw new UsageError(
      '--token is refused: ps shows command lines to every account on this machine; use --token-file PATH (chmod 600), SPECVET_TOKEN, or neither for a new secret per start',
      null,
    );
  }
  const file = str(values, 'token-file');
  if (file !== undefined) return readSecretFile(file);
  if (env.SPECVET_TOKEN) return checkGivenSecret(env.SPECVET_TOKEN.trim(), 'SPECVET_TOKEN');
  return generateSecret();
}

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
