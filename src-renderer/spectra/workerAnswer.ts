/**
 * The worker's side of workerCalls.ts: runs one call's work and posts its answer under the
 * call's id, the result's buffers transferred, a failure as its one-line message.
 */
import type { CallReply } from './workerCalls';

export interface Answered<T> {
  result: T;
  /** Buffers of `result` to hand over rather than copy (each once). */
  transfer: Transferable[];
}

type Post<T> = (reply: CallReply<T>, transfer: Transferable[]) => void;

/** `failed`: the message when the error has none of its own. */
export async function answerCall<T>(post: Post<T>, id: number, work: () => Answered<T> | Promise<Answered<T>>, failed: string): Promise<void> {
  try {
    const t0 = performance.now();
    const { result, transfer } = await work();
    post({ id, ok: true, result, ms: performance.now() - t0 }, transfer);
  } catch (err) {
    post({ id, ok: false, message: (err as Error).message || failed }, []);
  }
}
