/**
 * What the sync engine asks of the central database, for the signed-in person.
 * Implemented over mysql2 in this folder; consumed by src-main/sync. Every call runs with
 * the person's own MySQL account, so the server's roles, views and definer procedures decide
 * what they may read and write — this interface adds no trust of its own.
 */
import type { FiberTarget, ProblemOrigin, ReviewMode, Role, SignalToNoise, SpecClass } from '../../shared/model';

/** A central revision: decimal text of a BIGINT UNSIGNED whose order is the commit order. */
export type Revision = string;

export interface Member {
  user: string;
  role: Role;
  department: string;
  active: boolean;
}

export interface CentralBatch {
  id: string;
  name: string;
  mode: ReviewMode;
  assignee: string;
  state: 'active' | 'cancelled';
  createdAt: string;
  rev: Revision;
}

/** A spectrum in a batch, joined with its survey metadata; `assigned: false` is a tombstone. */
export interface CentralItem extends FiberTarget {
  batchId: string;
  obsid: number;
  position: number;
  assigned: boolean;
  objtype: string;
  class: SpecClass;
  subclass: string;
  z: number;
  zErr: number;
  snr: SignalToNoise;
  filePath: string;
  rev: Revision;
}

export interface CentralVerdict {
  id: string;
  obsid: number;
  batchId: string;
  reviewer: string;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number;
  flags: string[];
  comment: string;
  supersedes: string | null;
  createdAt: string;
  rev: Revision;
}

export interface CentralBookmark {
  batchId: string;
  position: number;
  updatedAt: string;
}

export interface CentralProblem {
  id: string;
  lmjd: number;
  planid: string;
  spid: number;
  fiberFrom: number;
  fiberTo: number;
  type: string;
  origin: ProblemOrigin;
  text: string;
  createdAt: string;
}

export interface PullPage {
  batches: CentralBatch[];
  items: CentralItem[];
  /** Central verdict history of the person's spectra (their own and others' on the same obsid). */
  verdicts: CentralVerdict[];
  /** Watermark to store with this page; pass it back as `since` for the next page. */
  rev: Revision;
  more: boolean;
}

/** One push: applied in one central transaction; every row is an idempotent insert by id. */
export interface PushBatch {
  verdicts: Omit<CentralVerdict, 'reviewer' | 'rev'>[];
  problems: CentralProblem[];
  bookmarks: CentralBookmark[];
}

export type CentralErrorKind = 'offline' | 'auth' | 'disabled' | 'schema-newer' | 'schema-missing' | 'denied';

/** A failure the person can act on; `message` is one line saying what to do. */
export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    /**
     * The server refused what was sent — a procedure's SIGNAL or a constraint on a row — rather
     * than the person's rights or the connection: sending the same rows again fails the same way.
     */
    readonly refusedInput = false,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

export interface CentralSession {
  readonly user: string;
  /** Who the server says we are; throws CentralError for a wrong password, disabled account, newer schema. */
  me(): Promise<Member>;
  /** Changes visible to this person with revision > since, at most `limit` rows per table. */
  pull(since: Revision, limit: number): Promise<PullPage>;
  /** One central transaction; retried whole on deadlock / lock-wait; resolves only after commit. */
  push(batch: PushBatch): Promise<void>;
  close(): Promise<void>;
}

export interface CentralLogin {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

export type OpenCentralSession = (login: CentralLogin) => Promise<CentralSession>;
