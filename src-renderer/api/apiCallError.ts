/** An API failure as the renderer sees it: the host's code and its one-line message. */
import type { ApiErrorCode } from '../../shared/api';

export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** The line to show a person for anything thrown by an API call or the decoder. */
export function messageOf(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  // Electron wraps errors from ipcMain handlers: "Error invoking remote method 'x': Error: …".
  return raw.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}
