/**
 * The synthetic survey: deterministic for a seed, shaped like LAMOST plans, and its truth is
 * visible in the data — lines where (1+z)·λrest says, faults where the truth says, noise as
 * the inverse variance says, wrong pipeline answers exactly where recorded.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { line } from '../../shared/lines';
import { decodeSpectrum, type Spectrum } from '../../shared/spectrum/decode';
import { generateSurvey } from '../../src-main/demo/generate';
import { fiberType, FIBERS, makePlans, SPECTRA_PER_SPECTROGRAPH, SPECTROGRAPHS } from '../../src-main/demo/plans';
import { Random } from '../../src-main/demo/random';
import { readBundle, type SurveyBundle, type TruthRow } from '../../src-main/survey/bundle';

const root = mkdtempSync(join(tmpdir(), 'specvet-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(join(dir, 'files')).sort()) h.update(f).update(readFileSync(join(dir, 'files', f)));
  return h.update(readFileSync(join(dir, 'survey.json'))).digest('hex');
}

describe('determinism', () => {
  it('gives the same bytes for the same seed and different ones for another seed', async () => {
    await generateSurvey(join(root, 'a'), { count: 40, seed: 9 });
    await generateSurvey(join(root, 'b'), { count: 40, seed: 9 });
    await generateSurvey(join(root, 'c'), { count: 40, seed: 10 });
    expect(filesHash(join(root, 'a'))).toBe(filesHash(join(root, 'b')));
    expect(filesHash(join(root, 'a'))).not.toBe(filesHash(join(root, 'c')));
  });
});

describe('plans', () => {
  it('fills every fibre of all 16 spectrographs for a full plan, sky fibres included', () => {
    const [plan] = makePlans(SPECTROGRAPHS * SPECTRA_PER_SPECTROGRAPH, 1, new Random(1));
    expect(plan!.runs.map((r) => [r.spid, r.from, r.to])).toEqual(Array.from({ length: 16 }, (_, i) => [i + 1, 1, FIBERS]));
    const types = Array.from({ length: FIBERS }, (_, i) => fiberType(i + 1));
    expect(types.filter((t) => t === 'Sky').length).toBeGreaterThanOrEqual(15);
    expect(types.filter((t) => t === 'FStd').length).toBeGreaterThanOrEqual(3);
  });
});

describe('a 300-spectrum survey over 2 nights', () => {
  let dir: string;
  let bundle: SurveyBundle;
  const spectra = new Map<number, Spectrum>();
  const truth = new Map<number, TruthRow>();

  beforeAll(async () => {
    dir = join(root, 'survey');
    await generateSurvey(dir, { count: 300, seed: 3, nights: 2 });
    bundle = await readBundle(dir);
    for (const s of bundle.spec_info) spectra.set(s.obsid, decodeSpectrum(new Uint8Array(readFileSync(join(dir, 'files', s.file_path))), s.file_path));
    for (const t of bundle.truth.spectra) truth.set(t.obsid, t);
  });

  it('has one plan per night, several spectrographs each, in contiguous fibre runs', () => {
    expect(bundle.spec_info).toHaveLength(300);
    expect(bundle.plan_info).toHaveLength(2);
    expect(new Set(bundle.plan_info.map((p) => p.lmjd)).size).toBe(2);
    for (const plan of bundle.plan_info) {
      const rows = bundle.target_info.filter((t) => t.planid === plan.planid);
      const spids = [...new Set(rows.map((r) => r.spid))];
      expect(spids.length).toBeGreaterThanOrEqual(3);
      for (const spid of spids) {
        const fibres = rows.filter((r) => r.spid === spid).map((r) => r.fiberid).sort((a, b) => a - b);
        expect(fibres.at(-1)! - fibres[0]! + 1).toBe(fibres.length); // no gaps
      }
      expect(rows.some((r) => r.fibertype === 'Sky')).toBe(true);
      expect(rows.some((r) => r.fibertype === 'FStd')).toBe(true);
    }
  });

  it('writes a file per object and standard fibre, none for sky fibres, named as LAMOST names them', () => {
    const withFile = new Set(bundle.spec_info.map((s) => `${s.planid}/${s.spid}/${s.fiberid}`));
    for (const t of bundle.target_info) expect(withFile.has(`${t.planid}/${t.spid}/${t.fiberid}`)).toBe(t.fibertype !== 'Sky');
    expect(readdirSync(join(dir, 'files'))).toHaveLength(300);
    for (const s of bundle.spec_info) {
      expect(s.file_path).toBe(`spec-${s.lmjd}-${s.planid}_sp${String(s.spid).padStart(2, '0')}-${String(s.fiberid).padStart(3, '0')}.fits.gz`);
    }
  });

  it('writes both LAMOST layouts, with the header saying what spec_info says', () => {
    const layouts = new Set([...spectra.values()].map((s) => s.layout));
    expect(layouts).toEqual(new Set(['lamost-image', 'lamost-coadd']));
    const lengths = new Set([...spectra.values()].map((s) => s.flux.length));
    expect(lengths.has(3909)).toBe(true);
    expect(lengths.size).toBeGreaterThan(1); // DR10-like COADD lengths other than 3909
    for (const row of bundle.spec_info) {
      const m = spectra.get(row.obsid)!.meta;
      expect([m.obsid, m.lmjd, m.planid, m.spid, m.fiberid, m.class, m.subclass, m.z]).toEqual([row.obsid, row.lmjd, row.planid, row.spid, row.fiberid, row.class, row.subclass, row.z]);
      const obj = bundle.obj_info.find((o) => o.planid === row.planid && o.spid === row.spid && o.fiberid === row.fiberid)!;
      expect(m.snr.r).toBe(obj.snr_r);
    }
  });

  it('puts the emission lines of star-forming galaxies at (1+z)·λrest', () => {
    const galaxies = [...truth.values()].filter((t) => t.class === 'GALAXY' && t.subclass === 'STARFORMING');
    expect(galaxies.length).toBeGreaterThan(3);
    for (const t of galaxies) {
      const s = spectra.get(t.obsid)!;
      const lam = line('Hα').vacuum * (1 + t.z);
      if (lam > 9000) continue;
      const atTrueZ = peakContrast(s, lam, 4);
      expect(atTrueZ, `obsid ${t.obsid} z ${t.z}`).toBeGreaterThan(3);
      // …and not where a z off by 1.5 % would put it (no line within 80 Å there).
      expect(peakContrast(s, lam * 0.985, 4)).toBeLessThan(Math.min(4, atTrueZ / 2));
    }
  });

  it('gives QSOs broad emission lines at (1+z)·λrest, up to z ≈ 4', () => {
    const qsos = [...truth.values()].filter((t) => t.class === 'QSO');
    expect(qsos.length).toBeGreaterThan(5);
    expect(Math.max(...qsos.map((q) => q.z))).toBeGreaterThan(2);
    for (const t of qsos) {
      const s = spectra.get(t.obsid)!;
      const seen = ['Lyα', 'C IV', 'Mg II', 'Hβ', 'Hα'].map((n) => line(n).vacuum * (1 + t.z)).filter((l) => l > 3900 && l < 8800);
      expect(seen.length, `obsid ${t.obsid}`).toBeGreaterThan(0);
      expect(Math.max(...seen.map((l) => peakContrast(s, l, 12))), `obsid ${t.obsid} z ${t.z}`).toBeGreaterThan(2);
    }
  });

  it('gives hot stars Balmer absorption and cool stars Na D / Mg b absorption', () => {
    const faulty = (obsid: number) => {
      const r = bundle.spec_info.find((x) => x.obsid === obsid)!;
      return bundle.truth.faults.some((f) => f.planid === r.planid && f.spid === r.spid && r.fiberid >= f.fiberFrom && r.fiberid <= f.fiberTo);
    };
    let checked = 0;
    for (const t of truth.values()) {
      // Stray light fills lines in: that is what a fault looks like, not what a star looks like.
      if (t.class !== 'STAR' || faulty(t.obsid)) continue;
      const s = spectra.get(t.obsid)!;
      const snr = s.meta.snr.r ?? 0;
      if (snr < 20) continue;
      if (/^[AF]/.test(t.subclass)) expect(dip(s, line('Hβ').vacuum * (1 + t.z)), `${t.obsid} ${t.subclass}`).toBeGreaterThan(0.15);
      if (/^K/.test(t.subclass)) expect(dip(s, 5894 * (1 + t.z)), `${t.obsid} ${t.subclass}`).toBeGreaterThan(0.1);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('has noise that follows the inverse variance', () => {
    const widths: number[] = [];
    for (const s of spectra.values()) {
      const d: number[] = [];
      for (let i = 0; i + 1 < s.flux.length; i++) {
        const a = s.ivar[i]!;
        const b = s.ivar[i + 1]!;
        if (a > 0 && b > 0 && s.andMask[i] === 0 && s.orMask[i] === 0) d.push((s.flux[i + 1]! - s.flux[i]!) / Math.sqrt(1 / a + 1 / b));
      }
      widths.push(robustSigma(d));
    }
    widths.sort((a, b) => a - b);
    const middle = widths[widths.length >> 1]!;
    expect(middle).toBeGreaterThan(0.9);
    expect(middle).toBeLessThan(1.15);
  });

  it('masks pixels (ivar 0 with mask bits) and keeps a few NaN pixels as NaN', () => {
    let nanFiles = 0;
    for (const s of spectra.values()) {
      const last = s.flux.length - 1;
      expect(s.ivar[last]).toBe(0);
      expect(s.andMask[last]).not.toBe(0);
      let nan = 0;
      s.flux.forEach((f, i) => {
        if (Number.isNaN(f)) {
          nan++;
          expect(s.ivar[i]).toBe(0);
        }
      });
      if (nan > 0) nanFiles++;
    }
    expect(nanFiles).toBeGreaterThan(0);
  });

  it('records wrong pipeline answers in the truth, and only those differ', () => {
    const wrongClass = bundle.truth.spectra.filter((t) => t.pipelineError === 'class');
    const wrongZ = bundle.truth.spectra.filter((t) => t.pipelineError === 'z');
    expect(wrongClass.length).toBeGreaterThan(3);
    expect(wrongZ.length).toBeGreaterThan(3);
    expect(wrongClass.length + wrongZ.length).toBeLessThan(300 * 0.2);
    for (const row of bundle.spec_info) {
      const t = truth.get(row.obsid)!;
      const dz = Math.abs(row.z - t.z) / (1 + t.z);
      if (t.pipelineError === 'class') expect(row.class).not.toBe(t.class);
      else expect(row.class).toBe(t.class);
      if (t.pipelineError === 'z') expect(dz).toBeGreaterThan(0.0033);
      if (t.pipelineError === null) expect(dz).toBeLessThan(1e-6);
    }
  });

  it('shows each recorded 2D fault in the fibres of its range and not in their neighbours', () => {
    expect(bundle.truth.faults.length).toBeGreaterThanOrEqual(2);
    for (const f of bundle.truth.faults) {
      const rows = bundle.spec_info.filter((s) => s.planid === f.planid && s.spid === f.spid);
      const inside = rows.filter((r) => r.fiberid >= f.fiberFrom && r.fiberid <= f.fiberTo).map((r) => spectra.get(r.obsid)!);
      const outside = rows.filter((r) => r.fiberid < f.fiberFrom || r.fiberid > f.fiberTo).map((r) => spectra.get(r.obsid)!);
      expect(inside.length).toBeGreaterThan(0);
      if (f.kind === 'negative-flux') {
        expect(median(inside.map((s) => bandMedian(s, 4000, 5600)))).toBeLessThan(0);
        if (outside.length) expect(median(outside.map((s) => bandMedian(s, 4000, 5600)))).toBeGreaterThan(0);
      } else if (outside.length) {
        const blueness = (s: Spectrum) => bandMedian(s, 4100, 4500) / bandMedian(s, 6500, 7000);
        expect(median(inside.map(blueness))).toBeGreaterThan(median(outside.map(blueness)) + 0.4);
      }
    }
  });
});

/** (peak flux within ±half px of λ − local continuum) / local noise. */
function peakContrast(s: Spectrum, lambda: number, half: number): number {
  const c = nearest(s, lambda);
  let peak = -Infinity;
  for (let i = c - half; i <= c + half; i++) if (s.ivar[i]! > 0) peak = Math.max(peak, smooth(s, i));
  const side = [...range(c - 80, c - 30), ...range(c + 30, c + 80)].filter((i) => s.ivar[i]! > 0);
  const cont = median(side.map((i) => s.flux[i]!));
  const noise = median(side.map((i) => 1 / Math.sqrt(s.ivar[i]!))) / Math.sqrt(3);
  return (peak - cont) / noise;
}

/** Fractional depth of an absorption line at λ against the continuum ±15–40 px away. */
function dip(s: Spectrum, lambda: number): number {
  const c = nearest(s, lambda);
  const core = Math.min(...range(c - 2, c + 2).map((i) => smooth(s, i)));
  const cont = median([...range(c - 40, c - 15), ...range(c + 15, c + 40)].map((i) => s.flux[i]!));
  return 1 - core / cont;
}

function smooth(s: Spectrum, i: number): number {
  return (s.flux[i - 1]! + s.flux[i]! + s.flux[i + 1]!) / 3;
}

function nearest(s: Spectrum, lambda: number): number {
  let best = 0;
  for (let i = 0; i < s.wavelength.length; i++) if (Math.abs(s.wavelength[i]! - lambda) < Math.abs(s.wavelength[best]! - lambda)) best = i;
  return best;
}

function bandMedian(s: Spectrum, lo: number, hi: number): number {
  const xs: number[] = [];
  s.wavelength.forEach((w, i) => {
    if (w >= lo && w < hi && s.ivar[i]! > 0 && Number.isFinite(s.flux[i]!)) xs.push(s.flux[i]!);
  });
  return median(xs);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
}

function robustSigma(xs: number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}
