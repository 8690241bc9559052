/**
 * The central desk of a signed-in session: the coordinator's and the 2D team's work, done on
 * the central server as the person (issue 15). Each call opens a one-connection client with
 * the session's login — as sync does — and closes it after, so an idle app holds no
 * connection. Whatever the server or the network says comes back as a CentralError (one line),
 * and a wrong value (an unknown batch, a bad date) as an ApiError('bad-input').
 */
import { ApiError } from '../../shared/api';
import type { BatchAdmin } from '../central/batchAdmin';
import { CentralError, type CentralClient, type CentralLogin } from '../central/centralClient';
import { toCentralError } from '../central/mysqlErrors';
import type { CentralTarget } from '../config/config';

export interface CentralDesk {
  /** Work through the central client (QualityDesk, me()). */
  client<T>(work: (c: CentralClient) => Promise<T>): Promise<T>;
  /** Work through the coordinator's batch service. */
  admin<T>(work: (a: BatchAdmin) => Promise<T>): Promise<T>;
}

export function openCentralDesk(target: CentralTarget, password: string | null): CentralDesk {
  const context = { user: target.user, host: target.host, port: target.port, database: target.database };
  const login = (): CentralLogin => {
    if (password === null) throw new CentralError('auth', `no password saved for ${target.user}; sign in again to use the central server`);
    return { host: target.host, port: target.port, ...(target.nodes ? { nodes: target.nodes } : {}), database: target.database, user: target.user, password };
  };
  const explained = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof RangeError) throw new ApiError('bad-input', err.message);
      throw toCentralError(err, context) ?? err;
    }
  };
  return {
    client: (work) =>
      explained(async () => {
        // Loaded on use: the demo never needs mysql2.
        const { openCentralClient } = await import('../central/mysqlClient');
        const c = await openCentralClient(login(), { poolSize: 1 });
        try {
          return await work(c);
        } finally {
          await c.close();
        }
      }),
    admin: (work) =>
      explained(async () => {
        const { createPool } = await import('../central/connection');
        const { batchAdminOver } = await import('../central/batchAdmin');
        const pool = createPool(login(), 1);
        try {
          return await work(batchAdminOver(pool, target.user));
        } finally {
          await pool.end();
        }
      }),
  };
}
