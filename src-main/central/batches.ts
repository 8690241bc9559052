/**
 * Coordinator service: build batches from survey criteria, split them between reviewers,
 * cancel or reassign them. The CLI (`specvet batch create`) and the coordinator's screen
 * call these same functions. Writes go through the definer procedures batch_add /
 * batch_cancel, which only the coordinator role may execute.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import type { ReviewMode, SpecClass } from '../../shared/model';
import type { Queryable } from './connection';
import { CentralError } from './centralClient';
import { transaction } from './retry';
import { describeSpectra, groupBySpectrograph, selectSpectra, type BatchCriteria, type Candidate, type SampleSpectrum } from './batchSelection';

export type { BatchCriteria, Candidate, SampleSpectrum } from './batchSelection';

/**
 * Picks and orders spectra after selection (suspects: the fit's disagreements, ranked); the
 * limit applies after it. Runs where the files are (the coordinator's machine).
 */
export type Reorder = (spectra: Candidate[]) => Promise<Candidate[]>;

export interface SpectrumAnswer {
  obsid: number;
  class: string;
  z: number;
  filePath: string;
}

/** The pipeline's class and z and the file of each spectrum, in the order of `obsids`. */
export async function spectrumAnswers(db: Queryable, obsids: readonly number[]): Promise<SpectrumAnswer[]> {
  if (obsids.length === 0) return [];
  const [rows] = await db.query('SELECT obsid, class, z, file_path FROM spec_info WHERE obsid IN (?)', [obsids]);
  const by = new Map((rows as Record<string, unknown>[]).map((r) => [Number(r.obsid), { obsid: Number(r.obsid), class: String(r.class), z: Number(r.z), filePath: String(r.file_path) }]));
  return obsids.map((o) => by.get(o)!).filter(Boolean);
}

export interface BatchRequest {
  name: string;
  assignees: string[];
  mode: ReviewMode;
  criteria: BatchCriteria;
  /** Due date, YYYY-MM-DD; absent: none. */
  due?: string;
}

export interface PlannedBatch {
  id: string;
  assignee: string;
  obsids: number[];
}

export interface BatchPlan {
  /** Spectra matching the criteria (after the limit). */
  count: number;
  batches: PlannedBatch[];
}

/** What a batch would be, before it is made: the count, each reviewer's share, a sample. */
export interface BatchPreview {
  count: number;
  shares: { assignee: string; count: number }[];
  /** The first spectra in review order (suspects: the most confident first). */
  sample: SampleSpectrum[];
}

/**
 * Splits spectra between assignees as evenly as the mode allows: contiguous runs differing by
 * at most one spectrum, or in spectrograph mode whole spectrographs, each to the assignee with
 * the fewest so far (largest first), kept in review order within each batch.
 */
export function splitBatches(spectra: readonly Candidate[], assignees: readonly string[], mode: ReviewMode): PlannedBatch[] {
  const n = assignees.length;
  if (mode !== 'spectrograph') {
    return assignees.map((assignee, i) => {
      const start = Math.ceil((i * spectra.length) / n);
      const end = Math.ceil(((i + 1) * spectra.length) / n);
      return { id: randomUUID(), assignee, obsids: spectra.slice(start, end).map((s) => s.obsid) };
    });
  }
  const groups = groupBySpectrograph(spectra).map((g, order) => ({ g, order }));
  const shares = assignees.map(() => ({ size: 0, groups: [] as { g: Candidate[]; order: number }[] }));
  for (const entry of [...groups].sort((a, b) => b.g.length - a.g.length || a.order - b.order)) {
    const least = shares.reduce((best, s) => (s.size < best.size ? s : best));
    least.groups.push(entry);
    least.size += entry.g.length;
  }
  return assignees.map((assignee, i) => ({
    id: randomUUID(),
    assignee,
    obsids: shares[i]!.groups.sort((a, b) => a.order - b.order).flatMap((e) => e.g.map((s) => s.obsid)),
  }));
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** How a message names a field: the CLI's flags by default, the form passes its own labels. */
export type FieldLabel = (flag: 'from' | 'to' | 'due' | 'snr-min' | 'snr-max' | 'limit' | 'suspects' | 'mode') => string;
const cliFlag: FieldLabel = (flag) => `--${flag}`;

export function requestProblem(r: BatchRequest, label: FieldLabel = cliFlag): string | null {
  if (!r.name.trim() || r.name.length > 128) return 'a batch name is 1 to 128 characters';
  if (r.assignees.length === 0) return 'name at least one assignee';
  if (new Set(r.assignees).size !== r.assignees.length) return 'an assignee is named twice';
  const c = r.criteria;
  for (const [k, v] of [['from', c.from], ['to', c.to], ['due', r.due]] as const) {
    if (v !== undefined && !isDate(v)) return `${label(k)} must be a date YYYY-MM-DD, got "${v}"`;
  }
  if (c.from && c.to && c.from > c.to) return `${label('from')} ${c.from} is after ${label('to')} ${c.to}`;
  if (c.snrMin !== undefined && c.snrMax !== undefined && c.snrMin > c.snrMax) return `${label('snr-min')} ${c.snrMin} is above ${label('snr-max')} ${c.snrMax}`;
  if (c.limit !== undefined && (!Number.isInteger(c.limit) || c.limit < 1)) return `${label('limit')} must be a positive whole number`;
  if (c.suspects && r.mode === 'spectrograph') return `${label('suspects')} takes ${label('mode')} single or browse: suspects are scattered over spectrographs`;
  return null;
}

/**
 * Refuses a SpecVet member who is not a coordinator before anything is counted, so that a dry
 * run does not promise what the real run (batch_add, coordinator only) will refuse. A login
 * with no member row (the server's own admin account) is left to the server's grants.
 */
export async function assertMayCreateBatches(db: Queryable, user: string): Promise<void> {
  const [rows] = await db.query('SELECT role FROM my_member');
  const role = (rows as { role?: unknown }[])[0]?.role;
  if (role !== undefined && role !== 'coordinator') {
    throw new CentralError('denied', `denied: ${user} is a SpecVet ${String(role)} and may not create batches; ask a coordinator`);
  }
}

export async function planBatches(db: Queryable, r: BatchRequest, reorder?: Reorder): Promise<BatchPlan> {
  const problem = requestProblem(r);
  if (problem) throw new RangeError(problem);
  if (!reorder) {
    const spectra = await selectSpectra(db, r.criteria, r.mode === 'spectrograph');
    return { count: spectra.length, batches: splitBatches(spectra, r.assignees, r.mode) };
  }
  const { limit, ...rest } = r.criteria;
  const spectra = (await reorder(await selectSpectra(db, rest))).slice(0, limit);
  return { count: spectra.length, batches: splitBatches(spectra, r.assignees, r.mode) };
}

export const SAMPLE_SIZE = 10;

/** The plan without creating anything: what the CLI's --dry-run prints and the screen shows live. */
export async function previewBatches(db: Queryable, r: BatchRequest, reorder?: Reorder, sampleSize = SAMPLE_SIZE): Promise<BatchPreview> {
  const plan = await planBatches(db, r, reorder);
  // The shares are runs of the review (or suspect) order, so their concatenation is that order.
  const first = plan.batches.flatMap((b) => b.obsids);
  return {
    count: plan.count,
    shares: plan.batches.map((b) => ({ assignee: b.assignee, count: b.obsids.length })),
    sample: await describeSpectra(db, first.slice(0, sampleSize)),
  };
}

/** Creates the planned batches in one transaction: all of them or none. */
export async function createBatches(pool: Pool, r: BatchRequest, reorder?: Reorder): Promise<BatchPlan> {
  const plan = await planBatches(pool, r, reorder);
  if (plan.count === 0) throw new RangeError('no spectra match these criteria; nothing to assign');
  const criteria = JSON.stringify(r.criteria);
  await transaction(pool, async (c) => {
    for (const b of plan.batches) {
      await c.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', [b.id, r.name, r.mode, b.assignee, criteria, JSON.stringify(b.obsids)]);
      if (r.due) await c.execute('CALL batch_set_due(?, ?)', [b.id, r.due]);
    }
  });
  return plan;
}

export async function cancelBatch(pool: Pool, id: string): Promise<void> {
  await cancelBatches(pool, [id]);
}

/** Cancels every batch of `ids` in one transaction (a split batch goes whole, or not at all). */
export async function cancelBatches(pool: Pool, ids: readonly string[]): Promise<void> {
  await transaction(pool, async (c) => {
    for (const id of ids) await c.execute('CALL batch_cancel(?)', [id]);
  });
}

/** Sets (or, with null, clears) the due date of active batches, in one transaction. */
export async function setDueDate(pool: Pool, ids: readonly string[], due: string | null): Promise<void> {
  if (due !== null && !isDate(due)) throw new RangeError(`--due must be a date YYYY-MM-DD, got "${due}"`);
  await transaction(pool, async (c) => {
    for (const id of ids) await c.execute('CALL batch_set_due(?, ?)', [id, due]);
  });
}

/**
 * Gives a batch's remaining spectra to another reviewer: the batch is cancelled and a new one
 * made for them under the same name, or "name (2)", "name (3)"… where they already have one
 * by that name (names are unique per assignee), so a reassignment never fails on a name.
 */
export async function reassignBatch(pool: Pool, id: string, assignee: string): Promise<{ id: string; name: string }> {
  const newId = randomUUID();
  let newName = '';
  await transaction(pool, async (c) => {
    const [batches] = await c.execute('SELECT name, mode, criteria FROM check_batch WHERE id = ? AND state = ?', [id, 'active']);
    const b = (batches as Record<string, unknown>[])[0];
    if (!b) throw new RangeError(`no active batch ${id}`);
    const [items] = await c.execute('SELECT obsid FROM spec_check WHERE batch_id = ? AND assigned = 1 ORDER BY position', [id]);
    const obsids = (items as { obsid: unknown }[]).map((i) => Number(i.obsid));
    await c.execute('CALL batch_cancel(?)', [id]);
    const criteria = b.criteria === null ? null : typeof b.criteria === 'string' ? b.criteria : JSON.stringify(b.criteria);
    newName = await freeName(c, String(b.name), assignee);
    await c.execute('CALL batch_add(?, ?, ?, ?, ?, ?)', [newId, newName, String(b.mode), assignee, criteria, JSON.stringify(obsids)]);
  });
  return { id: newId, name: newName };
}

async function freeName(c: Queryable, name: string, assignee: string): Promise<string> {
  const [rows] = await c.execute('SELECT name FROM check_batch WHERE assignee = ? AND (name = ? OR name LIKE ?)', [assignee, name, `${name.replace(/[\\%_]/g, '\\$&')} (%)`]);
  const taken = new Set((rows as { name: string }[]).map((r) => r.name));
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

export interface RecheckInput {
  /** Client UUID: repeating the call lands once. */
  id: string;
  obsid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number;
  comment: string;
}

/** Records coordinators' resolutions of disagreements (humanrecheck), under their own name. */
export async function addRechecks(pool: Pool, rows: readonly RecheckInput[]): Promise<void> {
  if (rows.length === 0) return;
  await transaction(pool, (c) => c.execute('CALL recheck_add(?)', [JSON.stringify(rows)]));
}
