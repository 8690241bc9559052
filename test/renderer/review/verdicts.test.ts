/**
 * Saving and withdrawing verdicts as the review keys do it (review/verdicts.ts), in Node over a
 * fake host: what the reviewer would see on screen and what the host would have stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ID, OTHER_BATCH_ID, batchOf, fakeApi, itemsOf } from './fakeApi';

vi.mock('../../../src-renderer/api', () => ({ api: fakeApi }));

const { openBatch, runAction } = await import('../../../src-renderer/review/actions');
const { flushBookmark } = await import('../../../src-renderer/review/navigation');
const { saveAndNext, undo } = await import('../../../src-renderer/review/verdicts');
const { getState, setState, useApp } = await import('../../../src-renderer/state/store');
const { Z_RANGE } = await import('../../../shared/ranges');

const items = itemsOf(BATCH_ID, 4);
const obsidOf = (position: number) => items[position]!.obsid;

const review = () => getState().review!;
const onScreen = () => review().items[review().index]!.obsid;
/** Lets the background save (and what follows it) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function open(): Promise<void> {
  fakeApi.batches = [batchOf(BATCH_ID, 'B1', items.length), batchOf(OTHER_BATCH_ID, 'B2', 1)];
  setState({ batches: fakeApi.batches });
  await openBatch(BATCH_ID);
  expect(onScreen()).toBe(obsidOf(0));
}

beforeEach(async () => {
  fakeApi.reset();
  fakeApi.items.set(BATCH_ID, items);
  fakeApi.items.set(OTHER_BATCH_ID, itemsOf(OTHER_BATCH_ID, 1, 2000));
  useApp.setState(useApp.getInitialState(), true);
  await open();
});

afterEach(() => flushBookmark());

describe('saving a verdict', () => {
  it('a quality key saves the draft with the changed class and z, and moves to the next spectrum', async () => {
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'nudgeZ', step: 0.001 });
    runAction({ kind: 'setQuality', value: 4 });
    // The move does not wait for the host.
    expect(onScreen()).toBe(obsidOf(1));
    await settle();
    expect(fakeApi.saved(obsidOf(0))).toEqual({ class: 'QSO', z: 0.101, quality: 4 });
    expect(fakeApi.saves[0]).toMatchObject({ obsid: obsidOf(0), batchId: BATCH_ID, flags: [], comment: '' });
    expect(review().items[0]!.verdict).toMatchObject({ class: 'QSO', quality: 4, pushed: false });
    // Coming back shows the saved answer, not a stale kept draft.
    expect(review().drafts.size).toBe(0);
    runAction({ kind: 'prev' });
    expect(review().draft).toMatchObject({ obsid: obsidOf(0), class: 'QSO', z: 0.101, quality: 4 });
  });

  it("Enter accepts the pipeline's class and z over a changed draft, at the reviewer's 'as is' quality", async () => {
    runAction({ kind: 'setClass', value: 'STAR' });
    runAction({ kind: 'accept' });
    await settle();
    expect(fakeApi.saved(obsidOf(0))).toEqual({ class: 'GALAXY', z: items[0]!.pipeline.z, quality: 3 });
    expect(onScreen()).toBe(obsidOf(1));
    setState({ acceptQuality: 4 });
    runAction({ kind: 'accept' });
    await settle();
    expect(fakeApi.saved(obsidOf(1))).toMatchObject({ quality: 4 });
  });

  it('a STAR at a galaxy\'s z is questioned; the same key again saves it, a changed answer is asked again', async () => {
    runAction({ kind: 'setClass', value: 'STAR' });
    runAction({ kind: 'setQuality', value: 3 });
    expect(onScreen()).toBe(obsidOf(0));
    expect(getState().notice?.text).toMatch(/^not saved yet: a STAR at z 0\.1000 is above 0\.005.*press the key again/);
    await settle();
    expect(fakeApi.saves).toEqual([]);
    runAction({ kind: 'nudgeZ', step: 0.001 });
    runAction({ kind: 'setQuality', value: 3 });
    expect(onScreen()).toBe(obsidOf(0));
    runAction({ kind: 'setQuality', value: 3 });
    expect(onScreen()).toBe(obsidOf(1));
    await settle();
    expect(fakeApi.saved(obsidOf(0))).toEqual({ class: 'STAR', z: 0.101, quality: 3 });
  });

  it('flags and comment from the draft go with the verdict', async () => {
    const { editDraft } = await import('../../../src-renderer/review/actions');
    editDraft({ flags: ['cosmic-ray', 'two-objects'], comment: 'a star in front' });
    runAction({ kind: 'accept' });
    await settle();
    expect(fakeApi.saves[0]).toMatchObject({ flags: ['cosmic-ray', 'two-objects'], comment: 'a star in front' });
  });

  it('a failed save goes back to that spectrum with the answer still in the draft, and says why', async () => {
    fakeApi.failNextSave = 'saveVerdict: the disk is full';
    runAction({ kind: 'setClass', value: 'QSO' });
    saveAndNext({ quality: 3 });
    expect(onScreen()).toBe(obsidOf(1));
    await settle();
    expect(onScreen()).toBe(obsidOf(0));
    expect(review().draft).toMatchObject({ obsid: obsidOf(0), class: 'QSO', quality: 3 });
    expect(getState().notice).toEqual({ kind: 'error', text: `verdict on ${obsidOf(0)} not saved: saveVerdict: the disk is full` });
    expect(fakeApi.saved(obsidOf(0))).toBeNull();
  });

  it('on the last spectrum it saves, stays, and counts that verdict in the end-of-batch line', async () => {
    for (let i = 0; i < items.length - 1; i++) runAction({ kind: 'next' });
    runAction({ kind: 'setQuality', value: 2 });
    expect(onScreen()).toBe(obsidOf(items.length - 1));
    expect(getState().notice?.text).toBe(`end of batch: 1 of ${items.length} reviewed — Esc or ‹ Batches for the list`);
    await settle();
    expect(fakeApi.saved(obsidOf(items.length - 1))).toMatchObject({ quality: 2 });
  });

  it('the z keys stop at the range the verdict schema accepts', () => {
    for (let i = 0; i < 30; i++) runAction({ kind: 'nudgeZ', step: -0.01 });
    expect(review().draft.z).toBe(Z_RANGE.min);
    setState({ review: { ...review(), draft: { ...review().draft, z: Z_RANGE.max - 0.0001 } } });
    runAction({ kind: 'nudgeZ', step: 0.01 });
    expect(review().draft.z).toBe(Z_RANGE.max);
  });
});

describe('undo', () => {
  it('withdraws the newest verdict and goes back to its spectrum, showing the answer before it', async () => {
    runAction({ kind: 'setQuality', value: 3 });
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'setQuality', value: 4 });
    await settle();
    expect(onScreen()).toBe(obsidOf(2));
    await undo();
    expect(onScreen()).toBe(obsidOf(1));
    expect(fakeApi.saved(obsidOf(1))).toBeNull();
    expect(review().items[1]!.verdict).toBeNull();
    expect(review().draft).toMatchObject({ obsid: obsidOf(1), class: 'GALAXY', quality: 0 });
    expect(getState().notice).toEqual({ kind: 'info', text: `verdict on ${obsidOf(1)} withdrawn` });
    // The earlier verdict stands.
    expect(review().items[0]!.verdict).toMatchObject({ quality: 3 });
  });

  it('of a changed verdict brings back the one it replaced', async () => {
    runAction({ kind: 'setQuality', value: 3 });
    runAction({ kind: 'prev' });
    runAction({ kind: 'setClass', value: 'QSO' });
    runAction({ kind: 'setQuality', value: 1 });
    await settle();
    await undo();
    expect(onScreen()).toBe(obsidOf(0));
    expect(review().draft).toMatchObject({ class: 'GALAXY', quality: 3 });
    expect(review().items[0]!.verdict).toMatchObject({ class: 'GALAXY', quality: 3 });
  });

  it('keeps the drafts of other spectra', async () => {
    runAction({ kind: 'setQuality', value: 3 });
    runAction({ kind: 'setClass', value: 'STAR' });
    runAction({ kind: 'next' });
    await settle();
    await undo();
    runAction({ kind: 'next' });
    expect(review().draft).toMatchObject({ obsid: obsidOf(1), class: 'STAR' });
  });

  it('of a verdict in another batch says which batch and stays where the reviewer is', async () => {
    runAction({ kind: 'next' });
    await fakeApi.saveVerdict({ obsid: 2000, batchId: OTHER_BATCH_ID, class: 'STAR', subclass: '', z: 0, quality: 4, flags: [], comment: '' });
    await undo();
    expect(getState().notice).toEqual({ kind: 'info', text: 'verdict on 2000 (batch B2) withdrawn' });
    expect(onScreen()).toBe(obsidOf(1));
  });

  it('with nothing to undo says so, and on a central server says why', async () => {
    await undo();
    expect(getState().notice).toEqual({ kind: 'info', text: 'nothing to undo' });
    setState({ status: { origin: { kind: 'central', server: 'mysql://me@db/specvet' } } as never });
    await undo();
    expect(getState().notice?.text).toBe('nothing to undo: verdicts already pushed to the server cannot be withdrawn here');
    expect(onScreen()).toBe(obsidOf(0));
  });
});

describe('chart keys', () => {
  const press = (...actions: Parameters<typeof runAction>[0][]) => actions.forEach((a) => runAction(a));

  it('. and , change the smoothing within 0–15, kept from one spectrum to the next', () => {
    press({ kind: 'smooth', step: 1 }, { kind: 'smooth', step: 1 }, { kind: 'smooth', step: 1 });
    expect(getState().smoothing).toBe(3);
    press({ kind: 'next' });
    expect(getState().smoothing).toBe(3);
    for (let i = 0; i < 20; i++) press({ kind: 'smooth', step: 1 });
    expect(getState().smoothing).toBe(15);
    for (let i = 0; i < 20; i++) press({ kind: 'smooth', step: -1 });
    expect(getState().smoothing).toBe(0);
  });

  it('e toggles the error band; zoom keys and r each make a new request for the chart', () => {
    expect(getState().showErrors).toBe(true);
    press({ kind: 'toggleErrors' });
    expect(getState().showErrors).toBe(false);
    press({ kind: 'zoom', op: 'in' });
    expect(getState().zoom).toEqual({ op: 'in', seq: 1 });
    press({ kind: 'zoom', op: 'in' }, { kind: 'resetZoom' });
    expect(getState().zoom).toEqual({ op: 'reset', seq: 3 });
  });
});

describe('typing z', () => {
  it('z opens the field (closing the key help); a typed z goes into the draft only', async () => {
    const { editDraft } = await import('../../../src-renderer/review/actions');
    setState({ showHelp: true });
    runAction({ kind: 'typeZ' });
    expect(getState()).toMatchObject({ field: 'z', showHelp: false });
    editDraft({ z: 1.2345 });
    expect(review().draft.z).toBe(1.2345);
    expect(fakeApi.saves).toEqual([]);
  });
});
