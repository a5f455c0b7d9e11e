/**
 * Sparse multivariate polynomials over Q.
 *
 * A polynomial is plain frozen data: a {@link Layout} (its variables and exponent packing),
 * `n` packed monomials, integer numerators (machine integers, or BigInt once any would pass
 * 2^53) and one positive common denominator `den`, reduced so that gcd(content, den) = 1.
 * Terms are kept in hash order; {@link sortedTerms} gives the graded reverse lexicographic order.
 *
 * @example
 * ```ts
 * import { polyVar, polyAdd, polyPow, polyTermCount } from 'closedform';
 * const p = polyPow(polyAdd(polyVar('x'), polyVar('y')), 3); // x³ + 3x²y + 3xy² + y³
 * polyTermCount(p); // 4
 * ```
 */
import { type Rational, Q, gcd } from '../expr/rational.js';
import { ExpansionTooLargeError, PolyInputError } from './errors.js';
import { type Packed, combinePacked, mulPacked, toBig } from './kernel.js';
import { type Layout, grevlexDesc, makeLayout, packInto, sameLayout, unpackExps } from './monomial.js';

export interface Poly {
  readonly layout: Layout;
  readonly n: number;
  readonly mono: Int32Array;
  /** Integer numerators; a `Float64Array` while all are safe integers. */
  readonly coef: Float64Array | bigint[];
  /** Positive common denominator. */
  readonly den: bigint;
  /** Upper bound on the exponent of each variable (aligned with `layout.vars`). */
  readonly expBound: readonly number[];
}

/**
 * Most terms any single polynomial operation may produce. A term with three 32-bit words costs
 * 20 bytes per hash slot at load ≤ ½ (40 per term, 80 while the table doubles) plus 20 in the
 * result, so 5·10^6 terms is ~0.5 GB: about the most one process should take on a shared machine.
 */
export const MAX_POLY_TERMS = 5_000_000;

/**
 * Most term products one multiplication may form. Measured ~30–80 ns per product on the
 * machine of bench/expand.bench.mjs (10^7 products for the 2-2-2-1 loss's last square), so
 * 5·10^8 products is 15–40 s: past that, refuse rather than keep a user waiting.
 */
export const MAX_PRODUCT_WORK = 5e8;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Build a polynomial from packed terms, reducing the denominator and choosing the coefficient route. */
export function fromPacked(layout: Layout, t: Packed, den: bigint, expBound: readonly number[]): Poly {
  let coef = t.coef;
  let d = den;
  if (d !== 1n && t.n > 0) {
    let g = d;
    const c = toBig(coef);
    for (let i = 0; i < t.n && g !== 1n; i++) g = gcd(g, c[i]!);
    if (g !== 1n) {
      coef = c.map((x) => x / g);
      d /= g;
    }
  }
  if (t.n === 0) d = 1n;
  if (!(coef instanceof Float64Array) && coef.every((x) => x <= SAFE && -x <= SAFE)) coef = Float64Array.from(coef, Number);
  return Object.freeze({ layout, n: t.n, mono: t.mono, coef, den: d, expBound: Object.freeze([...expBound]) });
}

/** The zero polynomial over a layout. */
export const polyZero = (layout: Layout = makeLayout([], 1)): Poly =>
  fromPacked(layout, { n: 0, mono: new Int32Array(0), coef: new Float64Array(0) }, 1n, layout.vars.map(() => 0));

/** A rational constant. */
export function polyConst(q: Rational, layout: Layout = makeLayout([], 1)): Poly {
  if (q.n === 0n) return polyZero(layout);
  const c = q.n <= SAFE && -q.n <= SAFE ? Float64Array.of(Number(q.n)) : [q.n];
  return fromPacked(layout, { n: 1, mono: new Int32Array(layout.words), coef: c }, q.d, layout.vars.map(() => 0));
}

/** The polynomial `name` (over `layout` when given; it must contain the variable). */
export function polyVar(name: string, layout: Layout = makeLayout([name], 1)): Poly {
  const i = layout.vars.indexOf(name);
  if (i < 0) throw new PolyInputError(`variable ${name} is not in the layout`);
  const exps = layout.vars.map((_, j) => (j === i ? 1 : 0));
  const mono = new Int32Array(layout.words);
  packInto(layout, exps, mono, 0);
  return fromPacked(layout, { n: 1, mono, coef: Float64Array.of(1) }, 1n, exps);
}

/** Number of terms. */
export const polyTermCount = (p: Poly): number => p.n;
/** Whether p = 0. */
export const polyIsZero = (p: Poly): boolean => p.n === 0;

/** The rational coefficient of term i. */
export function termCoeff(p: Poly, i: number): Rational {
  const c = p.coef[i]!;
  return Q(typeof c === 'bigint' ? c : BigInt(c), p.den);
}

/** Exponent vector of term i (aligned with `p.layout.vars`). */
export const termExps = (p: Poly, i: number): number[] => unpackExps(p.layout, p.mono, i * p.layout.words);

/** Term indices in graded reverse lexicographic order, largest first. */
export function sortedTerms(p: Poly): { exps: number[]; coeff: Rational }[] {
  const out: { exps: number[]; coeff: Rational }[] = [];
  for (let i = 0; i < p.n; i++) out.push({ exps: termExps(p, i), coeff: termCoeff(p, i) });
  return out.sort((a, b) => grevlexDesc(a.exps, b.exps));
}

/** Repack p into `layout`, whose variables must include p's and whose fields must hold its exponents. */
export function relayout(p: Poly, layout: Layout): Poly {
  if (sameLayout(p.layout, layout)) return p;
  const map = p.layout.vars.map((v) => layout.vars.indexOf(v));
  if (map.some((j) => j < 0)) throw new PolyInputError('relayout: the target layout lacks a variable');
  const mono = new Int32Array(p.n * layout.words);
  const exps = new Array<number>(layout.vars.length);
  for (let i = 0; i < p.n; i++) {
    exps.fill(0);
    const e = termExps(p, i);
    e.forEach((x, k) => (exps[map[k]!] = x));
    packInto(layout, exps, mono, i * layout.words);
  }
  const bound = layout.vars.map(() => 0);
  p.expBound.forEach((b, k) => (bound[map[k]!] = b));
  return Object.freeze({ layout, n: p.n, mono, coef: p.coef, den: p.den, expBound: Object.freeze(bound) });
}

/** Bring p and q to one layout with room for exponents up to `need(bp, bq)` per variable. */
function common(p: Poly, q: Poly, need: (a: number, b: number) => number): [Poly, Poly, number[]] {
  const same = sameLayout(p.layout, q.layout);
  const vars = same ? p.layout.vars : makeLayout([...p.layout.vars, ...q.layout.vars], 1).vars;
  const boundOf = (r: Poly, v: string): number => r.expBound[r.layout.vars.indexOf(v)] ?? 0;
  const bound = vars.map((v) => need(boundOf(p, v), boundOf(q, v)));
  const top = Math.max(1, ...bound);
  if (same && top <= p.layout.maxExp) return [p, q, bound];
  const L = makeLayout(vars, top);
  return [relayout(p, L), relayout(q, L), bound];
}

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** p + q. */
export function polyAdd(p: Poly, q: Poly): Poly {
  return polyCombine([
    [p, 1n],
    [q, 1n],
  ]);
}

/** p − q. */
export const polySub = (p: Poly, q: Poly): Poly =>
  polyCombine([
    [p, 1n],
    [q, -1n],
  ]);

/** −p. */
export const polyNeg = (p: Poly): Poly => polyCombine([[p, -1n]]);

/**
 * Σ kᵢ·pᵢ for integer kᵢ, in one pass over all terms (a sum of many polynomials costs the total
 * number of terms, not the sum of pairwise merges).
 */
export function polyCombine(parts: readonly (readonly [Poly, bigint])[]): Poly {
  if (parts.length === 0) return polyZero();
  let ps = parts.map(([p]) => p);
  // One layout for all (rare: expand builds everything on one layout).
  if (ps.some((p) => !sameLayout(p.layout, ps[0]!.layout))) {
    const all = makeLayout(ps.flatMap((p) => p.layout.vars), 1).vars;
    let top = 1;
    for (const p of ps) for (const b of p.expBound) top = Math.max(top, b);
    const L = makeLayout(all, top);
    ps = ps.map((p) => relayout(p, L));
  }
  const L = ps[0]!.layout;
  const den = ps.reduce((d, p) => lcm(d, p.den), 1n);
  const packed = ps.map((p, i) => ({ p: p as Packed, k: parts[i]![1] * (den / p.den) }));
  const bound = L.vars.map(() => 0);
  for (const p of ps) p.expBound.forEach((b, v) => (bound[v] = Math.max(bound[v]!, b)));
  return fromPacked(L, combinePacked(packed, L.words, MAX_POLY_TERMS), den, bound);
}

/** q·p for a rational q. */
export function polyScale(p: Poly, q: Rational): Poly {
  if (q.n === 0n) return polyZero(p.layout);
  const r = polyCombine([[p, q.n]]);
  return fromPacked(r.layout, r, r.den * q.d, r.expBound);
}

/** p·q. */
export function polyMul(p: Poly, q: Poly): Poly {
  const [a, b, bound] = common(p, q, (x, y) => x + y);
  const L = a.layout;
  const square = p === q;
  const work = square ? (a.n * (a.n + 1)) / 2 : a.n * b.n;
  if (work > MAX_PRODUCT_WORK) throw new ExpansionTooLargeError(work, MAX_PRODUCT_WORK, `term products of one multiplication (${a.n} × ${b.n} terms)`);
  const [x, y] = a.n <= b.n ? [a, b] : [b, a];
  const keys = work >= BUCKET_MIN_WORK ? bucketKeys(x, y, bound) : undefined;
  const r = mulPacked(x, y, L.words, MAX_POLY_TERMS, square, keys);
  return fromPacked(L, r, a.den * b.den, bound);
}

/**
 * Products with at least this many term products go bucket by bucket (see buckets.ts). Below it
 * the whole result fits in cache anyway and the bucketing costs more than it saves (measured on
 * the bench's network outputs: the 3-4-1 output's last square, 2·10^5 products, is no faster).
 */
export const BUCKET_MIN_WORK = 200_000;

/**
 * Additive keys κ = deg·B + e_v of the terms of x and y: total degree and the exponent of the
 * variable v with the largest exponent bound in the product (B = that bound + 1).
 */
function bucketKeys(x: Poly, y: Poly, bound: readonly number[]): [Int32Array, Int32Array] {
  let v = 0;
  for (let i = 1; i < bound.length; i++) if (bound[i]! > bound[v]!) v = i;
  const B = (bound[v] ?? 0) + 1;
  const keysOf = (p: Poly): Int32Array => {
    const k = new Int32Array(p.n);
    for (let i = 0; i < p.n; i++) {
      const e = termExps(p, i);
      let d = 0;
      for (const x of e) d += x;
      k[i] = d * B + (e[v] ?? 0);
    }
    return k;
  };
  const kx = keysOf(x);
  return [kx, x === y ? kx : keysOf(y)];
}

/** p^k for an integer k ≥ 0, by repeated squaring (squares use the half-work kernel). */
export function polyPow(p: Poly, k: number): Poly {
  if (!Number.isInteger(k) || k < 0) throw new PolyInputError(`polyPow: exponent ${k} is not a non-negative integer`);
  if (k === 0) return polyConst(Q(1), p.layout);
  if (k === 1 || p.n === 0) return p;
  const half = polyPow(p, Math.floor(k / 2));
  const sq = polyMul(half, half);
  return k % 2 === 0 ? sq : polyMul(sq, p);
}

/** p = q (as polynomials over the union of their variables). */
export const polyEqual = (p: Poly, q: Poly): boolean => polySub(p, q).n === 0;

/** Total degree (−Infinity for the zero polynomial). */
export function polyDegree(p: Poly, vars?: readonly string[]): number {
  const idx = vars === undefined ? p.layout.vars.map((_, i) => i) : vars.map((v) => p.layout.vars.indexOf(v)).filter((i) => i >= 0);
  let best = -Infinity;
  for (let i = 0; i < p.n; i++) {
    const e = termExps(p, i);
    let d = 0;
    for (const j of idx) d += e[j]!;
    if (d > best) best = d;
  }
  return best;
}

/** The variables that occur in some term (natural order). */
export function polyVariables(p: Poly): string[] {
  const used = new Array<boolean>(p.layout.vars.length).fill(false);
  for (let i = 0; i < p.n; i++) termExps(p, i).forEach((e, j) => e > 0 && (used[j] = true));
  return p.layout.vars.filter((_, j) => used[j]);
}

/**
 * The interchange form: variables (natural order) and terms in graded reverse lexicographic
 * order, largest first; exponents aligned with `vars`.
 *
 * @example
 * ```ts
 * polyToTerms(polyPow(polyVar('x'), 2)); // { vars: ['x'], terms: [{ exps: [2], coeff: Q(1) }] }
 * ```
 */
export function polyToTerms(p: Poly): { vars: string[]; terms: { exps: number[]; coeff: Rational }[] } {
  return { vars: [...p.layout.vars], terms: sortedTerms(p) };
}

/**
 * A polynomial from variables and terms (like terms are added; zero terms dropped).
 *
 * @example
 * ```ts
 * polyFromTerms(['x', 'y'], [{ exps: [1, 0], coeff: Q(2) }, { exps: [0, 1], coeff: Q(-1) }]); // 2x − y
 * ```
 */
export function polyFromTerms(vars: readonly string[], terms: readonly { exps: readonly number[]; coeff: Rational }[]): Poly {
  let top = 1; // (no spread: a polynomial may have millions of terms)
  for (const t of terms) for (const e of t.exps) top = Math.max(top, e);
  const L = makeLayout(vars, top);
  if (L.vars.length !== vars.length) throw new PolyInputError('polyFromTerms: duplicate variable');
  const perm = L.vars.map((v) => vars.indexOf(v));
  const den = terms.reduce((d, t) => lcm(d, t.coeff.d), 1n);
  const mono = new Int32Array(terms.length * L.words);
  const coef = new Array<bigint>(terms.length);
  const bound = L.vars.map(() => 0);
  terms.forEach((t, i) => {
    if (t.exps.length !== vars.length) throw new PolyInputError(`polyFromTerms: term ${i} has ${t.exps.length} exponents for ${vars.length} variables`);
    const e = perm.map((j) => t.exps[j]!);
    e.forEach((x, j) => (bound[j] = Math.max(bound[j]!, x)));
    packInto(L, e, mono, i * L.words);
    coef[i] = t.coeff.n * (den / t.coeff.d);
  });
  // Merge like terms through the kernel.
  const merged = combinePacked([{ p: { n: terms.length, mono, coef }, k: 1n }], L.words, MAX_POLY_TERMS);
  return fromPacked(L, merged, den, bound);
}
