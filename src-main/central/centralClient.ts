/**
 * What the sync engine asks of the central database, for the signed-in person.
 * Implemented over mysql2 in this folder; consumed by src-main/sync. Every call runs with
 * the person's own MySQL account, so the server's roles, views and definer procedures decide
 * what they may read and write — this interface adds no trust of its own.
 */
import type { Role } from '../../shared/model';
import type { NodeAddress } from '../../shared/centralUrl';
import type { PullPage, PushBatch, Revision } from '../sync/contract';
import type { QualityDesk } from './qualityDesk';

export interface Member {
  user: string;
  role: Role;
  department: string;
  active: boolean;
}

/** busy: lock waits (1205) or deadlocks (1213) still failing after the retries — nothing was
 * committed, and trying again later will do. */
export type CentralErrorKind = 'offline' | 'busy' | 'auth' | 'disabled' | 'schema-newer' | 'schema-missing' | 'denied'
  // The address reached a database other than the one the local cache belongs to.
  | 'wrong-database';

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

/** Which database and node a client reached. */
export interface ServerInfo {
  /** The database's own identity (central_identity, made at migrate time; the same on every
   * node of a cluster): what the local cache is keyed by. */
  databaseId: string;
  /** The node that answered. */
  node: NodeAddress;
  /** Nodes listed before it that did not answer, in order (empty when the first did). */
  skipped: readonly NodeAddress[];
}

export interface CentralClient extends QualityDesk {
  readonly user: string;
  /** Which database and node this client reached; throws CentralError like me(). */
  server(): Promise<ServerInfo>;
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
  /** A cluster's nodes, tried in order until one answers; absent: host:port only. */
  nodes?: readonly NodeAddress[];
  database: string;
  user: string;
  password: string;
}

export type OpenCentralClient = (login: CentralLogin) => Promise<CentralClient>;
