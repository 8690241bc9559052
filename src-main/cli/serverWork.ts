/**
 * How the CLI's server commands reach the central server as the person running them: the
 * address from SPECVET_CENTRAL (asking for the password on a terminal), and every server
 * failure turned into one line.
 */
import type { Connection, Pool } from 'mysql2/promise';
import { UserError, type CommandContext } from '../command/command';
import type { ServerAddress } from '../central/connection';

/** Resolves the server and runs `work`, turning server failures into one-line messages. */
export async function withServer<T>(ctx: CommandContext, work: (a: ServerAddress) => Promise<T>, opts: { stdinTaken?: boolean } = {}): Promise<T> {
  const target = ctx.config().central;
  if (!target) throw new UserError('no central server configured; set SPECVET_CENTRAL=mysql://USER@HOST:3306/DATABASE');
  const { serverAddress, explain } = await import('./centralAccess');
  const { promptPassword } = await import('./password');
  const address = await serverAddress(target, { stdin: ctx.io.stdin, stderr: ctx.io.stderr, prompt: promptPassword, ...opts });
  try {
    return await work(address);
  } catch (err) {
    const message = explain(err, address, { canPrompt: !opts.stdinTaken });
    if (message) throw new UserError(message);
    throw err;
  }
}

/** One connection as the person running the command (accounts, seeding). */
export function withConnection<T>(ctx: CommandContext, work: (c: Connection) => Promise<T>, opts: { stdinTaken?: boolean } = {}): Promise<T> {
  return withServer(
    ctx,
    async (a) => {
      const { connect } = await import('../central/connection');
      const c = await connect(a);
      try {
        return await work(c);
      } finally {
        await c.end();
      }
    },
    opts,
  );
}

/** A one-connection pool, for the batch services (they run their own transactions). */
export function withPool<T>(ctx: CommandContext, work: (pool: Pool) => Promise<T>): Promise<T> {
  return withServer(ctx, async (a) => {
    const { createPool } = await import('../central/connection');
    const pool = createPool({ host: a.host, port: a.port, user: a.user, password: a.password ?? '', database: a.database ?? '' }, 1);
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  });
}

