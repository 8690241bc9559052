/**
 * The handlers of the central desk (issue 15): the coordinator's batches, progress and
 * recheck, the 2D team's problems, and tracing. They run online as the signed-in person, so
 * the server's grants and definer procedures decide who may do what; the screens only hide
 * what the role cannot do. The demo has no server: every call says so in one line.
 */
import { DEFAULT_THRESHOLDS } from '../../shared/agreement';
import { ApiError, type ApiHandlers } from '../../shared/api';
import type { CentralDesk } from './centralDesk';
import { deskBatchHandlers } from './deskBatchHandlers';

type DeskMethods =
  | 'deskMember'
  | 'teamBatches'
  | 'cancelBatch'
  | 'reassignBatch'
  | 'teamMembers'
  | 'previewBatch'
  | 'createBatch'
  | 'setBatchDue'
  | 'progress' | 'recheckList' | 'recheckResolve' | 'problemList' | 'problemSetState' | 'trace';

export const NO_SERVER = 'offline — batches, progress, recheck, problems and tracing need the central server; this is the demo, sign in to one';

/** `desk` is read on every call: sign-in and sign-out swap the session underneath. */
export function deskHandlers(desk: () => CentralDesk | null): Pick<ApiHandlers, DeskMethods> {
  const online = (): CentralDesk => {
    const d = desk();
    if (!d) throw new ApiError('offline', NO_SERVER);
    return d;
  };
  return {
    ...deskBatchHandlers(online),
    deskMember: async () =>
      online().client(async (c) => {
        const { user, role } = await c.me();
        return { user, role };
      }),
    teamBatches: async () => online().admin((a) => a.list({ state: 'active' })),
    cancelBatch: async ({ id }) => online().admin(async (a) => (await a.cancel({ ref: id })).map(({ id, name, assignee }) => ({ id, name, assignee }))),
    reassignBatch: async ({ id, to }) =>
      online().admin(async (a) => {
        const moved = await a.reassign({ ref: id }, to);
        return { id: moved.id, name: moved.name };
      }),
    // Asked by reviewer or by batch, the report is of that kind; the compiler cannot narrow it.
    progress: async ({ from, to, by }) => online().admin((a) => a.progress({ from, to }, by)) as ReturnType<ApiHandlers['progress']>,
    recheckList: async (t) => online().client((c) => c.recheckList({ ...DEFAULT_THRESHOLDS, ...t })),
    recheckResolve: async (resolution) =>
      online().client(async (c) => {
        const { id, obsid } = await c.recheckResolve(resolution);
        return { id, obsid };
      }),
    problemList: async (filter) => online().client((c) => c.problemList(filter)),
    problemSetState: async ({ id, action, note }) => online().client((c) => c.problemSetState(id, action, note)),
    trace: async ({ key, at }) => online().client((c) => c.trace(key, at)),
  };
}
