/**
 * A data source is checked before it is kept: a folder must be there now (a typo would
 * otherwise show up only as "not at the source" on every spectrum after the next sync). An
 * address is not fetched here: a server that is down today may be up at the next sync.
 */
import { stat } from 'node:fs/promises';
import { ApiError } from '../../shared/api';

export async function checkDataSource(source: string | null): Promise<void> {
  if (source === null || /^https?:\/\//i.test(source)) return;
  const found = await stat(source).catch(() => null);
  if (!found?.isDirectory()) {
    throw new ApiError('bad-input', `data source ${source} is ${found ? 'a file, not a folder' : 'not there'}; check the path (is the archive mounted?) and choose it again`);
  }
}
