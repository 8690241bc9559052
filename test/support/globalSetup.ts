/**
 * Runs once before the unit/integration suite. Services that tests need (a throwaway MariaDB
 * when MYSQL_URL is unset) are started here and stopped in the returned teardown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { useOrStartMariaDb } from './mariadb';

declare module 'vitest' {
  export interface ProvidedContext {
    mysqlUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const teardowns: Array<() => Promise<void>> = [];
  // Every temporary folder a test makes (os.tmpdir()) lands in one folder of this run, removed
  // at the end, so a test that forgets its own cleanup leaves nothing behind. Pushed first:
  // it is removed last, after the server that may live in it has stopped.
  const runTmp = mkdtempSync(join(tmpdir(), 'specvet-test-'));
  process.env.TMPDIR = runTmp;
  teardowns.push(async () => rmSync(runTmp, { recursive: true, force: true }));
  // The test forks start after this and inherit the environment; provide() is for the
  // few that prefer inject('mysqlUrl').
  const mariadb = await useOrStartMariaDb();
  teardowns.push(() => mariadb.stop());
  process.env.MYSQL_URL = mariadb.url;
  project.provide('mysqlUrl', mariadb.url);
  return async () => {
    for (const t of teardowns.reverse()) await t();
  };
}
