/**
 * The handlers that work on the open session's local cache: what a reviewer reads and the
 * work they record. Every failure is a one-line ApiError saying what to do.
 */
import { readFile } from 'node:fs/promises';
import { ApiError, type ApiHandlers } from '../../shared/api';
import { UnknownBatchError, type LocalCache } from '../cache/localCache';
import { firstLine } from './apiErrors';

type ReviewMethods =
  | 'listBatches'
  | 'listItems'
  | 'readSpectrum'
  | 'saveVerdict'
  | 'undoVerdict'
  | 'setBookmark'
  | 'reportProblem'
  | 'listProblems'
  | 'getSettings'
  | 'saveSettings';

/**
 * `cache` is read on every call: sign-in and sign-out swap the session underneath. `dataSource`
 * is where the person's files come from now (null: nowhere), for the line a missing file gets.
 */
export function reviewHandlers(cache: () => LocalCache, changed: () => void, clock: () => Date, dataSource: () => string | null): Pick<ApiHandlers, ReviewMethods> {
  return {
    listBatches: async () => cache().listBatches(),
    listItems: async ({ batchId }) => cache().listItems(batchId),
    readSpectrum: async ({ obsid }) => {
      const file = cache().cachedFile(obsid);
      if (!file) {
        if (!cache().findItem(obsid)) throw new ApiError('not-found', `spectrum ${obsid} is in none of your batches`);
        throw new ApiError('not-found', whyNoFile(cache(), obsid, dataSource()));
      }
      try {
        return new Uint8Array(await readFile(file));
      } catch (err) {
        throw new ApiError('not-found', `spectrum ${obsid}: cannot read ${file} (${firstLine((err as Error).message)}); press Sync to fetch it again`);
      }
    },
    saveVerdict: async (input) => {
      if (!cache().findItem(input.obsid)) {
        throw new ApiError('not-found', `spectrum ${input.obsid} is in none of your batches; the verdict was not saved`);
      }
      const verdict = cache().addVerdict(input, clock());
      changed();
      return verdict;
    },
    undoVerdict: async () => {
      const undone = cache().undoLastVerdict();
      if (undone) changed();
      return undone;
    },
    setBookmark: async ({ batchId, position }) => {
      try {
        cache().setBookmark(batchId, position, clock());
      } catch (err) {
        if (err instanceof UnknownBatchError) throw new ApiError('not-found', err.message);
        throw err;
      }
    },
    reportProblem: async (input) => {
      const report = cache().addProblem(input, clock());
      changed();
      return report;
    },
    listProblems: async (at) => cache().problemsOn(at),
    getSettings: async () => cache().settings(),
    saveSettings: async (settings) => {
      cache().putSettings(settings);
      return settings;
    },
  };
}

const FAILURE_TEXT = {
  corrupt: 'is corrupt at the data source',
  missing: 'is not at the data source',
  unreachable: 'could not be fetched: the data source did not answer',
} as const;

/** The one line for a spectrum whose file is not stored: what the last sync found, else what to do. */
function whyNoFile(cache: LocalCache, obsid: number, source: string | null): string {
  if (source === null) return `spectrum ${obsid}: no data source set — press Ctrl+, to choose one`;
  const failure = cache.ledger.fileFailure(obsid);
  if (!failure) return `spectrum ${obsid} is not in the local store yet; press Sync to fetch it`;
  const next = failure.kind === 'unreachable' ? 'press Sync to try again' : 'tell whoever keeps the survey files; the next sync tries again';
  return `spectrum ${obsid}: its file ${failure.filePath} ${FAILURE_TEXT[failure.kind]} (${firstLine(failure.reason)}); ${next}`;
}
