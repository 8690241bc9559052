/**
 * Applying a pulled page to the cache. The fast path writes the whole page and its watermark
 * in one transaction. When one row is refused by the local schema (a value the central schema
 * allows but this SpecVet does not know), the page is applied again row by row, each in a
 * savepoint: the refused rows are set aside in `pull_set_aside` with SQLite's reason, and
 * everything else — the rest of the page and the watermark — lands. One bad central row then
 * costs that row, not every sync from now on (issue 16, finding 8).
 */
import type Database from 'better-sqlite3';
import type { CentralBatch, CentralItem, CentralProblemState, CentralVerdict, PullPage, SetAsideRow } from '../sync/contract';

type Db = Database.Database;

type PulledKind = SetAsideRow['kind'];
type PulledRow = CentralBatch | CentralItem | CentralVerdict | CentralProblemState;

// Two syncs of one cache (the app and the CLI) may apply pages out of order: a row never goes
// back to an older revision, so a late old page cannot resurrect an unassigned item.
const NOT_OLDER = 'CAST(excluded.rev AS INTEGER) >= CAST(rev AS INTEGER)';

export class PullApplier {
  private readonly upsertBatch;
  private readonly upsertItem;
  private readonly upsertVerdict;
  private readonly setProblemState;
  private readonly putAside;
  private readonly dropAside;

  constructor(private readonly db: Db) {
    this.upsertBatch = db.prepare(`
      INSERT INTO batch (id, name, mode, assignee, state, created_at, due_date, rev)
      VALUES (@id, @name, @mode, @assignee, @state, @createdAt, @dueDate, @rev)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, mode = excluded.mode, assignee = excluded.assignee,
        state = excluded.state, created_at = excluded.created_at, due_date = excluded.due_date, rev = excluded.rev
      WHERE ${NOT_OLDER}`);
    this.upsertItem = db.prepare(`
      INSERT INTO item (batch_id, obsid, position, assigned, lmjd, planid, spid, fiberid, ra, dec, objtype,
        tsource, mag_g, mag_r, mag_i, seeing, moon,
        class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path, rev)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (batch_id, obsid) DO UPDATE SET position = excluded.position, assigned = excluded.assigned,
        lmjd = excluded.lmjd, planid = excluded.planid, spid = excluded.spid, fiberid = excluded.fiberid,
        ra = excluded.ra, dec = excluded.dec, objtype = excluded.objtype, tsource = excluded.tsource,
        mag_g = excluded.mag_g, mag_r = excluded.mag_r, mag_i = excluded.mag_i, seeing = excluded.seeing,
        moon = excluded.moon, class = excluded.class,
        subclass = excluded.subclass, z = excluded.z, z_err = excluded.z_err, snr_u = excluded.snr_u,
        snr_g = excluded.snr_g, snr_r = excluded.snr_r, snr_i = excluded.snr_i, snr_z = excluded.snr_z,
        file_path = excluded.file_path, rev = excluded.rev
      WHERE ${NOT_OLDER}`);
    // A verdict seen in a pull is committed centrally: that is what confirms a push whose
    // local "sent" mark was lost to a kill between the central commit and the local write.
    this.upsertVerdict = db.prepare(`
      INSERT INTO verdict (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment,
        supersedes, created_at, rev, pushed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, pushed = 1, refused = NULL, refused_at = NULL`);
    // The 2D team's handling of the person's own report; seeing the report in a pull also
    // confirms its push, as for verdicts. A report this cache never had is not invented here.
    this.setProblemState = db.prepare(`
      UPDATE problem SET state = @state, handled_by = @handledBy, handled_at = @handledAt, handled_note = @note,
        rev = @rev, pushed = 1, refused = NULL, refused_at = NULL
      WHERE id = @id AND (rev IS NULL OR CAST(@rev AS INTEGER) >= CAST(rev AS INTEGER))`);
    this.putAside = db.prepare(`
      INSERT INTO pull_set_aside (kind, key, rev, reason, row, set_aside_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, key) DO UPDATE SET rev = excluded.rev, reason = excluded.reason, row = excluded.row,
        set_aside_at = excluded.set_aside_at
      WHERE ${NOT_OLDER}`);
    this.dropAside = db.prepare('DELETE FROM pull_set_aside WHERE kind = ? AND key = ? AND CAST(rev AS INTEGER) <= CAST(? AS INTEGER)');
  }

  /** Call inside the page's transaction. Returns how many rows were set aside. */
  apply(page: PullPage, now: Date): number {
    try {
      // A savepoint: a refusal rolls back only this attempt, not the caller's transaction.
      this.db.transaction(() => this.each(page, (kind, row) => this.write(kind, row)))();
      this.forgetAside(page);
      return 0;
    } catch (err) {
      if (!refusedRow(err)) throw err;
    }
    let aside = 0;
    this.each(page, (kind, row) => {
      try {
        this.db.transaction(() => this.write(kind, row))();
        this.dropAside.run(kind, keyOf(kind, row), row.rev);
      } catch (err) {
        if (!refusedRow(err)) throw err;
        this.putAside.run(kind, keyOf(kind, row), row.rev, (err as Error).message, JSON.stringify(row), now.toISOString());
        aside++;
      }
    });
    return aside;
  }

  /** Tries the rows set aside again (a newer SpecVet may take them); returns how many remain. */
  retryAside(now: Date): number {
    const rows = this.db.prepare<[], { kind: PulledKind; row: string }>('SELECT kind, row FROM pull_set_aside').all();
    if (rows.length === 0) return 0;
    const page: PullPage = { batches: [], items: [], verdicts: [], problems: [], rev: '0', more: false };
    for (const r of rows) {
      const parsed: unknown = JSON.parse(r.row);
      if (r.kind === 'batch') page.batches.push(parsed as CentralBatch);
      else if (r.kind === 'item') page.items.push(parsed as CentralItem);
      else if (r.kind === 'verdict') page.verdicts.push(parsed as CentralVerdict);
      else page.problems.push(parsed as CentralProblemState);
    }
    this.db.transaction(() => this.apply(page, now)).immediate();
    return this.list().length;
  }

  list(): SetAsideRow[] {
    return this.db
      .prepare<[], SetAsideRow>('SELECT kind, key, rev, reason, set_aside_at AS setAsideAt FROM pull_set_aside ORDER BY set_aside_at, kind, key')
      .all();
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM pull_set_aside').get()?.n ?? 0;
  }

  private each(page: PullPage, fn: (kind: PulledKind, row: PulledRow) => void): void {
    for (const b of page.batches) fn('batch', b);
    for (const i of page.items) fn('item', i);
    for (const v of page.verdicts) fn('verdict', v);
    for (const p of page.problems) fn('problem', p);
  }

  private write(kind: PulledKind, row: PulledRow): void {
    if (kind === 'batch') this.upsertBatch.run(row);
    else if (kind === 'problem') this.setProblemState.run(row);
    else if (kind === 'item') {
      const i = row as CentralItem;
      this.upsertItem.run(
        i.batchId, i.obsid, i.position, i.assigned ? 1 : 0, i.lmjd, i.planid, i.spid, i.fiberid, i.ra, i.dec,
        i.objtype, i.tsource, i.mag.g, i.mag.r, i.mag.i, i.seeing, i.moon, i.class, i.subclass, i.z, i.zErr, i.snr.u, i.snr.g, i.snr.r, i.snr.i, i.snr.z, i.filePath, i.rev,
      );
    } else {
      const v = row as CentralVerdict;
      this.upsertVerdict.run(
        v.id, v.obsid, v.batchId, v.reviewer, v.class, v.subclass, v.z, v.quality, JSON.stringify(v.flags),
        v.comment, v.supersedes, v.createdAt, v.rev,
      );
    }
  }

  /** A page that landed whole: rows of it set aside by an earlier page are stored now. */
  private forgetAside(page: PullPage): void {
    if (this.count() === 0) return;
    this.each(page, (kind, row) => this.dropAside.run(kind, keyOf(kind, row), row.rev));
  }
}

function keyOf(kind: PulledKind, row: PulledRow): string {
  return kind === 'item' ? `${(row as CentralItem).batchId}/${(row as CentralItem).obsid}` : (row as CentralBatch | CentralVerdict | CentralProblemState).id;
}

/**
 * What the local schema refuses about one row: a constraint (NOT NULL, CHECK, a STRICT type)
 * or a value better-sqlite3 cannot bind. Anything else (disk full, I/O, a damaged file) is
 * about the cache, not the row, and stops the pull as before.
 */
function refusedRow(err: unknown): boolean {
  if (err instanceof TypeError || err instanceof RangeError) return true;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
