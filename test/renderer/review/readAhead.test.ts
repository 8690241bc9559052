/**
 * The list's single batches have their first spectrum read and decoded ahead
 * (review/readAhead.ts), in Node over a fake host and the real decode worker: a batch opened
 * the moment the list shows asks neither for its items nor for its first spectrum again, and
 * one opened later still shows its verdicts as the host holds them then.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus, BatchSummary } from '../../../shared/model';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { InThreadWorker } from '../../support/inThreadWorker';
import { BATCH_ID, batchOf, fakeApi, itemsOf, OTHER_BATCH_ID } from './fakeApi';

const BROWSE_ID = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c';
const FILE = new Uint8Array(readFileSync('/work/shared/fixtures/lamost/3703110.fits'));
const STATUS = { user: 'demo', origin: { kind: 'demo' } } as unknown as AppStatus;

/** What the page asked the host for, in order: "listItems <batch>", "readSpectrum <obsid>". */
const asked: string[] = [];
const host = {
  listBatches: () => fakeApi.listBatches(),
  // Answered a task later, as over a connection: the list can show while the items are on their way.
  listItems: (input: { batchId: string }) => (asked.push(`listItems ${input.batchId}`), new Promise((r) => setTimeout(r)).then(() => fakeApi.listItems(input))),
  readSpectrum: ({ obsid }: { obsid: number }) => (asked.push(`readSpectrum ${obsid}`), Promise.resolve(FILE.slice())),
  saveVerdict: fakeApi.saveVerdict.bind(fakeApi),
  setBookmark: fakeApi.setBookmark.bind(fakeApi),
};
vi.mock('../../../src-renderer/api', () => ({ api: host }));
vi.stubGlobal('Worker', InThreadWorker);

const { loadFrame, openBatch } = await import('../../../src-renderer/review/actions');
const { decoder } = await import('../../../src-renderer/spectra/decoder');
const { getState, useApp } = await import('../../../src-renderer/state/store');

const onScreen = () => getState().review!.items[getState().review!.index]!.obsid;

/**
 * The list arrives: a single batch (obsids from `first`), a browse batch, another single batch
 * (from `first` + 1000) bookmarked at 3. Each test its own obsids: the decoder keeps what it read.
 */
async function listShows(first: number): Promise<void> {
  fakeApi.items.set(BATCH_ID, itemsOf(BATCH_ID, 5, first)).set(OTHER_BATCH_ID, itemsOf(OTHER_BATCH_ID, 5, first + 1000)).set(BROWSE_ID, itemsOf(BROWSE_ID, 5, first + 2000));
  const batches: BatchSummary[] = [batchOf(BATCH_ID, 'S1', 5), { ...batchOf(BROWSE_ID, 'B', 5), mode: 'browse' }, { ...batchOf(OTHER_BATCH_ID, 'S2', 5), bookmark: 3 }];
  fakeApi.batches = batches;
  await loadFrame(Promise.all([STATUS, fakeApi.listBatches(), DEFAULT_SETTINGS]));
}

beforeEach(() => {
  fakeApi.reset();
  useApp.setState(useApp.getInitialState(), true);
  asked.length = 0;
});

describe('the first spectrum of the single batches, read ahead when the list arrives', () => {
  it('a batch opened the moment the list shows asks for neither its items nor its first spectrum again', async () => {
    await listShows(1000);
    await openBatch(BATCH_ID);
    expect(onScreen()).toBe(1000);
    // The chart's ask, and the other single batch's read ahead at its bookmark, arrived.
    expect((await decoder.get(1000)).obsid).toBe(1000);
    expect((await decoder.get(2003)).obsid).toBe(2003);
    expect(asked).toEqual([`listItems ${BATCH_ID}`, `listItems ${OTHER_BATCH_ID}`, 'readSpectrum 1000', 'readSpectrum 2003']);
  });

  it('a batch opened after its items came asks for them again, so a verdict saved since shows', async () => {
    await listShows(4000);
    await vi.waitFor(() => expect(decoder.ready(5003)).toBeDefined());
    await fakeApi.saveVerdict({ obsid: 4000, batchId: BATCH_ID, class: 'STAR', subclass: '', z: 0, quality: 4, flags: [], comment: '' });
    await openBatch(BATCH_ID);
    expect(onScreen()).toBe(4001);
    expect(asked.filter((a) => a === `listItems ${BATCH_ID}`)).toHaveLength(2);
  });

  it('a first spectrum not in the cache is not asked for (the host would only refuse it)', async () => {
    fakeApi.items.set(BATCH_ID, itemsOf(BATCH_ID, 5, 7000).map((it) => ({ ...it, cached: false })));
    fakeApi.batches = [batchOf(BATCH_ID, 'S1', 5)];
    await loadFrame(Promise.all([STATUS, fakeApi.listBatches(), DEFAULT_SETTINGS]));
    await vi.waitFor(() => expect(asked).toEqual([`listItems ${BATCH_ID}`]));
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([`listItems ${BATCH_ID}`]);
  });
});
