/**
 * The CLI's frame: a command declares its path, options and a run function; main.ts does
 * parsing, --help, --json, exit codes and error printing for all of them alike.
 */
import type { Config } from '../config/config';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed more than once (the value is then an array). */
  multiple?: boolean;
  /** Shown in --help, e.g. "--class C,…". */
  placeholder?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  io: CliIO;
  /** --json was given: print machine-readable output on stdout, nothing else there. */
  json: boolean;
  debug: boolean;
  /** Resolved lazily: commands that need no configuration never touch SPECVET_HOME. */
  config(): Config;
  /** Prints a JSON value (with --json) or lines of text (without). */
  print(value: unknown, human: () => string): void;
}

export interface Command {
  /** Words after `specvet`, e.g. ['central', 'migrate']. */
  path: string[];
  summary: string;
  /** Positional arguments as shown in usage, e.g. "FILE [FILE…]"; omit for none. */
  args?: { usage: string; min: number; max: number };
  options: Record<string, OptionSpec>;
  /** Extra text for --help: examples, what the exit codes mean for this command. */
  help?: string;
  /** Resolves to an exit code (0 when omitted). Throw UsageError / UserError for failures. */
  run(values: OptionValues, positionals: string[], ctx: CommandContext): Promise<number | void>;
}

/**
 * Bad usage: exit 2, one line ending in a pointer to the help that explains it. `hint` replaces
 * that pointer (null: none) when the command's --help would not help, e.g. a bad SPECVET_CENTRAL.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command it happened in, set by the frame: the pointer names its --help. */
  command?: string;

  constructor(
    message: string,
    readonly hint?: string | null,
  ) {
    super(message);
  }
}

/** A failure the user can act on: exit 1, one line, no stack (unless --debug). */
export class UserError extends Error {
  override name = 'UserError';
}

export function defineCommand(c: Command): Command {
  return c;
}

/** Reads an option that must be a string, or undefined. */
export function str(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireStr(values: OptionValues, name: string): string {
  const v = str(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/** Parses a numeric option; a non-number is bad usage naming the option. */
export function num(values: OptionValues, name: string, opts: { integer?: boolean } = {}): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${opts.integer ? 'a whole number' : 'a number'}, got "${v}"`);
  }
  return n;
}

/** The bounds of a zod number schema (minValue / maxValue / isInt), or any such triple. */
export interface NumberRange {
  minValue: number | null;
  maxValue: number | null;
  isInt?: boolean;
}

/**
 * A number option checked against the model's bounds here, so that the message names the
 * option and the value: zod's own ("Too big: expected number to be <=4") does neither.
 */
export function numInRange(values: OptionValues, name: string, range: NumberRange): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok = v.trim() !== '' && Number.isFinite(n) && (!range.isInt || Number.isInteger(n));
  if (ok && (range.minValue === null || n >= range.minValue) && (range.maxValue === null || n <= range.maxValue)) return n;
  const what = range.isInt ? 'a whole number' : 'a number';
  const bounds =
    range.minValue !== null && range.maxValue !== null ? ` from ${range.minValue} to ${range.maxValue}`
    : range.minValue !== null ? ` of at least ${range.minValue}`
    : range.maxValue !== null ? ` of at most ${range.maxValue}`
    : '';
  throw new UsageError(`--${name} must be ${what}${bounds}, got ${ok ? v.trim() : JSON.stringify(v)}`);
}

/** Splits "a,b,c" into trimmed non-empty parts. */
export function list(values: OptionValues, name: string): string[] | undefined {
  const v = str(values, name);
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}
