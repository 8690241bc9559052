/**
 * The one error type of the FITS layer and the spectrum decoder. `code` lets callers act
 * (a truncated download can be fetched again; an unsupported format cannot), the message
 * names the file and what was found, in one line a user can read.
 */
export type FitsErrorCode =
  /** The file ends before what its headers describe (cut-short download, missing END). */
  | 'truncated'
  /** A header card is malformed or a mandatory keyword is missing or out of range. */
  | 'bad-header'
  /** The gzip wrapper is corrupt. */
  | 'gzip'
  /** Valid FITS, but a feature this reader does not handle (e.g. MRS, variable-length arrays). */
  | 'unsupported'
  /** Valid FITS, but not one of the spectrum layouts we know. */
  | 'not-a-spectrum';

export class FitsError extends Error {
  override name = 'FitsError';
  constructor(
    readonly code: FitsErrorCode,
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}
