import { defineFn } from '../expr/fns.js';
import { add, fn, mul, num } from '../expr/node.js';
import { Q, qmul } from '../expr/rational.js';
import { fnActivation } from './activation.js';

/** The slope for z < 0, exact: 1/100. */
export const LEAKY_SLOPE = Q(1, 100);

export const LEAKY_RELU = defineFn({
  name: 'leaky_relu',
  // leaky'(z) = 1/100 + (99/100)·H(z): 1 for z > 0, 1/100 for z ≤ 0 (H(0) = 0).
  derivative: (z) => add(num(LEAKY_SLOPE), mul(num(Q(99, 100)), fn('heaviside', z))),
  numeric: (x) => (x > 0 ? x : x / 100),
  exact: (q) => (q.n > 0n ? q : qmul(LEAKY_SLOPE, q)),
  latex: (a) => `\\operatorname{LReLU}\\left(${a}\\right)`,
  mathjs: 'max(z, z / 100)',
  kind: 'piecewise',
  // leaky(u) = u for u > 0, u/100 for u ≤ 0
  pieces: { above: (u) => u, atOrBelow: (u) => mul(num(LEAKY_SLOPE), u) },
});

/** Leaky ReLU with slope 1/100: z for z > 0, z/100 for z ≤ 0. */
export const leaky_relu = fnActivation(LEAKY_RELU, {
  title: 'leaky rectified linear unit (slope 1/100)',
  definitionLatex: '\\operatorname{LReLU}(z) = \\max\\left(z, \\tfrac{z}{100}\\right)',
  numericDerivative: (x) => (x > 0 ? 1 : 1 / 100),
  mathjsDerivative: '(z > 0) ? 1 : 1/100',
  structure: { kind: 'piecewise', pieces: 2, degrees: [1, 1], breakpoints: [0] },
});
