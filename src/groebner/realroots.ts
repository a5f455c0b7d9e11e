/**
 * Exact real-root isolation of a square-free integer polynomial by Descartes' rule of signs with
 * bisection (Vincent–Collins–Akritas; Collins & Akritas 1976, Rouillier & Zimmermann 2004).
 *
 * Descartes: the number of sign variations of a polynomial's coefficients bounds its positive
 * roots and has their parity. For P with its roots of interest in (0, 1), the variations of
 * (x + 1)^n·P(1/(x + 1)) (reversal, then a Taylor shift) bound the roots in (0, 1), and are
 * exactly 0 or 1 once the interval is small enough compared with the distances between roots
 * (the one- and two-circle theorems). So: scale all roots of f into (0, 1) (a power-of-two root
 * bound), test; on 0 drop the interval, on 1 report it, else bisect — the left half is
 * 2^n·P(x/2), the right half that polynomial shifted by 1 — and repeat. A midpoint that is a
 * root is reported exactly and divided out. Negative roots are the positive roots of f(−x).
 *
 * Rational roots that are not dyadic are found modulo a prime and lifted (realroots-modular.ts),
 * so every rational root is returned exactly. Refinement is interval Newton (quadratic once the
 * derivative keeps its sign on the interval) with bisection on the exact sign as the fallback.
 */
import { ClosedformError } from '../expr/errors.js';
import { type Rational, Q, qadd, qcmp, qmul, qsub } from '../expr/rational.js';
import { signAt } from '../poly/univariate.js';
import { type Interval, bitLength, ivDiv, ivEvalPoly, ivPolyZ, ivFromRational, ivHi, ivHull, ivIntersect, ivLo, ivMid, ivPoint, ivSign, ivSub, ivWidthAtMost, ivWidthLog2 } from './interval.js';
import { SQUAREFREE_PRIMES, rationalRoots, squarefreePrimes } from './realroots-modular.js';
import {
  type ApproxPoly,
  approxSignVariations,
  boundSign,
  descartesUnitInterval,
  descartesUnitIntervalApprox,
  homothetyApprox,
  shiftApprox,
  signVariations,
  taylorShift1,
  taylorShiftBy,
  truncateApprox,
  truncatePoly,
} from './taylorshift.js';

/** The unique root of f in the open interval (lo, hi), or exactly `exact` (then lo = hi = exact). */
export interface IsolatedRoot {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly exact?: Rational;
}

/** Raised for input the isolation cannot take: the zero polynomial, a repeated factor, a budget. */
export class RootIsolationError extends ClosedformError {
  override readonly name: string = 'RootIsolationError';
}
/** Raised when f is not square-free (isolation by Descartes' rule needs simple roots). */
export class NotSquarefreeError extends RootIsolationError {
  override readonly name = 'NotSquarefreeError';
}

/**
 * Limits of isolation and refinement, with their measured reason (Node 20 on this machine).
 * `maxWork` bounds n²·(b + n) for degree n and b-bit coefficients — the cost of one Taylor shift
 * in word operations times 64; measured: degree 300 with 10,000-bit coefficients (a product of
 * random quadratics) isolates in ~1 s, degree 1,000 with 10,000 bits in ~20 s: 1.1·10^10 is about
 * the minute the census budget allows. `maxRefineBits`: interval Newton to 2^16 bits on degree
 * 300 takes ~1 s.
 */
export const REAL_ROOT_BUDGET = Object.freeze({ maxWork: 12e9, maxRefineBits: 1 << 16 });

/** Drop high zero coefficients. */
function trimZ(f: readonly bigint[]): bigint[] {
  const p = f.slice();
  while (p.length > 0 && p[p.length - 1] === 0n) p.pop();
  return p;
}

/** c·2^e as a rational. */
function dyadic(c: bigint, e: number): Rational {
  if (e >= 0 || c === 0n) return Object.freeze({ n: c << BigInt(Math.max(e, 0)), d: 1n });
  // Lowest terms without a gcd: strip the factors 2 common to c and 2^−e.
  const tz = Math.min(bitLength(c & -c) - 1, -e);
  return Object.freeze({ n: c >> BigInt(tz), d: 1n << BigInt(-e - tz) });
}

/**
 * The real roots of a square-free integer polynomial f (lowest degree first), increasing, each in
 * an isolating interval with rational endpoints (pairwise disjoint) or exactly when rational.
 *
 * Square-freeness is certified, not assumed: a prime p ∤ lc(f) with f mod p square-free proves it
 * (a few random 21-bit primes; cost O(n²) word operations each). When every prime tried fails, f
 * is reported as not square-free ({@link NotSquarefreeError}, hint: pass f / gcd(f, f′)); a
 * square-free f fails a prime only when the prime divides its discriminant. Throws
 * {@link RootIsolationError} for the zero polynomial and past {@link REAL_ROOT_BUDGET}.
 * An endpoint of an interval may be a rational root reported next to it (the interval is open).
 *
 * @example
 * ```ts
 * isolateRealRoots([-2n, 0n, 1n]); // x² − 2: [{ lo: -2, hi: -1 }, { lo: 1, hi: 2 }] (±√2)
 * isolateRealRoots([-1n, 0n, 4n])[0]!.exact; // 4x² − 1: the root −1/2, exactly
 * ```
 */
export function isolateRealRoots(f: readonly bigint[]): IsolatedRoot[] {
  const p = trimZ(f);
  if (p.length === 0) throw new RootIsolationError('the zero polynomial has every number as a root: nothing to isolate');
  let k = 0;
  while (p[k] === 0n) k++;
  if (k > 1) throw new NotSquarefreeError(`x^${k} divides the polynomial: it is not square-free; pass its square-free part f / gcd(f, f′)`);
  const q = p.slice(k);
  const n = q.length - 1;
  if (n === 0) return k === 1 ? [{ lo: Q(0), hi: Q(0), exact: Q(0) }] : [];
  const bits = Math.max(...q.map(bitLength));
  const work = n * n * (bits + n);
  if (work > REAL_ROOT_BUDGET.maxWork)
    throw new RootIsolationError(
      `isolating the real roots of a degree-${n} polynomial with ${bits}-bit coefficients is estimated at n²(b + n) = ${work.toExponential(1)}, past the budget ${REAL_ROOT_BUDGET.maxWork.toExponential(1)} (about a minute)`,
    );
  const primes = squarefreePrimes(q);
  if (primes.length === 0)
    throw new NotSquarefreeError(
      `the polynomial has a repeated factor modulo each of ${SQUAREFREE_PRIMES} random primes, so it is not square-free (a square-free one fails a prime only when the prime divides its discriminant); pass its square-free part f / gcd(f, f′)`,
    );
  const B = rootBoundLog2(q);
  const neg = positiveRoots(q.map((c, i) => (i % 2 === 1 ? -c : c)), B).map(
    (r): IsolatedRoot => (r.exact ? exactRoot(qneg(r.exact)) : { lo: qneg(r.hi), hi: qneg(r.lo) }),
  );
  const pos = positiveRoots(q, B);
  const all = [...neg.reverse(), ...(k === 1 ? [exactRoot(Q(0))] : []), ...pos];
  return markRational(all, rationalRoots(q, primes, B).map((r) => Q(r.n, r.d)));
}

const qneg = (a: Rational): Rational => Q(-a.n, a.d);
const exactRoot = (x: Rational): IsolatedRoot => Object.freeze({ lo: x, hi: x, exact: x });

/**
 * Every rational root replaces the interval that holds it. Each rational root lies in exactly
 * one interval or equals one exact root; anything else is a bug, reported as such.
 */
function markRational(roots: IsolatedRoot[], rationals: Rational[]): IsolatedRoot[] {
  const out = roots.slice();
  for (const x of rationals) {
    const i = out.findIndex((r) => (r.exact ? qcmp(r.exact, x) === 0 : qcmp(r.lo, x) < 0 && qcmp(x, r.hi) < 0));
    if (i < 0) throw new Error(`internal: the rational root ${x.n}/${x.d} is in no isolating interval`);
    out[i] = exactRoot(x);
  }
  return out;
}

/**
 * B with every complex root |z| < 2^B (Fujiwara: |z| ≤ 2·max |a_i/a_n|^(1/(n−i)); with
 * |a_i/a_n| < 2^(bl(a_i) − bl(a_n) + 1) this is below 2^(1 + max ⌈…/(n−i)⌉)).
 */
function rootBoundLog2(q: readonly bigint[]): number {
  const n = q.length - 1;
  const ln = bitLength(q[n]!);
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (q[i] !== 0n) m = Math.max(m, Math.ceil((bitLength(q[i]!) - ln + 1) / (n - i)));
  return 1 + m;
}

/**
 * A node of the bisection: the roots in (0, 1) of its polynomial P (P(0), P(1) ≠ 0) are f's in
 * (c·2^(B−k), (c + 1)·2^(B−k)); P is known by bounds on its coefficients.
 */
interface Node {
  A: ApproxPoly;
  c: bigint;
  k: number;
}

/**
 * Isolating intervals of the roots of q in (0, 2^B), increasing; q(0) ≠ 0.
 *
 * The tree runs on bounds (taylorshift.ts): each node's polynomial is carried as lower bounds and
 * widths of its coefficients, truncated to a few hundred bits, and the homothety and the Taylor
 * shift map bounds to bounds exactly — so a test that the bounds decide is a proof, at a cost set
 * by the degree, not by the coefficients, which grow by n bits per level in exact arithmetic.
 * Where the bounds do not decide (a test, or whether the midpoint is a root), the node's exact
 * polynomial is recomputed from the root's, 2^(kn)·P0((x + c)/2^k), and the tree goes on from it.
 */
function positiveRoots(q: readonly bigint[], B: number): IsolatedRoot[] {
  const n = q.length - 1;
  // P0(x) = q(2^B x), times 2^(−B·n) when B < 0 so that it stays integral.
  const P0 = q.map((c, i) => (B >= 0 ? c << BigInt(B * i) : c << BigInt(-B * (n - i))));
  const bits = approxBits(n);
  const out: { at: Rational; r: IsolatedRoot }[] = [];
  const stack: Node[] = [];
  // Classify a child from its bounds, or from its exact polynomial when they do not decide.
  const consider = (A: ApproxPoly, c: bigint, k: number, exact: () => readonly bigint[]): void => {
    let v = rootsInUnitIntervalApprox(A);
    if (v === undefined) {
      const E = exact();
      v = rootsInUnitIntervalExact(E);
      A = truncatePoly(E, bits);
    }
    if (v === 1) {
      const lo = dyadic(c, B - k);
      out.push({ at: lo, r: Object.freeze({ lo, hi: dyadic(c + 1n, B - k) }) });
    }
    if (v === 2) stack.push({ A: truncateApprox(A, bits), c, k });
  };
  consider(truncatePoly(P0, bits), 0n, 0, () => P0);
  while (stack.length > 0) {
    const { A, c, k } = stack.pop()!;
    // Bisect: the left half is L(x) = 2^d·P(x/2), the right half R(x) = L(x + 1).
    const La = homothetyApprox(A);
    let sum = 0n;
    let width = 0n;
    for (let i = 0; i < La.lo.length; i++) {
      sum += La.lo[i]!;
      width += La.width[i]!;
    }
    const s1 = boundSign(sum, width);
    if (s1 === 1 || s1 === -1) {
      // L(1) ≠ 0, so the midpoint is not a root (and R(0) ≠ 0).
      const exactL = (): bigint[] => exactNode(P0, 2n * c, k + 1);
      consider(shiftApprox(La), 2n * c + 1n, k + 1, () => exactNode(P0, 2n * c + 1n, k + 1));
      consider(La, 2n * c, k + 1, exactL);
      continue;
    }
    // L(1) = 0 or the bounds leave it open: decide it on the exact polynomial.
    const P = exactNode(P0, c, k);
    const d = P.length - 1;
    let L = stripTwos(P.map((a, i) => a << BigInt(d - i)));
    let s = 0n;
    for (const a of L) s += a;
    if (s === 0n) {
      // L(1) = 0: the midpoint is a root. Divide it out; then R(x) = L(x + 1) loses the factor x.
      const mid = dyadic(2n * c + 1n, B - k - 1);
      out.push({ at: mid, r: exactRoot(mid) });
      L = divideByXMinus1(L);
    }
    if (L.length <= 1) continue;
    const Lt = truncatePoly(L, bits);
    let R: bigint[] | undefined;
    consider(shiftApprox(Lt), 2n * c + 1n, k + 1, () => (R ??= taylorShift1(L)));
    consider(Lt, 2n * c, k + 1, () => L);
  }
  // A root at a midpoint comes before the interval that starts there.
  return out.sort((a, b) => qcmp(a.at, b.at) || (a.r.exact ? -1 : 0) + (b.r.exact ? 1 : 0)).map((o) => o.r);
}

/**
 * The exact polynomial of the node (c, k): 2^(kn)·P0((x + c)/2^k), with the factors x and x − 1
 * of roots at its endpoints divided out (they are midpoints of ancestors, reported exactly).
 */
function exactNode(P0: readonly bigint[], c: bigint, k: number): bigint[] {
  const n = P0.length - 1;
  let P = taylorShiftBy(P0.map((a, i) => a << BigInt(k * (n - i))), c);
  while (P.length > 1 && P[0] === 0n) P = P.slice(1);
  let s = 0n;
  for (const a of P) s += a;
  if (s === 0n && P.length > 1) P = divideByXMinus1(P);
  return stripTwos(P);
}

/**
 * Bits kept in the bounds: the shifts widen them by up to 2^(n+1) each (the sum of a binomial
 * row), so 2n + 64 bits leave 64 bits of margin after the two shifts of a right child's test.
 */
const approxBits = (n: number): number => 2 * n + 64;

/**
 * 0, 1, or 2 meaning "2 or more" for the roots in (0, 1) of a polynomial P with P(0), P(1) ≠ 0
 * known by bounds, or undefined when the bounds do not decide. First the variations of P (they
 * bound its positive roots): 0 means none; 1 means exactly one positive root, inside (0, 1) iff
 * P(0) and P(1) differ in sign. Then Descartes' test.
 */
function rootsInUnitIntervalApprox(a: ApproxPoly): number | undefined {
  if (a.lo.length <= 1) return 0;
  const v = approxSignVariations(a);
  if (v === 0) return 0;
  if (v === 1) {
    let s = 0n;
    let w = 0n;
    for (let i = 0; i < a.lo.length; i++) {
      s += a.lo[i]!;
      w += a.width[i]!;
    }
    const s1 = boundSign(s, w);
    const s0 = boundSign(a.lo[0]!, a.width[0]!);
    return s1 === undefined || s0 === undefined ? undefined : s1 !== s0 ? 1 : 0;
  }
  return descartesUnitIntervalApprox(a, 2);
}

/** {@link rootsInUnitIntervalApprox} on exact coefficients (always decided). */
function rootsInUnitIntervalExact(P: readonly bigint[]): number {
  if (P.length <= 1) return 0;
  const v = signVariations(P);
  if (v === 0) return 0;
  if (v === 1) {
    let s = 0n;
    for (const x of P) s += x;
    return (s < 0n) !== (P[0]! < 0n) ? 1 : 0;
  }
  return descartesUnitInterval(P, 2);
}

/** Divide out the largest power of two common to the coefficients (a positive factor). */
function stripTwos(P: bigint[]): bigint[] {
  let t = Infinity;
  for (const a of P) if (a !== 0n) t = Math.min(t, bitLength(a & -a) - 1);
  if (t === 0 || t === Infinity) return P;
  const T = BigInt(t);
  return P.map((a) => a >> T);
}

/** P / (x − 1) for P(1) = 0, by synthetic division (exact over Z). */
function divideByXMinus1(P: readonly bigint[]): bigint[] {
  const qs = new Array<bigint>(P.length - 1);
  let carry = 0n;
  for (let i = P.length - 1; i >= 1; i--) {
    carry += P[i]!;
    qs[i - 1] = carry;
  }
  return qs;
}

/**
 * The sign of f at a rational x, exactly: interval Horner at doubling precision (cheap when f(x)
 * is not tiny); dyadic points become exact once the precision covers every partial sum, other
 * points fall back to exact integer Horner.
 *
 * @example
 * ```ts
 * signAtRational([-2n, 0n, 1n], Q(3, 2)); // 1: (3/2)² > 2
 * ```
 */
export function signAtRational(f: readonly bigint[], x: Rational): number {
  return signAtRationalWith(evaluator(f), x);
}

function signAtRationalWith(ev: Evaluator, x: Rational): number {
  if ((x.d & (x.d - 1n)) === 0n) return signAtDyadic(ev, ivFromRational(x, 2));
  const exactBits = ev.coeffBits + ev.p.length * (bitLength(x.n) + bitLength(x.d)) + 8;
  for (let prec = 64; prec <= exactBits; prec *= 2) {
    const s = ivSign(ev.at(ivFromRational(x, prec), prec));
    if (s !== undefined) return s;
  }
  return signAt(ev.p as bigint[], x);
}

/**
 * Interval evaluation of a fixed integer polynomial p, its coefficients rounded once per
 * precision; `coeffBits` is the bit length of its largest coefficient.
 */
interface Evaluator {
  readonly p: readonly bigint[];
  readonly coeffBits: number;
  readonly at: (x: Interval, prec: number) => Interval;
}
function evaluator(p: readonly bigint[]): Evaluator {
  const rounded = new Map<number, Interval[]>();
  let coeffBits = 1;
  for (const c of p) coeffBits = Math.max(coeffBits, bitLength(c));
  const at = (x: Interval, prec: number): Interval => {
    let cs = rounded.get(prec);
    if (cs === undefined) rounded.set(prec, (cs = ivPolyZ(p, prec)));
    return ivEvalPoly(cs, x, prec);
  };
  return { p, coeffBits, at };
}

/** The sign of p at a dyadic point (a point interval), exactly. */
function signAtDyadic(ev: Evaluator, x: Interval): number {
  // Exact once prec covers the largest partial sum: coefficient bits + n·(bits of the point).
  const exactBits = ev.coeffBits + ev.p.length * (bitLength(x.lo) + Math.abs(x.exp) + 1) + 8;
  for (let prec = 64; ; prec *= 2) {
    const s = ivSign(ev.at(x, Math.min(prec, exactBits)));
    if (s !== undefined) return s;
    if (prec >= exactBits) throw new Error('internal: exact dyadic evaluation did not give a sign');
  }
}

/** The point lo (or hi) of an interval as a point interval. */
const loPoint = (X: Interval): Interval => ivPoint(X.lo, X.exp);
const hiPoint = (X: Interval): Interval => ivPoint(X.hi, X.exp);

/**
 * Refine an isolating interval of a root of the square-free f until hi − lo ≤ 2^−bits (or the
 * root is found to be rational: then exact). Interval Newton — N(X) = m − f(m)/f′(X) contains
 * the root whenever X does and f′ has no zero on X, so X ∩ N(X) is again isolating — converges
 * quadratically; where it does not halve the interval, a bisection on the exact sign does. The
 * endpoints stay dyadic (no gcds); the working precision is about 2·log2(1/width) bits, raised
 * when f(m) is lost in the rounding. Throws {@link RootIsolationError} when f does not change
 * sign across (lo, hi) (not an isolating interval of f) and past `REAL_ROOT_BUDGET.maxRefineBits`.
 *
 * @example
 * ```ts
 * // isolateRealRoots and refineRoot are internal (not exported by the package)
 * const f = [-2n, 0n, 1n];
 * refineRoot(f, isolateRealRoots(f)[1]!, 100); // √2 to within 2^-100
 * ```
 */
export function refineRoot(f: readonly bigint[], r: IsolatedRoot, bits: number): IsolatedRoot {
  if (r.exact !== undefined) return r;
  if (bits > REAL_ROOT_BUDGET.maxRefineBits)
    throw new RootIsolationError(`refining a root to ${bits} bits is past the budget of ${REAL_ROOT_BUDGET.maxRefineBits} bits`);
  const p = trimZ(f);
  const evP = evaluator(p);
  const evD = evaluator(p.slice(1).map((c, i) => c * BigInt(i + 1)));
  // The sign of f just inside each endpoint: f's own, or f′'s when the endpoint is a root.
  const inside = (x: Rational, dir: 1 | -1): number => signAtRationalWith(evP, x) || dir * signAtRationalWith(evD, x);
  const sLo = inside(r.lo, 1);
  if (sLo === 0 || sLo === inside(r.hi, -1)) throw new RootIsolationError('refineRoot: f does not change sign across the interval, so it does not isolate a root of f');
  const start = dyadicBounds(evP, r, sLo);
  if ('exact' in start) return exactRoot(start.exact);
  let X = start.X;
  for (let guard = 64 + bitLength(BigInt(p.length)); !ivWidthAtMost(X, bits); ) {
    // About 2·log2(1/width) bits, a multiple of 64 so that the rounded coefficients are reused.
    const prec = Math.ceil((2 * Math.max(0, -ivWidthLog2(X)) + guard) / 64) * 64;
    const step = newtonStep(evP, evD, X, prec);
    if (step !== undefined && ivWidthLog2(step.X) < ivWidthLog2(X)) {
      X = step.X;
      continue;
    }
    // f(m) of unknown sign: m is within the rounding noise of the root, so the precision is short.
    if (step !== undefined && step.valueSign === undefined) guard = Math.min(2 * guard, 1 << 16);
    const m = ivMid(X);
    const s = signAtDyadic(evP, m);
    if (s === 0) return exactRoot(ivLo(m));
    X = s === sLo ? ivHull(m, hiPoint(X)) : ivHull(loPoint(X), m);
  }
  // An endpoint that moved inside (r.lo, r.hi) and is a root is the root; the original endpoints
  // may be roots next to it (the interval is open).
  const lo = ivLo(X);
  const hi = ivHi(X);
  if (qcmp(lo, r.lo) !== 0 && signAtDyadic(evP, loPoint(X)) === 0) return exactRoot(lo);
  if (qcmp(hi, r.hi) !== 0 && signAtDyadic(evP, hiPoint(X)) === 0) return exactRoot(hi);
  return Object.freeze({ lo, hi });
}

/**
 * The isolating interval with dyadic endpoints: as given when they are dyadic, else shrunk by
 * bisection at dyadic points (each step replaces an endpoint by a dyadic one) — or the root, when
 * a split point hits it.
 */
function dyadicBounds(ev: Evaluator, r: IsolatedRoot, sLo: number): { X: Interval } | { exact: Rational } {
  const isDyadic = (x: Rational): boolean => (x.d & (x.d - 1n)) === 0n;
  let { lo, hi } = r;
  while (!isDyadic(lo) || !isDyadic(hi)) {
    const m = splitPoint(lo, hi);
    const s = signAtRationalWith(ev, m);
    if (s === 0) return { exact: m };
    if (s === sLo) lo = m;
    else hi = m;
  }
  return { X: ivHull(ivFromRational(lo, 2), ivFromRational(hi, 2)) };
}

/** X ∩ N(X) with N(X) = m − f(m)/f′(X) and the sign of f(m) when certain; undefined when f′(X) ∋ 0. */
function newtonStep(evP: Evaluator, evD: Evaluator, X: Interval, prec: number): { X: Interval; valueSign: number | undefined } | undefined {
  const D = evD.at(X, prec);
  const sd = ivSign(D);
  if (sd === undefined || sd === 0) return undefined;
  const m = ivMid(X);
  const F = evP.at(m, prec);
  const Y = ivIntersect(X, ivSub(m, ivDiv(F, D, prec), prec));
  if (Y === undefined) throw new Error('internal: interval Newton lost the root');
  return { X: Y, valueSign: ivSign(F) };
}

/** ⌈log2 (hi − lo)⌉, roughly (bit lengths). */
const widthLog2 = (lo: Rational, hi: Rational): number => {
  const w = qsub(hi, lo);
  return bitLength(w.n) - bitLength(w.d) + 1;
};

/** A dyadic point in the middle half of (lo, hi): the midpoint rounded down to a multiple of 2^−S ≤ (hi − lo)/4. */
function splitPoint(lo: Rational, hi: Rational): Rational {
  const mid = qmul(qadd(lo, hi), Q(1, 2));
  if ((mid.d & (mid.d - 1n)) === 0n) return mid;
  // log2(hi − lo) > widthLog2 − 2, so S = 4 − widthLog2 gives 2^−S < (hi − lo)/4.
  const S = 4 - widthLog2(lo, hi);
  return S >= 0 ? Q(floorDiv(mid.n << BigInt(S), mid.d), 1n << BigInt(S)) : Q(floorDiv(mid.n, mid.d << BigInt(-S)) << BigInt(-S));
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
};
