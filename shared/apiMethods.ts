/**
 * The API's method and event names, listed once. Zod-free on purpose: the sandboxed preload
 * and the renderer's HTTP client need the names at run time, and importing them from
 * shared/api.ts would bundle zod and every schema into both. shared/api.ts builds the
 * contract on these lists, and the compiler holds it to them.
 */

export const API_METHODS = [
  'status',
  'listBatches',
  'listItems',
  'readSpectrum',
  'saveVerdict',
  'undoVerdict',
  'setBookmark',
  'reportProblem',
  'listProblems',
  'getSettings',
  'saveSettings',
  'setDataSource',
  'listTemplates',
  'readTemplate',
  'sync',
  'signIn',
  'signOut',
  'deskMember',
  'teamBatches',
  'cancelBatch',
  'reassignBatch',
  'teamMembers',
  'previewBatch',
  'createBatch',
  'setBatchDue',
  'progress',
  'recheckList',
  'recheckResolve',
  'problemList',
  'problemSetState',
  'trace',
  'deskSpectrum',
  'deskFibres',
  'exportCatalogue',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export const API_EVENTS = ['syncProgress', 'statusChanged', 'menu', 'exportProgress'] as const;
export type ApiEvent = (typeof API_EVENTS)[number];

const METHOD_NAMES: ReadonlySet<string> = new Set(API_METHODS);
const EVENT_NAMES: ReadonlySet<string> = new Set(API_EVENTS);

export function isApiMethod(name: string): name is ApiMethod {
  return METHOD_NAMES.has(name);
}

export function isApiEvent(name: string): name is ApiEvent {
  return EVENT_NAMES.has(name);
}
