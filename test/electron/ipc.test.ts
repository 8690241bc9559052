import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError } from '../../shared/api';
import { recordingHandlers, type Recording } from './recordingHandlers';

vi.mock('electron', () => import('./fakeElectron'));

const { ipcMain, FakeWebContents } = await import('./fakeElectron');
const { registerApiHandlers, sendApiEvent } = await import('../../src-main/electron/ipc');
import type { IpcMain, WebContents } from 'electron';

const APP_FRAME = { url: 'app://specvet/', parent: null };
const BATCH = '7d3c4b2a-1f0e-4d5c-9b8a-0123456789ab';

let rec: Recording;
let unregister: () => void;
beforeEach(() => {
  unregister?.();
  rec = recordingHandlers();
  unregister = registerApiHandlers(ipcMain as unknown as IpcMain, rec.handlers);
});

const call = (method: string, arg: unknown, senderFrame: unknown = APP_FRAME) =>
  ipcMain.handlers.get(`specvet:${method}`)!({ senderFrame } as never, arg);

describe('IPC wiring', () => {
  it('has a handler for every API method, and only those', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `specvet:${m}`).sort());
  });

  it('passes a valid argument to the handler and returns its result as data', async () => {
    rec.answer.listItems = () => [{ obsid: 1 }];
    expect(await call('listItems', { batchId: BATCH })).toEqual({ ok: true, value: [{ obsid: 1 }] });
    expect(rec.calls).toEqual([{ method: 'listItems', input: { batchId: BATCH } }]);
  });

  it('rejects a bad argument with bad-input before any handler runs', async () => {
    const r = await call('listItems', { batchId: 'not-a-uuid' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/^listItems: batchId/);
    expect(await call('setBookmark', { batchId: BATCH, position: -1 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call('status', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call('readSpectrum', { obsid: '1; DROP TABLE' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(rec.calls).toEqual([]);
  });

  it('refuses calls from another origin, a subframe or no frame', async () => {
    const foreign = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/page.html', parent: null },
      { url: 'app://specvet/', parent: APP_FRAME },
      null,
    ];
    for (const frame of foreign) {
      expect(await call('status', {}, frame)).toMatchObject({ ok: false, error: { code: 'auth' } });
    }
    expect(rec.calls).toEqual([]);
  });

  it('returns a service error as {code, message}, and an unexpected one as internal without a stack', async () => {
    rec.answer.readSpectrum = () => {
      throw new ApiError('not-found', 'spectrum 5 is in none of your batches');
    };
    expect(await call('readSpectrum', { obsid: 5 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'spectrum 5 is in none of your batches' },
    });
    rec.answer.sync = () => {
      throw new Error('disk full\n    at write (fs.js:1)');
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await call('sync', {})).toEqual({ ok: false, error: { code: 'internal', message: 'disk full' } });
    spy.mockRestore();
  });

  it('unregisters every handler', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => {};
  });
});

describe('events', () => {
  it('are sent to the window on their channel, and dropped once it is gone', () => {
    const contents = new FakeWebContents();
    sendApiEvent(contents as unknown as WebContents, 'menu', { command: 'next' });
    contents.destroyed = true;
    sendApiEvent(contents as unknown as WebContents, 'menu', { command: 'previous' });
    sendApiEvent(null, 'menu', { command: 'previous' });
    expect(contents.sent).toEqual([['specvet:event:menu', { command: 'next' }]]);
  });
});
