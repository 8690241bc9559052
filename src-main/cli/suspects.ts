/**
 * `batch create --suspects` on the coordinator's machine: the candidate spectra's files under
 * SPECVET_DATA (a directory) fitted on all cores, the disagreements with the pipeline ranked
 * (docs/assistant.md: choice and cost).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Queryable } from '../central/connection';
import { spectrumAnswers, type Candidate, type Reorder } from '../central/batches';
import { FitPool } from '../fit/pool';
import { rankSuspects, type Suspect } from '../fit/suspects';
import { UserError } from '../command/command';

export interface SuspectReport {
  fitted: number;
  /** Files that could not be read or fitted (left out). */
  failed: number;
  seconds: number;
  suspects: Suspect[];
}

export function suspectsDir(data: string | null): string {
  if (!data) throw new UserError('--suspects fits the spectrum files: set SPECVET_DATA to the directory that holds them');
  if (/^https?:\/\//i.test(data)) throw new UserError(`--suspects needs SPECVET_DATA as a directory (the files are fitted here), not ${data}`);
  let dir = false;
  try {
    dir = statSync(data).isDirectory();
  } catch {
    // reported below
  }
  if (!dir) throw new UserError(`SPECVET_DATA ${data} is not a directory`);
  return data;
}

/** A Reorder that keeps the suspects, most confident first; `report` receives what it did. */
export function suspectReorder(db: Queryable, dataDir: string, options: { templates?: string; threads?: number }, report: (r: SuspectReport) => void): Reorder {
  return async (spectra: Candidate[]) => {
    const answers = await spectrumAnswers(db, spectra.map((s) => s.obsid));
    const t0 = performance.now();
    const pool = await FitPool.start({ templates: options.templates, threads: Math.min(Math.max(1, answers.length), options.threads ?? availableParallelism()) });
    let rows;
    try {
      rows = await pool.fit(answers.map((a) => resolve(dataDir, a.filePath)));
    } finally {
      await pool.close();
    }
    const suspects = rankSuspects(answers, rows);
    const failed = rows.filter((r) => r.error).length;
    report({ fitted: rows.length - failed, failed, seconds: (performance.now() - t0) / 1000, suspects });
    const byId = new Map(spectra.map((s) => [s.obsid, s]));
    return suspects.map((s) => byId.get(s.obsid)!);
  };
}
