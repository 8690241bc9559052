/**
 * Suspects (docs/assistant.md): spectra whose fit disagrees with the pipeline — another class,
 * or |Δz|/(1+z) ≥ 0.0033 — most confident disagreement first. Confidence is Δχ² between the
 * pipeline's answer (the fit's χ² curve of the pipeline's class at the pipeline's z) and the
 * fit's best; an answer the fit cannot even represent (a star at z = 0.2) comes before all.
 */
import type { FitRow } from './fitFile';

/** |Δz|/(1+z) from which two redshifts disagree (1000 km/s). */
export const SUSPECT_DZ = 0.0033;

export interface PipelineAnswer {
  obsid: number;
  class: string;
  z: number;
}

export interface Suspect {
  obsid: number;
  reason: 'class' | 'z';
  pipeline: { class: string; z: number };
  fit: { class: string; subclass: string | null; z: number };
  /** χ²(pipeline's answer) − χ²(fit's best); null: the fit has no such answer (class, z range). */
  deltaChi2: number | null;
}

export function disagreement(p: PipelineAnswer, row: FitRow): Suspect['reason'] | null {
  if (row.error || row.class === null || row.z === null) return null;
  if (row.class !== p.class) return 'class';
  return Math.abs(row.z - p.z) / (1 + p.z) >= SUSPECT_DZ ? 'z' : null;
}

/** Disagreements, most confident first; rows[i] is the fit of answers[i]. */
export function rankSuspects(answers: readonly PipelineAnswer[], rows: readonly FitRow[]): Suspect[] {
  const out: Suspect[] = [];
  answers.forEach((p, i) => {
    const row = rows[i]!;
    const reason = disagreement(p, row);
    if (!reason) return;
    out.push({ obsid: p.obsid, reason, pipeline: { class: p.class, z: p.z }, fit: { class: row.class!, subclass: row.subclass, z: row.z! }, deltaChi2: row.pipelineDeltaChi2 });
  });
  const key = (s: Suspect) => (s.deltaChi2 === null ? Infinity : s.deltaChi2);
  return out.sort((a, b) => key(b) - key(a) || a.obsid - b.obsid);
}
