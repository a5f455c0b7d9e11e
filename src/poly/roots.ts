/**
 * Exact real-root isolation over Q by Sturm sequences.
 *
 * For square-free p with Sturm sequence p0 = p, p1 = p′, p_{k+1} = −rem(p_{k−1}, p_k), the number
 * of distinct real roots in (a, b] is V(a) − V(b), V the number of sign changes along the
 * sequence (Sturm's theorem). Bisection from Cauchy's bound 1 + max|a_i/a_n| separates the roots
 * into rational intervals (lo, hi) with p(lo)·p(hi) < 0 and one root inside; bisection on the sign
 * refines them to any width. Multiplicities come from the square-free decomposition first.
 */
import { ClosedformError } from '../expr/errors.js';
import { type Rational, Q, qabs, qadd, qcmp, qfloor, qmul, qsub, qtoString } from '../expr/rational.js';
import { type QPoly, type ZPoly, evalQ, primitive, pseudoRem, signAt, squarefreeDecomposition, toZ } from './univariate.js';

/** A real algebraic number: the unique root of `poly` in (lo, hi), or exactly `exact`. */
export interface RealRoot {
  /** Square-free integer polynomial vanishing at the root (lowest degree first). */
  poly: ZPoly;
  lo: Rational;
  hi: Rational;
  /** The root when it is rational (then lo = hi = exact). */
  exact?: Rational;
  /** Multiplicity as a root of the polynomial that was isolated. */
  multiplicity: number;
}

/** Raised when a root is asked to more digits than the refinement budget gives. */
export class RootRefinementError extends ClosedformError {
  override readonly name = 'RootRefinementError';
}

/** Bisection steps of one refinement: 4 000 steps are 1 200 decimal digits. */
export const MAX_REFINE_STEPS = 4_000;

/** Most decimal places a root is printed to: within what MAX_REFINE_STEPS bisections give (log₁₀ 2 · 4 000 ≈ 1 200). */
export const MAX_DIGITS = 1_000;

/**
 * Sturm sequence of a square-free polynomial, each member scaled by a positive integer: a
 * primitive pseudo-remainder sequence on integers (no rational gcd per operation), which keeps
 * the signs of the true remainders.
 */
export function sturmSequence(p: QPoly): ZPoly[] {
  const seq: ZPoly[] = [toZ(p)];
  seq.push(primitive(seq[0]!.slice(1).map((c, i) => c * BigInt(i + 1))));
  while (seq[seq.length - 1]!.length > 1) {
    const r = pseudoRem(seq[seq.length - 2]!, seq[seq.length - 1]!);
    if (r.length === 0) break;
    seq.push(r.map((c) => -c));
  }
  return seq;
}

function variations(signs: number[]): number {
  let v = 0;
  let last = 0;
  for (const s of signs) {
    if (s === 0) continue;
    if (last !== 0 && s !== last) v++;
    last = s;
  }
  return v;
}

const V = (seq: ZPoly[], x: Rational): number => variations(seq.map((q) => signAt(q, x)));
/** Sign changes at ±∞: the signs of the leading coefficients (times (−1)^deg at −∞). */
const Vinf = (seq: ZPoly[], sgn: 1 | -1): number =>
  variations(seq.map((q) => (q.length === 0 ? 0 : Number(q[q.length - 1]! > 0n ? 1 : -1) * (sgn === -1 && (q.length - 1) % 2 === 1 ? -1 : 1))));

/**
 * Number of distinct real roots of a square-free polynomial (Sturm: V(−∞) − V(+∞)).
 *
 * @example
 * ```ts
 * countRealRoots([Q(1), Q(0), Q(1)]); // 0: x² + 1
 * ```
 */
export function countRealRoots(p: QPoly): number {
  const seq = sturmSequence(p);
  return Vinf(seq, -1) - Vinf(seq, 1);
}

/** Cauchy's bound: every root satisfies |x| < 1 + max |a_i / a_n|, rounded up to an integer. */
function cauchyBound(p: ZPoly): bigint {
  const lc = p[p.length - 1]! < 0n ? -p[p.length - 1]! : p[p.length - 1]!;
  let m = 0n;
  for (let i = 0; i < p.length - 1; i++) {
    const a = p[i]! < 0n ? -p[i]! : p[i]!;
    const q = (a + lc - 1n) / lc;
    if (q > m) m = q;
  }
  return m + 1n;
}

/**
 * The real roots of p in increasing order with isolating intervals, multiplicities, and the
 * exact value of every rational root.
 *
 * @example
 * ```ts
 * import { realRoots, Q } from 'closedform';
 * realRoots([Q(-2), Q(0), Q(1)]).length; // 2: ±√2
 * ```
 */
export function realRoots(p: QPoly): RealRoot[] {
  const out: RealRoot[] = [];
  for (const { factor, multiplicity } of squarefreeDecomposition(p))
    for (const r of isolateSquarefree(factor)) out.push({ ...r, multiplicity });
  // Roots of different square-free factors are distinct, but their intervals may overlap:
  // halve overlapping neighbours until the intervals are disjoint, then the order is the roots'.
  for (let changed = true; changed; ) {
    changed = false;
    out.sort((a, b) => qcmp(a.lo, b.lo));
    for (let i = 0; i + 1 < out.length; i++) {
      if (qcmp(out[i]!.hi, out[i + 1]!.lo) > 0) {
        out[i] = bisect(out[i]!);
        out[i + 1] = bisect(out[i + 1]!);
        changed = true;
      }
    }
  }
  return out;
}

/** Isolating intervals of the roots of a square-free polynomial; rational roots made exact. */
export function isolateSquarefree(p: QPoly): RealRoot[] {
  const z = toZ(p);
  if (z.length <= 1) return [];
  const seq = sturmSequence(p);
  const B = cauchyBound(z);
  const out: RealRoot[] = [];
  const split = (lo: Rational, hi: Rational, vlo: number, vhi: number): void => {
    const n = vlo - vhi;
    if (n === 0) return;
    if (n === 1) {
      out.push(findExact({ poly: z, lo, hi, multiplicity: 1 }));
      return;
    }
    // A split point that is not a root keeps every endpoint a non-root.
    let mid = qmul(qadd(lo, hi), Q(1, 2));
    for (let k = 3; signAt(z, mid) === 0; k++) mid = qadd(lo, qmul(qsub(hi, lo), Q(1, k)));
    const vm = V(seq, mid);
    split(lo, mid, vlo, vm);
    split(mid, hi, vm, vhi);
  };
  const lo = Q(-B);
  const hi = Q(B);
  split(lo, hi, V(seq, lo), V(seq, hi));
  return out;
}

/** Halve the interval once, keeping the sign change (or landing on the root exactly). */
function bisect(r: RealRoot): RealRoot {
  if (r.exact !== undefined) return r;
  const mid = qmul(qadd(r.lo, r.hi), Q(1, 2));
  const sm = signAt(r.poly, mid);
  if (sm === 0) return { ...r, lo: mid, hi: mid, exact: mid };
  return sm === signAt(r.poly, r.lo) ? { ...r, lo: mid } : { ...r, hi: mid };
}

/** Refine until hi − lo < eps. */
export function refine(r: RealRoot, eps: Rational): RealRoot {
  let cur = r;
  for (let k = 0; cur.exact === undefined && qcmp(qsub(cur.hi, cur.lo), eps) >= 0; k++) {
    if (k > MAX_REFINE_STEPS) throw new RootRefinementError(`root refinement past ${MAX_REFINE_STEPS} bisections (${MAX_REFINE_STEPS} bisections give about 1 200 decimal digits): ask for fewer digits`);
    cur = bisect(cur);
  }
  return cur;
}

/**
 * Rational-root test without factoring integers: a rational root in lowest terms u/v has
 * v | a_n, so it is k/|a_n| for an integer k. Once the interval is narrower than 1/|a_n| at most
 * two such fractions lie in it; test them exactly.
 */
function findExact(r: RealRoot): RealRoot {
  const lc = r.poly[r.poly.length - 1]! < 0n ? -r.poly[r.poly.length - 1]! : r.poly[r.poly.length - 1]!;
  const narrow = refine(r, Q(1n, lc));
  if (narrow.exact !== undefined) return narrow;
  const from = qfloor(qmul(narrow.lo, Q(lc)));
  for (let k = from; k <= from + 2n; k++) {
    const x = Q(k, lc);
    if (qcmp(x, narrow.lo) > 0 && qcmp(x, narrow.hi) < 0 && signAt(r.poly, x) === 0) return { ...narrow, lo: x, hi: x, exact: x };
  }
  return narrow;
}

/**
 * The root as a decimal string with `digits` digits after the point, correct to ±10^(−digits)
 * (the interval is refined below that width and its midpoint rounded).
 *
 * @example
 * ```ts
 * rootDecimal(realRoots([Q(-2), Q(0), Q(1)])[1]!, 10); // '1.4142135624'
 * ```
 */
export function rootDecimal(r: RealRoot, digits: number): string {
  const fine = refine(r, Q(1n, 10n ** BigInt(digits + 1)));
  return decimal(qmul(qadd(fine.lo, fine.hi), Q(1, 2)), digits);
}

/**
 * A rational (reduced or not) as a decimal string rounded half away from zero to `digits` places.
 *
 * @example
 * ```ts
 * decimal(Q(-1, 8), 2); // '-0.13'
 * ```
 */
export function decimal(x: { n: bigint; d: bigint }, digits: number): string {
  const neg = x.n < 0n;
  const s = 10n ** BigInt(digits);
  const a = neg ? -x.n : x.n;
  const scaled = (2n * a * s + x.d) / (2n * x.d);
  const int = scaled / s;
  const frac = (scaled % s).toString().padStart(digits, '0');
  const body = digits > 0 ? `${int}.${frac}` : `${int}`;
  return neg && scaled !== 0n ? `-${body}` : body;
}

/** Interval [lo, hi] containing q(x) for every x in [a, b] (exact rational interval arithmetic). */
export function evalInterval(q: QPoly, a: Rational, b: Rational): [Rational, Rational] {
  if (qcmp(a, b) === 0) {
    const v = evalQ(q, a);
    return [v, v];
  }
  let lo = Q(0);
  let hi = Q(0);
  for (let i = q.length - 1; i >= 0; i--) {
    // [lo, hi]·[a, b] + c_i
    const ps = [qmul(lo, a), qmul(lo, b), qmul(hi, a), qmul(hi, b)].sort(qcmp);
    lo = qadd(ps[0]!, q[i]!);
    hi = qadd(ps[3]!, q[i]!);
  }
  return [lo, hi];
}

const floorDiv = (n: bigint, d: bigint): bigint => {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
};
const bitlen = (x: bigint): number => (x < 0n ? -x : x).toString(2).length;

/**
 * Like {@link evalInterval} but in fixed point: endpoints and coefficients rounded outward to
 * multiples of 2^−P and every product rounded outward, so the result still encloses q([a, b]) —
 * with integers only (exact rational interval arithmetic spends its time in gcds of
 * thousand-digit numbers). P = 128 bits below the largest term's magnitude.
 */
export function evalIntervalFixed(q: QPoly, a: Rational, b: Rational): [Rational, Rational] {
  let cmax = 1n;
  for (const c of q) {
    const m = floorDiv(c.n < 0n ? -c.n : c.n, c.d) + 1n;
    if (m > cmax) cmax = m;
  }
  const M = floorDiv(qcmp(qabs(a), qabs(b)) > 0 ? qabs(a).n : qabs(b).n, qcmp(qabs(a), qabs(b)) > 0 ? qabs(a).d : qabs(b).d) + 1n;
  const P = BigInt(128 + bitlen(cmax) + Math.max(0, q.length - 1) * bitlen(M));
  const S = 1n << P;
  const fl = (x: Rational): bigint => floorDiv(x.n * S, x.d);
  const ce = (x: Rational): bigint => -floorDiv(-x.n * S, x.d);
  const xa = fl(a);
  const xb = ce(b);
  let lo = 0n;
  let hi = 0n;
  for (let i = q.length - 1; i >= 0; i--) {
    const ps = [lo * xa, lo * xb, hi * xa, hi * xb];
    let mn = ps[0]!;
    let mx = ps[0]!;
    for (const p of ps) {
      if (p < mn) mn = p;
      if (p > mx) mx = p;
    }
    lo = floorDiv(mn, S) + fl(q[i]!);
    hi = -floorDiv(-mx, S) + ce(q[i]!);
  }
  return [Q(lo, S), Q(hi, S)];
}

/** Human-readable interval: `[lo, hi]`, or the exact value. */
export const intervalText = (r: RealRoot): string => (r.exact !== undefined ? qtoString(r.exact) : `[${qtoString(r.lo)}, ${qtoString(r.hi)}]`);
