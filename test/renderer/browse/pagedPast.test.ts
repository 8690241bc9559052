/**
 * A browse page paged past from the single view (→ beyond the page's last spectrum): the page
 * counts as seen at once, and its bookmark is stored after the key's frame is painted — the
 * request is not made in the key's own task, before the chart's draw (browse/paging.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ID, batchOf, fakeApi, itemsOf } from '../review/fakeApi';
import { draftOf } from '../../../src-renderer/state/store';

vi.mock('../../../src-renderer/api', () => ({ api: fakeApi }));

const { followCursor } = await import('../../../src-renderer/browse/paging');
const { useBrowse } = await import('../../../src-renderer/browse/browseState');
const { pendingBookmark } = await import('../../../src-renderer/review/navigation');
const { getState, setState, useApp } = await import('../../../src-renderer/state/store');

const items = itemsOf(BATCH_ID, 30);
let frames: Array<() => void>;

beforeEach(() => {
  fakeApi.reset();
  useApp.setState(useApp.getInitialState(), true);
  frames = [];
  // Fake timers first: they would fake the animation frames too.
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a browse page paged past from the single view', () => {
  it('is seen at once; its bookmark is stored once the key’s frame is painted', async () => {
    const batch = { ...batchOf(BATCH_ID, 'stars', items.length), mode: 'browse' as const, bookmark: 0 };
    useBrowse.setState({ top: 0, cols: 5, rows: 4, single: true });
    setState({ review: { batch, items, index: 20, draft: draftOf(items[20]!), drafts: new Map() } });
    followCursor();
    expect(getState().review!.batch.bookmark).toBe(20);
    expect(pendingBookmark()).toEqual({ batchId: BATCH_ID, position: 20 });
    expect(fakeApi.bookmarks).toEqual([]);
    expect(frames).toHaveLength(1);
    // The frame is painted: its callback, then the task after it.
    frames.forEach((f) => f());
    await vi.runOnlyPendingTimersAsync();
    expect(fakeApi.bookmarks).toEqual([{ batchId: BATCH_ID, position: 20 }]);
    expect(pendingBookmark()).toBeNull();
  });

  it('is stored after 400 ms where no frame is painted (a hidden window)', async () => {
    const batch = { ...batchOf(BATCH_ID, 'stars', items.length), mode: 'browse' as const, bookmark: 0 };
    useBrowse.setState({ top: 0, cols: 5, rows: 4, single: true });
    setState({ review: { batch, items, index: 20, draft: draftOf(items[20]!), drafts: new Map() } });
    followCursor();
    await vi.advanceTimersByTimeAsync(399);
    expect(fakeApi.bookmarks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fakeApi.bookmarks).toEqual([{ batchId: BATCH_ID, position: 20 }]);
  });
});
