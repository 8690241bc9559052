/** Central rows (as mysql2 returns them: BIGINT as text, DATETIME as text) → Interface types. */
import type { ProblemState, ReviewMode, SpecClass } from '../../shared/model';
import type { CentralBatch, CentralItem, CentralProblemState, CentralVerdict } from '../sync/contract';
import { isoFromSql, toNumber } from './connection';

export type Row = Record<string, unknown>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : toNumber(v));

export function batchFromRow(r: Row): CentralBatch {
  return {
    id: str(r.id),
    name: str(r.name),
    mode: r.mode as ReviewMode,
    assignee: str(r.assignee),
    state: r.state as CentralBatch['state'],
    createdAt: isoFromSql(r.created_at),
    dueDate: r.due_date === null || r.due_date === undefined ? null : str(r.due_date),
    rev: str(r.rev),
  };
}

export function itemFromRow(r: Row): CentralItem {
  return {
    batchId: str(r.batch_id),
    obsid: toNumber(r.obsid),
    position: toNumber(r.position),
    assigned: toNumber(r.assigned) === 1,
    lmjd: toNumber(r.lmjd),
    planid: str(r.planid),
    spid: toNumber(r.spid),
    fiberid: toNumber(r.fiberid),
    ra: numOrNull(r.ra),
    dec: numOrNull(r.dec),
    objtype: str(r.objtype),
    tsource: str(r.tsource),
    mag: { g: numOrNull(r.mag_g), r: numOrNull(r.mag_r), i: numOrNull(r.mag_i) },
    seeing: numOrNull(r.seeing),
    moon: numOrNull(r.moon),
    class: r.class as SpecClass,
    subclass: str(r.subclass),
    z: toNumber(r.z),
    zErr: toNumber(r.z_err),
    snr: { u: numOrNull(r.snr_u), g: numOrNull(r.snr_g), r: numOrNull(r.snr_r), i: numOrNull(r.snr_i), z: numOrNull(r.snr_z) },
    filePath: str(r.file_path),
    rev: str(r.rev),
  };
}

export function verdictFromRow(r: Row): CentralVerdict {
  return {
    id: str(r.id),
    obsid: toNumber(r.obsid),
    batchId: str(r.batch_id),
    reviewer: str(r.reviewer),
    class: r.class as SpecClass,
    subclass: str(r.subclass),
    z: toNumber(r.z),
    quality: toNumber(r.quality),
    flags: parseFlags(r.flags),
    comment: str(r.comment),
    supersedes: r.supersedes === null || r.supersedes === undefined ? null : str(r.supersedes),
    createdAt: isoFromSql(r.created_at),
    rev: str(r.rev),
  };
}

export function parseFlags(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v === '') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

export function problemStateFromRow(r: Row): CentralProblemState {
  return {
    id: str(r.id),
    state: r.state as ProblemState,
    handledBy: r.handled_by === null || r.handled_by === undefined ? null : str(r.handled_by),
    handledAt: r.handled_at === null || r.handled_at === undefined ? null : isoFromSql(r.handled_at),
    note: r.handled_note === null || r.handled_note === undefined ? null : str(r.handled_note),
    rev: str(r.rev),
  };
}
