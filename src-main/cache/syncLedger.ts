/**
 * The sync engine's side of the local cache: applying pulled pages with their watermark,
 * reading and confirming the outbox, and recording stored spectrum files. Every write is one
 * SQLite transaction, so a kill at any instant leaves either the old state or the new.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { FileFailure, FileRecord, FileWanted } from '../files/records';
import type {
  CentralBookmark,
  CentralProblem,
  CentralVerdict,
  ClaimedBatch,
  OutboxLimits,
  PullPage,
  PushBatch,
  Revision,
  SetAsideRow,
  SyncLedger,
} from '../sync/contract';
import { PullApplier } from './pullApply';
import { toProblem, toVerdict, type ProblemRow, type VerdictRow } from './rows';
import { statementCache, type Statements } from './statements';

type Db = Database.Database;

export class SqliteSyncLedger implements SyncLedger {
  private readonly pulled: PullApplier;
  private readonly setMeta;
  private readonly getMeta;
  private readonly stmts: Statements;

  constructor(
    private readonly db: Db,
    private readonly user: string,
  ) {
    this.stmts = statementCache(db);
    this.pulled = new PullApplier(db);
    this.setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  }

  meta(key: string): string | null {
    return this.getMeta.get(key)?.value ?? null;
  }

  putMeta(key: string, value: string | null): void {
    if (value === null) this.stmts.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.setMeta.run(key, value);
  }

  watermark(): Revision {
    return this.meta('watermark') ?? '0';
  }

  /**
   * Applies one page and its watermark in one transaction: both land or neither does. A row the
   * local schema refuses is set aside with the reason (pullApply.ts) instead of failing the page.
   */
  applyPullPage(page: PullPage, now = new Date()): void {
    this.db.transaction(() => {
      this.pulled.apply(page, now);
      if (BigInt(page.rev) > BigInt(this.watermark())) this.setMeta.run('watermark', page.rev);
    }).immediate();
  }

  /** Pulled rows set aside earlier get another try (this SpecVet may be newer); returns how many remain. */
  retrySetAside(now: Date): number {
    return this.pulled.retryAside(now);
  }

  /** Pulled rows the cache could not store, with the reason. */
  listSetAside(): SetAsideRow[] {
    return this.pulled.list();
  }

  pulledSetAside(): number {
    return this.pulled.count();
  }

  /**
   * The oldest unsent work, in the order it was made (a verdict after the one it supersedes).
   * Rows set aside as refused wait for retryRefused() or an edit. A claim does not hold a row
   * back: pushes are idempotent by UUID, so a row claimed by a killed process is sent again.
   */
  outbox(limits: OutboxLimits): PushBatch {
    const verdicts = this.stmts
      .prepare<[string, number], VerdictRow>('SELECT * FROM verdict WHERE pushed = 0 AND refused IS NULL AND reviewer = ? ORDER BY seq LIMIT ?')
      .all(this.user, limits.verdicts)
      .map(toPushVerdict);
    const problems = this.stmts
      .prepare<[number], ProblemRow>('SELECT * FROM problem WHERE pushed = 0 AND refused IS NULL ORDER BY seq LIMIT ?')
      .all(limits.problems)
      .map(toPushProblem);
    const bookmarks = this.stmts
      .prepare<[number], CentralBookmark>(
        `SELECT batch_id AS batchId, position, updated_at AS updatedAt FROM bookmark
          WHERE pushed = 0 AND refused IS NULL ORDER BY updated_at LIMIT ?`,
      )
      .all(limits.bookmarks);
    return { verdicts, problems, bookmarks };
  }

  /**
   * Records `batch`'s verdicts as being sent, before the central call, in one transaction.
   * A verdict withdrawn (undone) since the outbox was read is left out of the returned batch.
   */
  claim(batch: PushBatch): ClaimedBatch {
    const claim = randomUUID();
    const since = new Date().toISOString();
    const put = this.stmts.prepare(
      'INSERT INTO verdict_sending (verdict_id, claim, since) SELECT id, ?, ? FROM verdict WHERE id = ? AND pushed = 0',
    );
    return this.db
      .transaction((): ClaimedBatch => {
        const verdicts = batch.verdicts.filter((v) => put.run(claim, since, v.id).changes === 1);
        return { claim, verdicts, problems: batch.problems, bookmarks: batch.bookmarks };
      })
      .immediate();
  }

  /** The server rolled the push of `batch` back: nothing of it was committed; drop its claim. */
  release(batch: ClaimedBatch): void {
    this.stmts.prepare('DELETE FROM verdict_sending WHERE claim = ?').run(batch.claim);
  }

  /** True while some push (in any process) may have sent the verdict without a known outcome. */
  isSending(verdictId: string): boolean {
    return this.stmts.prepare<[string], { n: number }>('SELECT 1 AS n FROM verdict_sending WHERE verdict_id = ? LIMIT 1').get(verdictId) !== undefined;
  }

  /** Call only after the central commit of `batch` resolved. Claims go with it (trigger verdict_sent). */
  markSent(batch: PushBatch): void {
    const v = this.stmts.prepare('UPDATE verdict SET pushed = 1 WHERE id = ?');
    const p = this.stmts.prepare('UPDATE problem SET pushed = 1 WHERE id = ?');
    // A bookmark moved again while the push was in flight stays unsent: the newer position matters.
    const b = this.stmts.prepare('UPDATE bookmark SET pushed = 1 WHERE batch_id = ? AND position = ? AND updated_at = ?');
    this.db.transaction(() => {
      for (const x of batch.verdicts) v.run(x.id);
      for (const x of batch.problems) p.run(x.id);
      for (const x of batch.bookmarks) b.run(x.batchId, x.position, x.updatedAt);
    }).immediate();
  }

  /**
   * Sets the rows of `batch` aside: the server refused them (rolled back, so the claim goes).
   * They stay in the cache with `reason`, are counted and listed, and are not pushed again
   * until retryRefused() or an edit. A bookmark moved meanwhile is a new position: not refused.
   */
  setRefused(batch: ClaimedBatch, reason: string, now: Date): void {
    const at = now.toISOString();
    const v = this.stmts.prepare('UPDATE verdict SET refused = ?, refused_at = ? WHERE id = ? AND pushed = 0');
    const p = this.stmts.prepare('UPDATE problem SET refused = ?, refused_at = ? WHERE id = ? AND pushed = 0');
    const b = this.stmts.prepare(
      'UPDATE bookmark SET refused = ?, refused_at = ? WHERE batch_id = ? AND position = ? AND updated_at = ? AND pushed = 0',
    );
    this.db.transaction(() => {
      for (const x of batch.verdicts) v.run(reason, at, x.id);
      for (const x of batch.problems) p.run(reason, at, x.id);
      for (const x of batch.bookmarks) b.run(reason, at, x.batchId, x.position, x.updatedAt);
      this.release(batch);
    }).immediate();
  }

  /** Puts every refused row back in the outbox (the person asked: `sync --retry-refused`). */
  retryRefused(): number {
    return this.db
      .transaction(() => {
        let n = 0;
        for (const table of ['verdict', 'problem', 'bookmark'] as const) {
          n += this.stmts.prepare(`UPDATE ${table} SET refused = NULL, refused_at = NULL WHERE refused IS NOT NULL AND pushed = 0`).run().changes;
        }
        return n;
      })
      .immediate();
  }

  /**
   * Verdicts and problem reports waiting for the next push (not those set aside as refused).
   * A moved bookmark is pushed too but not counted: "N not pushed" is the person's work, and a
   * count that grows from paging alone would make them doubt what they saved.
   */
  outboxPending(): number {
    return this.countOutbox('refused IS NULL', false);
  }

  /** Unsent rows the server refused, set aside until the person retries or edits them. */
  outboxRefused(): number {
    return this.countOutbox('refused IS NOT NULL', true);
  }

  /** The reason of the most recently refused row, or null. */
  lastRefusal(): string | null {
    return (
      this.stmts
        .prepare<[], { refused: string }>(
          `SELECT refused FROM (
             SELECT refused, refused_at FROM verdict WHERE pushed = 0 AND refused IS NOT NULL
             UNION ALL SELECT refused, refused_at FROM problem WHERE pushed = 0 AND refused IS NOT NULL
             UNION ALL SELECT refused, refused_at FROM bookmark WHERE pushed = 0 AND refused IS NOT NULL)
           ORDER BY refused_at DESC LIMIT 1`,
        )
        .get()?.refused ?? null
    );
  }

  private countOutbox(state: 'refused IS NULL' | 'refused IS NOT NULL', withBookmarks: boolean): number {
    const bookmarks = withBookmarks ? `+ (SELECT count(*) FROM bookmark WHERE pushed = 0 AND ${state})` : '';
    const row = this.stmts
      .prepare<[], { n: number }>(
        `SELECT (SELECT count(*) FROM verdict WHERE pushed = 0 AND ${state}) + (SELECT count(*) FROM problem WHERE pushed = 0 AND ${state})
          ${bookmarks} AS n`,
      )
      .get();
    return row?.n ?? 0;
  }

  /** Spectra of assigned items whose file is not in the store yet, one row per obsid. */
  missingFiles(): FileWanted[] {
    return this.stmts
      .prepare<[], FileWanted>(
        `SELECT i.obsid AS obsid, min(i.file_path) AS filePath FROM item i
          WHERE i.assigned = 1 AND NOT EXISTS (SELECT 1 FROM spectrum_file f WHERE f.obsid = i.obsid)
          GROUP BY i.obsid ORDER BY i.obsid`,
      )
      .all();
  }

  recordFiles(records: readonly FileRecord[], now: Date): void {
    const put = this.stmts.prepare(
      'INSERT INTO spectrum_file (obsid, sha256, size, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (obsid) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, stored_at = excluded.stored_at',
    );
    const cleared = this.stmts.prepare('DELETE FROM file_failure WHERE obsid = ?');
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const r of records) {
        put.run(r.obsid, r.sha256, r.size, at);
        cleared.run(r.obsid);
      }
    }).immediate();
  }

  recordFileFailures(failures: readonly FileFailure[], now: Date): void {
    const put = this.stmts.prepare(
      `INSERT INTO file_failure (obsid, file_path, kind, reason, failed_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (obsid) DO UPDATE SET file_path = excluded.file_path, kind = excluded.kind, reason = excluded.reason, failed_at = excluded.failed_at`,
    );
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const f of failures) put.run(f.obsid, f.filePath, f.kind, f.reason, at);
    }).immediate();
  }

  fileFailure(obsid: number): FileFailure | null {
    return (
      this.stmts
        .prepare<[number], FileFailure>('SELECT obsid, file_path AS filePath, kind, reason FROM file_failure WHERE obsid = ?')
        .get(obsid) ?? null
    );
  }

  forgetFile(obsid: number): void {
    this.stmts.prepare('DELETE FROM spectrum_file WHERE obsid = ?').run(obsid);
  }

  fileOf(obsid: number): string | null {
    return this.stmts.prepare<[number], { sha256: string }>('SELECT sha256 FROM spectrum_file WHERE obsid = ?').get(obsid)?.sha256 ?? null;
  }
}

/** The central row is the local verdict less what the server fills in (reviewer, rev) or only we know (pushed). */
function toPushVerdict(r: VerdictRow): Omit<CentralVerdict, 'reviewer' | 'rev'> {
  const { reviewer: _reviewer, pushed: _pushed, ...central } = toVerdict(r);
  return central;
}

/** The central row is the local report less what only this device knows (reporter, state, pushed). */
function toPushProblem(r: ProblemRow): CentralProblem {
  const { reporter: _reporter, state: _state, handling: _handling, pushed: _pushed, ...central } = toProblem(r);
  return central;
}
