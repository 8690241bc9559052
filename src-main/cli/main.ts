/**
 * `specvet` entry: finds the command, parses its options, prints --help, maps failures to
 * exit codes (0 ok, 1 failure, 2 bad usage) and one-line messages (stack only with --debug).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveConfig, type Config } from '../config';
import { UsageError, UserError, type CliIO, type Command, type CommandContext, type OptionSpec } from './command';
import { COMMANDS } from './registry';

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
  json: { type: 'boolean', description: 'print machine-readable JSON on stdout' },
  debug: { type: 'boolean', description: 'print stack traces on errors' },
};

export async function main(argv: string[], io: CliIO = processIO(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { command, rest } = findCommand(argv, commands);
    if (!command) return printOverview(argv, rest, io, commands);
    return await runCommand(command, rest, io);
  } catch (err) {
    return reportError(err, io, debug);
  }
}

function findCommand(argv: string[], commands: readonly Command[]): { command?: Command; rest: string[] } {
  const words = argv.filter((a) => !a.startsWith('-'));
  let best: Command | undefined;
  for (const c of commands) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  if (!best) return { rest: argv };
  const rest = [...argv];
  for (const w of best.path) rest.splice(rest.indexOf(w), 1);
  return { command: best, rest };
}

async function runCommand(command: Command, rest: string[], io: CliIO): Promise<number> {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const config: ParseArgsConfig['options'] = {};
  for (const [name, o] of Object.entries(options)) {
    config[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: config, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const args = command.args ?? { usage: '', min: 0, max: 0 };
  if (positionals.length < args.min) throw new UsageError(`missing ${args.usage}`);
  if (positionals.length > args.max) {
    throw new UsageError(`unexpected argument "${positionals[args.max]}"`);
  }
  const json = values.json === true;
  let cached: Config | undefined;
  const ctx: CommandContext = {
    io,
    json,
    debug: values.debug === true,
    config: () => (cached ??= resolveConfig(io.env)),
    print(value, human) {
      io.stdout.write(json ? JSON.stringify(value, jsonReplacer) + '\n' : ensureNewline(human()));
    },
  };
  try {
    return (await command.run(values, positionals, ctx)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) err.message = `${command.path.join(' ')}: ${err.message}`;
    throw err;
  }
}

/** NaN and ±Infinity are not JSON: they print as null, as `inspect --json` promises. */
function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (typeof v === 'bigint') return v.toString();
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

function ensureNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n';
}

function printOverview(argv: string[], rest: string[], io: CliIO, commands: readonly Command[]): number {
  const words = rest.filter((a) => !a.startsWith('-'));
  const wantsHelp = argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  // `specvet central --help` lists the central commands.
  const group = commands.filter((c) => words.length > 0 && c.path[0] === words[0]);
  const shown = group.length > 0 ? group : commands;
  const text = overview(shown);
  if (wantsHelp || group.length > 0) {
    (wantsHelp ? io.stdout : io.stderr).write(text);
    return wantsHelp ? 0 : 2;
  }
  io.stderr.write(`specvet: unknown command "${words.join(' ')}"; see specvet --help\n`);
  return 2;
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length), 8);
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'SpecVet — eye-check survey spectra.',
    '',
    'usage: specvet <command> [options]   (specvet <command> --help for its options)',
    '',
    'commands:',
    ...lines,
    '',
    'environment: SPECVET_HOME (data folder), SPECVET_CENTRAL (mysql://user[:pass]@host:port/db),',
    '             SPECVET_DATA (spectrum files: a directory or an http(s) base URL)',
    'exit codes: 0 ok, 1 failure, 2 bad usage',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  const all = { ...c.options, ...GLOBAL_OPTIONS };
  const names = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.placeholder ?? name.toUpperCase()}` : ''}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...names.map(([f]) => f.length));
  return [
    `usage: specvet ${c.path.join(' ')}${c.args?.usage ? ` ${c.args.usage}` : ''} [options]`,
    '',
    c.summary,
    '',
    'options:',
    ...names.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
    ...(c.help ? ['', c.help.trim()] : []),
    '',
  ].join('\n');
}

function reportError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof UsageError) {
    io.stderr.write(`specvet: ${err.message}\n(see --help)\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`specvet: ${firstLine(message)}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  else if (!(err instanceof UserError) && !debug) io.stderr.write('(run again with --debug for details)\n');
  return 1;
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0] ?? '';
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
