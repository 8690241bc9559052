/**
 * The CLI's password: from SPECVET_CENTRAL, or asked on the terminal without echo. It is kept
 * in memory only — never written to the cache, the config file or a log line.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export async function promptPassword(
  prompt: string,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  echoTo: NodeJS.WritableStream,
): Promise<string> {
  echoTo.write(prompt);
  // readline writes what is typed to `output`; a sink keeps the password off the screen.
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input, output: sink, terminal: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => reject(new Error('no password given')));
    });
  } finally {
    rl.close();
    echoTo.write('\n');
  }
}
