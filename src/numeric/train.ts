/**
 * Gradient descent (seed 002, eqs. 26–27) and second order information: the Hessian by central
 * differences of the engineBackprop gradient, and symmetric eigenvalues by mathjs `eigs`.
 */
import type { Matrix } from 'mathjs';
import type { NetworkSpec } from '../network/spec.js';
import { type Sample, FD_STEP, engineBackprop, engineDatasetLoss, engineGradient } from './engine.js';
import { NumericError, engineMath } from './mathjs.js';
import { type EngineParams, flattenParams, unflattenParams } from './params.js';

/**
 * One gradient-descent step over a data set: W^ℓ ↦ W^ℓ − γ Σ∇_W^ℓ (26), B^ℓ ↦ B^ℓ − γ Σ∇_B^ℓ (27);
 * biases of layers without bias stay zero.
 *
 * @example
 * ```ts
 * import { gradientStep, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
 * const params = zeroParams(spec);
 * const next = gradientStep(spec, params, [{ x: [1, 1, 1], y: [2, 2, 2, 2] }], 0.001); // the seed's γ
 * ```
 */
export function gradientStep(spec: NetworkSpec, p: EngineParams, data: readonly Sample[], gamma: number): EngineParams {
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new NumericError(`step size γ must be a positive number, got ${gamma}`);
  const W = [...p.W];
  const b = [...p.b];
  for (const s of data) {
    const g = engineBackprop(spec, p, s);
    for (let l = 0; l < W.length; l++) {
      W[l] = engineMath().subtract(W[l]!, engineMath().multiply(gamma, g.W[l]!)) as Matrix; // (26)
      if (spec.bias[l]) b[l] = engineMath().subtract(b[l]!, engineMath().multiply(gamma, g.b[l]!)) as Matrix; // (27)
    }
  }
  return Object.freeze({ W, b });
}

/** The result of {@link gradientDescent}: final parameters and the data-set loss before each step and after the last. */
export interface Descent {
  readonly params: EngineParams;
  readonly losses: readonly number[];
}

/**
 * `steps` full-batch gradient-descent steps of size γ.
 *
 * @example
 * ```ts
 * import { gradientDescent, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('1-1:identity');
 * const data = [{ x: [1], y: [3] }, { x: [2], y: [5] }];
 * gradientDescent(spec, zeroParams(spec), data, { gamma: 0.01, steps: 100 }).losses; // 101 decreasing values
 * ```
 */
export function gradientDescent(spec: NetworkSpec, p: EngineParams, data: readonly Sample[], opts: { gamma: number; steps: number }): Descent {
  if (!Number.isInteger(opts.steps) || opts.steps < 0) throw new NumericError(`steps must be a non-negative integer, got ${opts.steps}`);
  const losses = [engineDatasetLoss(spec, p, data)];
  let q = p;
  for (let t = 0; t < opts.steps; t++) {
    q = gradientStep(spec, q, data, opts.gamma);
    losses.push(engineDatasetLoss(spec, q, data));
  }
  return { params: q, losses };
}

/**
 * The Hessian of Σ_samples loss in {@link engineParamNames} order, by central differences of the
 * engineBackprop gradient: column k is (g(θ + h e_k) − g(θ − h e_k)) / 2h, then symmetrised as
 * (H + Hᵀ)/2 (the exact Hessian is symmetric; the average also halves the rounding noise).
 * Error: O(h²) truncation plus O(ε/h) rounding, ≈ 10⁻¹⁰ relative to the gradient's scale.
 *
 * @example
 * ```ts
 * import { hessian, parseSpec, randomParams, seededRng, symmetricEigenvalues } from 'closedform';
 * const spec = parseSpec('1-2-1:tanh,identity');
 * const H = hessian(spec, randomParams(spec, seededRng(1)), [{ x: [0.5], y: [1] }]); // number[][], 7 × 7
 * symmetricEigenvalues(H); // ascending; all > 0 at a strict local minimum
 * ```
 */
export function hessian(spec: NetworkSpec, p: EngineParams, data: readonly Sample[]): number[][] {
  const theta = flattenParams(spec, p);
  const P = theta.length;
  const H: number[][] = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  const v = Float64Array.from(theta);
  for (let k = 0; k < P; k++) {
    const h = FD_STEP * Math.max(1, Math.abs(theta[k]!));
    v[k] = theta[k]! + h;
    const up = engineGradient(spec, unflattenParams(spec, v), data);
    v[k] = theta[k]! - h;
    const down = engineGradient(spec, unflattenParams(spec, v), data);
    v[k] = theta[k]!;
    for (let i = 0; i < P; i++) H[i]![k] = (up[i]! - down[i]!) / (2 * h);
  }
  for (let i = 0; i < P; i++)
    for (let k = i + 1; k < P; k++) {
      const m = (H[i]![k]! + H[k]![i]!) / 2;
      H[i]![k] = m;
      H[k]![i] = m;
    }
  return H;
}

/**
 * The eigenvalues of a real symmetric matrix, ascending (mathjs `eigs`).
 *
 * @example
 * ```ts
 * import { symmetricEigenvalues } from 'closedform';
 * symmetricEigenvalues([[2, 1], [1, 2]]); // [1, 3] (to rounding)
 * ```
 */
export function symmetricEigenvalues(H: readonly (readonly number[])[]): number[] {
  const n = H.length;
  if (n === 0) return [];
  for (const row of H) if (row.length !== n) throw new NumericError(`eigenvalues need a square matrix, got a row of length ${row.length} in ${n} rows`);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const a = H[i]![j]!;
      const b = H[j]![i]!;
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) throw new NumericError(`matrix is not symmetric at (${i + 1}, ${j + 1}): ${a} vs ${b}`);
    }
  const values = engineMath().eigs(H.map((r) => [...r])).values as unknown;
  const arr = Array.isArray(values) ? values : ((values as Matrix).toArray() as unknown[]);
  // A real symmetric matrix has real eigenvalues; mathjs returns plain numbers for it.
  return arr
    .map((x) => {
      if (typeof x !== 'number') throw new NumericError(`eigs returned a non-real eigenvalue ${String(x)}`);
      return x;
    })
    .sort((a, b) => a - b);
}
