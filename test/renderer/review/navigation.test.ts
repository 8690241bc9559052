/**
 * Moving through an open batch (review/navigation.ts) in Node over a fake host: where the
 * reviewer lands, which drafts are kept, what is said at the ends, and the bookmark.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ID, batchOf, fakeApi, itemsOf } from './fakeApi';

vi.mock('../../../src-renderer/api', () => ({ api: fakeApi }));

const { closeBatch, openBatch, runAction } = await import('../../../src-renderer/review/actions');
const { flushBookmark, moveTo, pendingBookmark } = await import('../../../src-renderer/review/navigation');
const { getState, setState, useApp } = await import('../../../src-renderer/state/store');

const items = itemsOf(BATCH_ID, 5);
const last = items.length - 1;
const obsidOf = (position: number) => items[position]!.obsid;
const review = () => getState().review!;
const onScreen = () => review().items[review().index]!.obsid;
const endOfBatch = (reviewed: number) => `end of batch: ${reviewed} of ${items.length} reviewed — Esc or ‹ Batches for the list`;

async function open(bookmark: number | null = null): Promise<void> {
  fakeApi.batches = [{ ...batchOf(BATCH_ID, 'B1', items.length), bookmark }];
  setState({ batches: fakeApi.batches });
  await openBatch(BATCH_ID);
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.items.set(BATCH_ID, items);
  useApp.setState(useApp.getInitialState(), true);
});

afterEach(async () => {
  vi.useRealTimers();
  await flushBookmark();
});

describe('the spectrum moved to', () => {
  it('is asked of the host in the key’s own task, before React renders — once for keys pressed together', async () => {
    // The decode worker is only started here; no bytes ever come.
    vi.stubGlobal('Worker', class { postMessage() {} terminate() {} });
    await open(0);
    await Promise.resolve();
    const before = fakeApi.reads.length;
    runAction({ kind: 'next' });
    runAction({ kind: 'next' });
    let rendered: number[] = [];
    // React's render is queued by the store change, after the keys: what was read by then.
    const off = useApp.subscribe(() => queueMicrotask(() => (rendered = fakeApi.reads.slice(before))));
    runAction({ kind: 'next' });
    off();
    await Promise.resolve();
    expect(rendered).toEqual([obsidOf(3)]);
    vi.unstubAllGlobals();
  });
});

describe('moving through a batch', () => {
  it('opens at the bookmark, else at the first spectrum without a verdict', async () => {
    await open(3);
    expect(onScreen()).toBe(obsidOf(3));
    await fakeApi.saveVerdict({ obsid: obsidOf(0), batchId: BATCH_ID, class: 'STAR', subclass: '', z: 0, quality: 4, flags: [], comment: '' });
    await open(null);
    expect(onScreen()).toBe(obsidOf(1));
  });

  it('next and previous move one spectrum, each showing its own pipeline answer', async () => {
    await open();
    runAction({ kind: 'next' });
    runAction({ kind: 'next' });
    expect(onScreen()).toBe(obsidOf(2));
    expect(review().draft).toEqual({ obsid: obsidOf(2), class: 'GALAXY', subclass: '', z: items[2]!.pipeline.z, quality: 0, flags: [], comment: '' });
    runAction({ kind: 'prev' });
    expect(onScreen()).toBe(obsidOf(1));
  });

  it('stays on the first spectrum going back, without a word', async () => {
    await open();
    runAction({ kind: 'prev' });
    expect(onScreen()).toBe(obsidOf(0));
    expect(getState().notice).toBeNull();
  });

  it('stays on the last spectrum going on, and says the batch ended and how much is reviewed', async () => {
    await open(last);
    runAction({ kind: 'next' });
    expect(onScreen()).toBe(obsidOf(last));
    expect(getState().notice).toEqual({ kind: 'info', text: endOfBatch(0) });
    moveTo(last + 10);
    expect(onScreen()).toBe(obsidOf(last));
  });

  it('keeps a changed draft when moving off and back', async () => {
    await open();
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'nudgeZ', step: 0.0001 });
    runAction({ kind: 'next' });
    expect(review().draft.class).toBe('GALAXY');
    runAction({ kind: 'prev' });
    expect(review().draft).toMatchObject({ obsid: obsidOf(0), class: 'QSO', z: 0.1001 });
  });

  it('keeps no draft that only repeats the pipeline answer', async () => {
    await open();
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'setClass', value: 'GALAXY' });
    runAction({ kind: 'next' });
    expect(review().drafts.size).toBe(0);
  });
});

describe('the bookmark', () => {
  it('follows a run of keys once, a moment after the last', async () => {
    vi.useFakeTimers();
    await open();
    runAction({ kind: 'next' });
    runAction({ kind: 'next' });
    runAction({ kind: 'next' });
    expect(pendingBookmark()).toEqual({ batchId: BATCH_ID, position: 3 });
    expect(fakeApi.bookmarks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fakeApi.bookmarks).toEqual([{ batchId: BATCH_ID, position: 3 }]);
    expect(pendingBookmark()).toBeNull();
  });

  it('does not move when the reviewer does not (past either end)', async () => {
    vi.useFakeTimers();
    await open();
    runAction({ kind: 'prev' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fakeApi.bookmarks).toEqual([]);
  });

  it('is stored at once on leaving the batch, and the list shows it before the host answers', async () => {
    await open();
    runAction({ kind: 'next' });
    runAction({ kind: 'next' });
    closeBatch();
    expect(getState().review).toBeNull();
    expect(getState().batches![0]!.bookmark).toBe(2);
    expect(fakeApi.bookmarks).toEqual([{ batchId: BATCH_ID, position: 2 }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(getState().batches![0]!.bookmark).toBe(2);
    expect(getState().notice).toBeNull();
  });

  it('a lost bookmark is said, but never over an error that matters more', async () => {
    await open();
    fakeApi.failBookmarks = true;
    runAction({ kind: 'next' });
    await flushBookmark();
    expect(getState().notice).toEqual({ kind: 'error', text: 'setBookmark: the disk is full' });
    setState({ notice: { kind: 'error', text: 'verdict on 1000 not saved' } });
    runAction({ kind: 'next' });
    await flushBookmark();
    expect(getState().notice?.text).toBe('verdict on 1000 not saved');
  });
});
