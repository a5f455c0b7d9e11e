/**
 * The engine's backprop against its own central differences, with a tolerance that comes from the
 * problem instead of a constant. A fixed 10⁻⁶ failed `check 2-10-10-1:quadratic` (a degree-8
 * loss near 10⁵ at random points) although every symbolic check passed: the difference quotient
 * was as good as doubles allow, and 10⁻⁶ was simply below that.
 *
 * The central difference D(h) = (L(θ + h e_k) − L(θ − h e_k)) / 2h errs in two ways:
 *
 * 1. Truncation. Taylor: D(h) = L′ + h²L‴/6 + O(h⁴), D(2h) = L′ + 4h²L‴/6 + O(h⁴), so
 *    t := D(h) − L′ = (D(2h) − D(h))/3 + O(h⁴) (Richardson). No bound on L‴ is assumed: the
 *    second quotient measures it at the point.
 * 2. Rounding. If each computed loss is within e_L of the exact one, the computed D(h) is within
 *    R(h) = e_L/h + |D|·(2u + u(|θ| + h)/h) of D(h): the two losses, the subtraction and
 *    division (2u), and the step actually taken (θ ± h is rounded, u(|θ| + h)). e_L is not
 *    guessed: {@link lossRoundingBound} propagates the standard model fl(a ∘ b) = (a ∘ b)(1 + δ),
 *    |δ| ≤ u = 2⁻⁵³, through the layers at the point, first order.
 *
 * With noise n₁, n₂ in D(h), D(2h) (|n₁| ≤ R(h), |n₂| ≤ R(2h) ≤ R(h)), 3t = D(2h) − D(h) − n₂ + n₁,
 * hence |D(h) − L′| ≤ |t| + |n₁| ≤ |D(2h) − D(h)|/3 + 5R(h)/3. The tolerance is twice that (for the
 * O(h⁴) remainder and the first-order bounds), plus the backprop's own rounding, which the
 * symbolic comparison bounds by SYMBOLIC_TOLERANCE relative to max(1, |g|); like every row of the
 * check it is taken relative to max(1, |g|).
 *
 * What it still catches: a real mistake (a missing term, a factor 2, σ′ replaced by A^{ℓ−1})
 * moves a gradient by 10⁻³ or more of its size, while this tolerance is 10⁻¹¹…10⁻⁶ on the networks
 * one checks (test/numeric/fdcheck.test.ts feeds it a gradient wrong by 10⁻⁴ and sees it fail).
 */
import type { NetworkSpec } from '../network/spec.js';
import { columnEntries, engineForward, type Sample } from './engine.js';
import { mathjsActivation } from './mathjs.js';
import type { EngineParams } from './params.js';

/** The unit roundoff of doubles. */
const U = 2 ** -53;
/** γ_k = k·u / (1 − k·u): the relative error bound of a k-term sum or product (Higham, Lemma 3.1). */
const gamma = (k: number): number => (k * U) / (1 - k * U);

/**
 * Rounding of one activation as mathjs evaluates it, in units of u·max(1, |σ(z)|). Each facet is
 * an expression of at most eight elementary operations (exp, log, atan, pow, ±, ×, ÷), each within
 * one ulp, whose condition numbers relative to max(1, |σ|) are at most 2 on the real line; 16 covers
 * 8 operations at 2 each.
 */
export const ACTIVATION_ULPS = 16;

const matrixRows = (m: { toArray(): unknown }): number[][] => m.toArray() as number[][];

/**
 * A first-order bound on |fl(L) − L| for the loss of one sample as the engine computes it
 * (engineLoss): forward error analysis of z = W a + b, a = σ(z), r = a − y, L = c Σ r².
 *
 *   e_z,i = Σⱼ |wᵢⱼ| e_a,j + γ_{n+1} (Σⱼ |wᵢⱼ||aⱼ| + |bᵢ|)
 *   e_a,i = |σ′(zᵢ)| e_z,i + ACTIVATION_ULPS·u·max(1, |σ(zᵢ)|)
 *   e_L   = c (Σₖ (2|rₖ| (e_a,k + u|rₖ|) + u rₖ²) + γ_{n_L−1} Σₖ rₖ²)
 *
 * @example
 * ```ts
 * import { lossRoundingBound, parseSpec, zeroParams } from 'closedform';
 * lossRoundingBound(parseSpec('1-1:identity'), zeroParams(parseSpec('1-1:identity')), { x: [1], y: [2] }); // ≈ 10⁻¹⁵
 * ```
 */
export function lossRoundingBound(spec: NetworkSpec, p: EngineParams, s: Sample): number {
  const pass = engineForward(spec, p, s.x);
  let a = [...s.x];
  let ea = a.map(() => 0); // inputs are exact as given
  for (let l = 1; l < spec.widths.length; l++) {
    const W = matrixRows(p.W[l - 1]!);
    const b = matrixRows(p.b[l - 1]!).map((r) => r[0]!);
    const z = columnEntries(pass.Z[l - 1]!);
    const act = mathjsActivation(spec.activations[l - 1]!);
    const g = gamma(a.length + 1);
    const next: number[] = [];
    const enext: number[] = [];
    for (let i = 0; i < W.length; i++) {
      let prop = 0;
      let mag = Math.abs(b[i]!);
      for (let j = 0; j < a.length; j++) {
        prop += Math.abs(W[i]![j]!) * ea[j]!;
        mag += Math.abs(W[i]![j]!) * Math.abs(a[j]!);
      }
      const ez = prop + g * mag;
      const v = act.f(z[i]!);
      next.push(v);
      enext.push(Math.abs(act.df(z[i]!)) * ez + ACTIVATION_ULPS * U * Math.max(1, Math.abs(v)));
    }
    a = next;
    ea = enext;
  }
  let e = 0;
  let sq = 0;
  a.forEach((v, k) => {
    const r = v - s.y[k]!;
    e += 2 * Math.abs(r) * (ea[k]! + U * Math.abs(r)) + U * r * r;
    sq += r * r;
  });
  e += gamma(Math.max(0, a.length - 1)) * sq;
  return spec.loss === 'half-squared' ? e / 2 : e;
}

/** The comparison at one point: the coordinate nearest its tolerance, and whether all are within theirs. */
export interface DifferenceCheck {
  /** |g − D(h)| / max(1, |g|) at the coordinate with the largest error-to-tolerance ratio */
  readonly error: number;
  /** its tolerance */
  readonly tolerance: number;
  readonly ok: boolean;
}

/**
 * Compare a gradient `g` with central differences of `f` at `theta` in the given coordinates,
 * each against its own tolerance (see the header): `lossError` bounds |fl(f) − f| near theta,
 * `gradientTolerance` is the relative error allowed to `g` itself.
 *
 * @example
 * ```ts
 * const f = (v: Float64Array) => v[0]! ** 3;
 * compareWithDifferences(Float64Array.of(3 * 4), Float64Array.of(2), f, [0], 1e-15, 1e-9).ok; // true
 * ```
 */
export function compareWithDifferences(
  g: ArrayLike<number>,
  theta: Float64Array,
  f: (v: Float64Array) => number,
  coordinates: readonly number[],
  lossError: number,
  gradientTolerance: number,
): DifferenceCheck {
  const v = Float64Array.from(theta);
  const at = (k: number, h: number): number => {
    v[k] = theta[k]! + h;
    const up = f(v);
    v[k] = theta[k]! - h;
    const down = f(v);
    v[k] = theta[k]!;
    return (up - down) / (2 * h);
  };
  let worst: DifferenceCheck = { error: 0, tolerance: gradientTolerance, ok: true };
  let worstRatio = -1;
  let ok = true;
  for (const k of coordinates) {
    const t = theta[k]!;
    const h = Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(t)); // FD_STEP·max(1, |θ|), as finiteDifferenceGradient
    const d1 = at(k, h);
    const d2 = at(k, 2 * h);
    const R = lossError / h + Math.abs(d1) * (2 * U + (U * (Math.abs(t) + h)) / h);
    const scale = Math.max(1, Math.abs(g[k]!));
    const tolerance = (2 * (Math.abs(d2 - d1) / 3 + (5 * R) / 3)) / scale + gradientTolerance;
    const diff = Math.abs(g[k]! - d1);
    const error = Number.isNaN(diff) ? Infinity : diff / scale;
    if (!(error <= tolerance)) ok = false;
    const ratio = tolerance > 0 ? error / tolerance : Infinity;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worst = { error, tolerance, ok: true };
    }
  }
  return { ...worst, ok };
}

/** What the tolerance of the finite-difference row is based on, in words (printed under the check table). */
export const DIFFERENCE_TOLERANCE_BASIS =
  'per coordinate, 2(|D(2h) − D(h)|/3 + 5R/3)/max(1, |g|) + 1e-9: D the central difference with h = ∛u·max(1, |θ|), ' +
  'R its rounding from a first-order bound on the loss evaluation propagated through the layers; shown: the coordinate nearest its tolerance';
