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
import { type Rational, qabs, qadd, qcmp, qdiv, qmul, Q, qtoString } from '../expr/rational.js';
import { orderCmp } from './groebner-core.js';
import { type GroebnerBasis, type GroebnerBudget, type GroebnerOptions, type PolyTerms, type TermOrder, groebner, termsToString } from './groebner.js';
import { Quotient, idealDimension, linearForm, solutionCount } from './groebner-quotient.js';
import { type RealRoot, decimal, evalIntervalFixed, realRoots, refine } from './roots.js';
import { type QPoly, derivative, evalFraction, evalQ, qpolyToText, squarefreePart } from './univariate.js';

/** Separating linear forms tried before giving up (a random form separates with probability 1). */
export const SEPARATING_TRIES = 12;

/**
 * Largest quotient (number of complex solutions) the solver does exact linear algebra in.
 * Measured: 33 solutions (1-2-1 quadratic network) ≈ 1 s; 70 (cyclic-5, 10 real) ≈ 3.6 s; the cost
 * grows like D³–D⁴. Past it, the solver returns the basis and counts with a note instead.
 */
export const MAX_SOLVE_DIM = 80;

export interface SolveOptions {
  /** Order of the printed basis (counts and solutions do not depend on it). */
  order?: TermOrder;
  /** Decimal places of the real solutions (default 12). */
  digits?: number;
  budget?: Partial<GroebnerBudget>;
  /** progress of the Gröbner runs (see `groebner`) */
  onProgress?: GroebnerOptions['onProgress'];
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
  /** Why a step was skipped (a budget), when one was. */
  note?: string;
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
  const gopts = { ...(opts.budget ? { budget: opts.budget } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
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
  if (q.dim > MAX_SOLVE_DIM) {
    result.note = `real solutions not computed: ${q.dim} complex solutions is past the budget of ${MAX_SOLVE_DIM} (MAX_SOLVE_DIM)`;
    return result;
  }
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
  // A separating linear form: x_n first, then the other variables, then Σ k^i x_i. The minimal
  // polynomial of x_i modulo √I is the square-free part of its minimal polynomial modulo I, so a
  // variable separates exactly when that has degree D: the others need not be tried.
  const separatingUnits = [n - 1, ...vars.slice(0, -1).map((_, i) => i)].filter((i) => sqf[i]!.length - 1 === D);
  const candidates: number[][] = separatingUnits.slice(0, 1).map(unit);
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
    const roots = realRoots(poly);
    result.realSolutions = roots.map((root) => realSolution(root, vars, coordinates, digits));
    // Degree left after dividing out the rational roots: ≤ 4 means closed forms by radicals.
    result.radicals = poly.length - 1 - roots.filter((x) => x.exact !== undefined).length <= 4;
    return result;
  }
  return result; // no separating form found within the tries: counts only
}

function trimQ(p: Rational[]): Rational[] {
  const out = p.slice();
  while (out.length > 0 && out[out.length - 1]!.n === 0n) out.pop();
  return out;
}

/**
 * Coordinates of one real solution: exact when α is rational, else decimals. For x = g(α) with
 * α in (lo, hi): |g(α) − g(m)| ≤ L·|α − m| with L ≥ max |g′| on the interval, so refining the
 * interval below eps/L and evaluating g exactly at the midpoint m gives g(α) to eps (one exact
 * evaluation instead of interval arithmetic whose denominators swell at every bisection).
 */
export function realSolution(root: RealRoot, vars: readonly string[], coordinates: Record<string, QPoly>, digits: number): RealSolution {
  const values: Record<string, string> = {};
  const exact: Record<string, Rational | undefined> = {};
  const eps = Q(1n, 10n ** BigInt(digits + 1));
  let r = root;
  for (const v of vars) {
    const g = coordinates[v]!;
    if (g.length <= 1 || r.exact !== undefined) {
      exact[v] = r.exact !== undefined ? evalQ(g, r.exact) : (g[0] ?? Q(0));
      values[v] = qtoString(exact[v]!);
      continue;
    }
    exact[v] = undefined;
    // L = max |g′| over the interval, enclosed by outward-rounded interval arithmetic once it is
    // narrow (2⁻⁴⁰), then valid on every sub-interval the refinement produces.
    r = refine(r, Q(1n, 1n << 40n));
    const [dlo, dhi] = evalIntervalFixed(derivative(g), r.lo, r.hi);
    const big = qcmp(qabs(dlo), qabs(dhi)) > 0 ? qabs(dlo) : qabs(dhi);
    const L = big.n / big.d + 1n;
    r = refine(r, qdiv(eps, Q(L)));
    const m = r.exact ?? qmul(qadd(r.lo, r.hi), Q(1, 2));
    if (r.exact !== undefined) {
      exact[v] = evalQ(g, m);
      values[v] = qtoString(exact[v]!);
    } else values[v] = decimal(evalFraction(g, m), digits);
  }
  return { values, exact, root: r };
}
