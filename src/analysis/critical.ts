/**
 * Critical points of the data loss: the polynomial system ∇_θ L = 0.
 *
 * For a polynomial network and a data set, L(θ) = c·Σₚ Σₖ (fₖ(xₚ; θ) − yₖₚ)² is a polynomial in
 * the P parameters, so ∇L = 0 is P polynomial equations in P unknowns, each of degree deg L − 1;
 * Bézout bounds the number of isolated complex solutions by the product of the degrees.
 * Networks have continuous symmetries (a hidden unit's incoming weights scaled by t and its
 * outgoing weights by 1/t for identity units; a sign flip for quadratic ones…), so the critical
 * set is usually positive-dimensional. An L2 term Σⱼ λⱼθⱼ² breaks them: with one random rational
 * λⱼ per parameter (`generic`) the system is zero-dimensional for almost every choice, whereas a
 * uniform λ keeps the orthogonal symmetries of the hidden layer and can leave a positive-
 * dimensional set or a non-generic count.
 *
 * Exact: the equations, degrees, Bézout bound, Gröbner basis, dimension, number of complex
 * solutions, eliminant and the real solutions (isolated exactly, printed as decimals).
 * Certified (certify.ts): each real solution's type from its Hessian, exact at rational points and
 * in interval arithmetic at irrational ones, and its coordinates as enclosures rounded to `digits`.
 * Numeric (the mathjs engine): the gradient norm, loss and Hessian eigenvalues at each real
 * solution, a cross-check of the type.
 */
import { ClosedformError } from '../expr/errors.js';
import { type Node, ONE_NODE, add, mul, num, pow, sym } from '../expr/node.js';
import { substitute, topoOrder } from '../expr/walk.js';
import { getActivation } from '../activations/registry.js';
import { type Rational, Q, qtoNumber, qtoString } from '../expr/rational.js';
import { grad } from '../diff/reverse.js';
import { type Dataset, type Network, datasetLoss, weightName } from '../network/build.js';
import { ExpansionTooLargeError, expand } from '../poly/expand.js';
import { GroebnerBudgetError, type PolyTerms } from '../poly/groebner.js';
import { QuotientBudgetError } from '../poly/groebner-quotient.js';
import { polyDegree, polyToTerms } from '../poly/poly.js';
import { MAX_SOLVE_DIM, solveSystem } from '../poly/solve.js';
import { type ModularCounts, modularCounts } from '../groebner/counts.js';
import { ModularBudgetError, prepareInput } from '../groebner/modular.js';
import { MAX_RUR_DIM, modularRur } from '../groebner/rur.js';
import { isolateRealRoots } from '../groebner/realroots.js';
import { derivative } from '../poly/univariate.js';
import { gcd } from '../expr/rational.js';
import { type AlgebraicPoint, type HessianTerms, certifyType, hessianFromGradient, pointDecimals } from './certify.js';
import { checkPoint } from './numeric.js';
import { rng } from './random.js';

/**
 * Sizes for which `nextSteps` suggests a variant as likely to finish. They are no longer refusals:
 * the engine counts first (one prime) and refuses by its measured estimate. Measured: the census
 * system (1,3,3,1) (15 unknowns, Bézout 3·10¹⁰, 977 solutions) is counted in 0.4 s.
 */
export const MAX_CRITICAL_UNKNOWNS = 16;
export const MAX_BEZOUT = 10n ** 12n;
/** Milliseconds granted to the whole critical-point computation (`--timeout`). */
export const CRITICAL_MILLIS = 60_000;
/**
 * Milliseconds the first prime may take to count (within `--timeout`). Measured: the census
 * systems up to (1,3,3,1) count in under 0.5 s; 1-2-1:quadratic with biases and no regularisation
 * (positive-dimensional, degree 11) had not finished its first prime after 60 s.
 */
export const COUNT_MILLIS = 5_000;
/** Largest `digits` accepted (the coordinates are refined to that many decimal places). */
export const MAX_DIGITS = 1_000;
/**
 * Primes the estimate assumes the RUR's lift takes, per complex solution: its coefficients' height
 * grows with D. Measured on the census table (generic L2, seed 1, the sparse forms of rurForms):
 * 22 primes (lift + check) for (2,2,2) (D = 33), 45 for (3,2,3) (73), 50 for (1,2,2,1) (129), 7
 * and 21 for the quadratic (1,2,1), (2,2,1) (33); D covers them all.
 */
const ESTIMATE_PRIMES_PER_SOLUTION = 1;
/** The RUR's estimate is taken on this prime (the first replay: the learning prime is slower). */
const ESTIMATE_AT_PRIME = 2;

/** The RUR's measured estimate passed the budget (caught in rurCritical). */
class RurEstimate extends ClosedformError {
  override readonly name = 'RurEstimate';
}

/** A bad option to the critical-point computation. */
export class CriticalOptionError extends ClosedformError {
  override readonly name = 'CriticalOptionError';
}

/** The regularisation added to the loss. */
export type Regularisation =
  | { readonly kind: 'none' }
  | { readonly kind: 'uniform'; readonly lambda: Rational }
  /** fix the first incoming weight of every hidden unit to 1 (removes the rescaling symmetry) */
  | { readonly kind: 'normalise' }
  | { readonly kind: 'generic'; readonly seed: number };

export type CriticalType = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface CriticalPoint {
  /** coordinates: exact rationals as `p/q`, irrational ones as decimals correctly rounded to `digits` places (when `certain`) */
  readonly point: Readonly<Record<string, string>>;
  /** per coordinate, decimal bounds rounded outward (two more places) that provably contain it */
  readonly enclosure: Readonly<Record<string, readonly [string, string]>>;
  /** every decimal in `point` is the correctly rounded value (its enclosure does not straddle a rounding boundary) */
  readonly certain: boolean;
  /** the loss (with the L2 term) at the point, numeric */
  readonly loss: number;
  /** the type from the exact or interval Hessian (see `certainty`) */
  readonly type: CriticalType;
  /** number of negative Hessian eigenvalues (the Morse index), when certified */
  readonly index?: number;
  /** zero Hessian eigenvalues, when certified */
  readonly nullity?: number;
  /** `exact` (rational point), `interval` (signs proved), `unproved` (refinement budget ended: degenerate not proved) */
  readonly certainty: 'exact' | 'interval' | 'unproved';
  /** one line: how the type was established */
  readonly typeReason: string;
  /** the type the numeric engine's eigenvalues give (a cross-check; `type` is the certified one) */
  readonly engineType: CriticalType;
  /** Hessian eigenvalues from the numeric engine, ascending */
  readonly eigenvalues: readonly number[];
  /** ‖∇L‖ by the numeric engine at the decimal point (should be ≈ 0) */
  readonly gradientNorm: number;
}

export interface CriticalPoints {
  readonly equations: number;
  readonly unknowns: number;
  readonly degrees: readonly number[];
  /** Π degrees: the Bézout bound on isolated complex solutions */
  readonly bezout: bigint;
  /** parameters fixed to 1 by the normalisation (empty otherwise) */
  readonly fixed: readonly string[];
  /** the L2 coefficients used, by parameter (empty without regularisation) */
  readonly lambda: Readonly<Record<string, string>>;
  readonly regularisation: string;
  /**
   * `solved`; `refused` up front, before the gradient is expanded, by {@link criticalEstimate} or
   * the expansion's own estimate (then `system` is empty and `degrees`, `bezout` are the estimate's);
   * `budget` stopped during the computation (what it established before is kept: `dimension`,
   * `complexSolutions` when counted)
   */
  readonly status: 'solved' | 'refused' | 'budget';
  /** the estimate made before any expansion */
  readonly estimate: CriticalEstimate;
  readonly message?: string;
  readonly dimension?: number;
  /** complex solutions with multiplicity (zero-dimensional systems) */
  readonly complexSolutions?: number;
  readonly distinctSolutions?: number;
  readonly eliminantDegree?: number;
  readonly eliminant?: string;
  readonly radicals?: boolean;
  readonly realSolutions?: readonly CriticalPoint[];
  /** the Gröbner basis (grevlex), text, when short enough to show */
  readonly groebner?: readonly string[];
  /** how the counts were obtained */
  readonly counting?: string;
  /** the system as data, for cross-checks (Singular) */
  readonly system: readonly PolyTerms[];
}

/**
 * The size of the critical-point system before any expansion: the unknowns, a bound on the degree
 * of every gradient equation and their product, the Bézout bound of the generic system. The
 * degree in the parameters is read off the DAG (a parameter 1, a sum the largest of its terms, a
 * product the sum, an integer power k times its base; each node once), so deg_θ L ≤ 2·deg_θ f and
 * ∂L/∂θⱼ has degree ≤ 2·deg_θ f − 1, at least 1 with an L2 term (2λⱼθⱼ). `polynomial` is false
 * when a node is not polynomial in the parameters (a transcendental or piecewise function of them,
 * a non-integer power): then there is no polynomial system to estimate.
 *
 * @example
 * ```ts
 * const e = criticalEstimate(buildNetwork(parseSpec('1-2-1:quadratic')), { kind: 'none' });
 * [e.unknowns, e.degree]; // [7, 11]: deg_θ f = 6, so each ∂L/∂θⱼ has degree ≤ 11
 * e.bezout; // 19487171n
 * ```
 */
export function criticalEstimate(net: Network, reg: Regularisation): CriticalEstimate {
  const fixed = reg.kind === 'normalise' ? normalisedWeights(net) : [];
  const params = new Set(net.params.filter((p) => !fixed.includes(p)));
  const deg = new Map<Node, number>();
  let polynomial = true;
  for (const n of topoOrder(...net.outputs)) {
    let d: number;
    switch (n.kind) {
      case 'num':
        d = 0;
        break;
      case 'sym':
        d = params.has(n.name) ? 1 : 0;
        break;
      case 'add':
        d = Math.max(...n.args.map((c) => deg.get(c)!));
        break;
      case 'mul':
        d = n.args.reduce((t, c) => t + deg.get(c)!, 0);
        break;
      case 'pow': {
        const b = deg.get(n.base)!;
        if (b === 0) d = 0;
        else if (n.exp.d === 1n && n.exp.n >= 0n) d = b * Number(n.exp.n);
        else {
          polynomial = false;
          d = b;
        }
        break;
      }
      case 'fn':
        d = deg.get(n.arg)!;
        if (d > 0) polynomial = false;
        break;
      default:
        return n satisfies never;
    }
    deg.set(n, d);
  }
  const f = Math.max(0, ...net.outputs.map((o) => deg.get(o)!));
  const l2 = reg.kind === 'uniform' || reg.kind === 'generic';
  const degree = Math.max(2 * f - 1, l2 ? 1 : 0, 0);
  return { polynomial, unknowns: params.size, degree, bezout: BigInt(Math.max(1, degree)) ** BigInt(params.size), fixed };
}

/** What {@link criticalEstimate} returns. */
export interface CriticalEstimate {
  /** every output is a polynomial in the parameters */
  readonly polynomial: boolean;
  readonly unknowns: number;
  /** a bound on the degree of each gradient equation */
  readonly degree: number;
  /** degree^unknowns: the Bézout bound of a system of that size */
  readonly bezout: bigint;
  readonly fixed: readonly string[];
}

/**
 * The largest estimate the critical-point computation starts on; past either, it is refused up
 * front (before the gradient is expanded), with the estimate. Measured: the largest census system,
 * (1,3,3,1) with generic L2, has 15 unknowns and an estimated Bézout bound 5¹⁵ ≈ 3·10¹⁰ and is
 * counted in 0.4 s; 1-2-1:quadratic without regularisation (7 unknowns, 11⁷ ≈ 2·10⁷) does not
 * finish its first prime in 60 s, so the time budget, not this bound, stops most systems.
 */
export const MAX_UPFRONT_UNKNOWNS = 40;
export const MAX_UPFRONT_BEZOUT = 10n ** 40n;

/** A duration for a person: `850 ms`, `12 s`, `61 min`, `3.2 h`. */
const duration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : ms < 7_200_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`;

/** L2 coefficients by parameter: uniform λ, or one random rational in (0, 1] per parameter. */
export function l2Coefficients(params: readonly string[], reg: Regularisation): Map<string, Rational> {
  if (reg.kind === 'none' || reg.kind === 'normalise') return new Map();
  if (reg.kind === 'uniform') return new Map(params.map((p) => [p, reg.lambda]));
  const r = rng(reg.seed);
  // λⱼ = a/b with 1 ≤ a ≤ b ≤ B: positive, small heights, and pairwise distinct — two equal
  // coefficients leave the orthogonal symmetry between those two parameters' units in place (a
  // positive-dimensional critical set, or a non-generic count), so a repeated value is drawn
  // again. B = 9 gives 27 distinct values, enough for 20 parameters; larger networks widen it.
  const B = params.length <= 20 ? 9 : 3 * params.length;
  const used = new Set<string>();
  return new Map(
    params.map((p) => {
      for (;;) {
        const b = 1 + Math.floor(r() * B);
        const a = 1 + Math.floor(r() * b);
        const q = Q(a, b);
        const key = `${q.n}/${q.d}`;
        if (used.has(key)) continue;
        used.add(key);
        return [p, q];
      }
    }),
  );
}

/**
 * The weights a fixed normalisation sets to 1: the first incoming weight of every unit of a hidden
 * layer whose activation is homogeneous (σ(tz) = t^k σ(z): identity, powers; relu for t > 0), so
 * that the rescaling (incoming × t, outgoing × t^−k) has no room left.
 */
export function normalisedWeights(net: Network): string[] {
  const out: string[] = [];
  const w = net.spec.widths;
  for (let l = 1; l < w.length - 1; l++) {
    const st = getActivation(net.spec.activations[l - 1]!)?.structure;
    if (st?.kind !== 'polynomial' && !['relu', 'leaky_relu'].includes(net.spec.activations[l - 1]!)) continue;
    for (let i = 1; i <= w[l]!; i++) out.push(weightName(l, i, 1));
  }
  return out;
}

/** The regularised data loss L(θ) + Σⱼ λⱼ θⱼ² as a node. */
export function regularisedLoss(net: Network, data: Dataset, lambda: ReadonlyMap<string, Rational>): Node {
  const terms = [...lambda].map(([p, l]) => mul(num(l), pow(sym(p), 2)));
  return add(datasetLoss(net, data), ...terms);
}

const describe = (reg: Regularisation, fixed: readonly string[]): string =>
  reg.kind === 'none'
    ? 'none: the symmetries of the network are kept'
    : reg.kind === 'normalise'
      ? `fixed normalisation ${fixed.map((p) => `${p} = 1`).join(', ')} (one incoming weight per hidden unit: removes the rescaling symmetry of homogeneous units, loses the points where that weight is 0)`
      : reg.kind === 'uniform'
      ? `L2 with one coefficient λ = ${qtoString(reg.lambda)} for every parameter`
      : `generic L2: a random rational λⱼ ∈ (0, 1] per parameter (seed ${reg.seed}), which removes the symmetries for almost every choice`;

/** Classify by the signs of the Hessian eigenvalues, with a tolerance relative to their scale. */
export function classifyEigenvalues(ev: readonly number[]): CriticalType {
  const scale = Math.max(1, ...ev.map(Math.abs));
  const tol = 1e-6 * scale;
  if (ev.some((v) => Math.abs(v) <= tol)) return 'degenerate';
  if (ev.every((v) => v > 0)) return 'minimum';
  if (ev.every((v) => v < 0)) return 'maximum';
  return 'saddle';
}

/**
 * The critical-point system of a polynomial network on a data set, solved within budget.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1-1:identity'));
 * const cp = criticalPoints(net, readCsv('x1,y1\n0,1\n1,3\n2,4\n', net.spec), { kind: 'generic', seed: 1 });
 * cp.dimension; // 0
 * cp.realSolutions!.map((s) => s.type); // e.g. ['minimum', 'saddle', 'minimum']
 * ```
 */
export function criticalPoints(net: Network, data: Dataset, reg: Regularisation, opts: { millis?: number; digits?: number; onProgress?: (fraction: number, phase: string) => void } = {}): CriticalPoints {
  if (opts.millis !== undefined && !(Number.isFinite(opts.millis) && opts.millis > 0)) throw new CriticalOptionError(`millis must be a positive number, got ${opts.millis}`);
  if (opts.digits !== undefined && !(Number.isInteger(opts.digits) && opts.digits >= 1 && opts.digits <= MAX_DIGITS)) throw new CriticalOptionError(`digits must be an integer from 1 to ${MAX_DIGITS}, got ${opts.digits}`);
  const digits = opts.digits ?? 12;
  const report = opts.onProgress ?? (() => {});
  const fixed = reg.kind === 'normalise' ? normalisedWeights(net) : [];
  const params = net.params.filter((p) => !fixed.includes(p));
  const lambda = l2Coefficients(params, reg);
  const lambdaText = Object.fromEntries([...lambda].map(([p, l]) => [p, qtoString(l)]));
  // the one estimate, before anything is expanded: past it the computation is refused up front
  const est = criticalEstimate(net, reg);
  const refuse = (message: string, degrees: readonly number[], bezout: bigint): CriticalPoints => ({
    equations: params.length,
    unknowns: params.length,
    degrees,
    bezout,
    lambda: lambdaText,
    regularisation: describe(reg, fixed),
    fixed,
    system: [],
    status: 'refused',
    message,
    estimate: est,
  });
  const estimated = Array.from({ length: params.length }, () => est.degree);
  // not polynomial in θ: the expansion below names the node that is not (NotPolynomialError)
  if (est.polynomial && (est.unknowns > MAX_UPFRONT_UNKNOWNS || est.bezout > MAX_UPFRONT_BEZOUT))
    return refuse(
      `refused up front: ${est.unknowns} unknowns with equations of degree ≤ ${est.degree} (Bézout bound ≤ ${est.bezout}) is past the budget of ${MAX_UPFRONT_UNKNOWNS} unknowns and ${MAX_UPFRONT_BEZOUT} (MAX_UPFRONT_BEZOUT); use fewer parameters (:nobias, fewer units) or the numeric engine`,
      estimated,
      est.bezout,
    );
  const L = substitute(regularisedLoss(net, data, lambda), new Map(fixed.map((p) => [p, ONE_NODE])));
  const g = grad(L, params);
  let polys;
  try {
    polys = params.map((p) => expand(g.get(p)!));
  } catch (e) {
    // the expansion refuses by its own estimate of the terms, before it multiplies
    if (e instanceof ExpansionTooLargeError) return refuse(`refused up front: ${e.message}`, estimated, est.bezout);
    throw e;
  }
  const system: PolyTerms[] = polys.map(polyToTerms);
  const degrees = polys.map((p) => Math.max(0, polyDegree(p)));
  const bezout = degrees.reduce((b, d) => b * BigInt(Math.max(d, 1)), 1n);
  const base = {
    equations: params.length,
    unknowns: params.length,
    degrees,
    bezout,
    lambda: lambdaText,
    regularisation: describe(reg, fixed),
    fixed,
    system,
    estimate: est,
  };
  const millis = opts.millis ?? CRITICAL_MILLIS;
  const start = Date.now();
  // Count first, from one prime (checked on a second): dimension and complex solutions in
  // milliseconds, and the time of one prime, which says whether the rest fits the budget.
  let counts: ModularCounts;
  try {
    // by default the first prime gets COUNT_MILLIS; a budget given explicitly is the whole budget
    counts = modularCounts(system, params, {
      millis: opts.millis !== undefined ? millis : Math.min(millis, COUNT_MILLIS),
      onStep: (i) => report(0.05, `counting: first prime, F4 degree ${i.degree}, ${i.basis} basis elements`),
    });
  } catch (e) {
    if (e instanceof ModularBudgetError) return { ...base, status: 'budget', message: `${e.message}; use a smaller network, fewer parameters (:nobias), a longer budget (\`closedform analyze … --timeout S\`), or the numeric engine` };
    throw e;
  }
  const counted = { counting: `modular: leading monomials of the basis modulo ${counts.primes} prime${counts.primes === 1 ? '' : 's'}${counts.primes > 1 ? ' agree' : ''} (probabilistic)` };
  const left = millis - (Date.now() - start);
  const D = counts.vdim;
  // The time of the real solutions is measured on the RUR's own primes (rurCritical refuses after
  // its second one when the lift would pass the budget); here only what cannot start.
  if (counts.dimension !== 0 || D > MAX_RUR_DIM) {
    const why =
      counts.dimension !== 0
        ? `the critical set has dimension ${counts.dimension}`
        : `${D} complex critical points is past the real-solution budget of ${MAX_RUR_DIM} (MAX_RUR_DIM)`;
    return {
      ...base,
      ...counted,
      status: counts.dimension === 0 ? 'budget' : 'solved',
      message: counts.dimension === 0 ? `counted exactly but real solutions not computed: ${why}` : why,
      dimension: counts.dimension,
      ...(counts.dimension === 0 ? { complexSolutions: D } : {}),
    };
  }
  // The RUR first (modular, lifted); a non-radical ideal has none, and then, within
  // MAX_SOLVE_DIM, the exact quotient over Q finds the distinct solutions through the radical.
  const viaRur = rurCritical(net, data, params, fixed, lambda, system, base, counted, D, left, digits, report);
  if (viaRur !== undefined || D > MAX_SOLVE_DIM)
    return viaRur ?? { ...base, ...counted, status: 'budget', message: `real solutions not computed: the ideal is not radical (no rational univariate representation), and ${D} complex solutions is past the exact quotient's budget of ${MAX_SOLVE_DIM} (MAX_SOLVE_DIM)`, dimension: 0, complexSolutions: D };
  let s;
  try {
    const budget = { maxMillis: Math.max(1, millis - (Date.now() - start)) };
    report(0.2, 'exact quotient over Q (a non-radical ideal)');
    s = solveSystem(system, params, { budget });
  } catch (e) {
    if (e instanceof GroebnerBudgetError || e instanceof QuotientBudgetError) return { ...base, ...counted, status: 'budget', message: e.message, dimension: 0, complexSolutions: D };
    throw e;
  }
  if (s.dimension === 0 && s.realSolutions === undefined)
    return {
      ...base,
      ...counted,
      status: 'budget',
      message: s.note ?? 'no separating linear form was found, so the real solutions were not isolated',
      dimension: 0,
      complexSolutions: s.complexSolutions,
      ...(s.eliminant !== undefined ? { eliminantDegree: s.eliminant.poly.length - 1, eliminant: s.eliminant.text } : {}),
    };
  const H = hessianFromGradient(system, params);
  const sep = s.separating;
  const realSolutions = (s.realSolutions ?? []).map((r) =>
    realPoint(net, data, params, fixed, lambda, H, { f: r.root.poly, root: r.root, num: params.map((p) => sep!.coordinates[p]!) }, digits),
  );
  realSolutions.sort((a, b) => a.loss - b.loss);
  return {
    ...base,
    ...counted,
    status: 'solved',
    dimension: s.dimension,
    ...(s.dimension === 0 ? { complexSolutions: s.complexSolutions } : {}),
    ...(s.distinctSolutions !== undefined ? { distinctSolutions: s.distinctSolutions } : {}),
    ...(s.eliminant !== undefined ? { eliminantDegree: s.eliminant.poly.length - 1, eliminant: s.eliminant.text } : {}),
    ...(s.radicals !== undefined ? { radicals: s.radicals } : {}),
    ...(s.dimension === 0 ? { realSolutions } : {}),
    ...(s.groebner.length <= 12 && s.groebner.join('').length <= 4000 ? { groebner: s.groebner } : {}),
  };
}

/**
 * One real critical point from its algebraic description: the type certified (exact Hessian at a
 * rational point, interval Hessian at an irrational one), the coordinates to `digits` places with
 * their enclosure, and the numeric engine's loss, gradient norm and eigenvalues beside them.
 */
function realPoint(
  net: Network,
  data: Dataset,
  params: readonly string[],
  fixed: readonly string[],
  lambda: ReadonlyMap<string, Rational>,
  H: HessianTerms,
  pt: AlgebraicPoint,
  digits: number,
): CriticalPoint {
  const { type: t, root } = certifyType(H, pt);
  const dec = pointDecimals(pt, digits, root);
  const point: Record<string, number> = {};
  const values: Record<string, string> = {};
  const enclosure: Record<string, readonly [string, string]> = {};
  for (const p of fixed) point[p] = 1;
  params.forEach((p, i) => {
    const x = dec.exact[i];
    point[p] = x !== undefined ? qtoNumber(x) : Number(dec.values[i]);
    values[p] = dec.values[i]!;
    enclosure[p] = dec.enclosure[i]!;
  });
  const lam = net.params.map((p) => qtoNumber(lambda.get(p) ?? Q(0)));
  const chk = checkPoint(net.spec, data, point, lam, [...params]);
  return {
    point: values,
    enclosure,
    certain: dec.certain,
    loss: chk.loss,
    type: t.type,
    ...(t.inertia !== undefined ? { index: t.inertia.negative, nullity: t.inertia.zero } : {}),
    certainty: t.certainty,
    typeReason: t.reason,
    engineType: classifyEigenvalues(chk.eigenvalues),
    eigenvalues: chk.eigenvalues,
    gradientNorm: chk.gradientNorm,
  };
}

/**
 * Real critical points through the RUR, or undefined when the ideal has none (not radical): the real
 * roots α of f isolated exactly (Descartes), each point xᵢ = gᵢ(α)/f′(α) enclosed and typed by
 * {@link realPoint}.
 */
function rurCritical(
  net: Network,
  data: Dataset,
  params: readonly string[],
  fixed: readonly string[],
  lambda: ReadonlyMap<string, Rational>,
  system: readonly PolyTerms[],
  base: Omit<CriticalPoints, 'status'>,
  counted: { counting: string },
  D: number,
  millis: number,
  digits: number,
  report: (fraction: number, phase: string) => void,
): CriticalPoints | undefined {
  let rur;
  const start = Date.now();
  const primesNeeded = Math.max(16, ESTIMATE_PRIMES_PER_SOLUTION * D);
  try {
    rur = modularRur(prepareInput(system, params, 'grevlex'), {
      millis,
      onStep: (i) => report(0.1, `rational univariate representation: first prime, F4 degree ${i.degree}`),
      // the number of primes is not known in advance: the bar approaches 60% as they come
      onPrime: (k, ms) => {
        report(0.1 + (0.5 * k) / (k + 8), `rational univariate representation: ${k} prime${k === 1 ? '' : 's'} (lifting to Q)`);
        if (k !== ESTIMATE_AT_PRIME) return;
        // measured: the time so far and this (replayed) prime's, for the primes the lift is expected to take
        const spent = Date.now() - start;
        const estimate = spent + (primesNeeded - k) * ms;
        if (estimate > millis)
          throw new RurEstimate(
            `counted exactly but real solutions not computed: the real solutions would take about ${duration(estimate)} (measured: ${spent} ms for the first ${k} primes of the rational univariate representation, ${ms} ms for the last; about ${primesNeeded} primes for its lift), past the ${millis} ms budget (\`closedform analyze … --timeout S\`)`,
          );
      },
    });
  } catch (e) {
    if (e instanceof RurEstimate) return { ...base, ...counted, status: 'budget', message: e.message, dimension: 0, complexSolutions: D };
    if (e instanceof ModularBudgetError) return { ...base, ...counted, status: 'budget', message: `counted exactly but real solutions not computed: ${e.message}`, dimension: 0, complexSolutions: D };
    throw e;
  }
  if (rur === 'not-separating') return undefined;
  if (typeof rur === 'string')
    return { ...base, ...counted, status: 'budget', message: `real solutions not computed: no rational univariate representation (${rur})`, dimension: 0, complexSolutions: D };
  // f over Z (denominators cleared) for the exact isolation (Descartes' rule with bisection)
  let l = 1n;
  for (const q of rur.f) l = (l / gcd(l, q.d)) * q.d;
  const fz = rur.f.map((q) => q.n * (l / q.d));
  const den = derivative(rur.f);
  const H = hessianFromGradient(system, params);
  const roots = isolateRealRoots(fz);
  const realSolutions = roots.map((root, i) => {
    report(0.6 + (0.4 * i) / roots.length, `real critical point ${i + 1} of ${roots.length}: type and coordinates`);
    return realPoint(net, data, params, fixed, lambda, H, { f: fz, root, num: rur.g, den }, digits);
  });
  realSolutions.sort((a, b) => a.loss - b.loss);
  return {
    ...base,
    counting: `${counted.counting}; rational univariate representation lifted from ${rur.primes} primes and checked on ${rur.checks} more`,
    status: 'solved',
    dimension: 0,
    complexSolutions: D,
    distinctSolutions: rur.f.length - 1,
    eliminantDegree: rur.f.length - 1,
    // x = g(t)/f′(t): every coordinate by radicals when t is, i.e. when f has degree ≤ 4 after its rational roots
    radicals: rur.f.length - 1 - roots.filter((r) => r.exact !== undefined).length <= 4,
    realSolutions,
  };
}
