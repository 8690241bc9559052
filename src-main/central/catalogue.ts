/**
 * The human-checked catalogue (coordinator): every spectrum with at least one verdict, in a
 * date range of nights or in one batch, with its final answer. A recheck wins over verdicts;
 * without one, each reviewer's latest verdict supersedes their earlier ones and the newest of
 * those is the answer — marked `unresolved` when those reviewers disagree
 * (shared/agreement.ts).
 *
 * The answers are kept per spectrum in `catalogue_answer` (migration 1450), folded in by
 * revision (`catalogue_refresh`) before each export, with the survey fields a row shows
 * (migration 1760), so an export is one scan of that table's primary key and nothing else.
 * Streamed: pages of PAGE spectra (keyset on obsid), read as arrays and handed out as they came (CatalogueRecord): the export formats each
 * field straight from them, since a million decoded objects cost more in garbage collection
 * than the rest of the export; `catalogueRow` decodes one for whoever wants the object.
 */
import type { Pool } from 'mysql2/promise';
import { designation } from '../../shared/designation';
import type { SpecClass } from '../../shared/model';
import { isoFromSql, toNumber } from './connection';
import type { Row } from './rows';
import type { CatalogueRecord, CatalogueRow, CatalogueScope, FinalSource } from './qualityDesk';

const PAGE = 5_000;

export function scopeProblem(scope: CatalogueScope): string | null {
  if ('batchId' in scope) return scope.batchId ? null : '--batch needs a batch id';
  for (const [k, v] of [['from', scope.from], ['to', scope.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--${k} must be a date YYYY-MM-DD, got "${v}"`;
  }
  if (scope.from && scope.to && scope.from > scope.to) return `--from ${scope.from} is after --to ${scope.to}`;
  return null;
}

/** One catalogue row's columns, in the order `field` reads them. */
export const COLUMNS = `a.obsid, a.lmjd, a.planid, a.spid, a.fiberid, a.class_pipe, a.subclass_pipe, a.z_pipe, a.obsdate, a.ra, a.\`dec\`,
  a.class, a.subclass, a.z, a.quality, a.source, a.flags, a.reviewers, a.first_checked, a.last_checked, a.rechecked_by, a.rechecked_at`;

/** An answer whose spectrum or plan is not in the survey has no night (the join used to drop it). */
const SURVEYED = 'a.obsdate IS NOT NULL';

/** The keyset: the last obsid as the server sent it (text), exact also past 2^53. */
const AFTER = 'CAST(? AS UNSIGNED)';

/**
 * A page of the scope's spectra after `after`, in obsid order: a date range walks
 * catalogue_answer's primary key (nights filtered on the way), a batch its items (spec_check's
 * primary key) joined to the answers by theirs. The answer carries its survey fields
 * (migration 1760), so no survey table is read. STRAIGHT_JOIN keeps the batch's order. `columns`
 * name the answer's (a); the first is a.obsid, the keyset.
 */
function pageQuery(scope: CatalogueScope, columns: string, pageSize: number): { sql: string; args: string[] } {
  // The page size is ours and inlined: a prepared statement's LIMIT takes no parameter of mysql2's types.
  const limit = `LIMIT ${Math.trunc(pageSize)}`;
  if ('batchId' in scope) {
    return {
      sql: `SELECT STRAIGHT_JOIN ${columns} FROM spec_check sc JOIN catalogue_answer a ON a.obsid = sc.obsid
        WHERE sc.batch_id = ? AND ${SURVEYED} AND sc.obsid > ${AFTER} ORDER BY sc.obsid ${limit}`,
      args: [scope.batchId],
    };
  }
  const dates = ([['a.obsdate >= ?', scope.from], ['a.obsdate <= ?', scope.to]] as const).filter(([, v]) => v !== undefined);
  return {
    sql: `SELECT ${columns} FROM catalogue_answer a
      WHERE a.obsid > ${AFTER} AND ${SURVEYED}${dates.map(([condition]) => ` AND ${condition}`).join('')} ORDER BY a.obsid ${limit}`,
    args: dates.map(([, v]) => v!),
  };
}

/** The catalogue in pages of up to `pageSize` rows, in obsid order. */
export function catalogue(pool: Pool, scope: CatalogueScope, pageSize = PAGE): AsyncGenerator<CatalogueRecord[]> {
  return cataloguePages(pool, scope, COLUMNS, pageSize);
}

/**
 * The scope's rows of `columns` (a.obsid first), pages of up to `pageSize` in obsid order, after
 * folding in new verdicts. Read by prepared statement: the binary protocol brings each DOUBLE
 * as its 8 bytes, exact (mysql2's text parser misreads some 17-digit values) and without the
 * server writing it as text (about 1 µs a value).
 */
export async function* cataloguePages(pool: Pool, scope: CatalogueScope, columns: string, pageSize = PAGE): AsyncGenerator<unknown[][]> {
  const problem = scopeProblem(scope);
  if (problem) throw new RangeError(problem);
  if ('batchId' in scope) {
    const [found] = await pool.query('SELECT 1 FROM check_batch WHERE id = ?', [scope.batchId]);
    if ((found as Row[]).length === 0) throw new RangeError(`no batch ${scope.batchId}`);
  }
  await pool.query('CALL catalogue_refresh()');
  const { sql, args } = pageQuery(scope, columns, pageSize);
  // The date scope's placeholders come after the keyset's, the batch's before it.
  const at = 'batchId' in scope ? 1 : 0;
  const read = async (after: string) => {
    const [rows] = await pool.execute({ sql, rowsAsArray: true }, [...args.slice(0, at), after, ...args.slice(at)]);
    return rows as unknown[][];
  };
  // The next page is asked for before this one is handed out, so the server reads it while
  // the caller writes this one.
  let next: Promise<unknown[][]> | null = read('0');
  while (next) {
    const rows: unknown[][] = await next;
    next = rows.length === pageSize ? read(String(rows[rows.length - 1]![0])) : null;
    next?.catch(() => {}); // thrown where it is awaited, also when the caller stops early
    if (rows.length > 0) yield rows;
  }
}

const list = (v: unknown) => (v === '' ? [] : String(v).split(','));
const num = (v: unknown) => (v === null ? null : toNumber(v));

/** Each field of a record (COLUMNS order), as the catalogue row and the export's columns read it. */
export const field = {
  obsid: (r: CatalogueRecord) => toNumber(r[0]),
  lmjd: (r: CatalogueRecord) => toNumber(r[1]),
  planid: (r: CatalogueRecord) => String(r[2]),
  spid: (r: CatalogueRecord) => toNumber(r[3]),
  fiberid: (r: CatalogueRecord) => toNumber(r[4]),
  pipelineClass: (r: CatalogueRecord) => r[5] as SpecClass,
  pipelineSubclass: (r: CatalogueRecord) => String(r[6]),
  pipelineZ: (r: CatalogueRecord) => toNumber(r[7]),
  obsdate: (r: CatalogueRecord) => String(r[8]),
  ra: (r: CatalogueRecord) => num(r[9]),
  dec: (r: CatalogueRecord) => num(r[10]),
  designation: (r: CatalogueRecord) => (r[9] === null || r[10] === null ? '' : designation(toNumber(r[9]), toNumber(r[10]))),
  finalClass: (r: CatalogueRecord) => r[11] as SpecClass,
  finalSubclass: (r: CatalogueRecord) => String(r[12]),
  finalZ: (r: CatalogueRecord) => toNumber(r[13]),
  quality: (r: CatalogueRecord) => toNumber(r[14]),
  source: (r: CatalogueRecord) => r[15] as FinalSource,
  /** Comma-separated, as stored: the export writes them as they are. */
  flags: (r: CatalogueRecord) => String(r[16]),
  reviewers: (r: CatalogueRecord) => String(r[17]),
  firstChecked: (r: CatalogueRecord) => isoFromSql(r[18]),
  lastChecked: (r: CatalogueRecord) => isoFromSql(r[19]),
  recheckedBy: (r: CatalogueRecord) => (r[20] === null ? null : String(r[20])),
  recheckedAt: (r: CatalogueRecord) => (r[20] === null ? null : isoFromSql(r[21])),
};

/** One record → a catalogue row. */
export function catalogueRow(r: CatalogueRecord): CatalogueRow {
  const by = field.recheckedBy(r);
  return {
    obsid: field.obsid(r), designation: field.designation(r), obsdate: field.obsdate(r),
    lmjd: field.lmjd(r), planid: field.planid(r), spid: field.spid(r), fiberid: field.fiberid(r), ra: field.ra(r), dec: field.dec(r),
    pipeline: { class: field.pipelineClass(r), subclass: field.pipelineSubclass(r), z: field.pipelineZ(r) },
    final: { class: field.finalClass(r), subclass: field.finalSubclass(r), z: field.finalZ(r), quality: field.quality(r), source: field.source(r) },
    flags: list(r[16]),
    reviewers: list(r[17]),
    firstChecked: field.firstChecked(r), lastChecked: field.lastChecked(r),
    rechecked: by === null ? null : { by, at: field.recheckedAt(r)! },
  };
}
