/**
 * CentralClient over mysql2 for one person's login. Reads go through the definer views
 * (my_*), writes through the definer procedures (push_*): the server decides what this
 * person may see and do; this module adds no trust of its own.
 */
import type { Pool, PoolConnection } from 'mysql2/promise';
import { SCHEMA_VERSION } from './migrations';
import { CentralError, type CentralLogin, type CentralClient, type Member } from './centralClient';
import { type PullPage, type PushBatch, type Revision } from '../sync/contract';
import { createPool, sqlFromIso } from './connection';
import { toCentralError, type ServerContext } from './mysqlErrors';
import { newerSchemaError } from './migrate';
import { transaction, type RetryOptions } from './retry';
import { batchFromRow, itemFromRow, problemStateFromRow, verdictFromRow, type Row } from './rows';
import type { Role } from '../../shared/model';
import type { AgreementThresholds } from '../../shared/agreement';
import type { CatalogueRow, CatalogueScope, ProblemAction, ProblemFilter, RecheckResolution, TraceKey } from './qualityDesk';
import { recheckList, recheckResolve } from './recheck';
import { problemList, problemSetState } from './problemDesk';
import { catalogue } from './catalogue';
import { trace } from './trace';

export interface SessionOptions {
  /** Connections in this session's pool (a sync needs one; the app's UI may add a second). */
  poolSize?: number;
  retry?: RetryOptions;
  /** Seconds a statement waits for a row lock before 1205 (and a whole-transaction retry). */
  lockWaitTimeout?: number;
  /** Largest JSON document per procedure call; a push is still one transaction. */
  maxChunkBytes?: number;
}

const ITEM_COLUMNS = 'batch_id, obsid, position, assigned, rev, lmjd, planid, spid, fiberid, ra, `dec`, objtype, class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path';
const VERDICT_COLUMNS = 'id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev';

export async function openCentralClient(login: CentralLogin, opts: SessionOptions = {}): Promise<CentralClient> {
  return new MysqlSession(login, createPool(login, { size: opts.poolSize ?? 2, ...(opts.lockWaitTimeout ? { lockWaitTimeout: opts.lockWaitTimeout } : {}) }), opts);
}

class MysqlSession implements CentralClient {
  readonly user: string;
  private readonly context: ServerContext;

  constructor(
    login: CentralLogin,
    private readonly pool: Pool,
    private readonly opts: SessionOptions,
  ) {
    this.user = login.user;
    this.context = { user: login.user, host: login.host, port: login.port, database: login.database };
  }

  async me(): Promise<Member> {
    return this.guard(async () => {
      const [versions] = await this.pool.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
      const version = Number((versions as Row[])[0]!.v);
      if (version > SCHEMA_VERSION) throw newerSchemaError(version, this.context.database);
      if (version < SCHEMA_VERSION) {
        throw new CentralError('schema-missing', `database ${this.context.database} has schema version ${version}, older than this SpecVet needs (${SCHEMA_VERSION}); ask an admin to run: specvet central migrate`);
      }
      const [rows] = await this.pool.query('SELECT user, role, department, active FROM my_member');
      const r = (rows as Row[])[0];
      if (!r) throw new CentralError('denied', `${this.user} has a database account but is not a SpecVet member; ask an admin to add them with: specvet user add`);
      return { user: String(r.user), role: r.role as Role, department: String(r.department), active: Number(r.active) === 1 };
    });
  }

  async pull(since: Revision, limit: number): Promise<PullPage> {
    if (!/^\d{1,20}$/.test(since)) throw new RangeError(`a revision is a whole number, got "${since}"`);
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, got ${limit}`);
    return this.guard(async () => {
      const c = await this.pool.getConnection();
      let raw: Awaited<ReturnType<typeof readPage>>;
      try {
        raw = await readPage(c, since, limit);
        c.release();
      } catch (err) {
        // Never hand a connection with a half-read snapshot (or a broken socket) back to the pool.
        c.destroy();
        throw err;
      }
      const sinceBig = BigInt(since);
      return {
        batches: raw.batches.map(batchFromRow),
        items: raw.items.map(itemFromRow),
        verdicts: [...raw.history, ...raw.verdicts].map(verdictFromRow),
        problems: raw.problems.map(problemStateFromRow),
        rev: (raw.mark < sinceBig ? sinceBig : raw.mark).toString(),
        more: raw.more,
      };
    });
  }

  async push(batch: PushBatch): Promise<void> {
    const calls = pushCalls(batch, this.opts.maxChunkBytes ?? 4 * 1024 * 1024);
    if (calls.length === 0) return;
    // One transaction over all calls, committed only after the last: a push killed or refused
    // part-way leaves nothing, and the client marks rows sent only after this resolves. The
    // procedures join it (and bound this session's lock waits and idle time while it is open).
    await this.guard(() =>
      transaction(
        this.pool,
        async (c) => {
          for (const [sql, doc] of calls) await c.execute(sql, [doc]);
        },
        this.opts.retry,
      ),
    );
  }

  recheckList(thresholds?: AgreementThresholds) {
    return this.guard(() => recheckList(this.pool, thresholds));
  }

  recheckResolve(resolution: RecheckResolution) {
    return this.guard(() => recheckResolve(this.pool, resolution));
  }

  problemList(filter: ProblemFilter) {
    return this.guard(() => problemList(this.pool, filter));
  }

  problemSetState(id: string, action: ProblemAction, note: string) {
    return this.guard(() => problemSetState(this.pool, id, action, note));
  }

  async *catalogue(scope: CatalogueScope): AsyncGenerator<CatalogueRow> {
    const rows = catalogue(this.pool, scope);
    for (;;) {
      const next = await this.guard(() => rows.next());
      if (next.done) return;
      yield next.value;
    }
  }

  trace(key: TraceKey, at?: string) {
    return this.guard(() => trace(this.pool, key, at));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toCentralError(err, this.context) ?? err;
    }
  }
}

/**
 * One pull page in one consistent snapshot: the counter and every table are read as of the
 * same instant, and rows with rev <= the counter are all committed and visible in it,
 * because writers take revisions under the counter's lock.
 */
async function readPage(c: PoolConnection, since: Revision, limit: number) {
  await c.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  const [head] = await c.query('SELECT rev FROM sync_head');
  const page = async (sql: string) => (await c.query(sql, [since, limit + 1]))[0] as Row[];
  const batches = await page('SELECT id, name, mode, assignee, state, created_at, rev FROM my_batches WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?');
  const items = await page(`SELECT ${ITEM_COLUMNS} FROM my_items WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?`);
  const verdicts = await page(`SELECT ${VERDICT_COLUMNS} FROM my_verdicts WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?`);
  const problems = await page('SELECT id, state, handled_by, handled_at, handled_note, rev FROM my_problems WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?');
  // A table cut at `limit` is complete only up to its last row's revision: the page's
  // watermark is the lowest such point, and rows above it wait for the next page.
  let mark = BigInt(String((head as Row[])[0]!.rev));
  for (const rows of [batches, items, verdicts, problems]) {
    if (rows.length > limit) mark = min(mark, BigInt(String(rows[limit - 1]!.rev)));
  }
  // Items newly (re)assigned in this page bring their spectra's earlier verdict history.
  const [history] = await c.query(
    `SELECT DISTINCT ${VERDICT_COLUMNS.split(', ').map((col) => `v.${col}`).join(', ')} FROM my_verdicts v
     JOIN my_items i ON i.obsid = v.obsid
     WHERE i.rev > CAST(? AS UNSIGNED) AND i.rev <= CAST(? AS UNSIGNED) AND v.rev <= CAST(? AS UNSIGNED)
     ORDER BY v.rev`,
    [since, mark.toString(), since],
  );
  await c.query('COMMIT');
  return {
    batches: uptoRevision(batches, mark),
    items: uptoRevision(items, mark),
    verdicts: uptoRevision(verdicts, mark),
    problems: uptoRevision(problems, mark),
    history: history as Row[],
    mark,
    more: [batches, items, verdicts, problems].some((rows) => rows.length > limit),
  };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** Rows (ordered by rev) with rev <= mark: trimmed from the end, so a 100k-row page that is
 * not cut costs no BigInt per row. */
function uptoRevision(rows: Row[], mark: bigint): Row[] {
  let end = rows.length;
  while (end > 0 && BigInt(String(rows[end - 1]!.rev)) > mark) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

/** The procedure calls of one push, each with a JSON document under `maxBytes`. */
export function pushCalls(batch: PushBatch, maxBytes: number): [string, string][] {
  // The same verdict twice in one push (an outbox replayed) is sent once.
  const byId = new Map<string, PushBatch['verdicts'][number]>();
  for (const v of batch.verdicts) if (!byId.has(v.id)) byId.set(v.id, v);
  const verdicts = [...byId.values()].map((v) => ({ ...v, flags: JSON.stringify(v.flags), createdAt: sqlFromIso(v.createdAt) }));
  const problems = batch.problems.map((p) => ({ ...p, createdAt: sqlFromIso(p.createdAt) }));
  // Only the newest bookmark per batch: two rows for one batch in one call would collide.
  const newest = new Map<string, PushBatch['bookmarks'][number]>();
  for (const b of batch.bookmarks) {
    const prev = newest.get(b.batchId);
    if (!prev || Date.parse(b.updatedAt) >= Date.parse(prev.updatedAt)) newest.set(b.batchId, b);
  }
  const bookmarks = [...newest.values()].map((b) => ({ ...b, updatedAt: sqlFromIso(b.updatedAt) }));
  return [
    ...chunks(verdicts, maxBytes).map((doc) => ['CALL push_verdicts(?)', doc] as [string, string]),
    ...chunks(problems, maxBytes).map((doc) => ['CALL push_problems(?)', doc] as [string, string]),
    ...chunks(bookmarks, maxBytes).map((doc) => ['CALL push_bookmarks(?)', doc] as [string, string]),
  ];
}

function chunks(rows: readonly unknown[], maxBytes: number): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    const bytes = Buffer.byteLength(json);
    if (parts.length > 0 && size + bytes + 1 > maxBytes) {
      out.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += bytes + 1;
  }
  if (parts.length > 0) out.push(`[${parts.join(',')}]`);
  return out;
}
