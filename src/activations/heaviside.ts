import { defineFn } from '../expr/fns.js';
import { ONE_NODE, ZERO_NODE } from '../expr/node.js';
import { ONE, ZERO } from '../expr/rational.js';
import { fnActivation } from './activation.js';

/**
 * The value at the jump is a convention stated once for the whole project: H(0) = 0. Hence
 * relu'(0) = H(0) = 0 (as in PyTorch) and leaky_relu'(0) = 1/100.
 */
export const HEAVISIDE_AT_ZERO = 0;

export const HEAVISIDE = defineFn({
  name: 'heaviside',
  // H'(z) = 0 for z ≠ 0; the Dirac mass at 0 is not a function and is dropped (almost-everywhere derivative).
  derivative: () => ZERO_NODE,
  numeric: (x) => (x > 0 ? 1 : x === 0 ? HEAVISIDE_AT_ZERO : 0),
  exact: (q) => (q.n > 0n ? ONE : ZERO),
  latex: (a) => `H\\left(${a}\\right)`,
  mathjs: '(z > 0) ? 1 : 0',
  kind: 'piecewise',
  // H(u) = 1 for u > 0, 0 for u ≤ 0 (H(0) = 0)
  pieces: { above: () => ONE_NODE, atOrBelow: () => ZERO_NODE },
});

/** The Heaviside step H(z) = 1 for z > 0, 0 for z ≤ 0. */
export const heaviside = fnActivation(HEAVISIDE, {
  title: 'Heaviside step',
  definitionLatex: 'H(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}',
  numericDerivative: () => 0,
  mathjsDerivative: '0',
  structure: { kind: 'piecewise', pieces: 2, degrees: [0, 0], breakpoints: [0] },
});
