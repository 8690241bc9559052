/**
 * Calls into a worker (spectra/workerCalls.ts) over a stand-in worker that answers when told:
 * answers reach their own callers whatever the order, a dead worker fails every waiting call
 * with a line that says so and the next call starts a new one, and a worker is replaced after
 * its quota only once nothing waits on it — as soon as that is so, not at the next call.
 */
import { describe, expect, it } from 'vitest';
import { WorkerCalls, type CallReply, type CallTarget } from '../../../src-renderer/spectra/workerCalls';

class HeldWorker implements CallTarget {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly asked: { id: number; n: number }[] = [];
  terminated = false;
  postMessage(m: unknown): void {
    this.asked.push(m as { id: number; n: number });
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(id: number, reply: Partial<CallReply<number>>): void {
    this.onmessage?.({ data: { id, ms: 1, ...reply } } as MessageEvent);
  }
}

function calls(callsPerWorker?: number) {
  const started: HeldWorker[] = [];
  const c = new WorkerCalls<{ n: number }, number>({ start: () => (started.push(new HeldWorker()), started.at(-1)!), stopped: 'the squarer stopped', callsPerWorker });
  return { c, started };
}

describe('WorkerCalls', () => {
  it('answers each call with its own reply, in whatever order they come', async () => {
    const { c, started } = calls();
    const a = c.call({ n: 2 });
    const b = c.call({ n: 3 });
    const w = started[0]!;
    expect(w.asked.map((m) => m.n)).toEqual([2, 3]);
    w.answer(w.asked[1]!.id, { ok: true, result: 9 });
    w.answer(w.asked[0]!.id, { ok: false, message: 'spectrum 2: not a FITS file' });
    await expect(b).resolves.toBe(9);
    await expect(a).rejects.toThrow('spectrum 2: not a FITS file');
  });

  it('a dead worker fails every waiting call in one line; the next call starts a new worker', async () => {
    const { c, started } = calls();
    const waiting = [c.call({ n: 1 }), c.call({ n: 2 })];
    started[0]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    for (const p of waiting) await expect(p).rejects.toThrow('the squarer stopped: out of memory');
    expect(started[0]!.terminated).toBe(true);
    const again = c.call({ n: 4 });
    started[1]!.answer(started[1]!.asked[0]!.id, { ok: true, result: 16 });
    await expect(again).resolves.toBe(16);
  });

  it('replaces the worker after its quota, but not under a waiting call', async () => {
    const { c, started } = calls(2);
    const first = c.call({ n: 1 });
    const second = c.call({ n: 2 });
    const third = c.call({ n: 3 }); // over quota, but two wait on the worker: it stays
    expect(started).toHaveLength(1);
    for (const m of started[0]!.asked) started[0]!.answer(m.id, { ok: true, result: m.n * m.n });
    await Promise.all([first, second, third]);
    // Replaced as the last answer arrived: the next call does not wait for a worker to start.
    expect([started.length, started[0]!.terminated, started[1]?.terminated]).toEqual([2, true, false]);
    const fourth = c.call({ n: 4 });
    expect(started).toHaveLength(2);
    started[1]!.answer(started[1]!.asked[0]!.id, { ok: true, result: 16 });
    await expect(fourth).resolves.toBe(16);
  });
});
