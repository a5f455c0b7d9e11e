/**
 * Closed-form least squares for a collapsed polynomial model.
 *
 * Over the linear span of the features, output k is fₖ(x) = Σₘ cₖₘ φₖₘ(x), so the squared loss
 * Σₚ Σₖ (fₖ(xₚ) − yₖₚ)² is a quadratic in c whose minimisers solve the normal equations
 *   Φₖᵀ Φₖ cₖ = Φₖᵀ yₖ,   (Φₖ)ₚₘ = φₖₘ(xₚ),
 * solved exactly over Q. That is the global optimum over span{φ}; the network reaches it when
 * some θ solves c(θ) = c*. A filling model (rank ∂c/∂θ = K) reaches an open set of c, which
 * need not be all of c-space, so the preimage is searched for and checked exactly: the
 * parameters in which every cₖ is affine (e.g. an identity output layer) are solved for by a
 * linear system with the others fixed at random rationals.
 */
import { type Rational, ZERO, qadd, qmul, qpowInt, qsub, qeq } from '../expr/rational.js';
import { evaluateExact } from '../expr/walk.js';
import { type Dataset, type Network, datasetLoss, lossFactor } from '../network/build.js';
import { polyDegree } from '../poly/poly.js';
import { type Collapse, jacobianAt, polyAt } from './collapse.js';
import { solveNormalEquations, solveQ } from './linalg.js';
import { randomPoint } from './random.js';

/** Random fixings of the non-affine parameters tried before giving up on the linear route. */
export const PREIMAGE_TRIALS = 4;

export interface LeastSquares {
  /** c*: the optimal coefficient of each feature (aligned with `collapse.features`) */
  readonly coefficients: readonly Rational[];
  /** the normal equations have a unique solution (Φₖ has full column rank for every k) */
  readonly unique: boolean;
  /** the optimal loss over span{φ} (with the spec's loss factor), exact */
  readonly loss: Rational;
  /** a parameter point θ* with c(θ*) = c* exactly, or why none was found */
  readonly attained:
    | { readonly kind: 'point'; readonly point: ReadonlyMap<string, Rational>; readonly solvedFor: readonly string[]; readonly loss: Rational }
    | { readonly kind: 'none'; readonly reason: string };
}

/** φ(x) for a monomial's exponents at a data point. */
const monomialAt = (exps: readonly number[], x: readonly Rational[]): Rational =>
  exps.reduce((m, e, j) => (e === 0 ? m : qmul(m, qpowInt(x[j]!, BigInt(e)))), { n: 1n, d: 1n } as Rational);

/**
 * The exact least-squares optimum of the collapsed model on a data set, and a parameter point
 * that attains it when the linear route finds one.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1:quadratic,identity'));
 * const ls = leastSquares(net, collapse(net), readCsv('x1,y1\n0,1\n1,2\n2,5\n3,10\n', net.spec));
 * ls.loss; // 0 (y = x² + 1 lies in the span)
 * ```
 */
export function leastSquares(net: Network, col: Collapse, data: Dataset, seed = 1): LeastSquares {
  const cstar: Rational[] = new Array(col.K);
  let unique = true;
  let loss = ZERO;
  for (let k = 0; k < net.outputs.length; k++) {
    const idx = col.features.flatMap((f, i) => (f.output === k ? [i] : []));
    const Phi = data.inputs.map((x) => idx.map((i) => monomialAt(col.features[i]!.exps, x)));
    const y = data.targets.map((t) => t[k]!);
    // normal equations ΦᵀΦ c = Φᵀy (always consistent)
    const sol = solveNormalEquations(Phi, y);
    if (sol.nullity > 0) unique = false;
    idx.forEach((i, a) => (cstar[i] = sol.x[a]!));
    for (let p = 0; p < Phi.length; p++) {
      const r = qsub(Phi[p]!.reduce((s, v, a) => qadd(s, qmul(v, sol.x[a]!)), ZERO), y[p]!);
      loss = qadd(loss, qmul(r, r));
    }
  }
  loss = qmul(loss, lossFactor(net.spec));
  return { coefficients: cstar, unique, loss, attained: preimage(net, col, cstar, data, seed) };
}

/** Parameters in which all coefficients are jointly affine, greedily from the output layer down. */
export function affineParams(col: Collapse): string[] {
  const S: string[] = [];
  for (const p of [...col.params].reverse()) {
    const trial = [...S, p];
    if (col.features.every((f) => polyDegree(f.coeff, trial) <= 1)) S.push(p);
  }
  return S.reverse();
}

function preimage(net: Network, col: Collapse, cstar: readonly Rational[], data: Dataset, seed: number): LeastSquares['attained'] {
  const S = affineParams(col);
  if (S.length < col.rank)
    return { kind: 'none', reason: `only ${S.length} parameters enter c(θ) affinely, fewer than the rank ${col.rank}: solving c(θ) = c* needs the polynomial solver` };
  const fixed = col.params.filter((p) => !S.includes(p));
  for (let t = 0; t < PREIMAGE_TRIALS; t++) {
    const point = randomPoint(fixed, seed + 101 * (t + 1));
    for (const s of S) point.set(s, ZERO);
    // c(θ_fixed, θ_S) = c0 + A θ_S with A = ∂c/∂θ_S (constant in θ_S)
    const c0 = col.features.map((f) => polyAt(f.coeff, point));
    const A = jacobianAt(col.features.map((f) => f.coeff), S, point);
    const sol = solveQ(A, cstar.map((c, i) => qsub(c, c0[i]!)));
    if (sol.kind !== 'solution') continue;
    S.forEach((s, i) => point.set(s, sol.x[i]!));
    // check exactly, independently of the linear algebra: c(θ*) = c* and the loss at θ*
    if (!col.features.every((f, i) => qeq(polyAt(f.coeff, point), cstar[i]!))) continue;
    const L = evaluateExact(datasetLoss(net, data), point);
    if (L === undefined) continue;
    return { kind: 'point', point, solvedFor: S, loss: L };
  }
  return {
    kind: 'none',
    reason: col.filling
      ? `c(θ) = c* had no solution with the non-affine parameters fixed at ${PREIMAGE_TRIALS} random points: c* may lie outside the reachable set`
      : `the model is not filling (rank ${col.rank} < K = ${col.K}) and c* is not reached by the linear route: the optimum over the network is a critical point of L(θ), not the normal equations`,
  };
}
