/**
 * The renderer's HTTP client (src-renderer/api/httpClient.ts) against the real web host: the
 * secret goes as a header on every call and on the event stream, which is read with fetch
 * because EventSource cannot send headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/model';
import { createHttpApi } from '../../src-renderer/api/httpClient';
import { parseBlock } from '../../src-renderer/api/eventStream';
import { startTestHost, type TestHost } from './support';

const PROBLEM = {
  lmjd: 57287,
  planid: 'KP193637N444141V03',
  spid: 10,
  fiberFrom: 100,
  fiberTo: 120,
  type: 'stray light',
  origin: '2d',
  text: 'bright band',
} as const;

describe('the renderer client with the secret', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it('calls the API with the secret; without it the error says which URL to open', async () => {
    const api = createHttpApi(`${host.base}/api/`, host.secret);
    expect((await api.status({})).user).toBe('webtester');
    const anonymous = createHttpApi(`${host.base}/api/`, null);
    await expect(anonymous.status({})).rejects.toMatchObject({ code: 'auth', message: expect.stringMatching(/open the URL .* specvet serve printed/) as unknown });
  });

  it('receives events over the authenticated stream', async () => {
    const api = createHttpApi(`${host.base}/api/`, host.secret);
    const seen = new Promise<AppStatus>((resolve) => api.on('statusChanged', resolve));
    // Give the stream a moment to connect before causing the event.
    await new Promise((r) => setTimeout(r, 300));
    await api.reportProblem(PROBLEM);
    expect((await seen).outboxPending).toBeGreaterThan(0);
  });
});

describe('event stream parsing', () => {
  it('joins data lines, names the event, skips comments, takes retry', () => {
    const got: [string, string][] = [];
    const state = { retryMs: 1000 };
    parseBlock(': keepalive', (e, d) => got.push([e, d]), state);
    parseBlock('retry: 250', (e, d) => got.push([e, d]), state);
    parseBlock('event: statusChanged\ndata: {"a":\ndata: 1}', (e, d) => got.push([e, d]), state);
    parseBlock('data:plain', (e, d) => got.push([e, d]), state);
    expect(got).toEqual([
      ['statusChanged', '{"a":\n1}'],
      ['message', 'plain'],
    ]);
    expect(state.retryMs).toBe(250);
  });
});
