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
