/**
 * The `specvet` command (bin/specvet.mjs runs this): the CLI host's commands joined with the
 * commands other hosts bring — the web edition's `serve`. An entry is the one place that may
 * import several hosts (docs/architecture.md, "Layers").
 */
import type { CliIO, Command } from '../command/command';
import { main as runCli } from '../cli/main';
import { COMMANDS } from '../cli/registry';
import { webCommands } from '../web/serveCommand';

export const SPECVET_COMMANDS: readonly Command[] = [...webCommands, ...COMMANDS];

export function main(argv: string[], io?: CliIO): Promise<number> {
  return runCli(argv, io, SPECVET_COMMANDS);
}
