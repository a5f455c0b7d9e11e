/**
 * Network outputs built directly from the core constructors (the layer convention of DESIGN.md:
 * z^ℓ_i = Σ_j w{ℓ}_{i}_{j} a^{ℓ−1}_j + b{ℓ}_{i}, quadratic activation a = z²), for tests that
 * must not depend on the network builder.
 */
import { type Node, add, mul, pow, sym } from '../../src/index.js';

/** Outputs of a dense network; `acts[ℓ−1]` is 'quadratic' or 'identity' (the last repeats). */
export function denseOutputs(widths: readonly number[], acts: readonly string[]): Node[] {
  let a: Node[] = Array.from({ length: widths[0]! }, (_, j) => sym(`x${j + 1}`));
  for (let l = 1; l < widths.length; l++) {
    const act = acts[Math.min(l - 1, acts.length - 1)]!;
    a = Array.from({ length: widths[l]! }, (_, i) => {
      const z = add(...a.map((aj, j) => mul(sym(`w${l}_${i + 1}_${j + 1}`), aj)), sym(`b${l}_${i + 1}`));
      return act === 'quadratic' ? pow(z, 2) : z;
    });
  }
  return a;
}
