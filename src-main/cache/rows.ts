/** SQLite rows of the local cache and their mapping to the domain model. */
import type { ItemFiber, ProblemReport, ProblemState, Quality, ReviewMode, SpecClass, Verdict } from '../../shared/model';

export interface ItemRow extends ItemFiber {
  batch_id: string;
  obsid: number;
  position: number;
  assigned: 0 | 1;
  objtype: string;
  tsource: string;
  mag_g: number | null;
  mag_r: number | null;
  mag_i: number | null;
  seeing: number | null;
  moon: number | null;
  class: SpecClass;
  subclass: string;
  z: number;
  z_err: number;
  snr_u: number | null;
  snr_g: number | null;
  snr_r: number | null;
  snr_i: number | null;
  snr_z: number | null;
  file_path: string;
  cached: 0 | 1;
}

export interface VerdictRow {
  id: string;
  obsid: number;
  batch_id: string;
  reviewer: string;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: Quality;
  flags: string;
  comment: string;
  supersedes: string | null;
  created_at: string;
  pushed: 0 | 1;
}

export interface ProblemRow {
  id: string;
  lmjd: number;
  planid: string;
  spid: number;
  fiber_from: number;
  fiber_to: number;
  type: string;
  origin: 'raw' | '2d';
  text: string;
  reporter: string;
  created_at: string;
  state: ProblemState;
  handled_by: string | null;
  handled_at: string | null;
  handled_note: string | null;
  pushed: 0 | 1;
}

export interface BatchRow {
  id: string;
  name: string;
  mode: ReviewMode;
  assignee: string;
  state: 'active' | 'cancelled';
  item_count: number;
  reviewed_count: number;
  bookmark: number | null;
  last_opened: string | null;
  due_date: string | null;
}

export function toVerdict(r: VerdictRow): Verdict {
  return {
    id: r.id,
    obsid: r.obsid,
    batchId: r.batch_id,
    reviewer: r.reviewer,
    class: r.class,
    subclass: r.subclass,
    z: r.z,
    quality: r.quality,
    flags: JSON.parse(r.flags) as string[],
    comment: r.comment,
    supersedes: r.supersedes,
    createdAt: r.created_at,
    pushed: r.pushed === 1,
  };
}

export function toProblem(r: ProblemRow): ProblemReport {
  return {
    id: r.id,
    lmjd: r.lmjd,
    planid: r.planid,
    spid: r.spid,
    fiberFrom: r.fiber_from,
    fiberTo: r.fiber_to,
    type: r.type,
    origin: r.origin,
    text: r.text,
    reporter: r.reporter,
    createdAt: r.created_at,
    state: r.state,
    handling: r.handled_by && r.handled_at ? { by: r.handled_by, at: r.handled_at, note: r.handled_note ?? '' } : null,
    pushed: r.pushed === 1,
  };
}
