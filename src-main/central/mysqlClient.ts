/**
 * CentralClient over mysql2 for one person's login. Reads go through the definer views
 * (my_*), writes through the definer procedures (push_*): the server decides what this
 * person may see and do; this module adds no trust of its own.
 */
import type { Pool } from 'mysql2/promise';
import { SCHEMA_VERSION } from './migrations';
import { CentralError, type CentralLogin, type CentralClient, type Member, type ServerInfo } from './centralClient';
import { nodeName } from '../../shared/centralUrl';
import { loginNodes, pickNode, type PickedNode } from './failover';
import { type PullPage, type PushBatch, type Revision } from '../sync/contract';
import { createPool, sqlFromIso } from './connection';
import { toCentralError, type ServerContext } from './mysqlErrors';
import { newerSchemaError } from './migrate';
import { transaction, type RetryOptions } from './retry';
import { batchFromRow, itemFromRow, problemStateFromRow, verdictFromRow, type Row } from './rows';
import { PAGE_BYTES, readPage, type RawPage } from './pullPage';
import type { Role } from '../../shared/model';
import type { AgreementThresholds } from '../../shared/agreement';
import type { CatalogueCsvPage, CatalogueRecord, CatalogueScope, FileKey, ProblemAction, ProblemFilter, RecheckResolution, TraceKey } from './qualityDesk';
import { recheckList, recheckResolve } from './recheck';
import { problemList, problemSetState } from './problemDesk';
import { catalogue } from './catalogue';
import { catalogueCsv } from './catalogueCsv';
import { trace } from './trace';
import { spectrumFiles } from './spectrumFiles';

export interface SessionOptions {
  /** Connections in this session's pool (a sync needs one; the app's UI may add a second). */
  poolSize?: number;
  retry?: RetryOptions;
  /** Seconds a statement waits for a row lock before 1205 (and a whole-transaction retry). */
  lockWaitTimeout?: number;
  /** Largest JSON document per procedure call; a push is still one transaction. */
  maxChunkBytes?: number;
  /** Most verdict text per pull page (default PAGE_BYTES). */
  maxPageBytes?: number;
}

/** Connects on first use, to the first listed node that answers (failover.ts). */
export async function openCentralClient(login: CentralLogin, opts: SessionOptions = {}): Promise<CentralClient> {
  return new MysqlSession(login, opts);
}

class MysqlSession implements CentralClient {
  readonly user: string;
  private readonly context: ServerContext;
  private connecting: Promise<{ pool: Pool; picked: PickedNode }> | null = null;
  private databaseId: string | null = null;

  constructor(
    private readonly login: CentralLogin,
    private readonly opts: SessionOptions,
  ) {
    this.user = login.user;
    const nodes = loginNodes(login);
    this.context = { user: login.user, host: login.host, port: login.port, database: login.database, ...(nodes.length > 1 ? { where: nodes.map(nodeName).join(', ') } : {}) };
  }

  /** The pool on the node in use; messages name that node from then on. */
  private async connected(): Promise<{ pool: Pool; picked: PickedNode }> {
    this.connecting ??= pickNode(this.login).then(
      (picked) => {
        const { host, port } = picked.node;
        Object.assign(this.context, { host, port, where: undefined });
        const tuning = { size: this.opts.poolSize ?? 2, causalReads: picked.cluster, ...(this.opts.lockWaitTimeout ? { lockWaitTimeout: this.opts.lockWaitTimeout } : {}) };
        return { pool: createPool({ ...this.login, host, port }, tuning), picked };
      },
      (err: unknown) => {
        this.connecting = null;
        throw err;
      },
    );
    return this.connecting;
  }

  private async pool(): Promise<Pool> {
    return (await this.connected()).pool;
  }

  async server(): Promise<ServerInfo> {
    return this.guard(async () => {
      const { pool, picked } = await this.connected();
      if (this.databaseId === null) {
        const [rows] = await pool.query('SELECT id FROM central_identity WHERE one = 1');
        const id = (rows as Row[])[0]?.id;
        if (typeof id !== 'string') throw new CentralError('schema-missing', `database ${this.context.database} has no identity row; ask an admin to run: specvet central migrate`);
        this.databaseId = id;
      }
      return { databaseId: this.databaseId, node: picked.node, skipped: picked.skipped };
    });
  }

  async me(): Promise<Member> {
    return this.guard(async () => {
      const pool = await this.pool();
      const [versions] = await pool.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
      const version = Number((versions as Row[])[0]!.v);
      if (version > SCHEMA_VERSION) throw newerSchemaError(version, this.context.database);
      if (version < SCHEMA_VERSION) {
        throw new CentralError('schema-missing', `database ${this.context.database} has schema version ${version}, older than this SpecVet needs (${SCHEMA_VERSION}); ask an admin to run: specvet central migrate`);
      }
      const [rows] = await pool.query('SELECT user, role, department, active FROM my_member');
      const r = (rows as Row[])[0];
      if (!r) throw new CentralError('denied', `${this.user} has a database account but is not a SpecVet member; ask an admin to add them with: specvet user add`);
      return { user: String(r.user), role: r.role as Role, department: String(r.department), active: Number(r.active) === 1 };
    });
  }

  async pull(since: Revision, limit: number): Promise<PullPage> {
    if (!/^\d{1,20}$/.test(since)) throw new RangeError(`a revision is a whole number, got "${since}"`);
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, got ${limit}`);
    return this.guard(async () => {
      const c = await (await this.pool()).getConnection();
      let raw: RawPage;
      try {
        raw = await readPage(c, since, { limit, maxBytes: this.opts.maxPageBytes ?? PAGE_BYTES });
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
        verdicts: raw.verdicts.map(verdictFromRow),
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
    await this.guard(async () =>
      transaction(
        await this.pool(),
        async (c) => {
          for (const [sql, doc] of calls) await c.execute(sql, [doc]);
        },
        this.opts.retry,
      ),
    );
  }

  recheckList(thresholds?: AgreementThresholds) {
    return this.guard(async () => recheckList(await this.pool(), thresholds));
  }

  recheckResolve(resolution: RecheckResolution) {
    return this.guard(async () => recheckResolve(await this.pool(), resolution));
  }

  problemList(filter: ProblemFilter) {
    return this.guard(async () => problemList(await this.pool(), filter));
  }

  problemSetState(id: string, action: ProblemAction, note: string) {
    return this.guard(async () => problemSetState(await this.pool(), id, action, note));
  }

  catalogue(scope: CatalogueScope): AsyncGenerator<CatalogueRecord[]> {
    return this.guarded((pool) => catalogue(pool, scope));
  }

  catalogueCsv(scope: CatalogueScope): AsyncGenerator<CatalogueCsvPage> {
    return this.guarded((pool) => catalogueCsv(pool, scope));
  }

  /** A stream of pages whose every step is guarded (errors mapped as every call's). */
  private async *guarded<T>(open: (pool: Pool) => AsyncGenerator<T>): AsyncGenerator<T> {
    const pages = open(await this.guard(() => this.pool()));
    for (;;) {
      const next = await this.guard(() => pages.next());
      if (next.done) return;
      yield next.value;
    }
  }

  trace(key: TraceKey, at?: string) {
    return this.guard(async () => trace(await this.pool(), key, at));
  }

  spectrumFiles(key: FileKey) {
    return this.guard(async () => spectrumFiles(await this.pool(), key));
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = null;
    if (connecting) await connecting.then(({ pool }) => pool.end(), () => {});
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toCentralError(err, this.context) ?? err;
    }
  }
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
