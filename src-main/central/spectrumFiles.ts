/**
 * Where the desk's plots find their spectra (issue 15): the file of one spectrum (a recheck
 * case) or of every fibre of one spectrograph of one plan (an opened problem report), as
 * spec_info holds them. Any role may read spec_info (migration 1090), so this needs no grant.
 */
import type { Pool } from 'mysql2/promise';
import { toNumber } from './connection';
import type { Row } from './rows';
import type { FibreFile, FileKey } from './qualityDesk';

export async function spectrumFiles(pool: Pool, key: FileKey): Promise<FibreFile[]> {
  const [rows] =
    'obsid' in key
      ? await pool.query('SELECT obsid, lmjd, planid, spid, fiberid, file_path FROM spec_info WHERE obsid = ?', [key.obsid])
      : await pool.query('SELECT obsid, lmjd, planid, spid, fiberid, file_path FROM spec_info WHERE lmjd = ? AND planid = ? AND spid = ? ORDER BY fiberid', [
          key.lmjd,
          key.planid,
          key.spid,
        ]);
  return (rows as Row[]).map((r) => ({
    obsid: toNumber(r.obsid), lmjd: toNumber(r.lmjd), planid: String(r.planid), spid: toNumber(r.spid), fiberid: toNumber(r.fiberid), filePath: String(r.file_path),
  }));
}
