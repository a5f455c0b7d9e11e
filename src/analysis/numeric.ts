/**
 * The bridge to the independent numeric engine (mathjs): plain gradient descent from random
 * starts, and the gradient and Hessian eigenvalues at a point — with an optional L2 term
 * Σⱼ λⱼ θⱼ², whose gradient 2λⱼθⱼ and Hessian diag(2λⱼ) are added here (the engine knows only
 * the data loss). Everything in this file is floating point and is reported as numeric.
 */
import type { NetworkSpec } from '../network/spec.js';
import { type Dataset } from '../network/build.js';
import { type Sample, engineDatasetLoss, engineGradient, samplesFromDataset } from '../numeric/engine.js';
import { engineParamNames, flattenParams, paramsFromPoint, randomParams, seededRng, unflattenParams } from '../numeric/params.js';
import { hessian, symmetricEigenvalues } from '../numeric/train.js';

/** Steps of one descent run. Measured: a 1-2-1 network on 8 points takes ~0.3 s per 1000 steps. */
export const DESCENT_STEPS = 1500;
/** Random starts of the descent. */
export const DESCENT_STARTS = 4;

export interface DescentSummary {
  /** the final loss of each run */
  readonly finalLosses: readonly number[];
  readonly best: number;
  /** the parameters of the best run, by name */
  readonly bestPoint: Readonly<Record<string, number>>;
  /** ‖∇L‖ at the best point */
  readonly gradientNorm: number;
  readonly starts: number;
  readonly steps: number;
}

const l2Loss = (theta: Float64Array, lambda: readonly number[]): number => theta.reduce((s, t, j) => s + lambda[j]! * t * t, 0);

/**
 * Full-batch gradient descent with a backtracking step (a step that raises the loss is undone
 * and γ halved; an accepted one grows γ by 10 %), from `starts` random points in [−1, 1].
 *
 * @example
 * ```ts
 * descend(parseSpec('1-1:identity'), data, { seed: 1 }).best; // ≈ the least-squares optimum
 * ```
 */
export function descend(
  spec: NetworkSpec,
  data: Dataset,
  opts: {
    seed?: number;
    starts?: number;
    steps?: number;
    lambda?: readonly number[];
    /** called with the loss before the first step (step 0) and after every step of every start (the descent figure) */
    onStep?: (start: number, step: number, loss: number) => void;
  } = {},
): DescentSummary {
  const samples: Sample[] = samplesFromDataset(data);
  const names = engineParamNames(spec);
  const lambda = opts.lambda ?? names.map(() => 0);
  const rng = seededRng(opts.seed ?? 1);
  const starts = opts.starts ?? DESCENT_STARTS;
  const steps = opts.steps ?? DESCENT_STEPS;
  const total = (v: Float64Array): number => engineDatasetLoss(spec, unflattenParams(spec, v), samples) + l2Loss(v, lambda);
  const gradient = (v: Float64Array): Float64Array => {
    const g = engineGradient(spec, unflattenParams(spec, v), samples);
    return g.map((x, j) => x + 2 * lambda[j]! * v[j]!);
  };
  const finals: number[] = [];
  let best = Infinity;
  let bestV: Float64Array = new Float64Array(names.length);
  for (let s = 0; s < starts; s++) {
    let v = flattenParams(spec, randomParams(spec, rng));
    let f = total(v);
    let gamma = 0.01;
    opts.onStep?.(s, 0, f);
    for (let t = 0; t < steps && gamma > 1e-14; t++) {
      const g = gradient(v);
      const w = v.map((x, j) => x - gamma * g[j]!);
      const fw = total(w);
      if (Number.isFinite(fw) && fw <= f) {
        v = w;
        f = fw;
        gamma *= 1.1;
      } else gamma /= 2;
      opts.onStep?.(s, t + 1, f);
    }
    finals.push(f);
    if (f < best) {
      best = f;
      bestV = v;
    }
  }
  const g = gradient(bestV);
  const bestPoint: Record<string, number> = {};
  names.forEach((n, j) => (bestPoint[n] = bestV[j]!));
  return { finalLosses: finals, best, bestPoint, gradientNorm: Math.hypot(...g), starts, steps };
}

export interface PointCheck {
  readonly loss: number;
  readonly gradientNorm: number;
  /** Hessian eigenvalues, ascending */
  readonly eigenvalues: readonly number[];
}

/**
 * The engine's loss, gradient norm and Hessian eigenvalues at a point given by name (L2 term
 * included when `lambda` is given, aligned with the engine's parameter order).
 */
export function checkPoint(
  spec: NetworkSpec,
  data: Dataset,
  point: Readonly<Record<string, number>>,
  lambda?: readonly number[],
  free?: readonly string[],
): PointCheck {
  const samples = samplesFromDataset(data);
  const p = paramsFromPoint(spec, point);
  const v = flattenParams(spec, p);
  const lam = lambda ?? [...v].map(() => 0);
  // only the free parameters are unknowns (a fixed normalisation holds the others): restrict to them
  const names = engineParamNames(spec);
  const keep = names.map((n, j) => (free === undefined || free.includes(n) ? j : -1)).filter((j) => j >= 0);
  const g = engineGradient(spec, p, samples).map((x, j) => x + 2 * lam[j]! * v[j]!);
  const H = hessian(spec, p, samples).map((row, i) => row.map((h, j) => (i === j ? h + 2 * lam[i]! : h)));
  const Hk = keep.map((i) => keep.map((j) => H[i]![j]!));
  return { loss: engineDatasetLoss(spec, p, samples) + l2Loss(v, lam), gradientNorm: Math.hypot(...keep.map((j) => g[j]!)), eigenvalues: symmetricEigenvalues(Hk) };
}

/** Radii of the perturbations {@link probeDescent} tries, largest first. */
export const PROBE_RADII = [1e-1, 3e-2, 1e-2, 3e-3, 1e-3] as const;
/** Random directions per radius (plus the ± coordinate directions). */
export const PROBE_DIRECTIONS = 200;

export interface DescentProbe {
  /** a perturbation that lowers the loss, when one was found */
  readonly descent?: { readonly radius: number; readonly drop: number };
  /** perturbations evaluated */
  readonly tried: number;
}

/**
 * Look for a descent direction at a critical point whose Hessian has no negative eigenvalue
 * but some zero ones (the second-order test is silent there): the engine's loss at θ + r·d for
 * unit directions d (the coordinate axes both ways and seeded random ones) and radii
 * {@link PROBE_RADII}. A loss below L(θ) by more than 1e−9·max(1, L) is a descent direction: θ is
 * no local minimum. Finding none is numeric evidence of a local minimum, never a proof.
 *
 * @example
 * ```ts
 * probeDescent(parseSpec('1-2-1:quadratic'), data, point).descent; // undefined: no descent found
 * ```
 */
export function probeDescent(spec: NetworkSpec, data: Dataset, point: Readonly<Record<string, number>>, seed = 1): DescentProbe {
  const samples = samplesFromDataset(data);
  const names = engineParamNames(spec);
  const v = flattenParams(spec, paramsFromPoint(spec, point));
  const L0 = engineDatasetLoss(spec, paramsFromPoint(spec, point), samples);
  const tol = 1e-9 * Math.max(1, Math.abs(L0));
  const rng = seededRng(seed);
  const dirs: Float64Array[] = [];
  for (let j = 0; j < names.length; j++)
    for (const s of [1, -1]) {
      const d = new Float64Array(names.length);
      d[j] = s;
      dirs.push(d);
    }
  for (let k = 0; k < PROBE_DIRECTIONS; k++) {
    const d = Float64Array.from(names, () => 2 * rng() - 1);
    const n = Math.hypot(...d);
    dirs.push(d.map((x) => x / n));
  }
  let tried = 0;
  for (const r of PROBE_RADII)
    for (const d of dirs) {
      tried++;
      const L = engineDatasetLoss(spec, unflattenParams(spec, v.map((x, j) => x + r * d[j]!)), samples);
      if (L < L0 - tol) return { descent: { radius: r, drop: L0 - L }, tried };
    }
  return { tried };
}
