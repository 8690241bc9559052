import { describe, expect, it } from 'vitest';
import { buildSpecvetApi } from '../../../src-main/electron/bridge';
import { fromBridge } from '../../../src-renderer/api/bridgeClient';
import { ApiCallError, messageOf } from '../../../src-renderer/api/apiCallError';

// The real preload bridge over a stand-in ipcRenderer whose handler failed: the renderer
// must show the host's message and keep its code, not "[object Object]".
function bridgeAnswering(result: unknown) {
  return buildSpecvetApi({
    invoke: async () => result,
    on: () => undefined as never,
    removeListener: () => undefined as never,
  } as never);
}

describe('renderer over the Electron bridge', () => {
  it('turns a failed call into an ApiCallError with the code and one-line message', async () => {
    const api = fromBridge(bridgeAnswering({ ok: false, error: { code: 'bad-input', message: 'listItems: batchId: Invalid UUID' } }));
    const err = await api.listItems({ batchId: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect(err).toMatchObject({ code: 'bad-input' });
    expect(messageOf(err)).toBe('listItems: batchId: Invalid UUID');
  });

  it('passes results and event subscriptions through unchanged', async () => {
    const api = fromBridge(bridgeAnswering({ ok: true, value: [] }));
    expect(await api.listBatches({})).toEqual([]);
    expect(typeof api.on('statusChanged', () => undefined)).toBe('function');
  });
});
