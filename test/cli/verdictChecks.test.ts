/**
 * `specvet verdict add` checks what a reviewer types the way the app does: a flag outside the
 * vocabulary (shared/verdictFlags.ts) is refused with the list, and a class and z that contradict
 * each other (shared/plausibility.ts) are questioned — nothing is saved until --anyway says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFile, DEMO_USER, openLocalCache } from '../../src-main/cache';
import type { Item } from '../../shared/model';
import { runCli } from '../support/cli';

const home = mkdtempSync(join(tmpdir(), 'specvet-cli-verdict-'));
const env = { SPECVET_HOME: home };
afterAll(() => rmSync(home, { recursive: true, force: true }));

function demoItems(): Item[] {
  const cache = openLocalCache(cacheFile(home, { kind: 'demo' }), DEMO_USER);
  try {
    return cache.listBatches().flatMap((b) => cache.listItems(b.id));
  } finally {
    cache.close();
  }
}

const outboxCount = async () => (JSON.parse((await runCli(['status', '--json'], env)).stdout) as { outboxPending: number }).outboxPending;

describe('verdict add on the demo survey', () => {
  let galaxy: Item;
  beforeAll(async () => {
    expect((await runCli(['status'], env)).code).toBe(0);
    galaxy = demoItems().find((i) => i.pipeline.class === 'GALAXY' && i.pipeline.z > 0.05)!;
    expect(galaxy).toBeDefined();
  });

  it('refuses a flag outside the vocabulary, naming the ones there are, and saves nothing', async () => {
    const r = await runCli(['verdict', 'add', '--obsid', String(galaxy.obsid), '--class', 'GALAXY', '--flag', 'cosmic-ray', '--flag', 'edge'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'specvet: --flag: "edge" is not a flag; use one of bad-sky-subtraction, stray-light, negative-flux, cosmic-ray, two-objects, broad-absorption-lines, bad-fibre, other (see specvet verdict add --help)\n',
    );
    expect(await outboxCount()).toBe(0);
  });

  it('questions a STAR at a galaxy\'s z, and saves it with --anyway', async () => {
    const args = ['verdict', 'add', '--obsid', String(galaxy.obsid), '--class', 'STAR'];
    const asked = await runCli(args, env);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toBe(
      `specvet: not saved: a STAR at z ${galaxy.pipeline.z.toFixed(4)} is above 0.005, outside -0.005 … 0.005 where a STAR is expected; check --class and --z, or add --anyway to save it as given\n`,
    );
    expect(await outboxCount()).toBe(0);
    // At a star's z the same class goes through without a question.
    const atRest = await runCli([...args, '--z', '0.0001', '--quality', '3', '--json'], env);
    expect(atRest.code, atRest.stderr).toBe(0);
    expect(await outboxCount()).toBe(1);
    const anyway = await runCli([...args, '--anyway', '--json'], env);
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(JSON.parse(anyway.stdout)).toMatchObject({ class: 'STAR', z: galaxy.pipeline.z });
  });

  it('keeps the flags given, and a galaxy at z 0 is questioned too', async () => {
    const r = await runCli(
      ['verdict', 'add', '--obsid', String(galaxy.obsid), '--class', 'GALAXY', '--flag', 'two-objects', '--flag', 'cosmic-ray', '--comment', 'a star in front', '--json'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ flags: ['two-objects', 'cosmic-ray'], comment: 'a star in front' });
    const atZero = await runCli(['verdict', 'add', '--obsid', String(galaxy.obsid), '--class', 'GALAXY', '--z', '0'], env);
    expect(atZero.code).toBe(1);
    expect(atZero.stderr).toMatch(/^specvet: not saved: a GALAXY at z 0\.0000 is below 0\.002, /);
  });
});
