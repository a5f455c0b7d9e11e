import { defineFn } from '../expr/fns.js';
import { ZERO_NODE, fn } from '../expr/node.js';
import { ZERO } from '../expr/rational.js';
import { fnActivation } from './activation.js';

export const RELU = defineFn({
  name: 'relu',
  // relu'(z) = H(z), with H(0) = 0 (see heaviside.ts).
  derivative: (z) => fn('heaviside', z),
  numeric: (x) => (x > 0 ? x : 0),
  exact: (q) => (q.n > 0n ? q : ZERO),
  latex: (a) => `\\operatorname{ReLU}\\left(${a}\\right)`,
  mathjs: 'max(z, 0)',
  kind: 'piecewise',
  // relu(u) = u for u > 0, 0 for u ≤ 0
  pieces: { above: (u) => u, atOrBelow: () => ZERO_NODE },
});

/** The rectified linear unit relu(z) = max(z, 0). */
export const relu = fnActivation(RELU, {
  title: 'rectified linear unit',
  definitionLatex: '\\operatorname{ReLU}(z) = \\max(z, 0)',
  numericDerivative: (x) => (x > 0 ? 1 : 0),
  mathjsDerivative: '(z > 0) ? 1 : 0',
  structure: { kind: 'piecewise', pieces: 2, degrees: [0, 1], breakpoints: [0] },
});
