/**
 * Turns whatever a service threw into the ApiError both hosts send: a code the UI can act on
 * and one line for the person. Unknown failures become 'internal' with their first line — no
 * stack crosses the boundary.
 */
import { ApiError, type ApiErrorCode } from '../../shared/api';
import { CentralError, type CentralErrorKind } from '../central/centralClient';
import { ProblemOverlapError, VerdictBeingSentError } from '../cache/localCache';

const CENTRAL_CODES: Record<CentralErrorKind, ApiErrorCode> = {
  offline: 'offline',
  busy: 'offline',
  auth: 'auth',
  disabled: 'auth',
  denied: 'auth',
  'schema-newer': 'conflict',
  'schema-missing': 'conflict',
  'wrong-database': 'conflict',
};

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof CentralError) return new ApiError(CENTRAL_CODES[err.kind], firstLine(err.message));
  if (err instanceof VerdictBeingSentError || err instanceof ProblemOverlapError) return new ApiError('conflict', firstLine(err.message));
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('internal', firstLine(message) || 'internal error');
}

export function firstLine(s: string): string {
  return (s.split('\n', 1)[0] ?? '').slice(0, 500);
}
