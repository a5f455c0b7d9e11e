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
import { type Rational, Q } from '../expr/rational.js';
import { type IPoly, type MonoCmp, divides, makePrimitive, mono, monoMul, normalForm, orderCmp } from './groebner-core.js';
import type { GroebnerBasis } from './groebner-basis.js';
import { ClosedformError } from '../expr/errors.js';
import { PolyInputError } from './terms.js';
import { maxIndependentSet } from '../groebner/quotient.js';

/** Standard monomials past this make the quotient-ring linear algebra (O(D³) rationals) too slow. */
export const MAX_QUOTIENT_DIM = 2_000;

/** Raised when the quotient ring is too large for the embedded linear algebra. */
export class QuotientBudgetError extends ClosedformError {
  override readonly name = 'QuotientBudgetError';
}

const isUnit = (gb: GroebnerBasis): boolean => gb.internal.length === 1 && gb.internal[0]!.ms[0]![0] === 0;

/**
 * Krull dimension of Q[vars]/I: −1 for the unit ideal, 0 for finitely many solutions.
 *
 * @example
 * ```ts
 * import { groebner, idealDimension, Q } from 'closedform';
 * const xy = { vars: ['x', 'y'], terms: [{ exps: [1, 1], coeff: Q(1) }] };
 * idealDimension(groebner([xy], ['x', 'y'])); // 1: x·y = 0 is two lines
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
  return maxIndependentSet(supports, n);
}

/**
 * Standard monomials (`[deg, e1, …, en]`) of a zero-dimensional ideal, or undefined if not
 * zero-dimensional; they are a basis of the quotient ring.
 *
 * @example
 * ```ts
 * // ⟨x², y²⟩: 1, y, x, x·y
 * standardMonomials(groebner([x2, y2], ['x', 'y']))!.length; // 4
 * ```
 */
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

/**
 * Number of complex solutions with multiplicity (Singular's `vdim`): −1 if not zero-dimensional.
 *
 * @example
 * ```ts
 * import { groebner, solutionCount, Q } from 'closedform';
 * const p = { vars: ['x'], terms: [{ exps: [3], coeff: Q(1) }, { exps: [0], coeff: Q(-1) }] };
 * solutionCount(groebner([p], ['x'])); // 3: the cube roots of 1
 * ```
 */
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

/** A vector v/den of the quotient ring with integer entries (den > 0): no gcd per operation. */
export interface ZVec {
  v: bigint[];
  den: bigint;
}

/**
 * Linear algebra in the quotient ring of a zero-dimensional ideal: normal forms as coordinate
 * vectors over the standard monomials, minimal polynomials, and expressing one element as a
 * polynomial in another. Vectors are integer vectors over a common denominator.
 *
 * @example
 * ```ts
 * const q = new Quotient(groebner(system, vars)); // throws RangeError unless zero-dimensional
 * q.minimalPolynomial(linearForm([0, 1], grevlex)).poly; // the eliminant of the 2nd variable
 * ```
 */
export class Quotient {
  readonly basis: Int32Array[];
  private readonly index = new Map<string, number>();
  private readonly cmp: MonoCmp;
  constructor(readonly gb: GroebnerBasis) {
    if (typeof gb !== 'object' || gb === null || !Array.isArray(gb.polys) || !Array.isArray(gb.internal) || !Array.isArray(gb.vars))
      throw new PolyInputError('a Quotient is made from a Gröbner basis (from groebner)');
    const sm = standardMonomials(gb);
    if (sm === undefined) throw new PolyInputError('the ideal is not zero-dimensional: its quotient ring is not finite');
    this.basis = sm;
    this.cmp = orderCmp(gb.order);
    sm.forEach((m, i) => this.index.set(m.join(','), i));
  }
  get dim(): number {
    return this.basis.length;
  }
  /** Coordinates of f mod I over the standard monomials. */
  coords(f: IPoly, den = 1n): ZVec {
    const { r, scale } = normalForm(f, this.gb.internal, this.cmp);
    const v = new Array<bigint>(this.dim).fill(0n);
    r.ms.forEach((m, i) => (v[this.index.get(m.join(','))!] = r.cs[i]!));
    return reduceZ({ v, den: scale * den });
  }
  /** Rational coordinates (for callers outside the hot loops). */
  rationalCoords(f: IPoly): Rational[] {
    const { v, den } = this.coords(f);
    return v.map((c) => Q(c, den));
  }
  /** Multiply by u, as a map on coordinate vectors. */
  mulBy(u: IPoly, x: ZVec): ZVec {
    const idx = x.v.map((_, i) => i).filter((i) => x.v[i] !== 0n);
    if (idx.length === 0) return x;
    idx.sort((a, b) => this.cmp(this.basis[b]!, this.basis[a]!));
    const p: IPoly = { ms: idx.map((i) => this.basis[i]!), cs: idx.map((i) => x.v[i]!), sugar: 0 };
    return this.coords(polyMul(u, p, this.cmp), x.den);
  }
  /**
   * Minimal polynomial of u in the quotient (coefficients low → high, monic), and the powers
   * 1, u, …, u^(k−1) in echelon form for {@link Echelon.express}.
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

/** Divide numerator entries and denominator by their common content. */
function reduceZ(x: ZVec): ZVec {
  let g = x.den;
  for (const c of x.v) {
    if (g === 1n) return x;
    if (c !== 0n) g = gcdB(g, c);
  }
  return g > 1n ? { v: x.v.map((c) => c / g), den: x.den / g } : x;
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
 * Incremental fraction-free Gaussian elimination over Z that remembers how each row was combined
 * from the inserted vectors (indexed by k): detects the first linear dependence and solves for
 * coordinates in the span. Row invariant: row.v = Σ_j row.c_j · (vector j's integer numerator).
 */
export class Echelon {
  private readonly rows: { v: bigint[]; pivot: number; c: bigint[] }[] = [];
  private readonly dens: bigint[] = [];
  constructor(private readonly n: number) {}
  get rank(): number {
    return this.rows.length;
  }
  /** Insert vector number k (k = number inserted so far); returns the monic dependence Σ c_j·vec_j = 0 if dependent. */
  add(vec: ZVec, k: number): Rational[] | undefined {
    const w = vec.v.slice();
    const c = new Array<bigint>(k + 1).fill(0n);
    c[k] = 1n;
    this.dens[k] = vec.den;
    const mult = [1n];
    this.eliminate(w, c, mult);
    const pivot = w.findIndex((x) => x !== 0n);
    if (pivot < 0) {
      // Σ c_j num_j = 0 and num_j = den_j·vec_j: the dependence Σ c_j den_j vec_j = 0, made monic.
      const lead = c[k]! * vec.den;
      return c.map((x, j) => Q(x * this.dens[j]!, lead));
    }
    this.rows.push({ v: w, pivot, c });
    return undefined;
  }
  /** Coefficients a_j with Σ a_j·vec_j = vec, or undefined if vec is not in the span. */
  express(vec: ZVec): Rational[] | undefined {
    // Invariant: w = mult·num − Σ c_j num_j (num the integer numerators); at w = 0,
    // vec = num/den = Σ c_j num_j / (mult·den) = Σ c_j den_j vec_j / (mult·den).
    const w = vec.v.slice();
    const c = new Array<bigint>(this.rows.length).fill(0n);
    const mult = [1n];
    this.eliminate(w, c, mult, true);
    if (w.some((x) => x !== 0n)) return undefined;
    return c.map((x, j) => Q(x * this.dens[j]!, mult[0]! * vec.den));
  }
  private eliminate(w: bigint[], c: bigint[], mult: bigint[], express = false): void {
    for (const row of this.rows) {
      const f = w[row.pivot]!;
      if (f === 0n) continue;
      const a = row.v[row.pivot]!;
      const g = gcdB(a, f);
      const ra = a / g;
      const rf = f / g;
      // w ← ra·w − rf·row.v kills the pivot entry.
      for (let i = 0; i < this.n; i++) w[i] = ra * w[i]! - rf * row.v[i]!;
      for (let j = 0; j < c.length; j++) {
        const rc = j < row.c.length ? row.c[j]! : 0n;
        c[j] = express ? ra * c[j]! + rf * rc : ra * c[j]! - rf * rc;
      }
      mult[0] = mult[0]! * ra;
      // Divide out the common content of w, c (and mult) to keep the integers small.
      let h = express ? mult[0]! : 0n;
      for (const x of w) if (x !== 0n && h !== 1n) h = gcdB(h, x);
      for (const x of c) if (x !== 0n && h !== 1n) h = gcdB(h, x);
      if (h > 1n) {
        for (let i = 0; i < this.n; i++) w[i] = w[i]! / h;
        for (let j = 0; j < c.length; j++) c[j] = c[j]! / h;
        if (express) mult[0] = mult[0]! / h;
      }
    }
  }
}
