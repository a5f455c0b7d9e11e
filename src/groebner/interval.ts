/**
 * Dyadic interval arithmetic: closed intervals [lo·2^exp, hi·2^exp] with BigInt mantissas and one
 * shared exponent, rounded outward to a stated number of significant bits (as MPFI or Arb do).
 *
 * Every operation returns an interval containing every value the operation takes on its
 * arguments (the inclusion property), so a sign read off an interval that excludes 0 is a proof.
 * Rounding is to `prec` significant bits of the larger mantissa: `lo` down (`>>` on BigInt is
 * floor), `hi` up. The denominators stay powers of two, so the cost of an operation is set by
 * `prec`, not by the history of the computation — exact rational interval arithmetic spends its
 * time in gcds of numbers that grow with every step.
 *
 * `exact` is carried only by intervals made from a known number ({@link ivFromRational}); the
 * arithmetic does not propagate it. It lets a consumer tell an enclosure of a rational point from
 * one of an irrational point (a zero eigenvalue can be proved only at the first).
 */
import { type Rational, Q } from '../expr/rational.js';

/** The closed interval [lo·2^exp, hi·2^exp], lo ≤ hi; `exact` is the enclosed number when known. */
export interface Interval {
  readonly lo: bigint;
  readonly hi: bigint;
  readonly exp: number;
  readonly exact?: Rational;
}

/** Bit length of |x| (0 for 0): hexadecimal digits, 4 bits each, corrected by the top digit. */
export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  const h = x.toString(16);
  const top = parseInt(h[0]!, 16);
  return 4 * (h.length - 1) + (32 - Math.clz32(top));
}

/** floor(a / b) and ceil(a / b) for b > 0 (BigInt `/` truncates toward zero). */
const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
};
const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);

function make(lo: bigint, hi: bigint, exp: number): Interval {
  return Object.freeze({ lo, hi, exp });
}

/**
 * Round outward to at most `prec` significant bits (prec ≥ 2).
 *
 * @example
 * ```ts
 * ivRound({ lo: 1023n, hi: 1025n, exp: 0 }, 4); // { lo: 7n, hi: 9n, exp: 7 }: [896, 1152]
 * ```
 */
export function ivRound(a: Interval, prec: number): Interval {
  const al = a.lo < 0n ? -a.lo : a.lo;
  const ah = a.hi < 0n ? -a.hi : a.hi;
  const m = bitLength(al > ah ? al : ah); // one bit length: the costly part of rounding
  if (m <= prec) return a;
  const k = m - prec;
  const K = BigInt(k);
  return make(a.lo >> K, -(-a.hi >> K), a.exp + k);
}

/** Both endpoints on the smaller of two exponents (exact). */
function align(a: Interval, e: number): [bigint, bigint] {
  const s = BigInt(a.exp - e);
  return [a.lo << s, a.hi << s];
}

/**
 * The point interval m·2^exp, exact.
 *
 * @example
 * ```ts
 * ivPoint(3n, -1); // the number 3/2
 * ```
 */
export function ivPoint(m: bigint, exp = 0): Interval {
  return make(m, m, exp);
}

/**
 * An enclosure of the rational q with `prec` significant bits (a point when q is dyadic), with
 * `exact: q` attached.
 *
 * @example
 * ```ts
 * const third = ivFromRational(Q(1, 3), 64); // width 2^-65, third.exact is 1/3
 * ```
 */
export function ivFromRational(q: Rational, prec: number): Interval {
  const tz = q.d.toString(2).length - 1;
  if (q.d === 1n << BigInt(tz)) return Object.freeze({ lo: q.n, hi: q.n, exp: -tz, exact: q });
  // q·2^s with |q·2^s| ≈ 2^prec, then floor and floor + 1 (q is not dyadic, so never exact).
  const s = prec - (bitLength(q.n) - bitLength(q.d));
  const lo = s >= 0 ? floorDiv(q.n << BigInt(s), q.d) : floorDiv(q.n, q.d << BigInt(-s));
  return Object.freeze({ lo, hi: lo + 1n, exp: -s, exact: q });
}

/**
 * The smallest dyadic interval at `prec` bits containing the rational interval [a, b].
 *
 * @example
 * ```ts
 * ivFromBounds(Q(1, 3), Q(1, 2), 32); // contains [1/3, 1/2]
 * ```
 */
export function ivFromBounds(a: Rational, b: Rational, prec: number): Interval {
  return ivHull(ivFromRational(a, prec), ivFromRational(b, prec));
}

/** Lower and upper endpoint as exact rationals. */
export const ivLo = (a: Interval): Rational => (a.exp >= 0 ? Q(a.lo << BigInt(a.exp)) : Q(a.lo, 1n << BigInt(-a.exp)));
export const ivHi = (a: Interval): Rational => (a.exp >= 0 ? Q(a.hi << BigInt(a.exp)) : Q(a.hi, 1n << BigInt(-a.exp)));

/**
 * The midpoint, exactly, as a point interval.
 *
 * @example
 * ```ts
 * ivMid({ lo: 1n, hi: 2n, exp: 0 }); // { lo: 3n, hi: 3n, exp: -1 }: the point 3/2
 * ```
 */
export const ivMid = (a: Interval): Interval => make(a.lo + a.hi, a.lo + a.hi, a.exp - 1);

/**
 * The sign of every number in the interval when it is the same for all of them: 1, −1, 0 (the
 * interval is {0}), or undefined when the interval contains 0 and more.
 *
 * @example
 * ```ts
 * ivSign({ lo: 1n, hi: 3n, exp: -10 }); // 1
 * ivSign({ lo: -1n, hi: 3n, exp: 0 }); // undefined
 * ```
 */
export function ivSign(a: Interval): 1 | -1 | 0 | undefined {
  if (a.lo > 0n) return 1;
  if (a.hi < 0n) return -1;
  return a.lo === 0n && a.hi === 0n ? 0 : undefined;
}

/**
 * Whether the width (hi − lo)·2^exp is at most 2^−bits.
 *
 * @example
 * ```ts
 * ivWidthAtMost({ lo: 0n, hi: 1n, exp: -20 }, 20); // true
 * ```
 */
export function ivWidthAtMost(a: Interval, bits: number): boolean {
  const w = a.hi - a.lo;
  if (w === 0n) return true;
  const k = -bits - a.exp; // w·2^exp ≤ 2^-bits ⟺ w ≤ 2^k
  return k >= 0 && w <= 1n << BigInt(k);
}

/**
 * log2 of the width, rounded up (−Infinity for a point): a cheap measure of precision.
 *
 * @example
 * ```ts
 * ivWidthLog2({ lo: 0n, hi: 3n, exp: -10 }); // -8
 * ```
 */
export function ivWidthLog2(a: Interval): number {
  const w = a.hi - a.lo;
  return w === 0n ? -Infinity : bitLength(w - 1n) + a.exp;
}

/**
 * Sum, difference and negation, rounded outward to `prec` bits.
 *
 * @example
 * ```ts
 * ivAdd(ivPoint(1n), ivPoint(1n, -1), 53); // { lo: 3n, hi: 3n, exp: -1 }: the point 3/2
 * ```
 */
export function ivAdd(a: Interval, b: Interval, prec: number): Interval {
  const e = Math.min(a.exp, b.exp);
  const [al, ah] = align(a, e);
  const [bl, bh] = align(b, e);
  return ivRound(make(al + bl, ah + bh, e), prec);
}
export const ivNeg = (a: Interval): Interval => make(-a.hi, -a.lo, a.exp);
export const ivSub = (a: Interval, b: Interval, prec: number): Interval => ivAdd(a, ivNeg(b), prec);

/**
 * Product, rounded outward: the extremes of the four endpoint products (two when the signs are
 * known, one for points).
 *
 * @example
 * ```ts
 * ivMul(ivPoint(-3n), { lo: 1n, hi: 2n, exp: 0 }, 53); // { lo: -6n, hi: -3n, exp: 0 }: [−6, −3]
 * ```
 */
export function ivMul(a: Interval, b: Interval, prec: number): Interval {
  const e = a.exp + b.exp;
  if (a.lo === a.hi && b.lo === b.hi) return ivRound(make(a.lo * b.lo, a.lo * b.lo, e), prec);
  if (a.lo >= 0n && b.lo >= 0n) return ivRound(make(a.lo * b.lo, a.hi * b.hi, e), prec);
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  let lo = ps[0]!;
  let hi = ps[0]!;
  for (const p of ps) {
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  return ivRound(make(lo, hi, e), prec);
}

/**
 * a^k for an integer k ≥ 0, with the even powers of an interval around 0 starting at 0
 * (x² over [−1, 2] is [0, 4], where the product x·x would give [−2, 4]).
 *
 * @example
 * ```ts
 * ivPow({ lo: -1n, hi: 2n, exp: 0 }, 2, 53); // { lo: 0n, hi: 4n, exp: 0 }: [0, 4] (x² ≥ 0, not [−2, 4])
 * ```
 */
export function ivPow(a: Interval, k: number, prec: number): Interval {
  if (k === 0) return ivPoint(1n);
  if (k % 2 === 0 && a.hi <= 0n) return ivPow(ivNeg(a), k, prec);
  if (k % 2 === 0 && a.lo < 0n) {
    const l = powPoint(-a.lo, a.exp, k, prec);
    const h = powPoint(a.hi, a.exp, k, prec);
    return ivRound(ivHull(ivPoint(0n), ivHull(l, h)), prec);
  }
  // x^k is increasing on the interval (odd k, or even k on x ≥ 0): lo^k rounded down, hi^k up.
  const l = powPoint(a.lo, a.exp, k, prec);
  const h = powPoint(a.hi, a.exp, k, prec);
  return ivRound(ivHull(make(l.lo, l.lo, l.exp), make(h.hi, h.hi, h.exp)), prec);
}

/** An enclosure of (m·2^e)^k by repeated squaring (every step keeps the inclusion). */
function powPoint(m: bigint, e: number, k: number, prec: number): Interval {
  let result = ivPoint(1n);
  let base = ivPoint(m, e);
  for (let j = k; j > 0; j >>= 1) {
    if (j & 1) result = ivMul(result, base, prec);
    if (j > 1) base = ivMul(base, base, prec);
  }
  return result;
}

/**
 * Quotient a / b for b not containing 0, each endpoint quotient rounded outward to `prec` bits.
 * Throws RangeError when b contains 0 (callers test {@link ivSign} first).
 *
 * @example
 * ```ts
 * ivDiv(ivPoint(1n), ivPoint(3n), 64); // width 2^-65 around 1/3
 * ```
 */
export function ivDiv(a: Interval, b: Interval, prec: number): Interval {
  const sb = ivSign(b);
  if (sb === undefined || sb === 0) throw new RangeError('interval division by an interval containing 0');
  let lo: [bigint, number] | undefined;
  let hi: [bigint, number] | undefined;
  for (const x of [a.lo, a.hi])
    for (const y of [b.lo, b.hi]) {
      // x/y ≈ 2^(bl(x) − bl(y)): scale the numerator (or the denominator) so that the quotient
      // has about prec + 1 bits, then floor and ceil bound it.
      const s = prec + 1 + bitLength(y) - bitLength(x);
      const num = s >= 0 ? x << BigInt(s) : x;
      const den = s >= 0 ? y : y << BigInt(-s);
      const [n, d] = den < 0n ? [-num, -den] : [num, den];
      const e = a.exp - b.exp - s;
      const f = floorDiv(n, d);
      const c = ceilDiv(n, d);
      if (lo === undefined || cmpDyadic(f, e, lo[0], lo[1]) < 0) lo = [f, e];
      if (hi === undefined || cmpDyadic(c, e, hi[0], hi[1]) > 0) hi = [c, e];
    }
  const e = Math.min(lo![1], hi![1]);
  return ivRound(make(lo![0] << BigInt(lo![1] - e), hi![0] << BigInt(hi![1] - e), e), prec);
}

const cmpDyadic = (m1: bigint, e1: number, m2: bigint, e2: number): number => {
  const e = Math.min(e1, e2);
  const a = m1 << BigInt(e1 - e);
  const b = m2 << BigInt(e2 - e);
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * The smallest interval containing both (exact, on the smaller exponent).
 *
 * @example
 * ```ts
 * ivHull(ivPoint(1n), ivPoint(3n)); // { lo: 1n, hi: 3n, exp: 0 }: [1, 3]
 * ```
 */
export function ivHull(a: Interval, b: Interval): Interval {
  const e = Math.min(a.exp, b.exp);
  const [al, ah] = align(a, e);
  const [bl, bh] = align(b, e);
  return make(al < bl ? al : bl, ah > bh ? ah : bh, e);
}

/**
 * The intersection, or undefined when it is empty.
 *
 * @example
 * ```ts
 * ivIntersect({ lo: 0n, hi: 4n, exp: 0 }, { lo: 2n, hi: 6n, exp: 0 }); // { lo: 2n, hi: 4n, exp: 0 }: [2, 4]
 * ```
 */
export function ivIntersect(a: Interval, b: Interval): Interval | undefined {
  const e = Math.min(a.exp, b.exp);
  const [al, ah] = align(a, e);
  const [bl, bh] = align(b, e);
  const lo = al > bl ? al : bl;
  const hi = ah < bh ? ah : bh;
  return lo > hi ? undefined : make(lo, hi, e);
}

/**
 * The coefficients of an integer polynomial as intervals rounded to `prec` bits, for repeated
 * evaluation with {@link ivEvalPoly} (rounding a thousand-digit coefficient once instead of at
 * every evaluation).
 *
 * @example
 * ```ts
 * ivPolyZ([3n ** 100n, 1n], 64); // two intervals of 64-bit mantissas
 * ```
 */
export function ivPolyZ(p: readonly bigint[], prec: number): Interval[] {
  return p.map((c) => ivRound(ivPoint(c), prec));
}

/**
 * Σ c_i x^i by Horner's rule in interval arithmetic: an enclosure of the polynomial's values on x
 * for every choice of coefficients in the intervals c_i.
 *
 * @example
 * ```ts
 * ivEvalPoly(ivPolyZ([-2n, 0n, 1n], 64), ivFromRational(Q(3, 2), 64), 64); // the point 1/4
 * ```
 */
export function ivEvalPoly(cs: readonly Interval[], x: Interval, prec: number): Interval {
  if (cs.length === 0) return ivPoint(0n);
  let acc = cs[cs.length - 1]!;
  // The product is left unrounded (2·prec bits): the sum rounds once per step.
  for (let i = cs.length - 2; i >= 0; i--) acc = ivAdd(ivMul(acc, x, Infinity), cs[i]!, prec);
  return acc;
}

/**
 * p(x) for an integer polynomial (lowest degree first) by Horner's rule in interval arithmetic:
 * an enclosure of {p(t) : t ∈ x}.
 *
 * @example
 * ```ts
 * ivEvalZ([-2n, 0n, 1n], ivFromRational(Q(3, 2), 64), 64); // x² − 2 at 3/2: the point 1/4
 * ```
 */
export function ivEvalZ(p: readonly bigint[], x: Interval, prec: number): Interval {
  return ivEvalPoly(ivPolyZ(p, prec), x, prec);
}
