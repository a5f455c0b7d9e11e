/**
 * Solving polynomial systems over Q exactly: Gröbner basis → dimension → number of complex
 * solutions → univariate eliminants → real solutions.
 *
 * Real solutions of a zero-dimensional ideal I use the shape lemma through linear algebra in the
 * quotient ring instead of a lex basis:
 * 1. the minimal polynomial m_i of each variable x_i generates I ∩ Q[x_i]; adding the square-free
 *    parts of all m_i gives the radical J = √I (Seidenberg's lemma), whose quotient has dimension
 *    D = the number of distinct complex solutions;
 * 2. a linear form u = Σ c_i x_i whose minimal polynomial p has degree D separates the solutions,
 *    and then 1, u, …, u^(D−1) is a basis of Q[x]/J, so x_i = g_i(u) for polynomials g_i;
 * 3. the real solutions are x = (g_1(α), …, g_n(α)) for the real roots α of p (Sturm isolation);
 *    each is exact algebraic data (p, an isolating interval, the g_i) and decimals on request.
 */
import { type Rational, qcmp, qsub, Q, qtoString } from '../expr/rational.js';
import { orderCmp } from './groebner-core.js';
import { type GroebnerBasis, type GroebnerBudget, type PolyTerms, type TermOrder, groebner, termsToString } from './groebner.js';
import { Quotient, idealDimension, linearForm, solutionCount } from './groebner-quotient.js';
import { type RealRoot, decimal, evalInterval, realRoots, refine } from './roots.js';
import { type QPoly, evalQ, qpolyToText, squarefreePart } from './univariate.js';

/** Separating linear forms tried before giving up (a random form separates with probability 1). */
export const SEPARATING_TRIES = 12;

export interface SolveOptions {
  /** Order of the printed basis (counts and solutions do not depend on it). */
  order?: TermOrder;
  /** Decimal places of the real solutions (default 12). */
  digits?: number;
  budget?: Partial<GroebnerBudget>;
}

/** A real solution: exact coordinates where rational, otherwise algebraic data plus decimals. */
export interface RealSolution {
  /** Per variable: the exact rational (`"3/2"`) or a decimal to the requested digits. */
  values: Record<string, string>;
  /** Per variable: the exact value when it is rational. */
  exact: Record<string, Rational | undefined>;
  /** The root α of the separating polynomial; the coordinates are `coordinates[v](α)`. */
  root: RealRoot;
}

export interface SolveResult {
  vars: string[];
  basis: GroebnerBasis;
  /** Basis in text (Singular's style). */
  groebner: string[];
  /** Krull dimension: −1 no solution, 0 finitely many, > 0 a positive-dimensional set. */
  dimension: number;
  /** Complex solutions with multiplicity (vdim), or −1 if infinitely many. */
  complexSolutions: number;
  /** Distinct complex solutions (zero-dimensional only). */
  distinctSolutions?: number;
  /** Generator of I ∩ Q[last variable] (zero-dimensional only). */
  eliminant?: { variable: string; poly: QPoly; text: string };
  /** The separating linear form u = Σ c_i x_i, its minimal polynomial, and x_i = g_i(u). */
  separating?: { form: number[]; poly: QPoly; coordinates: Record<string, QPoly> };
  realSolutions?: RealSolution[];
  /** Every solution coordinate is expressible by radicals via a polynomial of degree ≤ 4 (after rational roots). */
  radicals?: boolean;
}

/**
 * Solve a polynomial system over Q.
 *
 * @example
 * ```ts
 * import { solveSystem, Q } from 'closedform';
 * const v = ['x', 'y'];
 * const circle = { vars: v, terms: [{ exps: [2, 0], coeff: Q(1) }, { exps: [0, 2], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-1) }] };
 * const line = { vars: v, terms: [{ exps: [1, 0], coeff: Q(1) }, { exps: [0, 1], coeff: Q(-1) }] };
 * solveSystem([circle, line], v).realSolutions!.length; // 2: ±(√2/2, √2/2)
 * ```
 */
export function solveSystem(polys: readonly PolyTerms[], vars: readonly string[], opts: SolveOptions = {}): SolveResult {
  const order = opts.order ?? 'grevlex';
  const digits = opts.digits ?? 12;
  const gopts = opts.budget ? { budget: opts.budget } : {};
  const shown = groebner(polys, vars, { order, ...gopts });
  // Counting and solving work in grevlex (smaller bases); the printed basis is in the asked order.
  const gb = order === 'grevlex' ? shown : groebner(polys, vars, { order: 'grevlex', ...gopts });
  const result: SolveResult = {
    vars: [...vars],
    basis: shown,
    groebner: shown.polys.map(termsToString),
    dimension: idealDimension(gb),
    complexSolutions: solutionCount(gb),
  };
  if (result.dimension === -1) return { ...result, distinctSolutions: 0, realSolutions: [] };
  if (result.dimension !== 0) return result;
  const q = new Quotient(gb);
  const cmp = orderCmp('grevlex');
  const n = vars.length;
  const unit = (i: number): number[] => vars.map((_, k) => (k === i ? 1 : 0));
  const minpolys = vars.map((_, i) => q.minimalPolynomial(linearForm(unit(i), cmp)).poly);
  result.eliminant = { variable: vars[n - 1]!, poly: minpolys[n - 1]!, text: qpolyToText(minpolys[n - 1]!, vars[n - 1]) };
  // The radical: add the square-free part of every eliminant (Seidenberg's lemma).
  const sqf = minpolys.map(squarefreePart);
  let rq = q;
  if (sqf.some((s, i) => s.length !== minpolys[i]!.length)) {
    const extra: PolyTerms[] = sqf.map((s, i) => ({
      vars: [...vars],
      terms: s.map((c, e) => ({ exps: unit(i).map((u) => u * e), coeff: c })).filter((t) => t.coeff.n !== 0n),
    }));
    rq = new Quotient(groebner([...polys, ...extra], vars, { order: 'grevlex', ...gopts }));
  }
  const D = rq.dim;
  result.distinctSolutions = D;
  // A separating linear form: x_n first, then the other variables, then Σ k^i x_i.
  const candidates: number[][] = [unit(n - 1), ...vars.slice(0, -1).map((_, i) => unit(i))];
  for (let k = 1; candidates.length < n + SEPARATING_TRIES; k++) candidates.push(vars.map((_, i) => (k + 1) ** i));
  for (const form of candidates) {
    const { poly, echelon } = rq.minimalPolynomial(linearForm(form, cmp));
    if (poly.length - 1 !== D) continue;
    const coordinates: Record<string, QPoly> = {};
    vars.forEach((v, i) => {
      const g = echelon.express(rq.coords(linearForm(unit(i), cmp)));
      if (g === undefined) throw new Error('unreachable: the powers of a separating element span the quotient');
      coordinates[v] = trimQ(g);
    });
    result.separating = { form, poly, coordinates };
    result.realSolutions = realRoots(poly).map((root) => realSolution(root, vars, coordinates, digits));
    const irrational = realOrComplexIrrationalDegree(poly);
    result.radicals = irrational <= 4;
    return result;
  }
  return result; // no separating form found within the tries: counts only
}

function trimQ(p: Rational[]): Rational[] {
  const out = p.slice();
  while (out.length > 0 && out[out.length - 1]!.n === 0n) out.pop();
  return out;
}

/** Degree left after dividing out the rational roots. */
function realOrComplexIrrationalDegree(p: QPoly): number {
  const rational = realRoots(p).filter((r) => r.exact !== undefined).length;
  return p.length - 1 - rational;
}

/** Coordinates of one real solution: exact when α is rational, else refined decimals. */
export function realSolution(root: RealRoot, vars: readonly string[], coordinates: Record<string, QPoly>, digits: number): RealSolution {
  const values: Record<string, string> = {};
  const exact: Record<string, Rational | undefined> = {};
  const eps = Q(1n, 10n ** BigInt(digits + 1));
  let r = root;
  for (const v of vars) {
    const g = coordinates[v]!;
    if (r.exact !== undefined) {
      exact[v] = evalQ(g, r.exact);
      values[v] = qtoString(exact[v]!);
      continue;
    }
    exact[v] = g.length <= 1 ? (g[0] ?? Q(0)) : undefined;
    if (exact[v] !== undefined) {
      values[v] = qtoString(exact[v]!);
      continue;
    }
    // Shrink the root's interval until g's range over it is narrower than eps.
    let [lo, hi] = evalInterval(g, r.lo, r.hi);
    while (qcmp(qsub(hi, lo), eps) >= 0 && r.exact === undefined) {
      r = refine(r, halfWidth(r));
      [lo, hi] = evalInterval(g, r.lo, r.hi);
    }
    if (r.exact !== undefined) {
      exact[v] = evalQ(g, r.exact);
      values[v] = qtoString(exact[v]!);
    } else values[v] = decimal(Q(lo.n * hi.d + hi.n * lo.d, 2n * lo.d * hi.d), digits);
  }
  return { values, exact, root: r };
}

/** Half of the current interval width (one more bisection). */
const halfWidth = (r: RealRoot): Rational => {
  const w = qsub(r.hi, r.lo);
  return Q(w.n, w.d * 2n);
};
