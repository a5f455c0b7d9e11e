/**
 * Sampling for `verify`, where sampling is all that is left (a transcendental function, a
 * region with nonlinear sign conditions): points at the scale of the input's constants.
 *
 * A fixed box such as [−2, 2]ⁿ misses whatever happens beyond the constants of the input:
 * relu(x − 3) = 0 holds on all of [−2, 2]. So the boxes grow with the largest height S of a
 * rational constant p/q in the input (max |p|, q): points are drawn in turn from [−2, 2]ⁿ,
 * [−S, S]ⁿ and [−4S, 4S]ⁿ, and the result says so.
 *
 * @example
 * ```ts
 * import { parse, constantScale, sampleBoxes } from 'closedform';
 * sampleBoxes(constantScale(parse('relu(x - 3)'))); // [2, 3, 12]
 * ```
 */
import type { Node } from '../expr/node.js';
import { type Rational, Q } from '../expr/rational.js';
import { topoOrder } from '../expr/walk.js';

/** The smallest box the samplers use: every variable in [−2, 2]. */
export const VERIFY_RANGE = 2;
/** Relative tolerance of a floating-point comparison: |l − r| ≤ tol·max(1, |l|, |r|). */
export const VERIFY_TOLERANCE = 1e-9;

/**
 * The largest height max(|p|, q) of a rational constant p/q in the expressions (exponents are
 * not constants of the input's scale), at least {@link VERIFY_RANGE}.
 *
 * @example
 * ```ts
 * constantScale(parse('heaviside(w*x - 5)')); // 5
 * constantScale(parse('relu(x/1000 - 1)'));   // 1000
 * ```
 */
export function constantScale(...roots: readonly Node[]): number {
  let s = VERIFY_RANGE;
  const height = (q: Rational): number => Math.max(Number(q.n < 0n ? -q.n : q.n), Number(q.d));
  for (const n of topoOrder(...roots)) {
    if (n.kind === 'num') s = Math.max(s, height(n.value));
  }
  return s;
}

/**
 * The half-widths of the boxes sampled in turn: 2, S and 4S (duplicates dropped).
 *
 * @example
 * ```ts
 * sampleBoxes(2); // [2, 8]
 * ```
 */
export function sampleBoxes(scale: number): number[] {
  return [...new Set([VERIFY_RANGE, scale, 4 * scale])];
}

/**
 * The boxes in words, for the result.
 *
 * @example
 * ```ts
 * boxesText([2, 3, 12], 1); // '[−2, 2]^1, [−3, 3]^1 and [−12, 12]^1'
 * ```
 */
export function boxesText(boxes: readonly number[], dim: number): string {
  const b = boxes.map((r) => `[−${r}, ${r}]^${dim}`);
  return b.length === 1 ? b[0]! : `${b.slice(0, -1).join(', ')} and ${b.at(-1)}`;
}

/**
 * A random rational point with every coordinate in [−radius, radius], on a grid of eighths (so
 * that exact evaluation stays cheap).
 *
 * @example
 * ```ts
 * rationalPoint(['x', 'y'], 12, seededRng(1)); // Map { x → -35/4, y → 3 } (some such point)
 * ```
 */
export function rationalPoint(vars: readonly string[], radius: number, next: () => number): Map<string, Rational> {
  const steps = Math.max(1, Math.round(radius * 8));
  return new Map(vars.map((v) => [v, Q(Math.round((2 * next() - 1) * steps), 8)]));
}

/**
 * Do two floating-point values differ? `undefined` when the pair carries no information: both
 * NaN (outside both domains) or an overflow to ±∞ on either side. NaN on one side only is a
 * difference (one side is defined there, the other is not).
 *
 * @example
 * ```ts
 * floatsDiffer(1, 1 + 1e-12); // false
 * floatsDiffer(Infinity, 3);   // undefined
 * ```
 */
export function floatsDiffer(l: number, r: number): boolean | undefined {
  if (Number.isNaN(l) && Number.isNaN(r)) return undefined;
  if (Math.abs(l) === Infinity || Math.abs(r) === Infinity) return undefined;
  if (Number.isNaN(l) || Number.isNaN(r)) return true;
  return Math.abs(l - r) > VERIFY_TOLERANCE * Math.max(1, Math.abs(l), Math.abs(r));
}
