/**
 * One pull page read from the server, bounded: at most `limit` rows per table, and at most a
 * byte budget of verdict text (comment, flags, subclass) whether the verdicts come as changes
 * or as the history of newly assigned spectra, which has a row limit of its own. Without the
 * budget, 300 verdicts of 1 MB made a colleague's sync take 460 MB (issue 16, finding 5).
 */
import type { PoolConnection } from 'mysql2/promise';
import type { Revision } from '../sync/contract';
import type { Row } from './rows';

/** Verdict text one page carries at most (the first verdict of a page always goes, so a page
 * always moves on); a verdict's text is at most ~100 kB (server caps, 1080). */
export const PAGE_BYTES = 8 * 1024 * 1024;
/** History rows (older verdicts on newly assigned spectra) one page carries at most. */
export const HISTORY_ROWS = 20_000;

export interface PageBounds {
  limit: number;
  maxBytes: number;
}

const ITEM_COLUMNS = 'batch_id, obsid, position, assigned, rev, lmjd, planid, spid, fiberid, ra, `dec`, objtype, tsource, mag_g, mag_r, mag_i, seeing, moon, class, subclass, z, z_err, snr_u, snr_g, snr_r, snr_i, snr_z, file_path';
const VERDICT_COLUMNS = ['id', 'obsid', 'batch_id', 'reviewer', 'class', 'subclass', 'z', 'quality', 'flags', 'comment', 'supersedes', 'created_at', 'rev'].map((c) => `v.${c}`).join(', ');
/** A verdict's size on the wire, roughly: its text fields plus the fixed-size rest. */
const VERDICT_BYTES = 'LENGTH(v.comment) + LENGTH(v.flags) + LENGTH(v.subclass) + 160';
// Older verdicts on the spectra of items with rev in (?, ?], the items in rev order.
const HISTORY_FROM = `FROM my_verdicts v JOIN my_items i ON i.obsid = v.obsid
     WHERE i.rev > CAST(? AS UNSIGNED) AND i.rev <= CAST(? AS UNSIGNED) AND v.rev <= CAST(? AS UNSIGNED)
     ORDER BY i.rev, v.rev`;

export interface RawPage {
  batches: Row[];
  items: Row[];
  /** Verdict changes, then the history of newly assigned spectra, each verdict once. */
  verdicts: Row[];
  /** How the 2D team handled the reader's problem reports (my_problems). */
  problems: Row[];
  mark: bigint;
  more: boolean;
}

/**
 * One pull page in one consistent snapshot: the counter and every table are read as of the
 * same instant, and rows with rev <= the counter are all committed and visible in it,
 * because writers take revisions under the counter's lock. A table cut (by rows or bytes) is
 * complete only up to its last row's revision: the page's watermark is the lowest such point,
 * and rows above it wait for the next page.
 */
export async function readPage(c: PoolConnection, since: Revision, b: PageBounds): Promise<RawPage> {
  await c.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  const query = async (sql: string, params: unknown[]) => (await c.query(sql, params))[0] as Row[];
  const [head] = await query('SELECT rev FROM sync_head', []);
  const page = (sql: string) => query(sql, [since, b.limit + 1]);
  const batches = await page('SELECT id, name, mode, assignee, state, created_at, DATE_FORMAT(due_date, \'%Y-%m-%d\') AS due_date, rev FROM my_batches WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?');
  const items = await page(`SELECT ${ITEM_COLUMNS} FROM my_items WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?`);
  const problems = await page('SELECT id, state, handled_by, handled_at, handled_note, rev FROM my_problems WHERE rev > CAST(? AS UNSIGNED) ORDER BY rev LIMIT ?');
  const changeSizes = await page(`SELECT v.rev, ${VERDICT_BYTES} AS bytes FROM my_verdicts v WHERE v.rev > CAST(? AS UNSIGNED) ORDER BY v.rev LIMIT ?`);
  const headRev = BigInt(String(head!.rev));
  let mark = headRev;
  for (const rows of [batches, items, problems]) {
    if (rows.length > b.limit) mark = min(mark, revOf(rows[b.limit - 1]!));
  }
  const changes = fitting(changeSizes, b.limit, b.maxBytes);
  if (changes < changeSizes.length) mark = min(mark, revOf(changeSizes[changes - 1]!));
  // History after the changes, within what the changes left of the budget.
  const spent = changeSizes.slice(0, changes).reduce((sum, r) => sum + Number(r.bytes), 0);
  const historySizes = await query(`SELECT i.rev AS item_rev, ${VERDICT_BYTES} AS bytes ${HISTORY_FROM} LIMIT ?`, [since, mark.toString(), since, HISTORY_ROWS + 1]);
  const cut = historyCut(historySizes, Math.max(1, b.maxBytes - spent), mark);
  mark = cut.mark;
  const verdictRows = await query(`SELECT ${VERDICT_COLUMNS} FROM my_verdicts v WHERE v.rev > CAST(? AS UNSIGNED) AND v.rev <= CAST(? AS UNSIGNED) ORDER BY v.rev`, [since, mark.toString()]);
  const history = cut.rows === 0 ? [] : await query(`SELECT ${VERDICT_COLUMNS} ${HISTORY_FROM} LIMIT ?`, [since, mark.toString(), since, cut.rows]);
  await c.query('COMMIT');
  return {
    batches: uptoRevision(batches, mark),
    items: uptoRevision(items, mark),
    problems: uptoRevision(problems, mark),
    verdicts: onceEach([...history.sort((x, y) => compareRev(revOf(x), revOf(y))), ...verdictRows]),
    mark,
    more: mark < headRev,
  };
}

/**
 * How many history rows (ordered by item, then verdict) the page takes, and the watermark that
 * leaves: only whole items' histories, unless the first item's alone is over the bounds — then
 * its oldest rows up to them, so that the page still moves on.
 */
function historyCut(rows: Row[], maxBytes: number, mark: bigint): { rows: number; mark: bigint } {
  const n = fitting(rows, HISTORY_ROWS, maxBytes);
  if (n === rows.length) return { rows: n, mark };
  const partial = BigInt(String(rows[n]!.item_rev));
  const whole = rows.findIndex((r) => BigInt(String(r.item_rev)) === partial);
  if (whole === 0) return { rows: n, mark: min(mark, partial) };
  return { rows: whole, mark: min(mark, partial - 1n) };
}

/** How many of `rows` (each with `bytes`) fit in `maxRows` and `maxBytes`; at least one. */
export function fitting(rows: readonly Row[], maxRows: number, maxBytes: number): number {
  let total = 0;
  const end = Math.min(rows.length, maxRows);
  for (let i = 0; i < end; i++) {
    total += Number(rows[i]!.bytes);
    if (total > maxBytes && i > 0) return i;
  }
  return end;
}

const revOf = (r: Row) => BigInt(String(r.rev));
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const compareRev = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** A spectrum in two newly assigned batches brings its history twice; and a verdict both new
 * and history cannot be (history is rev <= since), but the check is cheap. */
function onceEach(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(String(r.id)) && (seen.add(String(r.id)), true));
}

/** Rows (ordered by rev) with rev <= mark: trimmed from the end, so a 100k-row page that is
 * not cut costs no BigInt per row. */
function uptoRevision(rows: Row[], mark: bigint): Row[] {
  let end = rows.length;
  while (end > 0 && revOf(rows[end - 1]!) > mark) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
