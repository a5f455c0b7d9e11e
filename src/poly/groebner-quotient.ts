/**
 * What a Gröbner basis tells about the solution set, read off the leading monomials and the
 * quotient ring A = Q[x]/I:
 *
 * - dimension: the largest set U of variables with no leading monomial in Q[U] (a maximal
 *   independent set of the initial ideal), −1 for the unit ideal;
 * - for a zero-dimensional ideal, the standard monomials (those no leading monomial divides) are
 *   a basis of A, and their number is the number of complex solutions counted with multiplicity;
 * - the minimal polynomial of an element u of A (found by linear dependence among 1, u, u², …
 *   reduced to normal form) generates I ∩ Q[u]: for u a variable it is the univariate eliminant.
 */
import { type Rational, ONE, Q, ZERO, qadd, qdiv, qisZero, qmul, qneg, qsub } from '../expr/rational.js';
import { type IPoly, type MonoCmp, divides, makePrimitive, mono, monoMul, normalForm, orderCmp } from './groebner-core.js';
import type { GroebnerBasis } from './groebner.js';

/** Standard monomials past this make the quotient-ring linear algebra (O(D³) rationals) too slow. */
export const MAX_QUOTIENT_DIM = 2_000;

/** Raised when the quotient ring is too large for the embedded linear algebra. */
export class QuotientBudgetError extends Error {
  override readonly name = 'QuotientBudgetError';
}

const isUnit = (gb: GroebnerBasis): boolean => gb.internal.length === 1 && gb.internal[0]!.ms[0]![0] === 0;

/**
 * Krull dimension of Q[vars]/I: −1 for the unit ideal, 0 for finitely many solutions.
 *
 * @example
 * ```ts
 * // x·y = 0 is two lines: dimension 1
 * ```
 */
export function idealDimension(gb: GroebnerBasis): number {
  if (isUnit(gb)) return -1;
  const n = gb.vars.length;
  const supports = gb.internal.map((p) => {
    const s: number[] = [];
    for (let i = 1; i <= n; i++) if (p.ms[0]![i]! > 0) s.push(i - 1);
    return s;
  });
  // U is independent iff no leading monomial's support lies inside U. Depth-first search over
  // variables, keeping only independent sets (independence is inherited by subsets).
  let best = 0;
  const inU = new Array<boolean>(n).fill(false);
  const independent = (): boolean => supports.every((s) => s.some((i) => !inU[i]));
  const dfs = (i: number, size: number): void => {
    if (size + (n - i) <= best) return;
    if (i === n) {
      best = size;
      return;
    }
    inU[i] = true;
    if (independent()) dfs(i + 1, size + 1);
    inU[i] = false;
    dfs(i + 1, size);
  };
  dfs(0, 0);
  return best;
}

/** Standard monomials (exponent vectors) of a zero-dimensional ideal, or undefined if not zero-dimensional. */
export function standardMonomials(gb: GroebnerBasis): Int32Array[] | undefined {
  if (isUnit(gb)) return [];
  const n = gb.vars.length;
  const lms = gb.internal.map((p) => p.ms[0]!);
  // Zero-dimensional iff every variable has a pure power among the leading monomials.
  for (let i = 1; i <= n; i++) if (!lms.some((m) => m[0] === m[i] && m[i]! > 0)) return undefined;
  const cmp = orderCmp(gb.order);
  const seen = new Set<string>();
  const out: Int32Array[] = [];
  const stack = [mono(new Array<number>(n).fill(0))];
  while (stack.length > 0) {
    const m = stack.pop()!;
    const key = m.join(',');
    if (seen.has(key) || lms.some((l) => divides(l, m))) continue;
    seen.add(key);
    out.push(m);
    if (out.length > MAX_QUOTIENT_DIM)
      throw new QuotientBudgetError(`more than ${MAX_QUOTIENT_DIM} solutions (standard monomials); use the Singular engine`);
    for (let i = 1; i <= n; i++) {
      const e = m.slice();
      e[i]!++;
      e[0]!++;
      stack.push(e);
    }
  }
  return out.sort((a, b) => cmp(a, b));
}

/** Number of complex solutions with multiplicity (Singular's `vdim`): −1 if not zero-dimensional. */
export function solutionCount(gb: GroebnerBasis): number {
  return standardMonomials(gb)?.length ?? -1;
}

/** Product of two integer polynomials. */
export function polyMul(a: IPoly, b: IPoly, cmp: MonoCmp): IPoly {
  const acc = new Map<string, [Int32Array, bigint]>();
  for (let i = 0; i < a.ms.length; i++)
    for (let j = 0; j < b.ms.length; j++) {
      const m = monoMul(a.ms[i]!, b.ms[j]!);
      const k = m.join(',');
      const old = acc.get(k);
      if (old) old[1] += a.cs[i]! * b.cs[j]!;
      else acc.set(k, [m, a.cs[i]! * b.cs[j]!]);
    }
  const ts = [...acc.values()].filter(([, c]) => c !== 0n).sort((x, y) => cmp(y[0], x[0]));
  return { ms: ts.map((t) => t[0]), cs: ts.map((t) => t[1]), sugar: 0 };
}

/**
 * Linear algebra in the quotient ring of a zero-dimensional ideal: normal forms as coordinate
 * vectors over the standard monomials, minimal polynomials, and expressing one element as a
 * polynomial in another.
 */
export class Quotient {
  readonly basis: Int32Array[];
  private readonly index = new Map<string, number>();
  private readonly cmp: MonoCmp;
  constructor(readonly gb: GroebnerBasis) {
    const sm = standardMonomials(gb);
    if (sm === undefined) throw new RangeError('the ideal is not zero-dimensional');
    this.basis = sm;
    this.cmp = orderCmp(gb.order);
    sm.forEach((m, i) => this.index.set(m.join(','), i));
  }
  get dim(): number {
    return this.basis.length;
  }
  /** Normal form of f, reduced modulo I, as an (unscaled) integer polynomial and its scale. */
  reduce(f: IPoly): { r: IPoly; scale: bigint } {
    return normalForm(f, this.gb.internal, this.cmp);
  }
  /** Coordinates of f mod I over the standard monomials. */
  coords(f: IPoly): Rational[] {
    const { r, scale } = this.reduce(f);
    const v = new Array<Rational>(this.dim).fill(ZERO);
    r.ms.forEach((m, i) => (v[this.index.get(m.join(','))!] = Q(r.cs[i]!, scale)));
    return v;
  }
  /** The polynomial l·Σ v_i m_i (standard monomials m_i) with l the least integer making it integral. */
  fromCoords(v: readonly Rational[]): { p: IPoly; l: bigint } {
    let l = 1n;
    for (const c of v) if (c.n !== 0n) l = (l * c.d) / gcdB(l, c.d);
    const idx = v.map((_, i) => i).filter((i) => v[i]!.n !== 0n);
    idx.sort((a, b) => this.cmp(this.basis[b]!, this.basis[a]!));
    return { p: { ms: idx.map((i) => this.basis[i]!), cs: idx.map((i) => (v[i]!.n * l) / v[i]!.d), sugar: 0 }, l };
  }
  /** Multiply by u, as a map on coordinate vectors. */
  mulBy(u: IPoly, v: readonly Rational[]): Rational[] {
    const { p, l } = this.fromCoords(v);
    if (p.ms.length === 0) return v.slice();
    const inv = Q(1n, l);
    return this.coords(polyMul(u, p, this.cmp)).map((c) => qmul(c, inv));
  }
  /**
   * Minimal polynomial of u in the quotient (coefficients low → high, monic), and the powers
   * 1, u, …, u^(k−1) in echelon form for {@link Quotient.express}.
   */
  minimalPolynomial(u: IPoly): { poly: Rational[]; echelon: Echelon } {
    const ech = new Echelon(this.dim);
    let v = this.coords(one(this.gb.vars.length));
    for (let k = 0; k <= this.dim; k++) {
      const dep = ech.add(v, k);
      if (dep !== undefined) return { poly: dep, echelon: ech };
      v = this.mulBy(u, v);
    }
    throw new Error('unreachable: dim + 1 vectors in a space of dimension dim are dependent');
  }
}

const gcdB = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/** The polynomial 1 in n variables. */
export function one(n: number): IPoly {
  return { ms: [mono(new Array<number>(n).fill(0))], cs: [1n], sugar: 0 };
}

/** The polynomial Σ c_i x_i (a linear form) in n variables, integer coefficients. */
export function linearForm(cs: readonly number[], order: MonoCmp): IPoly {
  const n = cs.length;
  const ts = cs.flatMap((c, i) => {
    if (c === 0) return [];
    const e = new Array<number>(n).fill(0);
    e[i] = 1;
    return [[mono(e), BigInt(c)] as [Int32Array, bigint]];
  });
  ts.sort((a, b) => order(b[0], a[0]));
  const p: IPoly = { ms: ts.map((t) => t[0]), cs: ts.map((t) => t[1]), sugar: 1 };
  makePrimitive(p);
  return p;
}

/**
 * Incremental Gaussian elimination over Q that remembers how each row was combined from the
 * inserted vectors (indexed by k): detects the first linear dependence and solves for
 * coordinates in the span.
 */
export class Echelon {
  private readonly rows: { v: Rational[]; pivot: number; comb: Rational[] }[] = [];
  constructor(private readonly n: number) {}
  get rank(): number {
    return this.rows.length;
  }
  /** Insert vector number k; returns the monic dependence Σ c_j (vector j) = 0 if it is dependent. */
  add(vec: readonly Rational[], k: number): Rational[] | undefined {
    const v = vec.slice();
    const comb = new Array<Rational>(k + 1).fill(ZERO);
    comb[k] = ONE;
    this.eliminate(v, comb, -1);
    const pivot = v.findIndex((c) => !qisZero(c));
    if (pivot < 0) return comb;
    const inv = qdiv(ONE, v[pivot]!);
    this.rows.push({ v: v.map((c) => qmul(c, inv)), pivot, comb: comb.map((c) => qmul(c, inv)) });
    return undefined;
  }
  /** Coefficients c_j with Σ c_j (vector j) = vec, or undefined if vec is not in the span. */
  express(vec: readonly Rational[]): Rational[] | undefined {
    const v = vec.slice();
    const comb = new Array<Rational>(this.rows.length).fill(ZERO);
    this.eliminate(v, comb, 1);
    return v.every(qisZero) ? comb : undefined;
  }
  private eliminate(v: Rational[], comb: Rational[], sign: 1 | -1): void {
    for (const row of this.rows) {
      const f = v[row.pivot]!;
      if (qisZero(f)) continue;
      for (let i = 0; i < this.n; i++) if (!qisZero(row.v[i]!)) v[i] = qsub(v[i]!, qmul(f, row.v[i]!));
      for (let j = 0; j < row.comb.length; j++) {
        if (qisZero(row.comb[j]!)) continue;
        const t = qmul(f, row.comb[j]!);
        comb[j] = sign === 1 ? qadd(comb[j]!, t) : qadd(comb[j]!, qneg(t));
      }
    }
  }
}
