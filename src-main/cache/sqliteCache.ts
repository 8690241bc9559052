/**
 * The local cache over better-sqlite3: one SQLite file per person and server, WAL mode,
 * synchronous = FULL (a verdict the reviewer saw saved survives a power cut, not only a crash).
 * The review side (LocalCache) is here; the sync side is SqliteSyncLedger, reached as `cache.ledger`.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ProblemInputSchema,
  VerdictInputSchema,
  type BatchSummary,
  type Item,
  type ProblemInput,
  type ProblemReport,
  type Verdict,
  type VerdictInput,
} from '../../shared/model';
import type { PullPage, SetAsideRow, SyncableCache } from '../sync/contract';
import { FileStore } from '../files/fileStore';
import {
  ProblemOverlapError,
  UnknownBatchError,
  VerdictBeingSentError,
  type CacheCounts,
  type LocalCache,
  type SpectrographAddress,
} from './localCache';
import { CacheDamagedError, createAtomically, isDamage, moveAside, quickCheck, refuseEmpty } from './integrity';
import { listOutbox, type OutboxEntry } from './outboxList';
import { migrate } from './migrate';
import { toProblem, toVerdict, type BatchRow, type ItemRow, type VerdictRow } from './rows';
import { statementCache, type Statements } from './statements';
import { settingsFrom } from './settingsRow';
import { SqliteSyncLedger } from './syncLedger';
import type { Settings } from '../../shared/settings';

export interface OpenCacheOptions {
  /** better-sqlite3's native addon built for the host's ABI (Electron passes its own). */
  nativeBinding?: string;
  /** Spectrum file store; defaults to files/ beside the cache file. */
  storeDir?: string;
}

export class CacheOwnerError extends Error {
  override name = 'CacheOwnerError';
}

// The reviewer's newest verdict on a spectrum: by creation time, then local order.
const NEWEST_VERDICT = `(SELECT seq FROM verdict WHERE reviewer = @user AND obsid = i.obsid ORDER BY created_at DESC, seq DESC LIMIT 1)`;
const ITEM_SELECT = `
  SELECT i.*, EXISTS (SELECT 1 FROM spectrum_file f WHERE f.obsid = i.obsid) AS cached,
    v.id AS v_id, v.obsid AS v_obsid, v.batch_id AS v_batch_id, v.reviewer AS v_reviewer, v.class AS v_class,
    v.subclass AS v_subclass, v.z AS v_z, v.quality AS v_quality, v.flags AS v_flags, v.comment AS v_comment,
    v.supersedes AS v_supersedes, v.created_at AS v_created_at, v.pushed AS v_pushed
  FROM item i LEFT JOIN verdict v ON v.seq = ${NEWEST_VERDICT}`;

// Every other reviewer's newest verdict on a spectrum (the pulled central history), oldest first.
const OTHERS_NEWEST = `
  SELECT v.* FROM verdict v
  WHERE v.reviewer <> @user AND v.seq = (
    SELECT w.seq FROM verdict w WHERE w.obsid = v.obsid AND w.reviewer = v.reviewer ORDER BY w.created_at DESC, w.seq DESC LIMIT 1)`;

type ItemJoinRow = ItemRow & { [K in keyof VerdictRow as `v_${K}`]: VerdictRow[K] | null };

export class SqliteCache implements LocalCache, SyncableCache {
  readonly ledger: SqliteSyncLedger;
  readonly store: FileStore;
  private readonly db: Database.Database;
  private readonly stmts: Statements;

  constructor(
    readonly file: string,
    readonly user: string,
    opts: OpenCacheOptions = {},
  ) {
    mkdirSync(dirname(file), { recursive: true });
    const open = (path: string) => new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    refuseEmpty(file, new Date());
    createAtomically(file, open);
    this.db = open(file);
    this.refuseDamaged();
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db, file);
      this.stmts = statementCache(this.db);
      this.ledger = new SqliteSyncLedger(this.db, user);
      this.claimOwner();
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.store = new FileStore(opts.storeDir ?? join(dirname(file), 'files'));
  }

  /** Checks the file before anything writes to it; a damaged one is closed and moved aside. */
  private refuseDamaged(): void {
    let problem: string | null;
    try {
      problem = quickCheck(this.db);
    } catch (err) {
      if (!isDamage(err)) {
        this.db.close();
        throw err;
      }
      problem = `malformed: ${(err as Error).message}`;
    }
    if (problem === null) return;
    this.db.close();
    throw new CacheDamagedError(this.file, moveAside(this.file, new Date()), problem);
  }

  /** A cache holds one person's work; opening it as somebody else is a mistake worth stopping. */
  private claimOwner(): void {
    const owner = this.ledger.meta('user');
    if (owner === null) this.ledger.putMeta('user', this.user);
    else if (owner !== this.user) {
      throw new CacheOwnerError(`${this.file} belongs to ${owner}, not ${this.user}; sign in as ${owner} or use another SPECVET_HOME`);
    }
  }

  listBatches(): BatchSummary[] {
    const rows = this.stmts
      .prepare<{ user: string }, BatchRow>(
        `SELECT b.id, b.name, b.mode, b.assignee, b.state,
           (SELECT count(*) FROM item i WHERE i.batch_id = b.id AND i.assigned = 1) AS item_count,
           (SELECT count(*) FROM item i WHERE i.batch_id = b.id AND i.assigned = 1
              -- Made in this batch: a spectrum in two batches is done in the one it was judged in.
              AND (EXISTS (SELECT 1 FROM verdict v WHERE v.reviewer = @user AND v.obsid = i.obsid AND v.batch_id = b.id)
                -- Browse: a spectrum paged past is seen, and seen without a correction is accepted.
                OR (b.mode = 'browse' AND i.position < coalesce(bm.position, 0)))) AS reviewed_count,
           bm.position AS bookmark, bm.updated_at AS last_opened, b.due_date
         FROM batch b LEFT JOIN bookmark bm ON bm.batch_id = b.id
         ORDER BY b.created_at, b.name`,
      )
      .all({ user: this.user });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      mode: r.mode,
      assignee: r.assignee,
      itemCount: r.item_count,
      reviewedCount: r.reviewed_count,
      bookmark: r.bookmark,
      lastOpened: r.last_opened,
      dueDate: r.due_date,
      state: r.state,
    }));
  }

  listItems(batchId: string): Item[] {
    const others = new Map<number, Verdict[]>();
    const rows = this.stmts
      .prepare<{ user: string; batchId: string }, VerdictRow>(
        `${OTHERS_NEWEST} AND v.obsid IN (SELECT obsid FROM item WHERE batch_id = @batchId) ORDER BY v.created_at, v.seq`,
      )
      .all({ user: this.user, batchId });
    for (const r of rows) {
      const list = others.get(r.obsid);
      if (list) list.push(toVerdict(r));
      else others.set(r.obsid, [toVerdict(r)]);
    }
    return this.stmts
      .prepare<{ user: string; batchId: string }, ItemJoinRow>(`${ITEM_SELECT} WHERE i.batch_id = @batchId ORDER BY i.position`)
      .all({ user: this.user, batchId })
      .map((r) => toItem(r, others.get(r.obsid) ?? []));
  }

  /** Every other reviewer's newest verdict on a spectrum, oldest first (Item.history). */
  othersVerdicts(obsid: number): Verdict[] {
    return this.stmts
      .prepare<{ user: string; obsid: number }, VerdictRow>(`${OTHERS_NEWEST} AND v.obsid = @obsid ORDER BY v.created_at, v.seq`)
      .all({ user: this.user, obsid })
      .map(toVerdict);
  }

  findItem(obsid: number): Item | undefined {
    const row = this.stmts
      .prepare<{ user: string; obsid: number }, ItemJoinRow>(
        `${ITEM_SELECT} LEFT JOIN batch b ON b.id = i.batch_id WHERE i.obsid = @obsid
         ORDER BY i.assigned DESC, b.created_at DESC, i.rev DESC LIMIT 1`,
      )
      .get({ user: this.user, obsid });
    return row ? toItem(row, this.othersVerdicts(obsid)) : undefined;
  }

  cachedFile(obsid: number): string | null {
    const sha = this.ledger.fileOf(obsid);
    if (sha === null) return null;
    const path = this.store.pathOf(sha);
    if (existsSync(path)) return path;
    // Someone cleaned the store behind our back: forget the record so the next sync refetches.
    this.ledger.forgetFile(obsid);
    return null;
  }

  addVerdict(input: VerdictInput, now: Date): Verdict {
    const v = VerdictInputSchema.parse(input);
    return this.db
      .transaction((): Verdict => {
        const previous = this.newestVerdict(v.obsid);
        // A new verdict on the spectrum is an edit: earlier ones set aside as refused get
        // another chance with it, so central history keeps the chain it supersedes.
        this.stmts
          .prepare('UPDATE verdict SET refused = NULL, refused_at = NULL WHERE reviewer = ? AND obsid = ? AND pushed = 0 AND refused IS NOT NULL')
          .run(this.user, v.obsid);
        const verdict: Verdict = {
          ...v,
          id: randomUUID(),
          reviewer: this.user,
          createdAt: now.toISOString(),
          supersedes: previous?.id ?? null,
          pushed: false,
        };
        this.stmts
          .prepare(
            `INSERT INTO verdict (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev, pushed)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)`,
          )
          .run(
            verdict.id, verdict.obsid, verdict.batchId, verdict.reviewer, verdict.class, verdict.subclass, verdict.z,
            verdict.quality, JSON.stringify(verdict.flags), verdict.comment, verdict.supersedes, verdict.createdAt,
          );
        return verdict;
      })
      .immediate();
  }

  private newestVerdict(obsid: number): VerdictRow | undefined {
    return this.stmts
      .prepare<[string, number], VerdictRow>(
        'SELECT * FROM verdict WHERE reviewer = ? AND obsid = ? ORDER BY created_at DESC, seq DESC LIMIT 1',
      )
      .get(this.user, obsid);
  }

  settings(): Settings {
    return settingsFrom(this.ledger.meta('settings'));
  }

  putSettings(settings: Settings): void {
    this.ledger.putMeta('settings', JSON.stringify(settings));
  }

  undoLastVerdict(): Verdict | null {
    return this.db
      .transaction((): Verdict | null => {
        const row = this.stmts
          .prepare<[string], VerdictRow>('SELECT * FROM verdict WHERE reviewer = ? AND pushed = 0 ORDER BY seq DESC LIMIT 1')
          .get(this.user);
        if (!row) return null;
        // Claimed by a push in some process (the claim is in this file, not in memory): it may
        // already be committed centrally, and withdrawing it here would not withdraw it there.
        if (this.ledger.isSending(row.id)) throw new VerdictBeingSentError(row.obsid);
        this.stmts.prepare('DELETE FROM verdict WHERE id = ?').run(row.id);
        return toVerdict(row);
      })
      .immediate();
  }

  setBookmark(batchId: string, position: number, now: Date): void {
    // Only for a batch the cache holds: one that does not exist would sit in the outbox until
    // the server refused it, looking saved meanwhile.
    const stored = this.stmts
      .prepare(
        `INSERT INTO bookmark (batch_id, position, updated_at, pushed) SELECT ?, ?, ?, 0 WHERE EXISTS (SELECT 1 FROM batch WHERE id = ?)
         ON CONFLICT (batch_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at, pushed = 0,
           refused = NULL, refused_at = NULL`,
      )
      .run(batchId, position, now.toISOString(), batchId);
    if (stored.changes === 0) throw new UnknownBatchError(batchId);
  }

  addProblem(input: ProblemInput, now: Date): ProblemReport {
    const p = ProblemInputSchema.parse(input);
    const report: ProblemReport = { ...p, id: randomUUID(), reporter: this.user, createdAt: now.toISOString(), state: 'open', handling: null, pushed: false };
    // One open report per stretch of a slit: a second one over the same fibres would send the
    // 2D team after the same fault twice.
    const open = this.problemsOn(p).find((o) => o.state === 'open' && o.fiberFrom <= p.fiberTo && p.fiberFrom <= o.fiberTo);
    if (open) throw new ProblemOverlapError(p, open);
    this.stmts
      .prepare(
        `INSERT INTO problem (id, lmjd, planid, spid, fiber_from, fiber_to, type, origin, text, reporter, created_at, state, pushed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      )
      .run(report.id, p.lmjd, p.planid, p.spid, p.fiberFrom, p.fiberTo, p.type, p.origin, p.text, report.reporter, report.createdAt, report.state);
    return report;
  }

  problemsOn(at: SpectrographAddress): ProblemReport[] {
    return this.stmts
      .prepare<SpectrographAddress, Parameters<typeof toProblem>[0]>(
        'SELECT * FROM problem WHERE lmjd = @lmjd AND planid = @planid AND spid = @spid ORDER BY fiber_from, seq',
      )
      .all({ lmjd: at.lmjd, planid: at.planid, spid: at.spid })
      .map(toProblem);
  }

  /** Problem reports this person made, newest first. */
  listProblems(): ProblemReport[] {
    return this.stmts
      .prepare<[], Parameters<typeof toProblem>[0]>('SELECT * FROM problem ORDER BY seq DESC')
      .all()
      .map(toProblem);
  }

  /** Pulled central rows this SpecVet could not store, with the reason (`specvet status`). */
  listSetAside(): SetAsideRow[] {
    return this.ledger.listSetAside();
  }

  /** Unsent work in push order: what the next push sends, and what the server refused. */
  listOutbox(which: 'all' | 'refused' = 'all'): OutboxEntry[] {
    return listOutbox(this.stmts, this.user, which);
  }

  /** Every verdict known on a spectrum (this person's and the central history), oldest first. */
  verdictHistory(obsid: number): Verdict[] {
    return this.stmts
      .prepare<[number], VerdictRow>('SELECT * FROM verdict WHERE obsid = ? ORDER BY created_at, seq')
      .all(obsid)
      .map(toVerdict);
  }

  counts(): CacheCounts {
    const row = this.stmts
      .prepare<[], { batches: number; items: number; files: number }>(
        `SELECT (SELECT count(*) FROM batch) AS batches, (SELECT count(*) FROM item WHERE assigned = 1) AS items,
           (SELECT count(*) FROM spectrum_file) AS files`,
      )
      .get()!;
    return {
      batches: row.batches,
      items: row.items,
      filesCached: row.files,
      outboxPending: this.ledger.outboxPending(),
      outboxRefused: this.ledger.outboxRefused(),
      pulledSetAside: this.ledger.pulledSetAside(),
      lastSync: this.ledger.meta('lastSync'),
      lastError: this.ledger.meta('lastError'),
    };
  }

  /** Applies a page of central changes with its watermark in one transaction (also loads the demo). */
  applyPullPage(page: PullPage): void {
    this.ledger.applyPullPage(page);
  }

  /** Verifies bytes as a spectrum, stores them content-addressed and marks obsid cached. */
  storeFile(obsid: number, bytes: Uint8Array, now = new Date()): string {
    const stored = this.store.putSync(bytes, `spectrum file of obsid ${obsid}`);
    this.ledger.recordFiles([{ obsid, ...stored }], now);
    return this.store.pathOf(stored.sha256);
  }

  importFile(obsid: number, path: string, now = new Date()): string {
    return this.storeFile(obsid, readFileSync(path), now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toItem(r: ItemJoinRow, history: Verdict[]): Item {
  return {
    batchId: r.batch_id,
    obsid: r.obsid,
    position: r.position,
    lmjd: r.lmjd,
    planid: r.planid,
    spid: r.spid,
    fiberid: r.fiberid,
    ra: r.ra,
    dec: r.dec,
    objtype: r.objtype,
    tsource: r.tsource,
    mag: { g: r.mag_g, r: r.mag_r, i: r.mag_i },
    seeing: r.seeing,
    moon: r.moon,
    pipeline: {
      class: r.class,
      subclass: r.subclass,
      z: r.z,
      zErr: r.z_err,
      snr: { u: r.snr_u, g: r.snr_g, r: r.snr_r, i: r.snr_i, z: r.snr_z },
    },
    filePath: r.file_path,
    cached: r.cached === 1,
    verdict: r.v_id === null ? null : toVerdict(verdictOf(r)),
    history,
    assigned: r.assigned === 1,
  };
}

function verdictOf(r: ItemJoinRow): VerdictRow {
  return {
    id: r.v_id!,
    obsid: r.v_obsid!,
    batch_id: r.v_batch_id!,
    reviewer: r.v_reviewer!,
    class: r.v_class!,
    subclass: r.v_subclass!,
    z: r.v_z!,
    quality: r.v_quality!,
    flags: r.v_flags!,
    comment: r.v_comment!,
    supersedes: r.v_supersedes,
    created_at: r.v_created_at!,
    pushed: r.v_pushed!,
  };
}

/** Opens (creating and migrating as needed) the cache file of `user`. */
export function openLocalCache(file: string, user: string, opts: OpenCacheOptions = {}): SqliteCache {
  return new SqliteCache(file, user, opts);
}
