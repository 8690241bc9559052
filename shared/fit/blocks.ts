/**
 * Correlations at a few lags (the stars: 27 shifts for −0.003 ≤ z ≤ 0.003) by blocks. A full
 * FFT computes all 4096 lags to keep 27; direct sums cost 27 × pixels per term. Here the
 * pixels are cut into blocks of B = M − L + 1 (M a small FFT size, L the lags): a block's
 * L lags are one circular correlation of size M with no wrap-around, and the blocks' products
 * add up in the frequency domain, so each template row needs one small inverse FFT per two
 * terms. Same sums as direct ones, to rounding (tested against the full-FFT path).
 *
 * Conventions as in correlate.ts: lag m is shift s = sMax − m and
 * out[m] = Σ_i x_i · seg[i + m] with seg[j] = T(j + uMin + qf) (segment()).
 * Blocks start at pixel multiples of B (not at the first weighted pixel), so the template
 * side is the same for every spectrum on one grid and is cached.
 */
import { segment, type ShiftPlan } from './correlate';
import type { FitData } from './data';
import { fft, fftRealPair } from './fft';
import type { TemplateSet } from './templates';

/** Above this many shifts a set goes through the full FFT. */
export const FEW_LAGS_MAX = 64;

/** Block FFT size. On the LAMOST stars (27 lags) 128, 256 and 512 came out alike (53–54 ms CPU a whole fit). */
export const BLOCK_FFT = 256;

/** Terms per template row: Σ w T, Σ wP1 T, Σ wP2 T, Σ wf T, Σ w T². */
export const BLOCK_TERMS = 5;

interface Layout {
  lags: number;
  /** Pixels per block, and frequency bins kept (0…M/2: the signals are real). */
  B: number;
  H: number;
  blocks: number;
}

function layout(lags: number, pixels: number): Layout {
  const B = BLOCK_FFT - lags + 1;
  return { lags, B, H: BLOCK_FFT / 2 + 1, blocks: Math.ceil(pixels / B) };
}

/** Half-spectra (re then im, H bins each) of a block of x starting at `at`, `len` values, zero-padded to M. */
function blockSpectrum(x: ArrayLike<number>, at: number, len: number, out: Float64Array, offset: number, H: number, scratch: { re: Float64Array; im: Float64Array }): void {
  const { re, im } = scratch;
  re.fill(0);
  im.fill(0);
  for (let t = 0; t < len && at + t < x.length; t++) re[t] = x[at + t]!;
  fft(re, im);
  out.set(re.subarray(0, H), offset);
  out.set(im.subarray(0, H), offset + H);
}

/** The data side, once per spectrum: per block, the half-spectra of w, w·P1, w·P2, w·f. */
export interface BlockData {
  layout: Layout;
  /** Blocks holding weighted pixels. */
  from: number;
  to: number;
  /** Block b, signal j: re at ((b·4 + j)·2)·H, im H later. */
  X: Float64Array;
}

export function blockData(data: FitData, lags: number): BlockData {
  const lay = layout(lags, data.n);
  const { B, H } = lay;
  const from = Math.floor(data.first / B);
  const to = Math.floor(data.last / B);
  const X = new Float64Array(lay.blocks * 4 * 2 * H);
  const scratch = { re: new Float64Array(BLOCK_FFT), im: new Float64Array(BLOCK_FFT) };
  const signals = [data.w, data.wP[1]!, data.wP[2]!, data.wf];
  for (let b = from; b <= to; b++) signals.forEach((x, j) => blockSpectrum(x, b * B, B, X, (b * 4 + j) * 2 * H, H, scratch));
  return { layout: lay, from, to, X };
}

const rowCache = new WeakMap<TemplateSet, Map<string, Float64Array[]>>();
/** Kept per set: one grid offset serves a whole survey. */
const KEEP = 3;

/**
 * Every row of the set shifted for this plan, as block half-spectra of T and T² (block b:
 * T re, T im, T² re, T² im, H bins each, at b·4·H); cached per grid offset and length.
 */
export function blockTemplates(set: TemplateSet, plan: ShiftPlan, n: number): Float64Array[] {
  const lags = plan.sMax - plan.sMin + 1;
  const uMin = plan.qi - plan.sMax;
  const len = n + lags - 1;
  const key = `${uMin}|${plan.qf.toFixed(6)}|${len}`;
  let bySet = rowCache.get(set);
  if (!bySet) rowCache.set(set, (bySet = new Map()));
  const hit = bySet.get(key);
  if (hit) return hit;
  const { B, H, blocks } = layout(lags, n);
  const span = B + lags - 1;
  const rows = set.rows.map((r) => {
    const seg = segment(r, uMin, plan.qf, len);
    const out = new Float64Array(blocks * 4 * H);
    for (let b = 0; b < blocks; b++) {
      const piece = seg.subarray(b * B, Math.min(len, b * B + span));
      const [T, T2] = fftRealPair(piece, piece.map((v) => v * v), BLOCK_FFT);
      const at = b * 4 * H;
      out.set(T.re.subarray(0, H), at);
      out.set(T.im.subarray(0, H), at + H);
      out.set(T2.re.subarray(0, H), at + 2 * H);
      out.set(T2.im.subarray(0, H), at + 3 * H);
    }
    return out;
  });
  if (bySet.size >= KEEP) bySet.delete(bySet.keys().next().value!);
  bySet.set(key, rows);
  return rows;
}

/** Reusable buffers for blockSums: the five accumulated half-spectra and one inverse FFT. */
export interface BlockScratch {
  acc: Float64Array;
  re: Float64Array;
  im: Float64Array;
}

export function blockScratch(): BlockScratch {
  return { acc: new Float64Array(BLOCK_TERMS * 2 * (BLOCK_FFT / 2 + 1)), re: new Float64Array(BLOCK_FFT), im: new Float64Array(BLOCK_FFT) };
}

/**
 * For one template row: the five terms at lags 0…L−1, written to out[0…L), out[L…2L), …
 * No allocation.
 */
export function blockSums(row: Float64Array, dd: BlockData, scratch: BlockScratch, out: Float64Array): void {
  const { H, lags } = dd.layout;
  const { acc } = scratch;
  const X = dd.X;
  acc.fill(0);
  for (let b = dd.from; b <= dd.to; b++) {
    const t = b * 4 * H;
    const x = b * 8 * H;
    for (let k = 0; k < H; k++) {
      const tr = row[t + k]!, ti = row[t + H + k]!, qr = row[t + 2 * H + k]!, qi = row[t + 3 * H + k]!;
      // conj(X)·T for w, wP1, wP2, wf; conj(W)·T² for the fifth term.
      const wr = X[x + k]!, wi = X[x + H + k]!;
      acc[k] = acc[k]! + wr * tr + wi * ti;
      acc[H + k] = acc[H + k]! + wr * ti - wi * tr;
      acc[8 * H + k] = acc[8 * H + k]! + wr * qr + wi * qi;
      acc[9 * H + k] = acc[9 * H + k]! + wr * qi - wi * qr;
      for (let j = 1; j < 4; j++) {
        const xr = X[x + 2 * j * H + k]!, xi = X[x + (2 * j + 1) * H + k]!;
        acc[2 * j * H + k] = acc[2 * j * H + k]! + xr * tr + xi * ti;
        acc[(2 * j + 1) * H + k] = acc[(2 * j + 1) * H + k]! + xr * ti - xi * tr;
      }
    }
  }
  for (let j = 0; j < BLOCK_TERMS; j += 2) inversePair(acc, j, j + 1 < BLOCK_TERMS ? j + 1 : -1, H, scratch, out, lags);
}

/**
 * Inverse transform of two real signals' half-spectra at once (Z = A + i·B, Hermitian halves
 * filled in), the first `lags` values of each written to their blocks of out.
 */
function inversePair(acc: Float64Array, a: number, b: number, H: number, s: BlockScratch, out: Float64Array, lags: number): void {
  const { re, im } = s;
  const M = BLOCK_FFT;
  const ar = a * 2 * H, ai = ar + H;
  const br = b * 2 * H, bi = br + H;
  for (let k = 0; k < H; k++) {
    const Ar = acc[ar + k]!, Ai = acc[ai + k]!;
    const Br = b < 0 ? 0 : acc[br + k]!, Bi = b < 0 ? 0 : acc[bi + k]!;
    re[k] = Ar - Bi;
    im[k] = Ai + Br;
    if (k > 0 && k < H - 1) {
      re[M - k] = Ar + Bi;
      im[M - k] = Br - Ai;
    }
  }
  fft(re, im, true, true);
  for (let m = 0; m < lags; m++) {
    out[a * lags + m] = re[m]! / M;
    if (b >= 0) out[b * lags + m] = im[m]! / M;
  }
}
