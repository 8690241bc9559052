/**
 * The assistant's fit for `specvet trace`: fitted here from this person's local copy of the
 * spectrum (the cache the app uses on this SPECVET_HOME), as the app's trace screen fits it in
 * its worker; without a copy, why there is none.
 */
import { existsSync } from 'node:fs';
import type { CommandContext } from '../../command/command';
import type { FitRow } from '../../fit/fitFile';

export type LocalFit = { fit: FitRow; none: null } | { fit: null; none: string };

export async function localFit(ctx: CommandContext, obsid: number): Promise<LocalFit> {
  const config = ctx.config();
  const c = config.central;
  const { openLocalCache, resolveCacheFile } = await import('../../cache');
  const file = c ? resolveCacheFile(config.home, c) : null;
  if (!c || !file || !existsSync(file)) return { fit: null, none: 'no local cache on this SPECVET_HOME; sync first' };
  const cache = openLocalCache(file, c.user);
  let spectrum: string | null;
  let inBatch: boolean;
  try {
    spectrum = cache.cachedFile(obsid);
    inBatch = cache.findItem(obsid) !== undefined;
  } finally {
    cache.close();
  }
  if (!spectrum) return { fit: null, none: inBatch ? `spectrum ${obsid} is not in the local store yet; sync to fetch it` : `spectrum ${obsid} is in none of your batches` };
  const { fitFiles } = await import('../../fit/pool');
  const [row] = await fitFiles([spectrum], { threads: 1, ...(config.templates ? { templates: config.templates } : {}) });
  return row!.error ? { fit: null, none: row!.error } : { fit: row!, none: null };
}

export function localFitText(f: LocalFit): string {
  if (!f.fit) return `assistant: none — ${f.none}`;
  const r = f.fit;
  return `assistant (local copy): ${r.class} ${r.subclass ?? ''} z=${r.z?.toFixed(4)} ± ${r.zErr?.toFixed(4)}, χ²/dof ${r.reducedChi2?.toFixed(2)}`;
}
