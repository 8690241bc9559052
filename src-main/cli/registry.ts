/**
 * Every CLI command, grouped by the area that owns it. Each area keeps its list in
 * commands/<area>.ts so that areas do not edit one another's files.
 */
import type { Command } from './command';
import { appCommands } from './commands/app';
import { spectraCommands } from './commands/spectra';
import { centralCommands } from './commands/central';
import { syncCommands } from './commands/sync';

export const COMMANDS: readonly Command[] = [...appCommands, ...spectraCommands, ...centralCommands, ...syncCommands];
