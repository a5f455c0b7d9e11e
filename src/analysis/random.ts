/**
 * Deterministic pseudo-random rationals for "generic point" arguments: the rank of ∂c/∂θ at a
 * random rational point equals the generic rank with probability ≈ 1 (Schwartz–Zippel), and a
 * seeded generator keeps every answer reproducible.
 */
import { type Rational, Q } from '../expr/rational.js';
import { seededRng } from '../util/rng.js';

/** The project's seeded generator (mulberry32), under the name the analysis uses. */
export const rng = seededRng;

/**
 * A random non-zero rational p/q with |p| ≤ `maxNum`, 1 ≤ q ≤ `maxDen`.
 *
 * @example
 * ```ts
 * const r = rng(1); randomRational(r); // e.g. -7/3
 * ```
 */
export function randomRational(r: () => number, maxNum = 9, maxDen = 7): Rational {
  for (;;) {
    const p = Math.floor(r() * (2 * maxNum + 1)) - maxNum;
    const q = 1 + Math.floor(r() * maxDen);
    if (p !== 0) return Q(p, q);
  }
}

/** A random rational point: one value per name, in the given order. */
export function randomPoint(names: readonly string[], seed: number): Map<string, Rational> {
  const r = rng(seed);
  return new Map(names.map((n) => [n, randomRational(r)]));
}
