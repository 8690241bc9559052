/**
 * The coordinator's batch building in the app (issue 15): the team's members, the live preview
 * and the creation of a batch, and its due date — through the same BatchAdmin service as
 * `specvet batch create`, as the signed-in person (batch_add refuses anyone but a coordinator).
 * A wrong value comes back as one line naming the form's field (RangeError → 'bad-input').
 */
import { BATCH_FIELD_LABELS, type DeskBatchRequest } from '../../shared/desk';
import type { ApiHandlers } from '../../shared/api';
import type { BatchAdmin } from '../central/batchAdmin';
import type { BatchRequest } from '../central/batches';
import type { CentralDesk } from './centralDesk';

type BatchMethods = 'teamMembers' | 'previewBatch' | 'createBatch' | 'setBatchDue';

/** Who a preview splits for while no assignee is named yet; never shown, never stored. */
const NOBODY_YET = '(no assignee yet)';

/**
 * The request checked as the form names its fields, every assignee an active member. A
 * preview may come before the form has a name or an assignee: it counts for a stand-in.
 */
async function checked(a: BatchAdmin, r: DeskBatchRequest, preview = false): Promise<BatchRequest> {
  const { requestProblem } = await import('../central/batches');
  const { unknownAssigneeProblem } = await import('../central/members');
  await a.assertCoordinator();
  const { due, ...rest } = r;
  const request: BatchRequest = { ...rest, ...(due ? { due } : {}) };
  if (preview && !request.name.trim()) request.name = 'preview';
  const stand = preview && request.assignees.length === 0 ? { ...request, assignees: [NOBODY_YET] } : request;
  const problem =
    requestProblem(stand, (flag) => BATCH_FIELD_LABELS[flag]) ??
    unknownAssigneeProblem(request.assignees, await a.members()) ??
    (request.criteria.suspects ? "suspects are fitted from the spectrum files on the coordinator's machine: use specvet batch create --suspects" : null);
  if (problem) throw new RangeError(problem);
  return stand;
}

export function deskBatchHandlers(online: () => CentralDesk): Pick<ApiHandlers, BatchMethods> {
  return {
    teamMembers: async () => online().admin((a) => a.members()),
    previewBatch: async (r) =>
      online().admin(async (a) => {
        const p = await a.preview(await checked(a, r, true));
        return { count: p.count, shares: r.assignees.length ? p.shares : [], sample: p.sample };
      }),
    createBatch: async (r) =>
      online().admin(async (a) => {
        const plan = await a.create(await checked(a, r));
        return { count: plan.count, batches: plan.batches.map((b) => ({ id: b.id, assignee: b.assignee, count: b.obsids.length })) };
      }),
    setBatchDue: async ({ id, due }) =>
      online().admin(async (a) => {
        const { isDate } = await import('../central/batches');
        if (due !== null && !isDate(due)) throw new RangeError(`${BATCH_FIELD_LABELS.due} must be a date YYYY-MM-DD, got "${due}"; or "none" to clear it`);
        const changed = await a.setDue({ ref: id }, due);
        return changed.map((b) => ({ name: b.name, assignee: b.assignee, due }));
      }),
  };
}
