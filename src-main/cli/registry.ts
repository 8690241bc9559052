/**
 * The CLI host's own commands, grouped by the area that owns them. Each area keeps its list in
 * commands/<area>.ts so that areas do not edit one another's files. Other hosts' commands
 * (the web edition's `serve`) join them in src-main/entry/specvet.ts.
 */
import type { Command } from '../command/command';
import { spectraCommands } from './commands/spectra';
import { fitCommands } from './commands/fit';
import { centralCommands } from './commands/central';
import { batchCommands } from './commands/batch';
import { progressCommands } from './commands/progress';
import { localCommands } from './commands/local';
import { syncCommand } from './commands/sync';
import { qualityCommands } from './commands/quality';

export const COMMANDS: readonly Command[] = [...spectraCommands, ...fitCommands, ...centralCommands, ...batchCommands, ...progressCommands, ...qualityCommands, syncCommand, ...localCommands];
