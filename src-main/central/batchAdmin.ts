/**
 * What a coordinator does with batches and progress, as one interface over a connection pool
 * as the person: the CLI's `batch …` / `progress` commands and the coordinator's screen use
 * this same object, and the server's roles decide (reads need SELECT on the check tables,
 * writes go through coordinator-only definer procedures).
 */
import type { Pool } from 'mysql2/promise';
import { assertMayCreateBatches, cancelBatches, createBatches, previewBatches, reassignBatch, setDueDate, type BatchPlan, type BatchPreview, type BatchRequest, type Reorder } from './batches';
import { activeBatches, type BatchRef, type NamedBatch } from './batchNames';
import { listBatches, type BatchFilter, type BatchProgressRow } from './batchList';
import { activeMembers, type ActiveMember } from './members';
import { progress, type Period, type ProgressReport, type ProgressView } from './progress';

export interface BatchAdmin {
  /** Refuses (CentralError 'denied') a member who is not a coordinator, before any work. */
  assertCoordinator(): Promise<void>;
  preview(r: BatchRequest, reorder?: Reorder): Promise<BatchPreview>;
  create(r: BatchRequest, reorder?: Reorder): Promise<BatchPlan>;
  list(f?: BatchFilter): Promise<BatchProgressRow[]>;
  /** Cancels every active batch `ref` names (all reviewers' shares of a name, unless one is given). */
  cancel(ref: BatchRef): Promise<NamedBatch[]>;
  reassign(ref: BatchRef, to: string): Promise<{ from: NamedBatch; id: string; name: string }>;
  setDue(ref: BatchRef, due: string | null): Promise<NamedBatch[]>;
  progress(period: Period, by: ProgressView): Promise<ProgressReport>;
  /** The team's active members, reviewers first: whom a batch can go to. */
  members(): Promise<ActiveMember[]>;
}

export function batchAdminOver(pool: Pool, user: string): BatchAdmin {
  return {
    assertCoordinator: () => assertMayCreateBatches(pool, user),
    preview: (r, reorder) => previewBatches(pool, r, reorder),
    create: (r, reorder) => createBatches(pool, r, reorder),
    list: (f) => listBatches(pool, f),
    async cancel(ref) {
      const batches = await activeBatches(pool, ref);
      await cancelBatches(pool, batches.map((b) => b.id));
      return batches;
    },
    async reassign(ref, to) {
      const [from] = await activeBatches(pool, ref, { one: true });
      return { from: from!, ...(await reassignBatch(pool, from!.id, to)) };
    },
    async setDue(ref, due) {
      const batches = await activeBatches(pool, ref);
      await setDueDate(pool, batches.map((b) => b.id), due);
      return batches;
    },
    progress: (period, by) => progress(pool, period, by),
    members: () => activeMembers(pool),
  };
}
