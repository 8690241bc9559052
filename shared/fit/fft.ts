/**
 * A small FFT on Float64Array pairs (re, im), in place, of sizes 2^k (radix 2, two stages per
 * pass) and 3·2^k (one radix-3 step over three 2^k transforms): the QSOs' 8130 shifts on 3909
 * pixels need 12 039 points, 12 288 instead of 16 384. The fit's signals are real, so two
 * real signals share one complex transform (fftRealPair) and two real correlations share one
 * inverse transform.
 */

interface Plan {
  n: number;
  /** Twiddles of every stage laid end to end: stage of size m uses cos/sin(2πk/m), k < m/2. */
  cos: Float64Array;
  sin: Float64Array;
  rev: Uint32Array;
}

const plans = new Map<number, Plan>();

export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && (n & (n - 1)) === 0;
}

/** The smallest power of two ≥ n. */
export function nextPowerOfTwo(n: number): number {
  let m = 1;
  while (m < n) m *= 2;
  return m;
}

/** The smallest size fft() takes (2^k or 3·2^k) ≥ n. */
export function nextFftSize(n: number): number {
  const two = nextPowerOfTwo(n);
  const three = 3 * nextPowerOfTwo(Math.ceil(n / 3));
  return Math.min(two, three);
}

function plan(n: number): Plan {
  let p = plans.get(n);
  if (p) return p;
  if (!isPowerOfTwo(n)) throw new RangeError(`fft: size ${n} is not a power of two`);
  // Stage by stage and contiguous, so the inner loop reads its twiddles in order; each from
  // the angle directly, not by repeated rotation: no error build-up at 2^14.
  const cos = new Float64Array(Math.max(1, n));
  const sin = new Float64Array(Math.max(1, n));
  for (let size = 2, at = 0; size <= n; at += size / 2, size *= 2) {
    for (let k = 0; k < size / 2; k++) {
      cos[at + k] = Math.cos((2 * Math.PI * k) / size);
      sin[at + k] = Math.sin((2 * Math.PI * k) / size);
    }
  }
  const rev = new Uint32Array(n);
  const bits = Math.log2(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, x = i; b < bits; b++, x >>= 1) r = (r << 1) | (x & 1);
    rev[i] = r;
  }
  p = { n, cos, sin, rev };
  plans.set(n, p);
  return p;
}

/**
 * Forward (X_k = Σ x_j e^{−2πi jk/n}) or inverse (e^{+2πi jk/n}, divided by n unless
 * `unscaled`: a caller that keeps a few outputs scales only those) transform in place.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false, unscaled = false): void {
  const n = re.length;
  if (im.length !== n) throw new RangeError('fft: re and im differ in length');
  if (n <= 1) return;
  if (isPowerOfTwo(n)) fft2(re, im, inverse);
  else if (n % 3 === 0 && isPowerOfTwo(n / 3)) fft3(re, im, inverse);
  else throw new RangeError(`fft: size ${n} is neither a power of two nor three times one`);
  if (inverse && !unscaled) {
    for (let i = 0; i < n; i++) {
      re[i] = re[i]! / n;
      im[i] = im[i]! / n;
    }
  }
}

/** Twiddles cos/sin(2πq/n), q < n, and a buffer of n, for sizes 3·2^k. */
const plans3 = new Map<number, { cos: Float64Array; sin: Float64Array; re: Float64Array; im: Float64Array }>();

/**
 * Size n = 3m by decimation in time: Y_r = FFT_m(x[3j + r]), then for q < m, with
 * a = Y_0[q], b = W^q·Y_1[q], c = W^{2q}·Y_2[q] (W = e^{∓2πi/n}), the radix-3 butterfly
 * X_{q+tm} = a + W_3^t·b + W_3^{2t}·c, t = 0, 1, 2.
 */
function fft3(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const m = n / 3;
  let p = plans3.get(n);
  if (!p) {
    p = { cos: new Float64Array(n), sin: new Float64Array(n), re: new Float64Array(n), im: new Float64Array(n) };
    for (let q = 0; q < n; q++) {
      p.cos[q] = Math.cos((2 * Math.PI * q) / n);
      p.sin[q] = Math.sin((2 * Math.PI * q) / n);
    }
    plans3.set(n, p);
  }
  const { cos, sin } = p;
  const yr = p.re, yi = p.im;
  for (let r = 0; r < 3; r++) {
    for (let j = 0; j < m; j++) {
      yr[r * m + j] = re[3 * j + r]!;
      yi[r * m + j] = im[3 * j + r]!;
    }
    fft2(yr.subarray(r * m, (r + 1) * m), yi.subarray(r * m, (r + 1) * m), inverse);
  }
  const sign = inverse ? 1 : -1;
  // W_3 = −1/2 + sign·i·√3/2: X_q = a + s, X_{q±m} = a − s/2 ± sign·i·(√3/2)(b − c), s = b + c.
  const h = Math.sqrt(3) / 2;
  for (let q = 0; q < m; q++) {
    const w1r = cos[q]!, w1i = sign * sin[q]!, w2r = cos[2 * q]!, w2i = sign * sin[2 * q]!;
    const ar = yr[q]!, ai = yi[q]!;
    const y1r = yr[m + q]!, y1i = yi[m + q]!, y2r = yr[2 * m + q]!, y2i = yi[2 * m + q]!;
    const br = y1r * w1r - y1i * w1i, bi = y1r * w1i + y1i * w1r;
    const cr = y2r * w2r - y2i * w2i, ci = y2r * w2i + y2i * w2r;
    const sr = br + cr, si = bi + ci;
    const tr = ar - sr / 2, ti = ai - si / 2;
    const ur = -sign * h * (bi - ci), ui = sign * h * (br - cr);
    re[q] = ar + sr;
    im[q] = ai + si;
    re[q + m] = tr + ur;
    im[q + m] = ti + ui;
    re[q + 2 * m] = tr - ur;
    im[q + 2 * m] = ti - ui;
  }
}

/** Size n = 2^k, unscaled. */
function fft2(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  if (n <= 1) return;
  const { cos, sin, rev } = plan(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i]!;
    if (j > i) {
      let t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
      t = im[i]!;
      im[i] = im[j]!;
      im[j] = t;
    }
  }
  // The first stage has twiddle 1: sums and differences only.
  for (let a = 0; a < n; a += 2) {
    const xr = re[a + 1]!, xi = im[a + 1]!, ar = re[a]!, ai = im[a]!;
    re[a + 1] = ar - xr;
    im[a + 1] = ai - xi;
    re[a] = ar + xr;
    im[a] = ai + xi;
  }
  const sign = inverse ? 1 : -1;
  // Then two stages per pass (radix 2²): half the loads and stores of one pass per stage.
  let size = 4;
  let at = 1;
  for (; size * 2 <= n; at += size / 2 + size, size *= 4) twoStages(re, im, cos, sin, at, size, sign);
  if (size <= n) oneStage(re, im, cos, sin, at, size, sign);
}

/** The radix-2 stage of butterfly size `size`, twiddles at `at` of the plan's tables. */
function oneStage(re: Float64Array, im: Float64Array, cos: Float64Array, sin: Float64Array, at: number, size: number, sign: number): void {
  const n = re.length;
  const half = size / 2;
  for (let k = 0; k < half; k++) {
    const wr = cos[at + k]!;
    const wi = sign * sin[at + k]!;
    for (let a = k; a < n; a += size) {
      const b = a + half;
      const br = re[b]!, bi = im[b]!;
      const xr = br * wr - bi * wi;
      const xi = br * wi + bi * wr;
      const ar = re[a]!, ai = im[a]!;
      re[b] = ar - xr;
      im[b] = ai - xi;
      re[a] = ar + xr;
      im[a] = ai + xi;
    }
  }
}

/**
 * The stages of sizes `size` (twiddles at `at`) and 2·size (at + size/2) in one pass over
 * groups of four: x0..x3 = a, a+h, a+2h, a+3h (h = size/2). The second stage's twiddle for
 * k + h is its twiddle for k times W_4 = sign·i.
 */
function twoStages(re: Float64Array, im: Float64Array, cos: Float64Array, sin: Float64Array, at: number, size: number, sign: number): void {
  const n = re.length;
  const h = size / 2;
  const at2 = at + h;
  const span = 2 * size;
  for (let k = 0; k < h; k++) {
    const wr = cos[at + k]!, wi = sign * sin[at + k]!;
    const vr = cos[at2 + k]!, vi = sign * sin[at2 + k]!;
    // v·(sign·i)
    const ur = -sign * vi, ui = sign * vr;
    for (let a = k; a < n; a += span) {
      const b = a + h, c = a + size, d = c + h;
      const x1r = re[b]!, x1i = im[b]!, x3r = re[d]!, x3i = im[d]!;
      const t1r = x1r * wr - x1i * wi, t1i = x1r * wi + x1i * wr;
      const t3r = x3r * wr - x3i * wi, t3i = x3r * wi + x3i * wr;
      const x0r = re[a]!, x0i = im[a]!, x2r = re[c]!, x2i = im[c]!;
      const p0r = x0r + t1r, p0i = x0i + t1i, p1r = x0r - t1r, p1i = x0i - t1i;
      const p2r = x2r + t3r, p2i = x2i + t3i, p3r = x2r - t3r, p3i = x2i - t3i;
      const q2r = p2r * vr - p2i * vi, q2i = p2r * vi + p2i * vr;
      const q3r = p3r * ur - p3i * ui, q3i = p3r * ui + p3i * ur;
      re[a] = p0r + q2r;
      im[a] = p0i + q2i;
      re[c] = p0r - q2r;
      im[c] = p0i - q2i;
      re[b] = p1r + q3r;
      im[b] = p1i + q3i;
      re[d] = p1r - q3r;
      im[d] = p1i - q3i;
    }
  }
}

/** A spectrum of a real signal (full length, Hermitian). */
export interface Spectrum2 {
  re: Float64Array;
  im: Float64Array;
}

/** A zeroed spectrum of length n. */
export function spectrum(n: number): Spectrum2 {
  return { re: new Float64Array(n), im: new Float64Array(n) };
}

/** The spectrum of length n kept in `kept` (made on first use): a work buffer reused from fit to fit. */
export function keptSpectrum(kept: Map<number, Spectrum2>, n: number): Spectrum2 {
  let z = kept.get(n);
  if (!z) kept.set(n, (z = spectrum(n)));
  return z;
}

/**
 * The one complex buffer of each size fftRealPair works in: a fit transforms a few MB per
 * spectrum, and fresh buffers each time cost page faults and GC in every worker thread.
 */
const work = new Map<number, Spectrum2>();

/**
 * The transforms of two real signals a and b (zero-padded to n) from one complex transform
 * of a + i·b: A_k = (Z_k + conj Z_{n−k}) / 2, B_k = (Z_k − conj Z_{n−k}) / 2i. Written into
 * `into` when given (reused buffers), else into new ones.
 */
export function fftRealPair(a: ArrayLike<number>, b: ArrayLike<number> | null, n: number, into: readonly [Spectrum2, Spectrum2] = [spectrum(n), spectrum(n)]): [Spectrum2, Spectrum2] {
  const { re, im } = keptSpectrum(work, n);
  re.fill(0);
  im.fill(0);
  for (let i = 0; i < a.length && i < n; i++) re[i] = a[i]!;
  if (b) for (let i = 0; i < b.length && i < n; i++) im[i] = b[i]!;
  fft(re, im);
  const [A, B] = into;
  for (let k = 0; k < n; k++) {
    const m = (n - k) % n;
    const zr = re[k]!;
    const zi = im[k]!;
    const cr = re[m]!;
    const ci = -im[m]!;
    A.re[k] = (zr + cr) / 2;
    A.im[k] = (zi + ci) / 2;
    B.re[k] = (zi - ci) / 2;
    B.im[k] = -(zr - cr) / 2;
  }
  return [A, B];
}
