/**
 * Transactions retried whole on deadlock (1213) and lock-wait timeout (1205) — normal under
 * load, and what Galera reports for a certification conflict — never half of one.
 */
import type { Pool, PoolConnection } from 'mysql2/promise';
import { isNetworkError, isRetryable } from './mysqlErrors';

export interface RetryOptions {
  attempts?: number;
  /** First backoff in ms; doubles each attempt, with jitter so retrying writers spread out. */
  baseMs?: number;
  /** Called before each retry (tests count them). */
  onRetry?: (attempt: number, err: unknown) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 8;
  const base = opts.baseMs ?? 15;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isRetryable(err) || attempt >= attempts) throw err;
      opts.onRetry?.(attempt, err);
      await sleep(base * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}

/** Runs `work` in one transaction on a pooled connection; resolves after COMMIT. */
export async function transaction<T>(pool: Pool, work: (c: PoolConnection) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  return withRetry(async () => {
    const c = await pool.getConnection();
    try {
      await c.query('START TRANSACTION');
      const result = await work(c);
      await c.query('COMMIT');
      c.release();
      return result;
    } catch (err) {
      // A connection that broke mid-transaction is dropped, not handed to the next caller.
      if (isNetworkError(err)) c.destroy();
      else await c.query('ROLLBACK').then(() => c.release(), () => c.destroy());
      throw err;
    }
  }, opts);
}
