/**
 * The layering of docs/architecture.md ("Layers"), enforced by eslint.config.js: the allow-list
 * table (local/code-layering), no import cycles (local/no-import-cycle), and which packages a
 * layer may use (no-restricted-imports). Each case lints a file as if it stood at that path.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
const RULES = new Set(['no-restricted-imports', 'local/code-layering', 'local/no-import-cycle']);

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering rule', () => {
  it.each([
    // Hosts never import each other: the CLI reaches `serve` only through the entry.
    ['src-main/cli/commands/x.ts', "import { isLoopback } from '../../web/guard';", /code-layering: Layer 'cli' may not import layer 'web'/],
    ['src-main/web/x.ts', "import { createMainWindow } from '../electron/window';", /Layer 'web' may not import layer 'electron'/],
    ['src-main/electron/x.ts', "import { main } from '../cli/main';", /Layer 'electron' may not import layer 'cli'/],
    // Services never import a host.
    ['src-main/sync/x.ts', "import { promptPassword } from '../cli/password';", /Layer 'sync' may not import layer 'cli'/],
    ['src-main/app/x.ts', "import { serveWebEdition } from '../web/serve';", /Layer 'app' may not import layer 'web'/],
    // The cache and the central client meet only in the sync contract.
    ['src-main/cache/x.ts', "import { CentralError } from '../central/centralClient';", /Layer 'cache' may not import layer 'central'/],
    ['src-main/central/x.ts', "import { SqliteCache } from '../cache/sqliteCache';", /Layer 'central' may not import layer 'cache'/],
    ['src-main/sync/contract.ts', "import { runSync } from './engine';", /Layer 'sync-contract' may not import layer 'sync'/],
    // The renderer and shared code.
    ['src-renderer/x.ts', "import { main } from '../src-main/cli/main';", /Layer 'renderer' may not import layer 'cli'/],
    ['src-renderer/api/x.ts', "import { useStore } from '../state/store';", /Layer 'renderer-api' may not import layer 'renderer-state'/],
    ['shared/x.ts', "import { App } from '../src-renderer/frame/App';", /Layer 'shared' may not import layer 'renderer-frame'/],
    // A folder nobody gave a row to.
    ['src-main/newfolder/x.ts', "export const x = 1;", /src-main\/newfolder\/x.ts is in no layer/],
  ])('%s: %s is refused', async (file, code, message) => {
    // Some imports break two rules (a cycle too, or a package rule): the table's must be among them.
    const errors = await layeringErrors(file, code);
    expect(errors.filter((e) => message.test(e)), errors.join('\n')).toHaveLength(1);
  });

  it.each([
    // Within one folder (layering allows it), a file that imports a file importing it back.
    ['src-main/cache/statements.ts', "import { SqliteCache } from './sqliteCache';\nexport const s = SqliteCache;", /no-import-cycle: import cycle: src-main\/cache\/statements.ts → src-main\/cache\/sqliteCache.ts → (src-main\/cache\/syncLedger.ts → )?src-main\/cache\/statements.ts/],
    ['shared/model.ts', "import { DEFAULT_KEYMAP } from './keymap';\nexport const k = DEFAULT_KEYMAP;", /import cycle: shared\/model.ts → shared\/keymap.ts → shared\/model.ts/],
  ])('%s: a cycle is refused', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src-renderer/x.ts', "import { readFileSync } from 'node:fs';", /typed API/],
    ['shared/x.ts', "import Database from 'better-sqlite3';", /browser and in Node/],
    ['shared/x.ts', "import { join } from 'path';", /browser and in Node/],
    ['src-main/cache/x.ts', "import { app } from 'electron';", /Only src-main\/electron/],
  ])('%s: package %s is refused', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src-renderer/review/x.ts', "import { API } from '../api';"],
    ['src-main/entry/x.ts', "import { webCommands } from '../web/serveCommand';\nimport { COMMANDS } from '../cli/registry';"],
    ['src-main/cli/x.ts', "import { openApp } from '../app/openApp';\nimport { runSync } from '../sync/engine';"],
    ['src-main/cache/x.ts', "import type { PullPage } from '../sync/contract';\nimport Database from 'better-sqlite3';"],
    ['src-main/central/x.ts', "import type { PushBatch } from '../sync/contract';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';\nimport { openApp } from '../app/openApp';"],
    ['shared/spectrum/x.ts', "import { readHdus } from '../fits';\nimport { z } from 'zod';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
