import { defineFn } from '../expr/fns.js';
import { fn, num, pow, sub } from '../expr/node.js';
import { ZERO } from '../expr/rational.js';
import { fnActivation } from './activation.js';

export const TANH = defineFn({
  name: 'tanh',
  // d/dz tanh z = 1 − tanh² z; reuses the node tanh(z).
  derivative: (z) => sub(num(1), pow(fn('tanh', z), 2)),
  numeric: Math.tanh,
  exact: (q) => (q.n === 0n ? ZERO : undefined), // tanh 0 = 0
  latex: (a) => `\\tanh\\left(${a}\\right)`,
  mathjs: 'tanh(z)',
  kind: 'transcendental',
});

/** The hyperbolic tangent. */
export const tanh = fnActivation(TANH, {
  title: 'hyperbolic tangent',
  definitionLatex: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
  numericDerivative: (x) => 1 - Math.tanh(x) ** 2,
  mathjsDerivative: '1 / cosh(z)^2', // sech² z, a different route from 1 − tanh²
  structure: { kind: 'transcendental', reason: 'tanh z = (e^z − e^{−z})/(e^z + e^{−z}) is built from the exponential' },
});
