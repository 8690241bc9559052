/**
 * `specvet` entry: finds the command, parses its options, prints --help, maps failures to
 * exit codes (0 ok, 1 failure, 2 bad usage) and one-line messages (stack only with --debug).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveConfig, type Config } from '../config/config';
import { UsageError, UserError, type CliIO, type Command, type CommandContext, type OptionSpec, type OptionValues } from '../command/command';
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
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const json = values.json === true;
    let cached: Config | undefined;
    const ctx: CommandContext = {
      io,
      json,
      debug: values.debug === true,
      config: () => (cached ??= configOrUsage(io.env)),
      print(value, human) {
        io.stdout.write(json ? JSON.stringify(value, jsonReplacer) + '\n' : ensureNewline(human()));
      },
    };
    return (await command.run(values, positionals, ctx)) ?? 0;
  } catch (err) {
    // The one-line message then points at this command's --help.
    if (err instanceof UsageError) err.command ??= command.path.join(' ');
    throw err;
  }
}

function parseCommandLine(command: Command, rest: string[]): { values: OptionValues; positionals: string[] } {
  const config: ParseArgsConfig['options'] = {};
  for (const [name, o] of Object.entries({ ...GLOBAL_OPTIONS, ...command.options })) {
    config[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  const parsed = parseOrUsage(rest, config);
  if (parsed.values.help) return parsed;
  const args = command.args ?? { usage: '', min: 0, max: 0 };
  if (parsed.positionals.length < args.min) throw new UsageError(`missing ${args.usage}`);
  if (parsed.positionals.length > args.max) throw new UsageError(`unexpected argument "${parsed.positionals[args.max]}"`);
  return parsed;
}

function parseOrUsage(args: string[], options: ParseArgsConfig['options']): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseArgsMessage(err as Error & { code?: string }));
  }
}

/** node:util's wording ("Unknown option '--foo'. To specify a positional…") cut to what applies. */
function parseArgsMessage(err: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(err.message)?.[1];
  if (option && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (option && err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(err.message) ? `${option} needs a value` : `${option} takes no value`;
  }
  return err.message.replace(/\. To specify a positional.*$/s, '');
}

/**
 * A malformed SPECVET_CENTRAL or config.json is a mistake in how SpecVet was called (exit 2),
 * not a failure of the command; the message says where the bad value came from.
 */
function configOrUsage(env: NodeJS.ProcessEnv): Config {
  try {
    return resolveConfig(env);
  } catch (err) {
    const message = (err as Error).message;
    if (!message.startsWith('central server')) throw new UsageError(message, null);
    const source = env.SPECVET_CENTRAL ? 'SPECVET_CENTRAL' : 'the "central" of SPECVET_HOME/config.json';
    const expected = message.includes('mysql://user') ? '' : '; expected mysql://user[:password]@host:port/database';
    throw new UsageError(`${source}: ${message}${expected}`, null);
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
  // A bare `specvet` is a call without a command: the overview goes to stderr with exit 2, so a
  // script that lost its arguments fails instead of passing silently.
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  // `specvet central --help` lists the central commands.
  const group = commands.filter((c) => words.length > 0 && c.path[0] === words[0]);
  const shown = group.length > 0 ? group : commands;
  const text = overview(shown);
  if (wantsHelp || group.length > 0 || words.length === 0) {
    (wantsHelp ? io.stdout : io.stderr).write(text);
    return wantsHelp ? 0 : 2;
  }
  io.stderr.write(`specvet: unknown command "${words.join(' ')}" (see specvet --help)\n`);
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
    '             SPECVET_DATA (spectrum files: a directory or an http(s) base URL),',
    '             SPECVET_TOKEN (the secret of specvet serve, instead of a new one per start)',
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

/** One line on stderr, the hint in brackets on it: scripts and log readers take the first line. */
function reportError(err: unknown, io: CliIO, debug: boolean): number {
  const message = firstLine(err instanceof Error ? err.message : String(err));
  let hint: string | null = null;
  if (err instanceof UsageError) {
    hint = err.hint === undefined ? `see specvet ${err.command ? `${err.command} ` : ''}--help` : err.hint;
  } else if (!(err instanceof UserError) && !debug) {
    hint = 'run again with --debug for details';
  }
  io.stderr.write(`specvet: ${message}${hint ? ` (${hint})` : ''}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  return err instanceof UsageError ? 2 : 1;
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0] ?? '';
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
