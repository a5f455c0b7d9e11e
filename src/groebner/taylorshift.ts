/**
 * Taylor shifts p(x) ↦ p(x + 1) of integer polynomials (lowest degree first): the inner loop of
 * root isolation by Descartes' rule of signs.
 *
 * Classic: n(n+1)/2 additions, p(x+1) by repeated synthetic division by x − (−1); after pass i the
 * coefficient i is final, which lets a sign-variation count stop as soon as it reaches its limit.
 *
 * Divide and conquer (von zur Gathen–Gerhard, "Fast algorithms for Taylor shifts", 1997): with
 * p = lo + x^m·hi, p(x+1) = lo(x+1) + (x+1)^m·hi(x+1), the product by Kronecker substitution —
 * both factors packed into one BigInt with slots wide enough for every product coefficient, one
 * BigInt multiplication (V8 switches to FFT multiplication for large operands), unpacked with
 * signed slots. Measured on this machine (Node 20, random coefficients; `node` scratch run, the
 * figures are in FAST_SHIFT_MIN_DEGREE's comment): the classic shift wins below degree ~2,000.
 */
import { bitLength } from './interval.js';

/**
 * Degree from which the divide-and-conquer shift is used. Measured (ms, classic / divide and
 * conquer with classic leaves of 512): degree 1,000 with 1,000-bit coefficients 28 / 25; 1,000
 * with 10,000 bits 91 / 193; 2,000 with 5,000 bits 434 / 398; 4,000 with 2,000 bits 1,258 / 819;
 * 4,000 with 5,000 bits 1,794 / 1,051. V8's BigInt addition is fast enough that the quadratic
 * method wins for every degree the census needs (≤ 1,000).
 */
export const FAST_SHIFT_MIN_DEGREE = 2_048;
/** Leaf size of the divide-and-conquer shift (below it the classic shift is faster). */
const FAST_SHIFT_LEAF = 512;

const bitlen = bitLength;

/**
 * p(x + 1), exactly.
 *
 * @example
 * ```ts
 * taylorShift1([0n, 0n, 1n]); // x² → (x + 1)² = [1n, 2n, 1n]
 * ```
 */
export function taylorShift1(p: readonly bigint[], fastFrom = FAST_SHIFT_MIN_DEGREE): bigint[] {
  return p.length - 1 >= fastFrom ? shiftDivideConquer(p, Math.min(FAST_SHIFT_LEAF, fastFrom)) : shiftClassic(p);
}

/** The classic shift: for i = 0…n−1, for j = n−1…i, a_j += a_{j+1}. */
function shiftClassic(p: readonly bigint[]): bigint[] {
  const a = p.slice();
  const n = a.length - 1;
  for (let i = 0; i < n; i++) for (let j = n - 1; j >= i; j--) a[j]! += a[j + 1]!;
  return a;
}

function shiftDivideConquer(p: readonly bigint[], leaf: number): bigint[] {
  if (p.length <= leaf) return shiftClassic(p);
  let m = 1;
  while (2 * m < p.length) m *= 2;
  const lo = shiftDivideConquer(p.slice(0, m), leaf);
  const hi = shiftDivideConquer(p.slice(m), leaf);
  const out = kroneckerMul(hi, binomialRow(m));
  for (let i = 0; i < lo.length; i++) out[i]! += lo[i]!;
  return out;
}

const binomialRows = new Map<number, bigint[]>();
/** The coefficients of (x + 1)^m (cached: the divide-and-conquer shift asks for powers of 2). */
function binomialRow(m: number): bigint[] {
  let row = binomialRows.get(m);
  if (row === undefined) {
    row = [1n];
    for (let k = 1; k <= m; k++) row.push((row[k - 1]! * BigInt(m - k + 1)) / BigInt(k));
    binomialRows.set(m, row);
  }
  return row;
}

/**
 * The product of two integer polynomials by Kronecker substitution: a(2^w)·b(2^w) with w larger
 * than twice the size of every product coefficient, read back slot by slot with signs.
 *
 * @example
 * ```ts
 * kroneckerMul([1n, 1n], [-1n, 1n]); // (1 + x)(x − 1) = [-1n, 0n, 1n]
 * ```
 */
export function kroneckerMul(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  if (a.length === 0 || b.length === 0) return [];
  let ba = 0;
  let bb = 0;
  for (const c of a) ba = Math.max(ba, bitlen(c));
  for (const c of b) bb = Math.max(bb, bitlen(c));
  // |Σ a_i b_j| < min(len)·2^(ba+bb); one more bit for the sign of the slot.
  const w = ba + bb + bitlen(BigInt(Math.min(a.length, b.length))) + 1;
  return unpack(pack(a, w, 0, a.length) * pack(b, w, 0, b.length), w, a.length + b.length - 1);
}

/** Σ a_i 2^(w(i − from)) for i in [from, to), by halves (quasi-linear in the total size). */
function pack(a: readonly bigint[], w: number, from: number, to: number): bigint {
  if (to - from === 1) return a[from]!;
  const mid = (from + to) >> 1;
  return pack(a, w, from, mid) + (pack(a, w, mid, to) << BigInt(w * (mid - from)));
}

/**
 * The inverse of {@link pack} for signed slots: the low m slots of X are X mod 2^(wm) read as a
 * signed number (their value lies in (−2^(wm−1), 2^(wm−1)) because every slot is below 2^(w−1)).
 */
function unpack(X: bigint, w: number, len: number): bigint[] {
  const out = new Array<bigint>(len);
  const go = (x: bigint, from: number, n: number): void => {
    if (n === 1) {
      out[from] = x;
      return;
    }
    const m = n >> 1;
    const low = BigInt.asIntN(w * m, x);
    go(low, from, m);
    go((x - low) >> BigInt(w * m), from + m, n - m);
  };
  go(X, 0, len);
  return out;
}

/**
 * Sign variations of a coefficient sequence (zeros skipped).
 *
 * @example
 * ```ts
 * signVariations([1n, 0n, -2n, 3n]); // 2
 * ```
 */
export function signVariations(a: readonly bigint[]): number {
  let v = 0;
  let last = 0n;
  for (const c of a) {
    if (c === 0n) continue;
    if ((c < 0n) !== (last < 0n) && last !== 0n) v++;
    last = c;
  }
  return v;
}

/**
 * min(limit, sign variations of (x + 1)^n·p(1/(x + 1))): by Descartes' rule of signs an upper
 * bound on the number of roots of p in (0, 1) with the same parity, exact when it is 0 or 1.
 * The classic shift of the reversed coefficients, stopped once `limit` variations are final.
 *
 * @example
 * ```ts
 * descartesUnitInterval([-1n, 2n], 2); // 2x − 1: one root, 1/2, in (0, 1): 1
 * ```
 */
export function descartesUnitInterval(p: readonly bigint[], limit: number): number {
  const a = p.slice().reverse();
  const n = a.length - 1;
  let v = 0;
  let last = 0n;
  const see = (c: bigint): boolean => {
    if (c === 0n) return false;
    if (last !== 0n && (c < 0n) !== (last < 0n)) v++;
    last = c;
    return v >= limit;
  };
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) a[j]! += a[j + 1]!;
    if (see(a[i]!)) return limit; // a[i] is final after pass i
  }
  see(a[n]!);
  return Math.min(v, limit);
}

/**
 * A polynomial known within bounds: its coefficients, times one positive scale, lie in
 * [lo_i, lo_i + width_i]. The Taylor shift and the reversal are linear maps with non-negative
 * weights (binomial coefficients), so they map such bounds to bounds: shift(lo) and shift(width).
 */
export interface ApproxPoly {
  readonly lo: readonly bigint[];
  readonly width: readonly bigint[];
}

/**
 * P with the low bits of every coefficient dropped so that the largest keeps about `bits` bits
 * (floor, width 1 where bits were dropped; P itself when it is small enough).
 *
 * @example
 * ```ts
 * truncatePoly([1000n, -3n], 4); // { lo: [15n, -1n], width: [1n, 1n] }: ⌊1000/64⌋, ⌊−3/64⌋
 * ```
 */
export function truncatePoly(P: readonly bigint[], bits: number): ApproxPoly {
  let m = 0;
  for (const a of P) m = Math.max(m, bitlen(a));
  const t = m - bits;
  if (t <= 0) return { lo: P, width: P.map(() => 0n) };
  const T = BigInt(t);
  const mask = (1n << T) - 1n;
  return { lo: P.map((a) => a >> T), width: P.map((a) => ((a & mask) === 0n ? 0n : 1n)) };
}

/**
 * Bounds with about `bits` bits in the largest: lower bounds rounded down, upper bounds up.
 *
 * @example
 * ```ts
 * truncateApprox({ lo: [1000n], width: [10n] }, 4); // { lo: [15n], width: [1n] }: [960, 1024] ⊇ [1000, 1010]
 * ```
 */
export function truncateApprox(a: ApproxPoly, bits: number): ApproxPoly {
  let m = 0;
  for (let i = 0; i < a.lo.length; i++) m = Math.max(m, bitlen(a.lo[i]!), bitlen(a.lo[i]! + a.width[i]!));
  const t = m - bits;
  if (t <= 0) return a;
  const T = BigInt(t);
  const lo = a.lo.map((x) => x >> T);
  return { lo, width: a.lo.map((x, i) => -((-(x + a.width[i]!)) >> T) - lo[i]!) };
}

/**
 * Bounds of 2^d·P(x/2) (coefficient i times 2^(d−i): exact on the bounds).
 *
 * @example
 * ```ts
 * homothetyApprox({ lo: [1n, 1n], width: [0n, 1n] }); // { lo: [2n, 1n], width: [0n, 1n] }
 * ```
 */
export function homothetyApprox(a: ApproxPoly): ApproxPoly {
  const d = a.lo.length - 1;
  return { lo: a.lo.map((x, i) => x << BigInt(d - i)), width: a.width.map((x, i) => x << BigInt(d - i)) };
}

/**
 * p(x + c) for an integer c, exactly (the classic scheme with a_j += c·a_{j+1}).
 *
 * @example
 * ```ts
 * taylorShiftBy([0n, 0n, 1n], 3n); // (x + 3)² = [9n, 6n, 1n]
 * ```
 */
export function taylorShiftBy(p: readonly bigint[], c: bigint): bigint[] {
  if (c === 1n) return taylorShift1(p);
  const a = p.slice();
  const n = a.length - 1;
  if (c !== 0n) for (let i = 0; i < n; i++) for (let j = n - 1; j >= i; j--) a[j]! += c * a[j + 1]!;
  return a;
}

/**
 * The bounds of P(x + 1) from those of P.
 *
 * @example
 * ```ts
 * shiftApprox({ lo: [0n, 1n], width: [1n, 0n] }); // x + [0, 1] → x + [1, 2]
 * ```
 */
export function shiftApprox(a: ApproxPoly): ApproxPoly {
  return { lo: shiftClassic(a.lo), width: shiftClassic(a.width) };
}

/** The sign of a coefficient known within [lo, lo + width]: undefined when it is not determined. */
export function boundSign(lo: bigint, width: bigint): 1 | -1 | 0 | undefined {
  if (lo > 0n) return 1;
  if (lo + width < 0n) return -1;
  return lo === 0n && width === 0n ? 0 : undefined;
}

/**
 * Sign variations of a polynomial known within bounds: the exact count, or undefined when an
 * undetermined sign could change it. (Inserting a nonzero element into a sign sequence never
 * lowers its variations, so the count over the determined signs is a lower bound.)
 *
 * @example
 * ```ts
 * approxSignVariations({ lo: [5n, -1n, 3n], width: [0n, 3n, 0n] }); // undefined: −1…2
 * ```
 */
export function approxSignVariations(a: ApproxPoly): number | undefined {
  let v = 0;
  let last = 0;
  let open = false;
  for (let i = 0; i < a.lo.length; i++) {
    const s = boundSign(a.lo[i]!, a.width[i]!);
    if (s === undefined) open = true;
    else if (s !== 0) {
      if (last !== 0 && s !== last) v++;
      last = s;
    }
  }
  return open ? undefined : v;
}

/**
 * Descartes' test on (0, 1) — min(limit, variations of (x + 1)^n·P(1/(x + 1))) — for P known
 * within bounds, or undefined when the bounds do not decide it. The variations of the determined
 * coefficients are a lower bound, so reaching `limit` among them decides early.
 *
 * @example
 * ```ts
 * descartesUnitIntervalApprox(truncatePoly([-1n, 2n], 64), 2); // 1, as for the exact 2x − 1
 * ```
 */
export function descartesUnitIntervalApprox(p: ApproxPoly, limit: number): number | undefined {
  const a = p.lo.slice().reverse();
  const w = p.width.slice().reverse();
  const n = a.length - 1;
  let v = 0;
  let last = 0;
  let open = false;
  const see = (i: number): boolean => {
    const s = boundSign(a[i]!, w[i]!);
    if (s === undefined) open = true;
    else if (s !== 0) {
      if (last !== 0 && s !== last) v++;
      last = s;
    }
    return v >= limit;
  };
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) {
      a[j]! += a[j + 1]!;
      w[j]! += w[j + 1]!;
    }
    if (see(i)) return limit;
  }
  if (see(n)) return limit;
  return open ? undefined : v;
}
