import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

// The layering rule of DESIGN.md (renderer → shared ← main; only src-main/electron imports
// 'electron') is enforced by eslint.config.js. These cases prove the rule bites.
const eslint = new ESLint({ cwd: resolve(__dirname, '../..') });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule', () => {
  it.each([
    ['src-renderer/x.ts', "import { main } from '../src-main/cli/main';", /typed API/],
    ['src-renderer/x.ts', "import { readFileSync } from 'node:fs';", /typed API/],
    ['shared/x.ts', "import Database from 'better-sqlite3';", /browser and in Node/],
    ['shared/x.ts', "import { join } from 'path';", /browser and in Node/],
    ['shared/x.ts', "import { App } from '../src-renderer/App';", /browser and in Node/],
    ['src-main/cache/x.ts', "import { app } from 'electron';", /Only src-main\/electron/],
    ['src-main/web/x.ts', "import { App } from '../../src-renderer/App';", /never imports the renderer/],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src-renderer/x.ts', "import { API } from '../shared/api';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-main/cache/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/x.ts', "import { z } from 'zod';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
