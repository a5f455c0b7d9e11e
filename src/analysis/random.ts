/**
 * Deterministic pseudo-random rationals for "generic point" arguments: the rank of ∂c/∂θ at a
 * random rational point equals the generic rank with probability ≈ 1 (Schwartz–Zippel), and a
 * seeded generator keeps every answer reproducible.
 */
import { type Rational, Q } from '../expr/rational.js';

/** mulberry32: a small, fast, well-mixed 32-bit generator; returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
