/**
 * The project's one seeded pseudo-random generator, so that every "random point" answer —
 * generic ranks, numeric checks, identity verification, gradient-descent starts — is
 * reproducible from its seed. It is not symbolic code: the independent numeric engine may use it.
 */

/** A generator of doubles in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a small, fast, well-mixed 32-bit generator (the seed is taken modulo 2³²).
 *
 * @example
 * ```ts
 * import { seededRng } from 'closedform';
 * const r = seededRng(1); r() === seededRng(1)(); // true
 * ```
 */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
