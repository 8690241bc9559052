/** Runs the CLI in-process with captured streams, as a terminal user would see it. */
import { PassThrough } from 'node:stream';
import { main } from '../../src-main/cli/main';
import { SPECVET_COMMANDS } from '../../src-main/entry/specvet';
import type { Command } from '../../src-main/command/command';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, commands?: readonly Command[], stdin = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, { stdout: out, stderr: err, stdin: input, env: { ...env } }, commands ?? SPECVET_COMMANDS);
  return { code, stdout, stderr };
}
