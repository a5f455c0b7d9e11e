/**
 * The symbols of a network spec as matrices, by the project's naming convention (DESIGN.md):
 * `w{l}_{i}_{j}` into neuron i of layer l from neuron j of layer l−1, `b{l}_{i}`, inputs `x{j}`,
 * targets `y{k}`, all 1-based. Matrices here are in the `layer` layout (Wˡ is n_l × n_{l−1}).
 */
import { type Node, sym } from '../expr/node.js';
import { biasName, inputName, targetName, weightName } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';

/**
 * Wˡ as a matrix of symbols, n_l × n_{l−1}.
 *
 * @example
 * ```ts
 * weightMatrix([1, 2, 1], 2).map((r) => r.map(String)); // [['w2_1_1', 'w2_1_2']]
 * ```
 */
export function weightMatrix(widths: readonly number[], l: number): Node[][] {
  return Array.from({ length: widths[l]! }, (_, i) => Array.from({ length: widths[l - 1]! }, (_, j) => sym(weightName(l, i + 1, j + 1))));
}

/**
 * bˡ as a column of symbols (n_l × 1).
 *
 * @example
 * ```ts
 * biasColumn([1, 2, 1], 1).map((r) => r.map(String)); // [['b1_1'], ['b1_2']]
 * ```
 */
export function biasColumn(widths: readonly number[], l: number): Node[][] {
  return Array.from({ length: widths[l]! }, (_, i) => [sym(biasName(l, i + 1))]);
}

/** The inputs as a column x = (x1, …, x_{n0})ᵀ. */
export const inputColumn = (n0: number): Node[][] => Array.from({ length: n0 }, (_, j) => [sym(inputName(j + 1))]);

/** Input names x1…x_{n0}. */
export const inputNames = (spec: NetworkSpec): string[] => Array.from({ length: spec.widths[0]! }, (_, j) => inputName(j + 1));

/** Target names y1…y_{nL}. */
export const targetNames = (spec: NetworkSpec): string[] => Array.from({ length: spec.widths.at(-1)! }, (_, k) => targetName(k + 1));
