/**
 * The first-start demo: a new user's SPECVET_HOME gets a real (synthetic) survey on disk and a
 * batch of each review mode in the demo user's cache, with every file in the store.
 */
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSpectrum } from '../../shared/spectrum/decode';
import { DEMO_USER, openLocalCache } from '../../src-main/cache';
import { ensureDemo, type DemoInstall } from '../../src-main/demo/install';
import { readBundle } from '../../src-main/survey/bundle';

describe('first-start demo', () => {
  let home: string;
  let first: DemoInstall;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'specvet-demo-'));
    first = await ensureDemo(home);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const open = () => openLocalCache(first.cacheFile, DEMO_USER);

  it('creates one batch of each review mode, assigned to the demo user', () => {
    expect(first.created).toBe(true);
    const cache = open();
    try {
      const batches = cache.listBatches();
      expect(batches.map((b) => b.mode).sort()).toEqual(['browse', 'single', 'spectrograph']);
      for (const b of batches) {
        expect(b.assignee).toBe(DEMO_USER);
        expect(b.itemCount).toBeGreaterThan(10);
        expect(b.reviewedCount).toBe(0);
      }
    } finally {
      cache.close();
    }
  });

  it('fills each batch the way its mode needs', async () => {
    const bundle = await readBundle(first.dir);
    const objtype = new Map(bundle.target_info.map((t) => [`${t.lmjd}|${t.planid}|${t.spid}|${t.fiberid}`, t.objtype]));
    const cache = open();
    try {
      const byMode = new Map(cache.listBatches().map((b) => [b.mode, cache.listItems(b.id)]));
      const browse = byMode.get('browse')!;
      expect(browse.every((i) => i.pipeline.class === 'STAR')).toBe(true);
      const order = (i: (typeof browse)[number]) => [i.lmjd, i.planid, i.spid, i.fiberid] as const;
      for (let k = 1; k < browse.length; k++) {
        const [a, b] = [order(browse[k - 1]!), order(browse[k]!)];
        const cmp = a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2] || a[3] - b[3];
        expect(cmp).toBeLessThan(0);
      }
      // Exactly one star the pipeline got wrong is planted among the browse batch's right ones.
      const wrongOnes = browse.filter((i) => bundle.truth.spectra.find((t) => t.obsid === i.obsid)!.pipelineError !== null);
      expect(wrongOnes).toHaveLength(1);
      const single = byMode.get('single')!;
      expect(single.some((i) => i.pipeline.class === 'GALAXY')).toBe(true);
      expect(single.some((i) => i.pipeline.class === 'QSO')).toBe(true);
      for (const i of single.filter((x) => x.pipeline.class === 'STAR')) {
        // A star in the single batch is an odd one: the target was not a star, or the pipeline was wrong.
        const wrong = bundle.truth.spectra.find((t) => t.obsid === i.obsid)!.pipelineError !== null;
        expect(wrong || objtype.get(`${i.lmjd}|${i.planid}|${i.spid}|${i.fiberid}`) !== 'Star').toBe(true);
      }
      const spectrograph = byMode.get('spectrograph')!;
      const runs = new Set(spectrograph.map((i) => `${i.lmjd}|${i.planid}|${i.spid}`));
      expect(runs.size).toBe(1);
      const inBundle = bundle.spec_info.filter((s) => `${s.lmjd}|${s.planid}|${s.spid}` === [...runs][0]);
      expect(spectrograph.map((i) => i.fiberid)).toEqual(inBundle.map((s) => s.fiberid).sort((a, b) => a - b));
      // A whole slit: every fibre from 1 to 250 that carries a spectrum (sky fibres carry none),
      // with the survey's planted 2D fault over a range of them.
      const target = new Map(bundle.target_info.map((t) => [`${t.lmjd}|${t.planid}|${t.spid}|${t.fiberid}`, t.fibertype]));
      const slit = Array.from({ length: 250 }, (_, k) => k + 1).filter((f) => target.get(`${[...runs][0]}|${f}`) !== 'Sky');
      expect(spectrograph.map((i) => i.fiberid)).toEqual(slit);
      const fault = bundle.truth.faults.find((f) => `${f.lmjd}|${f.planid}|${f.spid}` === [...runs][0])!;
      expect(fault.fiberTo - fault.fiberFrom).toBeGreaterThanOrEqual(3);
    } finally {
      cache.close();
    }
  });

  it('puts every spectrum file in the store, and each decodes to its own obsid', async () => {
    const cache = open();
    try {
      const items = cache.listBatches().flatMap((b) => cache.listItems(b.id));
      expect(items.every((i) => i.cached)).toBe(true);
      for (const i of items.filter((_, k) => k % 25 === 0)) {
        const spectrum = decodeSpectrum(new Uint8Array(await readFile(cache.cachedFile(i.obsid)!)), i.filePath);
        expect(spectrum.meta.obsid).toBe(i.obsid);
        expect(spectrum.flux.length).toBeGreaterThan(3000);
      }
    } finally {
      cache.close();
    }
  });

  it("shows two colleagues' earlier verdicts on the first two spectra of the single batch, none yours and none to push", () => {
    const cache = open();
    try {
      const single = cache.listBatches().find((b) => b.mode === 'single')!;
      const items = cache.listItems(single.id);
      expect(items[0]!.history.map((v) => v.reviewer)).toEqual(['li.wei', 'zhang.min']);
      expect(items[0]!.history[0]).toMatchObject({ class: items[0]!.pipeline.class, z: items[0]!.pipeline.z, pushed: true });
      expect(items[0]!.history[1]!.class).not.toBe(items[0]!.pipeline.class);
      expect(items[1]!.history).toHaveLength(2);
      expect(items.slice(2).every((i) => i.history.length === 0 && i.verdict === null)).toBe(true);
      expect(single.reviewedCount).toBe(0);
      expect(cache.counts().outboxPending).toBe(0);
    } finally {
      cache.close();
    }
  });

  it('is done once: a later start finds it, and an install cut short is finished without duplicates', async () => {
    const again = await ensureDemo(home);
    expect(again.created).toBe(false);
    const before = countItems();
    unlinkSync(join(first.dir, 'installed.json'));
    const redo = await ensureDemo(home);
    expect(redo.created).toBe(true);
    expect(countItems()).toEqual(before);
  });

  function countItems(): number[] {
    const cache = open();
    try {
      return cache.listBatches().map((b) => cache.listItems(b.id).length);
    } finally {
      cache.close();
    }
  }
});
