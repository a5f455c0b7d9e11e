/**
 * Certified types and coordinates of real critical points.
 *
 * A real solution of ∇L = 0 comes out of the solvers as an algebraic point: the real root α of a
 * square-free integer polynomial f in an isolating interval, and each coordinate as
 * xᵢ = gᵢ(α)/h(α) (h = f′ for the rational univariate representation, h = 1 for the shape-lemma
 * coordinates of the exact quotient). Narrowing α's interval (Newton and bisection, exact) and
 * evaluating gᵢ and h in outward-rounded interval arithmetic gives a box that provably contains the
 * point, as narrow as asked.
 *
 * The type: the Hessian of L is a matrix of polynomials, evaluated over the box in the same
 * arithmetic, and its inertia read off by symmetric elimination (poly/inertia.ts): a sign read off
 * an interval that excludes 0 is a proof, so the index (the number of negative eigenvalues) is
 * exact once every pivot is certain. At a rational point the Hessian is exact rationals and the
 * inertia is decided outright, zero eigenvalues included; at an irrational point a zero eigenvalue
 * cannot be seen in intervals, so when the precision budget ends with a pivot still uncertain the
 * point is called degenerate and the reason says that it is unproved.
 *
 * Mean-value form: g(X) ⊆ g(m) + g′(X)·(X − m) for m the midpoint of X. Horner's rule over the
 * whole interval overestimates by the sum of the coefficients' absolute values, which for the
 * RUR's high-degree, large-height polynomials is many orders of magnitude; here that factor only
 * multiplies the square of the width.
 */
import { type Rational, Q, qadd, qdiv, qmul, qtoString } from '../expr/rational.js';
import { type PolyTerms, PolyInputError, toCommonVars } from '../poly/terms.js';
import { type Inertia, type SignedArithmetic, inertia, rationalInertia } from '../poly/inertia.js';
import { decimal } from '../poly/roots.js';
import {
  type Interval,
  bitLength,
  ivAdd,
  ivDiv,
  ivEvalPoly,
  ivFromBounds,
  ivFromRational,
  ivHi,
  ivLo,
  ivMid,
  ivMul,
  ivPoint,
  ivPow,
  ivSign,
  ivSub,
  ivWidthLog2,
} from '../groebner/interval.js';
import { type IsolatedRoot, refineRoot } from '../groebner/realroots.js';
import { type ZPoly, qpolyGcd, signAt, toZ } from '../poly/univariate.js';

/** A real algebraic point: xᵢ = num[i](α)/den(α) at the root α of f isolated by `root`. */
export interface AlgebraicPoint {
  /** square-free, integer coefficients, lowest degree first */
  readonly f: readonly bigint[];
  readonly root: IsolatedRoot;
  /** per coordinate, rational coefficients, lowest degree first */
  readonly num: readonly (readonly Rational[])[];
  /** the common denominator polynomial (nonzero at α); absent means 1 */
  readonly den?: readonly Rational[];
}

/** Widths of α's interval tried, in bits: doubling up to this (the refinement budget). */
export const MAX_CERTIFY_BITS = 8_192;
const FIRST_BITS = 64;

/** ∂²L/∂xᵢ∂xⱼ for i ≤ j, as term lists, from the gradient system (system[i] = ∂L/∂xᵢ). */
export interface HessianTerms {
  readonly n: number;
  /** upper triangle, row-major: entry (i, j), i ≤ j, at index i·n + j */
  readonly entries: readonly (readonly { readonly exps: readonly number[]; readonly coeff: Rational }[])[];
}

/** The Hessian of L from its gradient (system[i] = ∂L/∂vars[i]), differentiating term by term. */
export function hessianFromGradient(system: readonly PolyTerms[], vars: readonly string[]): HessianTerms {
  const n = vars.length;
  if (system.length !== n) throw new PolyInputError(`a gradient of ${system.length} polynomials for ${n} variables`);
  const rows = toCommonVars(system, vars);
  const entries: { exps: number[]; coeff: Rational }[][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const out: { exps: number[]; coeff: Rational }[] = [];
      if (j >= i)
        for (const t of rows[i]!) {
          const e = t.exps[j]!;
          if (e === 0) continue;
          const exps = t.exps.slice();
          exps[j] = e - 1;
          out.push({ exps, coeff: qmul(t.coeff, Q(e)) });
        }
      entries.push(out);
    }
  return { n, entries };
}

const qpow = (x: Rational, k: number): Rational => {
  let r = Q(1);
  for (let i = 0; i < k; i++) r = qmul(r, x);
  return r;
};

/** The Hessian at a rational point, exactly. */
export function hessianAtRational(H: HessianTerms, x: readonly Rational[]): Rational[][] {
  return Array.from({ length: H.n }, (_, i) =>
    Array.from({ length: H.n }, (_, j) => {
      const [a, b] = i <= j ? [i, j] : [j, i];
      let s = Q(0);
      for (const t of H.entries[a * H.n + b]!) s = qadd(s, qmul(t.coeff, t.exps.reduce((p, e, k) => (e === 0 ? p : qmul(p, qpow(x[k]!, e))), Q(1))));
      return s;
    }),
  );
}

/** The Hessian over a box, in interval arithmetic at `prec` bits (monomials shared between entries). */
export function hessianOverBox(H: HessianTerms, X: readonly Interval[], prec: number): Interval[][] {
  const powers = new Map<string, Interval>();
  const pw = (k: number, e: number): Interval => {
    const key = `${k}^${e}`;
    let v = powers.get(key);
    if (v === undefined) powers.set(key, (v = ivPow(X[k]!, e, prec)));
    return v;
  };
  const upper = new Map<number, Interval>();
  for (let i = 0; i < H.n; i++)
    for (let j = i; j < H.n; j++) {
      let s = ivPoint(0n);
      for (const t of H.entries[i * H.n + j]!) {
        let m = ivFromRational(t.coeff, prec);
        t.exps.forEach((e, k) => {
          if (e > 0) m = ivMul(m, pw(k, e), prec);
        });
        s = ivAdd(s, m, prec);
      }
      upper.set(i * H.n + j, s);
    }
  return Array.from({ length: H.n }, (_, i) => Array.from({ length: H.n }, (_, j) => upper.get(i <= j ? i * H.n + j : j * H.n + i)!));
}

/** Interval arithmetic for the elimination; sizes on a log scale (the bit length of the bound). */
export function intervalArithmetic(prec: number): SignedArithmetic<Interval> {
  return {
    sign: ivSign,
    sub: (a, b) => ivSub(a, b, prec),
    mul: (a, b) => ivMul(a, b, prec),
    div: (a, b) => ivDiv(a, b, prec),
    // log2 of the smaller endpoint's magnitude: a pivot far from zero is preferred
    size: (a) => {
      const m = a.lo > 0n ? a.lo : a.hi < 0n ? -a.hi : 0n;
      return m === 0n ? -Infinity : bitLength(m) + a.exp;
    },
  };
}

// ---- enclosures of the point ----

/** Coefficient intervals of a rational polynomial at `prec` bits, memoised per polynomial and precision. */
const coeffCache = new WeakMap<readonly Rational[], Map<number, Interval[]>>();
function coeffs(p: readonly Rational[], prec: number): Interval[] {
  let m = coeffCache.get(p);
  if (m === undefined) coeffCache.set(p, (m = new Map()));
  let c = m.get(prec);
  if (c === undefined) m.set(prec, (c = p.map((q) => ivFromRational(q, prec))));
  return c;
}
const derivCache = new WeakMap<readonly Rational[], Rational[]>();
function derivativeOf(p: readonly Rational[]): Rational[] {
  let d = derivCache.get(p);
  if (d === undefined) derivCache.set(p, (d = p.slice(1).map((c, i) => qmul(c, Q(i + 1)))));
  return d;
}
/** g over X in the mean-value form g(m) + g′(X)(X − m). */
function meanValue(g: readonly Rational[], X: Interval, prec: number): Interval {
  const m = ivMid(X);
  const gm = ivEvalPoly(coeffs(g, prec), m, prec);
  if (g.length <= 1) return gm;
  const dX = ivEvalPoly(coeffs(derivativeOf(g), prec), X, prec);
  return ivAdd(gm, ivMul(dX, ivSub(X, m, prec), prec), prec);
}

/** The point's coordinates: exact when α is rational, else a box around them. */
export type PointEnclosure = { readonly exact: readonly Rational[] } | { readonly box: readonly Interval[] };

/**
 * An enclosure of the point with α's interval refined to width 2^−bits and the arithmetic at
 * about twice that precision; undefined when the denominator's enclosure still contains 0.
 */
export function enclosePoint(pt: AlgebraicPoint, bits: number): { root: IsolatedRoot; enclosure: PointEnclosure | undefined } {
  const root = refineRoot(pt.f, pt.root, bits);
  if (root.exact !== undefined) {
    const a = root.exact;
    const ev = (p: readonly Rational[]): Rational => p.reduceRight((acc, c) => qadd(qmul(acc, a), c), Q(0));
    const den = pt.den === undefined ? Q(1) : ev(pt.den);
    return { root, enclosure: { exact: pt.num.map((g) => qdiv(ev(g), den)) } };
  }
  const prec = 2 * bits + 64;
  const X = ivFromBounds(root.lo, root.hi, prec);
  const den = pt.den === undefined ? undefined : meanValue(pt.den, X, prec);
  if (den !== undefined && (ivSign(den) === undefined || ivSign(den) === 0)) return { root, enclosure: undefined };
  const box = pt.num.map((g) => {
    const v = meanValue(g, X, prec);
    return den === undefined ? v : ivDiv(v, den, prec);
  });
  return { root, enclosure: { box } };
}

// ---- types ----

export type CertifiedKind = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface CertifiedType {
  readonly type: CertifiedKind;
  /** eigenvalue sign counts of the Hessian, when certified */
  readonly inertia?: Inertia;
  /** `exact`: rational point, exact inertia; `interval`: signs proved in interval arithmetic; `unproved`: the refinement budget ended */
  readonly certainty: 'exact' | 'interval' | 'unproved';
  /** bits of α's interval at which the signs were certain (or the budget) */
  readonly bits: number;
  /** one line: how the type was established */
  readonly reason: string;
}

export const typeFromInertia = (I: Inertia): CertifiedKind =>
  I.zero > 0 ? 'degenerate' : I.negative === 0 ? 'minimum' : I.positive === 0 ? 'maximum' : 'saddle';

const describeInertia = (I: Inertia): string => `${I.positive} positive, ${I.negative} negative, ${I.zero} zero eigenvalue${I.zero === 1 ? '' : 's'}`;

/** The type at a rational point: exact Hessian, exact inertia. */
export function certifyRational(H: HessianTerms, x: readonly Rational[]): CertifiedType {
  const I = rationalInertia(hessianAtRational(H, x));
  return { type: typeFromInertia(I), inertia: I, certainty: 'exact', bits: 0, reason: `exact Hessian at a rational point, LDLᵀ over Q: ${describeInertia(I)}` };
}

/**
 * The type at an algebraic point: α narrowed from 2⁻⁶⁴ by doubling the bits until every pivot's
 * sign is certain, or MAX_CERTIFY_BITS. Returns the type and the narrowest root interval reached
 * (for the coordinates, which reuse it).
 */
export function certifyType(H: HessianTerms, pt: AlgebraicPoint, maxBits = MAX_CERTIFY_BITS): { type: CertifiedType; root: IsolatedRoot } {
  let root = pt.root;
  for (let bits = FIRST_BITS; bits <= maxBits; bits *= 2) {
    const e = enclosePoint({ ...pt, root }, bits);
    root = e.root;
    if (e.enclosure === undefined) continue;
    if ('exact' in e.enclosure) return { type: certifyRational(H, e.enclosure.exact), root };
    const prec = 2 * bits + 64;
    const I = inertia(hessianOverBox(H, e.enclosure.box, prec), intervalArithmetic(prec));
    if (I === undefined) continue;
    if (I.zero > 0) {
      // exact zeros in an interval Hessian: entries that vanish identically on the box
      return { type: { type: 'degenerate', inertia: I, certainty: 'interval', bits, reason: `Hessian in interval arithmetic (α to 2^-${bits}): ${describeInertia(I)}, the zero block exactly zero` }, root };
    }
    return { type: { type: typeFromInertia(I), inertia: I, certainty: 'interval', bits, reason: `Hessian in interval arithmetic over a box around the point (α to 2^-${bits}): ${describeInertia(I)}` }, root };
  }
  return {
    type: { type: 'degenerate', certainty: 'unproved', bits: maxBits, reason: `no eigenvalue sign pattern certified with α refined to 2^-${maxBits} (the refinement budget): a zero eigenvalue is likely but not proved` },
    root,
  };
}

// ---- decimals ----

/**
 * Coordinates to `digits` decimal places: the box narrowed until both ends of every interval
 * round to the same decimal (then that decimal is the correctly rounded value), with the
 * enclosure as decimal bounds rounded outward. A coordinate whose interval straddles a rounding
 * boundary past the budget keeps its enclosure and is marked not certain.
 */
export function pointDecimals(
  pt: AlgebraicPoint,
  digits: number,
  start?: IsolatedRoot,
): { values: string[]; enclosure: [string, string][]; certain: boolean; exact: (Rational | undefined)[] } {
  const need = Math.ceil((digits + 2) * Math.log2(10));
  let root = start ?? pt.root;
  for (let bits = Math.max(FIRST_BITS, need); bits <= 2 * MAX_CERTIFY_BITS; bits *= 2) {
    const e = enclosePoint({ ...pt, root }, bits);
    root = e.root;
    if (e.enclosure === undefined) continue;
    if ('exact' in e.enclosure) {
      const xs = e.enclosure.exact;
      return { values: xs.map(qtoString), enclosure: xs.map((x) => [qtoString(x), qtoString(x)]), certain: true, exact: [...xs] };
    }
    const box = e.enclosure.box;
    // a coordinate whose box contains 0 is decided exactly: 0 when α is a root of gcd(f, gᵢ)
    const zero = box.map((x, i) => ivSign(x) !== 1 && ivSign(x) !== -1 && vanishesAt(pt.f, pt.num[i]!, root));
    const lo = box.map((x, i) => (zero[i] ? '0' : decimal(ivLo(x), digits)));
    const hi = box.map((x, i) => (zero[i] ? '0' : decimal(ivHi(x), digits)));
    const wide = box.some((x, i) => !zero[i] && ivWidthLog2(x) > -need);
    if (!wide && lo.every((l, i) => l === hi[i]) || bits * 2 > 2 * MAX_CERTIFY_BITS)
      return {
        values: box.map((x, i) => (lo[i] === hi[i] ? lo[i]! : decimal(ivLo(ivMid(x)), digits))),
        enclosure: box.map((x, i) => (zero[i] ? ['0', '0'] : [floorDecimal(ivLo(x), digits + 2), ceilDecimal(ivHi(x), digits + 2)])),
        certain: lo.every((l, i) => l === hi[i]),
        exact: box.map((_, i) => (zero[i] ? Q(0) : undefined)),
      };
  }
  throw new Error('unreachable: the loop returns at its last step');
}

/**
 * Degree of f past which a zero coordinate is not decided over Q (the subresultant gcd of two
 * polynomials of that degree with the RUR's heights takes minutes): the coordinate stays a decimal.
 */
export const MAX_ZERO_TEST_DEGREE = 64;

/** deg gcd(f, g) modulo the prime 2²⁶ − 5 (−1 when the prime divides a denominator or a leading coefficient). */
function modularGcdDegree(f: readonly bigint[], g: readonly Rational[]): number {
  const p = 67108859;
  const P = BigInt(p);
  const inv = (a: number): number => {
    let [r0, r1, s0, s1] = [p, a, 0, 1];
    while (r1 !== 0) {
      const q = Math.floor(r0 / r1);
      [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
    }
    return ((s0 % p) + p) % p;
  };
  const mod = (n: bigint): number => Number(((n % P) + P) % P);
  const mul = (a: number, b: number): number => Number((BigInt(a) * BigInt(b)) % P);
  const trimm = (a: number[]): number[] => {
    while (a.length > 0 && a[a.length - 1] === 0) a.pop();
    return a;
  };
  let a = trimm(f.map(mod));
  if (a.length !== f.length) return -1;
  if (g.some((c) => mod(c.d) === 0)) return -1;
  let b = trimm(g.map((c) => mul(mod(c.n), inv(mod(c.d)))));
  while (b.length > 0) {
    const r = a.slice();
    const li = inv(b[b.length - 1]!);
    for (let i = r.length - 1; i >= b.length - 1; i--) {
      const c = mul(r[i]!, li);
      if (c === 0) continue;
      for (let j = 0; j < b.length; j++) r[i - b.length + 1 + j] = (r[i - b.length + 1 + j]! - mul(c, b[j]!) + p) % p;
    }
    [a, b] = [b, trimm(r.slice(0, b.length - 1))];
  }
  return a.length - 1;
}

/** gcd(f, g) over Z per (f, g), or null when it is 1: computed once per coordinate polynomial. */
const gcdCache = new WeakMap<readonly Rational[], Map<readonly bigint[], ZPoly | null>>();

/**
 * Whether the coordinate g(α)/h(α) is exactly 0: α is a root of G = gcd(f, g) over Q. G divides
 * the square-free f, so its roots are simple and among f's; α's interval isolates α among the
 * roots of f, hence α is a root of G exactly when G changes sign across that interval. Past
 * MAX_ZERO_TEST_DEGREE the answer is false (not decided) unless the gcd is 1 modulo a prime.
 */
export function vanishesAt(f: readonly bigint[], g: readonly Rational[], root: IsolatedRoot): boolean {
  if (g.every((c) => c.n === 0n)) return true;
  let byF = gcdCache.get(g);
  if (byF === undefined) gcdCache.set(g, (byF = new Map()));
  let G = byF.get(f);
  if (G === undefined) {
    // gcd 1 modulo a prime (dividing neither leading coefficient) means gcd 1 over Q: no zero anywhere
    const trivial = modularGcdDegree(f, g) === 0;
    const q = trivial || f.length - 1 > MAX_ZERO_TEST_DEGREE ? [] : qpolyGcd(f.map((c) => Q(c)), [...g]);
    byF.set(f, (G = q.length <= 1 ? null : toZ(q)));
  }
  if (G === null) return false;
  if (root.exact !== undefined) return signAt(G, root.exact) === 0;
  return signAt(G, root.lo) * signAt(G, root.hi) < 0;
}

const floorDecimal = (x: Rational, digits: number): string => decimal(qadd(x, Q(-5n, 10n ** BigInt(digits + 1))), digits);
const ceilDecimal = (x: Rational, digits: number): string => decimal(qadd(x, Q(5n, 10n ** BigInt(digits + 1))), digits);
