/**
 * Where SpecVet keeps its data and which central server it talks to.
 *
 * Precedence: environment (SPECVET_HOME, SPECVET_CENTRAL, SPECVET_DATA, SPECVET_TEMPLATES) over the config file
 * SPECVET_HOME/config.json over defaults. A password is never read from or written to the
 * config file: it comes from SPECVET_CENTRAL, a prompt, or the OS keychain (Electron).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { parseCentralUrl, redact, type CentralTarget } from '../../shared/centralUrl';

export { parseCentralUrl, redact, type CentralTarget };

export interface Config {
  home: string;
  central: CentralTarget | null;
  /** Spectrum file source: a directory path or an http(s) base URL. */
  data: string | null;
  /** A template folder replacing the shipped SDSS set (docs/assistant.md), or null. */
  templates?: string | null;
  /** File the values came from, for messages. */
  file: string | null;
}

export interface ConfigFile {
  central?: string;
  data?: string;
  templates?: string;
}

/** The OS's per-user application-data folder, the same one Electron's app.getPath('userData') uses. */
export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SpecVet');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SpecVet');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'SpecVet');
}

export function resolveConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const home = env.SPECVET_HOME || defaultHome(env);
  const file = join(home, 'config.json');
  const fromFile = readConfigFile(file);
  const centralUrl = env.SPECVET_CENTRAL || fromFile.central;
  if (fromFile.central && /:[^@/]*@/.test(fromFile.central.replace(/^mysql:\/\/[^:@/]*/, ''))) {
    throw new Error(`${file}: "central" must not contain a password; remove it and sign in instead`);
  }
  return {
    home,
    central: centralUrl ? parseCentralUrl(centralUrl) : null,
    data: env.SPECVET_DATA || fromFile.data || null,
    templates: env.SPECVET_TEMPLATES || fromFile.templates || null,
    file: existsSync(file) ? file : null,
  };
}

function readConfigFile(file: string): ConfigFile {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or delete it`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must hold a JSON object like {"central": "mysql://user@host:3306/specvet"}`);
  }
  const { central, data, templates } = parsed as Record<string, unknown>;
  for (const [k, v] of Object.entries({ central, data, templates })) {
    if (v !== undefined && typeof v !== 'string') throw new Error(`${file}: "${k}" must be a string`);
  }
  return { central: central as string | undefined, data: data as string | undefined, templates: templates as string | undefined };
}

