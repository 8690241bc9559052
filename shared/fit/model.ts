/** The best-fit model flux at a fractional shift, by a direct weighted least-squares solve. */
import { explained, polyBasis, type FitData } from './data';
import { leadPositive, type TemplateSet } from './templates';

/** Template row sampled at data pixels for shift s: T(i + q − s), linear, 0 outside. */
export function shiftedRow(row: Float64Array, n: number, q: number, s: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i + q - s;
    const j = Math.floor(x);
    if (j < 0 || j > row.length - 1) continue;
    const t = x - j;
    out[i] = j === row.length - 1 ? row[j]! : row[j]! * (1 - t) + row[j + 1]! * t;
  }
  return out;
}

export interface ModelFit {
  model: Float32Array;
  chi2: number;
}

export function modelAt(set: TemplateSet, row: number | null, data: FitData, flux: ArrayLike<number>, s: number): ModelFit {
  const q = (data.logLam0 - set.logLam0) / set.step;
  const rows = row === null ? set.rows : [set.rows[row]!];
  const fit = solveColumns([...rows.map((r) => shiftedRow(r, data.n, q, s)), ...polyBasis(data.n)], data, flux);
  // One stellar template with a negative amplitude is no star: the polynomial alone is the model.
  return leadPositive(set) && !(fit.coef[0]! > 0) ? solveColumns(polyBasis(data.n), data, flux) : fit;
}

function solveColumns(cols: Float64Array[], data: FitData, flux: ArrayLike<number>): ModelFit & { coef: Float64Array } {
  const n = data.n;
  const k = cols.length;
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const w = data.w[i]!;
    if (w === 0) continue;
    for (let a = 0; a < k; a++) {
      const wa = w * cols[a]![i]!;
      b[a] = b[a]! + wa * flux[i]!;
      for (let c = a; c < k; c++) A[a * k + c] = A[a * k + c]! + wa * cols[c]![i]!;
    }
  }
  for (let a = 0; a < k; a++) for (let c = 0; c < a; c++) A[a * k + c] = A[c * k + a]!;
  const coef = new Float64Array(k);
  const chi2 = data.sumWff - explained(A, b, k, new Float64Array(k * k), new Float64Array(k), coef);
  const model = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let a = 0; a < k; a++) v += coef[a]! * cols[a]![i]!;
    model[i] = v;
  }
  return { model, chi2: Math.max(0, chi2), coef };
}
