/**
 * Batches as people name them: "gal-1" (every reviewer's share of the batch made under that
 * name), "gal-1" with an assignee (one share), or the id batch create printed. Names are unique
 * per assignee, so a name and an assignee always mean at most one batch.
 */
import type { Queryable } from './connection';

export interface BatchRef {
  /** A batch id (UUID) or a batch name. */
  ref: string;
  /** Only this reviewer's share. */
  assignee?: string;
}

export interface NamedBatch {
  id: string;
  name: string;
  assignee: string;
  state: 'active' | 'cancelled';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isBatchId = (s: string) => UUID.test(s);

function describe(r: BatchRef): string {
  return `${isBatchId(r.ref) ? 'batch id' : 'batch'} "${r.ref}"${r.assignee ? ` for ${r.assignee}` : ''}`;
}

/** Every batch `r` names, active or not, oldest first. */
export async function findBatches(db: Queryable, r: BatchRef): Promise<NamedBatch[]> {
  const byId = isBatchId(r.ref);
  const args: string[] = [byId ? r.ref.toLowerCase() : r.ref];
  if (r.assignee) args.push(r.assignee);
  const [rows] = await db.query(
    `SELECT id, name, assignee, state FROM check_batch WHERE ${byId ? 'id' : 'name'} = ?${r.assignee ? ' AND assignee = ?' : ''}
     ORDER BY created_at, assignee`,
    args,
  );
  return (rows as Record<string, unknown>[]).map((x) => ({ id: String(x.id), name: String(x.name), assignee: String(x.assignee), state: x.state as NamedBatch['state'] }));
}

/**
 * The active batches `r` names; a RangeError (the person's mistake, one line) when there are
 * none. `one`: exactly one is needed (reassign), so a name shared by several reviewers' shares
 * asks for --assignee.
 */
export async function activeBatches(db: Queryable, r: BatchRef, opts: { one?: boolean } = {}): Promise<NamedBatch[]> {
  const all = await findBatches(db, r);
  if (all.length === 0) throw new RangeError(`no ${describe(r)}; \`specvet batch list\` shows the batches`);
  const active = all.filter((b) => b.state === 'active');
  if (active.length === 0) throw new RangeError(`${describe(r)} is already cancelled; \`specvet batch list --state all\` shows it`);
  if (opts.one && active.length > 1) {
    throw new RangeError(`${describe(r)} is shared by ${active.map((b) => b.assignee).join(', ')}: say whose with --assignee`);
  }
  return active;
}
