import { defineFn } from '../expr/fns.js';
import { fn, mul, num, sub } from '../expr/node.js';
import { Q } from '../expr/rational.js';
import { fnActivation } from './activation.js';

const s = (x: number): number => 1 / (1 + Math.exp(-x));

export const SIGMOID = defineFn({
  name: 'sigmoid',
  // σ'(z) = σ(z)·(1 − σ(z)); reuses the node σ(z) of the forward formula.
  derivative: (z) => {
    const sz = fn('sigmoid', z);
    return mul(sz, sub(num(1), sz));
  },
  numeric: s,
  exact: (q) => (q.n === 0n ? Q(1, 2) : undefined), // σ(0) = 1/2
  latex: (a) => `\\sigma\\left(${a}\\right)`,
  mathjs: '1 / (1 + exp(-z))',
  kind: 'transcendental',
});

/** The logistic sigmoid σ(z) = 1/(1 + e^{−z}). */
export const sigmoid = fnActivation(SIGMOID, {
  title: 'logistic sigmoid',
  definitionLatex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
  numericDerivative: (x) => s(x) * (1 - s(x)),
  // e^{−z}/(1 + e^{−z})² = 1/(e^{z/2} + e^{−z/2})²; this form overflows to 0, never to ∞/∞ = NaN.
  mathjsDerivative: '1 / (exp(z / 2) + exp(-z / 2))^2',
  structure: { kind: 'transcendental', reason: 'σ(z) = 1/(1 + e^{−z}) is built from the exponential' },
});
