/**
 * Exact least squares over a polyhedral cone: minimise q(θ) = ‖Aθ − y‖² subject to Cθ ≥ 0,
 * over Q, by a primal active-set method. This is the convex quadratic program one activation
 * pattern of a rescaled one-hidden-layer ReLU network poses (relu-optimum.ts); its minimum may
 * lie on the boundary of the cone, i.e. on a pattern boundary where a pre-activation is 0.
 *
 * The method keeps a feasible θ and a working set W of constraints held at equality, linearly
 * independent. Each iteration minimises q over the affine subspace {Cᵂθ′ = 0} through θ by the
 * KKT system [H Cᵂᵀ; Cᵂ 0]·[d; μ] = [−g; 0] (H = AᵀA, g = Aᵀ(Aθ − y), half the gradient). The
 * system is consistent even when H is singular (a least-squares problem on a subspace always has
 * a minimiser), and any solution will do:
 * - if q(θ + d) < q(θ), step towards θ + d, as far as the first constraint outside W allows
 *   (the least index among ties), and add it to W: it is independent of W, as Cⱼ·d < 0 while
 *   Cᵂ·d = 0;
 * - otherwise θ minimises q on the subspace and λ = −μ are the multipliers of W. If λ ≥ 0 the
 *   KKT conditions hold (the other active constraints get multiplier 0), and a convex program
 *   is then at its global minimum. If some λⱼ < 0 the point may still be optimal when it is
 *   degenerate (more constraints active than W holds); the tangent cone decides: an exact LP
 *   looks for a direction D with Cⱼ·D ≥ 0 on every active constraint and g·D ≤ −1. None means
 *   g lies in the cone of the active rows (Farkas), so θ is optimal; one gives a strict descent,
 *   taken with an exact line search (q is quadratic along D with curvature ‖AD‖² > 0, since
 *   AD = 0 would make g·D = rᵀAD = 0), and W restarts empty.
 *
 * Finiteness: at every stationary point of a working set W the value is the minimum of q over
 * {Cᵂθ′ = 0}, a number fixed by W; between two such points q strictly decreases (the LP step
 * strictly descends), so no working set is stationary twice; between stationary points at most
 * dim θ constraints join W. So the method stops after finitely many iterations, with no
 * tolerance and no iteration budget: the answer is exact.
 *
 * @example
 * ```ts
 * // min (θ − 1)² subject to −θ ≥ 0: θ = 0, value 1 (the optimum on the boundary)
 * coneLeastSquares([[Q(1)]], [Q(1)], [[Q(-1)]], [Q(-1)]).value; // 1
 * ```
 */
import { type Rational, ONE, ZERO, qadd, qcmp, qdiv, qisZero, qmul, qneg, qsign, qsub } from '../expr/rational.js';
import { type QMatrix, solveQ, transpose } from './linalg.js';
import { feasiblePoint } from './relu-lp.js';

export interface ConeLeastSquares {
  /** a minimiser */
  readonly theta: readonly Rational[];
  /** ‖Aθ − y‖² at it: the exact minimum */
  readonly value: Rational;
  /** constraints with Cⱼθ = 0 at the minimiser */
  readonly active: readonly number[];
  readonly iterations: number;
  /** tangent-cone LPs solved at degenerate stationary points */
  readonly lpSteps: number;
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);
const matVec = (M: QMatrix, v: readonly Rational[]): Rational[] => M.map((row) => dot(row, v));

/**
 * Minimise ‖Aθ − y‖² subject to Cθ ≥ 0 exactly, from a feasible start (Cθ₀ ≥ 0; a strictly
 * feasible one saves iterations).
 *
 * @example
 * ```ts
 * // fit y = (1, 2) by θ·(1, 1) with θ ≥ 0: θ = 3/2, value 1/2
 * coneLeastSquares([[Q(1)], [Q(1)]], [Q(1), Q(2)], [[Q(1)]], [Q(5)]).theta; // [3/2]
 * ```
 */
export function coneLeastSquares(A: QMatrix, y: readonly Rational[], C: QMatrix, start: readonly Rational[]): ConeLeastSquares {
  const n = start.length;
  const At = transpose(A);
  const H = At.map((ri) => At.map((rj) => dot(ri, rj)));
  const Aty = matVec(At, y);
  const q = (t: readonly Rational[]): Rational => matVec(A, t).reduce((s, v, p) => {
    const r = qsub(v, y[p]!);
    return qadd(s, qmul(r, r));
  }, ZERO);
  if (C.some((row) => qsign(dot(row, start)) < 0)) throw new RangeError('coneLeastSquares: the start point is not feasible');
  let theta = [...start];
  let value = q(theta);
  let W: number[] = [];
  let iterations = 0;
  let lpSteps = 0;
  for (;;) {
    iterations++;
    const g = qsubVec(matVec(H, theta), Aty);
    const w = W.length;
    const K: Rational[][] = [
      ...H.map((row, i) => [...row, ...W.map((j) => C[j]![i]!)]),
      ...W.map((j) => [...C[j]!, ...W.map(() => ZERO)]),
    ];
    const sol = solveQ(K, [...g.map(qneg), ...W.map(() => ZERO)]);
    if (sol.kind !== 'solution') throw new RangeError('coneLeastSquares: inconsistent KKT system (dependent working set)');
    const d = sol.x.slice(0, n);
    const moved = theta.map((t, i) => qadd(t, d[i]!));
    const qm = q(moved);
    if (qcmp(qm, value) < 0) {
      // step along d until the first constraint outside W blocks
      let alpha: Rational = ONE;
      let block = -1;
      C.forEach((row, j) => {
        if (W.includes(j)) return;
        const s = dot(row, d);
        if (qsign(s) >= 0) return;
        const t = qdiv(qneg(dot(row, theta)), s);
        if (qcmp(t, alpha) < 0) {
          alpha = t;
          block = j;
        }
      });
      theta = block < 0 ? moved : theta.map((t, i) => qadd(t, qmul(alpha, d[i]!)));
      value = block < 0 ? qm : q(theta);
      if (block >= 0) W = [...W, block];
      continue;
    }
    // θ is stationary on W's subspace; its multipliers are −μ
    const lambda = sol.x.slice(n, n + w).map(qneg);
    const active = C.flatMap((row, j) => (qisZero(dot(row, theta)) ? [j] : []));
    if (lambda.every((l) => qsign(l) >= 0)) return { theta, value, active, iterations, lpSteps };
    lpSteps++;
    const D = feasiblePoint([...active.map((j) => C[j]!), g.map(qneg)], [...active.map(() => ZERO), ONE], n);
    if (D === undefined) return { theta, value, active, iterations, lpSteps };
    // exact line search: q(θ + αD) = q + 2α rᵀAD + α²‖AD‖², minimised at α* = −rᵀAD/‖AD‖²
    const AD = matVec(A, D);
    const r = qsubVec(matVec(A, theta), y);
    let alpha = qdiv(qneg(dot(r, AD)), dot(AD, AD));
    C.forEach((row, j) => {
      const s = dot(row, D);
      if (qsign(s) >= 0) return;
      const t = qdiv(qneg(dot(row, theta)), s);
      if (qcmp(t, alpha) < 0) alpha = t;
    });
    theta = theta.map((t, i) => qadd(t, qmul(alpha, D[i]!)));
    value = q(theta);
    W = [];
  }
}

const qsubVec = (a: readonly Rational[], b: readonly Rational[]): Rational[] => a.map((v, i) => qsub(v, b[i]!));
