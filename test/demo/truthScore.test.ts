/** Fits scored against the demo truth as the issue asks: S/N ≥ 5, per class, faulty fibres apart. */
import { describe, expect, it } from 'vitest';
import { scoreFits, scoreSuspects, total } from '../../src-main/demo/truthScore';
import type { FitRow } from '../../src-main/fit/fitFile';
import type { SurveyBundle } from '../../src-main/survey/bundle';

const at = (fiberid: number) => ({ lmjd: 58000, planid: 'P1', spid: 1, fiberid });

/** Fibres 1–4; fibre 3 in a stray-light block, fibre 4 at S/N 3. */
function bundle(): SurveyBundle {
  const truth = [
    { obsid: 1, class: 'STAR', z: 0 },
    { obsid: 2, class: 'QSO', z: 2 },
    { obsid: 3, class: 'STAR', z: 0 },
    { obsid: 4, class: 'GALAXY', z: 0.1 },
  ] as const;
  return {
    spec_info: truth.map((t) => ({ ...at(t.obsid), obsid: t.obsid })),
    obj_info: truth.map((t) => ({ ...at(t.obsid), snr_r: t.obsid === 4 ? 3 : 20 })),
    truth: { spectra: truth.map((t) => ({ ...t, subclass: '', pipelineError: null })), faults: [{ lmjd: 58000, planid: 'P1', spid: 1, fiberFrom: 3, fiberTo: 3, kind: 'stray-light' }] },
  } as unknown as SurveyBundle;
}

describe('scoreFits', () => {
  it('scores clean S/N ≥ 5 spectra per class, and keeps faulty fibres and low S/N apart', () => {
    const score = scoreFits(bundle(), [
      { class: 'STAR', z: 0.00001 },
      // a QSO 600 km/s off: class right, z outside 0.001, inside the ≠ rule's 0.0033
      { class: 'QSO', z: 2 + (3 * 600) / 299792.458 },
      { class: 'GALAXY', z: 0.001 },
      { class: 'GALAXY', z: 0.1 },
    ]);
    expect(score.clean.get('STAR')).toMatchObject({ n: 1, right: 1, zRight: 1, zClose: 1 });
    expect(score.clean.get('QSO')).toMatchObject({ n: 1, right: 1, zRight: 0, zClose: 1 });
    expect(total(score.clean)).toMatchObject({ n: 2, right: 2 });
    expect(total(score.faulty)).toMatchObject({ n: 1, right: 0 });
    expect([...score.faulty.get('STAR')!.confusions]).toEqual([['STAR → GALAXY', 1]]);
    expect(score.lowSnr.get('GALAXY')).toMatchObject({ n: 1, right: 1 });
  });
});

describe('scoreSuspects', () => {
  it('counts the planted wrong pipeline answers among the suspects, ranked by Δχ²', () => {
    const b = bundle();
    // Pipeline: 1 STAR (right), 2 GALAXY (planted wrong class), 3 STAR (right, but a faulty fibre), 4 GALAXY at 0.3 (planted wrong z).
    const pipeline = [['STAR', 0], ['GALAXY', 2], ['STAR', 0], ['GALAXY', 0.3]] as const;
    b.spec_info.forEach((s, i) => Object.assign(s, { class: pipeline[i]![0], z: pipeline[i]![1] }));
    b.truth.spectra[1]!.pipelineError = 'class';
    b.truth.spectra[3]!.pipelineError = 'z';
    const row = (cls: string, z: number, pipelineDeltaChi2: number): FitRow => ({ file: '', class: cls, subclass: null, template: null, z, zErr: 0, chi2: 1, reducedChi2: 1, deltaChi2: 1, second: null, pipelineDeltaChi2 } as FitRow);
    // The fit: right on 1, 2 and 4; on the faulty fibre it says GALAXY, more confidently than on 4.
    const rows = [row('STAR', 0, 0), row('QSO', 2, 900), row('GALAXY', 0.01, 500), row('GALAXY', 0.1, 80)];
    expect(scoreSuspects(b, rows)).toEqual({ planted: 2, suspects: 3, hits: 2, top: 1 });
  });
});
