/**
 * The spectra the desk's plots read (issue 15): a recheck case's spectrum and the fibres of an
 * opened problem report. A coordinator or 2D user has these in no batch, so a file comes from
 * the local store when a sync fetched it, else straight from the data source (SPECVET_DATA) at
 * the path spec_info gives — read for the plot, not stored. Without either, one line says what
 * to set.
 */
import { readFile } from 'node:fs/promises';
import { ApiError, type ApiHandlers } from '../../shared/api';
import type { LocalCache } from '../cache/localCache';
import type { FileKey } from '../central/qualityDesk';
import { openFileSource, type FileSource } from '../files/source';
import { firstLine } from './apiErrors';
import type { CentralDesk } from './centralDesk';
import { NO_SERVER } from './deskHandlers';

type DeskFileMethods = 'deskSpectrum' | 'deskFibres';

const NO_SOURCE = 'is not on this computer and no data source is set: set SPECVET_DATA (or "data" in the config file) to the survey\'s spectrum files and open it again';
/** Paths learnt from deskFibres, so the spectrograph's 250 thumbnails ask the server once. */
const KEPT_PATHS = 2_000;

/** `data`: the data source now — a person's own, else the computer's (sync/dataSource.ts); it may change between calls. */
export function deskFileHandlers(cache: () => LocalCache, desk: () => CentralDesk | null, data: () => string | null): Pick<ApiHandlers, DeskFileMethods> {
  let opened: { data: string; source: FileSource } | null = null;
  const sourceOf = (d: string) => {
    if (opened?.data !== d) opened = { data: d, source: openFileSource(d) };
    return opened.source;
  };
  const paths = new Map<number, string>();
  const remember = (obsid: number, path: string) => {
    if (paths.size >= KEPT_PATHS) paths.delete(paths.keys().next().value!);
    paths.set(obsid, path);
  };
  const filesOf = async (key: FileKey) => {
    const d = desk();
    if (!d) throw new ApiError('offline', NO_SERVER);
    return d.client((c) => c.spectrumFiles(key));
  };
  return {
    deskSpectrum: async ({ obsid }) => {
      const local = cache().cachedFile(obsid);
      if (local) return new Uint8Array(await readFile(local));
      const d = data();
      if (d === null) throw new ApiError('not-found', `spectrum ${obsid} ${NO_SOURCE}`);
      let path = paths.get(obsid);
      if (path === undefined) {
        const [file] = await filesOf({ obsid });
        if (!file) throw new ApiError('not-found', `no spectrum with obsid ${obsid} on the central server`);
        path = file.filePath;
      }
      const source = sourceOf(d);
      try {
        return await source.get(path);
      } catch (err) {
        throw new ApiError('not-found', `spectrum ${obsid}: ${firstLine((err as Error).message)}; check SPECVET_DATA (${source.description})`);
      }
    },
    deskFibres: async (key) => {
      const files = await filesOf(key);
      for (const f of files) remember(f.obsid, f.filePath);
      const fibres = files.map(({ obsid, lmjd, planid, spid, fiberid }) => ({ obsid, lmjd, planid, spid, fiberid, local: cache().cachedFile(obsid) !== null }));
      const d = data();
      return { fibres, source: d === null ? null : sourceOf(d).description };
    },
  };
}
