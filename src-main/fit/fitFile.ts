/** One spectrum file → one row: the fit's answer beside the pipeline's (from the file's headers). */
import { readFile } from 'node:fs/promises';
import { chi2At, fitSpectrum, type FitCandidate, type TemplateLibrary } from '../../shared/fit';
import { decodeSpectrumNode } from '../spectrum/nodeDecode';

export interface FitRow {
  file: string;
  /** Set when the file could not be read or fitted: the sentence saying why. */
  error: string | null;
  class: string | null;
  subclass: string | null;
  template: string | null;
  z: number | null;
  zErr: number | null;
  chi2: number | null;
  reducedChi2: number | null;
  deltaChi2: number | null;
  /** The runner-up, for a reader judging how sure the fit is. */
  second: Pick<FitCandidate, 'class' | 'subclass' | 'z'> | null;
  pipeline: { class: string | null; subclass: string | null; z: number | null; zErr: number | null };
  /** χ² of the pipeline's class and z (on the fit's curve) minus the best's; null off the fit's range. */
  pipelineDeltaChi2: number | null;
}

const NO_PIPELINE = { class: null, subclass: null, z: null, zErr: null };

export async function fitFile(file: string, lib: TemplateLibrary): Promise<FitRow> {
  const empty = { file, class: null, subclass: null, template: null, z: null, zErr: null, chi2: null, reducedChi2: null, deltaChi2: null, second: null, pipelineDeltaChi2: null };
  let spectrum;
  try {
    spectrum = decodeSpectrumNode(new Uint8Array(await readFile(file)), file);
  } catch (err) {
    return { ...empty, error: (err as Error).message.split('\n', 1)[0]!, pipeline: NO_PIPELINE };
  }
  const m = spectrum.meta;
  const pipeline = { class: m.class, subclass: m.subclass, z: m.z, zErr: m.zErr };
  // No models: a row holds none, and each would cost a least-squares solve.
  const r = fitSpectrum(spectrum, lib, { models: false });
  if (!r.ok) return { ...empty, error: `${file}: ${r.reason}`, pipeline };
  const b = r.best;
  const s = r.candidates[1];
  const atPipeline = m.class !== null && m.z !== null ? chi2At(r.curves, m.class, m.z) : null;
  return {
    file,
    error: null,
    class: b.class,
    subclass: b.subclass,
    template: b.template,
    z: b.z,
    zErr: b.zErr,
    chi2: b.chi2,
    reducedChi2: r.reducedChi2,
    deltaChi2: r.deltaChi2,
    second: s ? { class: s.class, subclass: s.subclass, z: s.z } : null,
    pipeline,
    pipelineDeltaChi2: atPipeline === null ? null : Math.max(0, atPipeline - b.chi2),
  };
}
