/**
 * A z key's markers are drawn before the store's listeners and React run (review/draftZ.ts): the
 * review keys through the real actions over a fake host, the chart's drawing replaced by a list.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ID, batchOf, fakeApi, itemsOf } from './fakeApi';

vi.mock('../../../src-renderer/api', () => ({ api: fakeApi }));

const { editDraft, openBatch, runAction } = await import('../../../src-renderer/review/actions');
const { flushBookmark } = await import('../../../src-renderer/review/navigation');
const { followDraftZ } = await import('../../../src-renderer/review/draftZ');
const { getState, setState, useApp } = await import('../../../src-renderer/state/store');

const items = itemsOf(BATCH_ID, 3);

beforeEach(async () => {
  fakeApi.reset();
  fakeApi.items.set(BATCH_ID, items);
  useApp.setState(useApp.getInitialState(), true);
  fakeApi.batches = [{ ...batchOf(BATCH_ID, 'B1', items.length), bookmark: null }];
  setState({ batches: fakeApi.batches });
  await openBatch(BATCH_ID);
});

afterEach(() => flushBookmark());

describe('a z key’s markers, drawn before React renders', () => {
  it('hands over each new z of the spectrum on screen as the key sets it', () => {
    const drawn: number[] = [];
    const stop = followDraftZ((z) => drawn.push(z));
    const z0 = getState().review!.draft.z;
    runAction({ kind: 'nudgeZ', step: 0.0001 });
    // Drawn inside the key's handler: by the time runAction returns, before any render.
    expect(drawn).toEqual([Math.round((z0 + 0.0001) * 1e6) / 1e6]);
    runAction({ kind: 'nudgeZ', step: -0.0001 });
    expect(drawn).toEqual([Math.round((z0 + 0.0001) * 1e6) / 1e6, z0]);
    stop();
    runAction({ kind: 'nudgeZ', step: 0.01 });
    expect(drawn).toHaveLength(2);
  });

  it('draws them before any listener of the store runs (the components’ selectors, React)', () => {
    const order: string[] = [];
    const offStore = useApp.subscribe(() => order.push('store'));
    const stop = followDraftZ(() => order.push('markers'));
    runAction({ kind: 'nudgeZ', step: 0.001 });
    expect(order).toEqual(['markers', 'store']);
    stop();
    offStore();
  });

  it('hands over a z set another way (typed, a feature) from the store', () => {
    const drawn: number[] = [];
    const stop = followDraftZ((z) => drawn.push(z));
    editDraft({ z: 0.25 });
    expect(drawn).toEqual([0.25]);
    stop();
  });

  it('leaves a new spectrum’s z, and keys that change no z, to the chart’s own redraw', () => {
    const drawn: number[] = [];
    const stop = followDraftZ((z) => drawn.push(z));
    runAction({ kind: 'next' });
    expect(getState().review!.draft.obsid).toBe(items[1]!.obsid);
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'toggleLines' });
    runAction({ kind: 'smooth', step: 1 });
    expect(drawn).toEqual([]);
    stop();
  });
});
