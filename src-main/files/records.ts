/** The file phase's records: which spectrum files a cache lacks, and what was stored for each. */
export interface FileWanted {
  obsid: number;
  filePath: string;
}

export interface FileRecord {
  obsid: number;
  sha256: string;
  size: number;
}

/**
 * Why a file could not be fetched: it is spoiled at its source (it arrived whole but is not a
 * spectrum: fetching again would give the same bytes), it is not there, or the source did not
 * answer in time (worth another try).
 */
export type FileFailureKind = 'corrupt' | 'missing' | 'unreachable';

export interface FileFailure extends FileWanted {
  kind: FileFailureKind;
  reason: string;
}
