/**
 * Expansion of a core expression into a polynomial.
 *
 * Two passes over the DAG, each visiting every distinct node once (a shared subexpression is
 * expanded once):
 * 1. {@link expansionEstimate}: refuse anything not polynomial (naming the node) and bound, per
 *    node, the exponent of every variable, the total degree and the number of terms. Nothing is
 *    multiplied out before this pass has accepted the whole expression.
 * 2. {@link expand}: multiply out bottom-up on one packed layout chosen from the exponent bounds.
 *
 * @example
 * ```ts
 * import { parse, expand, polyToText } from 'closedform';
 * polyToText(expand(parse('(x + 1)^2 - x'))); // 'x^2 + x + 1'
 * ```
 */
import { type Node, assertNever } from '../expr/node.js';
import { toText as walkText } from '../print/text.js';
import { type Poly, MAX_POLY_TERMS, MAX_PRODUCT_WORK, polyCombine, polyConst, polyMul, polyPow, polyVar } from './poly.js';
import { TermLimitError } from './kernel.js';
import { ExpansionTooLargeError, NotPolynomialError } from './errors.js';

export { ExpansionTooLargeError, NotPolynomialError } from './errors.js';
import { makeLayout } from './monomial.js';
import { topoOrder } from '../expr/walk.js';

/**
 * Budget on the up-front estimate of the number of terms of any node of the expansion. The
 * estimate is an upper bound (products of term counts, multisets of terms for powers, capped by
 * the number of monomials the degrees allow) and loose for networks: measured, the 2-2-2-1
 * quadratic loss is estimated at 1.4·10^8 terms (392,834 actual, 0.3–1 s) and must pass, while
 * the 3-3-3-1 loss is estimated at 6·10^11 and would not finish. Each multiplication is then
 * checked again against the actual sizes ({@link MAX_PRODUCT_WORK}, {@link MAX_POLY_TERMS}).
 */
export const EXPANSION_TERM_BUDGET = 1e9;

/** Largest exponent bound expand accepts: one 30-bit field of a packed word (see WORD_BITS). */
export const MAX_EXPONENT = 2 ** 30 - 1;

export interface ExpansionEstimate {
  /** Variables of the expression (natural order). */
  readonly vars: readonly string[];
  /** Bound on the total degree. */
  readonly degree: number;
  /** Bound on the exponent of each variable. */
  readonly expBound: readonly number[];
  /** Upper bound on the number of terms of the expansion. */
  readonly terms: number;
  /**
   * Largest bound over all intermediate results. When a `budget` stopped the estimate early, the
   * first bound past it; `degree`, `expBound` and `terms` of the root are then Infinity.
   */
  readonly maxTerms: number;
}

type Sparse = Pick<Info, 'idx' | 'exps'>;

interface Info {
  deg: number;
  /**
   * Exponent bounds, sparse: the indices of the variables that occur (ascending) and their
   * bounds. A node of a wide network sees a few of its thousands of variables; a dense vector per
   * node made the estimate of 100-100-1 cost 7 s and gigabytes.
   */
  idx: Int32Array;
  exps: Float64Array;
  terms: number;
}

/**
 * Sparse accumulation of the children's exponent bounds (max for a sum, + for a product) in one
 * dense scratch row that is cleared after each use: linear in the entries merged.
 */
class Accumulator {
  private readonly row: Float64Array;
  private readonly seen: Uint8Array;
  private touched: number[] = [];
  constructor(n: number) {
    this.row = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }
  add(i: Info, combine: 'max' | 'sum'): void {
    for (let k = 0; k < i.idx.length; k++) {
      const v = i.idx[k]!;
      if (this.seen[v] === 0) {
        this.seen[v] = 1;
        this.touched.push(v);
        this.row[v] = i.exps[k]!;
      } else this.row[v] = combine === 'max' ? Math.max(this.row[v]!, i.exps[k]!) : this.row[v]! + i.exps[k]!;
    }
  }
  take(): Sparse {
    const idx = Int32Array.from(this.touched).sort();
    const exps = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) {
      exps[k] = this.row[idx[k]!]!;
      this.seen[idx[k]!] = 0;
    }
    this.touched = [];
    return { idx, exps };
  }
}

/** log of the binomial coefficient C(n, k) for real n ≥ k ≥ 0 (via lgamma-free summation). */
function binom(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= k; i++) {
    r = (r * (n - k + i)) / i;
    if (!Number.isFinite(r)) return Infinity;
  }
  return r;
}

/**
 * The first node (children first) that is not polynomial, refused before any bound is computed:
 * one cheap pass, so `expand` of a 20,000-parameter sigmoid network says no at once.
 */
function refuseNonPolynomial(order: readonly Node[]): void {
  for (const n of order) {
    if (n.kind === 'fn') throw new NotPolynomialError(walkText(n), `${n.name} is not a polynomial function`);
    if (n.kind === 'pow' && (n.exp.d !== 1n || n.exp.n < 0n))
      throw new NotPolynomialError(walkText(n), `exponent ${n.exp.n}${n.exp.d === 1n ? '' : `/${n.exp.d}`} is not a non-negative integer`);
  }
}

/**
 * Check polynomiality and bound degrees and term counts, one visit per node. With `budget`, stop
 * at the first intermediate whose bound passes it (its bound is then `maxTerms`): the rest of the
 * estimate cannot change the refusal.
 *
 * @example
 * ```ts
 * expansionEstimate(parse('(x + y + 1)^2')).terms; // 6 (= C(3 + 1, 2))
 * ```
 */
export function expansionEstimate(e: Node, budget = Infinity): ExpansionEstimate {
  const order = topoOrder(e);
  refuseNonPolynomial(order);
  const vars = makeLayout(
    order.flatMap((n) => (n.kind === 'sym' ? [n.name] : [])),
    1,
  ).vars;
  const index = new Map(vars.map((v, i) => [v, i]));
  const info = new Map<Node, Info>();
  const acc = new Accumulator(vars.length);
  const none: Sparse = { idx: new Int32Array(0), exps: new Float64Array(0) };
  let maxTerms = 1;
  for (const n of order) {
    let sparse: Sparse = none;
    let deg = 0;
    let terms = 1;
    switch (n.kind) {
      case 'num':
        break;
      case 'sym':
        sparse = { idx: Int32Array.of(index.get(n.name)!), exps: Float64Array.of(1) };
        deg = 1;
        break;
      case 'add':
        terms = 0;
        for (const a of n.args) {
          const ia = info.get(a)!;
          acc.add(ia, 'max');
          deg = Math.max(deg, ia.deg);
          terms += ia.terms;
        }
        sparse = acc.take();
        break;
      case 'mul':
        for (const a of n.args) {
          const ia = info.get(a)!;
          acc.add(ia, 'sum');
          deg += ia.deg;
          terms *= ia.terms;
        }
        sparse = acc.take();
        break;
      case 'pow': {
        const k = Number(n.exp.n); // a non-negative integer: refuseNonPolynomial passed it
        const ib = info.get(n.base)!;
        sparse = { idx: ib.idx, exps: ib.exps.map((x) => x * k) };
        deg = ib.deg * k;
        // p^k has at most as many terms as there are multisets of k of p's terms.
        terms = binom(ib.terms + k - 1, k);
        break;
      }
      case 'fn':
        throw new NotPolynomialError(walkText(n), `${n.name} is not a polynomial function`);
      default:
        assertNever(n);
    }
    // At most as many terms as monomials of degree ≤ deg in the variables present, and as the
    // box Π (eᵢ + 1) of the exponent bounds allows.
    let present = 0;
    let box = 1;
    for (const x of sparse.exps)
      if (x > 0) {
        present++;
        box *= x + 1;
      }
    terms = Math.min(terms, binom(present + deg, present), box);
    maxTerms = Math.max(maxTerms, terms);
    info.set(n, { deg, ...sparse, terms });
    if (maxTerms > budget) break;
  }
  const root = info.get(e);
  const expBound = (i: Info): number[] => {
    const out = vars.map(() => 0);
    i.idx.forEach((v, k) => (out[v] = i.exps[k]!));
    return out;
  };
  if (root === undefined) return { vars, degree: Infinity, expBound: vars.map(() => Infinity), terms: Infinity, maxTerms };
  return { vars, degree: root.deg, expBound: expBound(root), terms: root.terms, maxTerms };
}

/**
 * The expanded polynomial of a polynomial expression: sums, products, non-negative integer
 * powers and rational constants. Throws {@link NotPolynomialError} naming the first
 * non-polynomial node, {@link ExpansionTooLargeError} when the estimate passes the budget.
 *
 * @example
 * ```ts
 * polyToText(expand(parse('(a - b)*(a + b)'))); // 'a^2 - b^2'
 * ```
 */
export function expand(e: Node, budget: number = EXPANSION_TERM_BUDGET): Poly {
  const est = expansionEstimate(e, budget);
  if (est.maxTerms > budget) throw new ExpansionTooLargeError(est.maxTerms, budget);
  const order = topoOrder(e);
  // One layout for every intermediate. A child's exponent bounds never exceed its parent's (sums
  // take the maximum, products add, powers multiply by k ≥ 2), so the root's bounds hold everywhere.
  let top = 1;
  for (const b of est.expBound) top = Math.max(top, b);
  if (top > MAX_EXPONENT) throw new ExpansionTooLargeError(top, MAX_EXPONENT, 'an exponent');
  const layout = makeLayout(est.vars, top);
  const memo = new Map<Node, Poly>();
  try {
    for (const n of order) memo.set(n, step(n, memo, layout));
  } catch (err) {
    if (err instanceof TermLimitError) throw new ExpansionTooLargeError(est.maxTerms, MAX_POLY_TERMS, 'terms of an intermediate result');
    throw err;
  }
  return memo.get(e)!;
}

function step(n: Node, memo: Map<Node, Poly>, layout: ReturnType<typeof makeLayout>): Poly {
  switch (n.kind) {
    case 'num':
      return polyConst(n.value, layout);
    case 'sym':
      return polyVar(n.name, layout);
    case 'add':
      return polyCombine(n.args.map((a) => [memo.get(a)!, 1n] as const));
    case 'mul': {
      // Multiply the smallest factors first: intermediate products stay small.
      const fs = n.args.map((a) => memo.get(a)!).sort((a, b) => a.n - b.n);
      return fs.slice(1).reduce(polyMul, fs[0]!);
    }
    case 'pow':
      return polyPow(memo.get(n.base)!, Number(n.exp.n));
    case 'fn':
      throw new NotPolynomialError(walkText(n), `${n.name} is not a polynomial function`);
    default:
      return assertNever(n);
  }
}
