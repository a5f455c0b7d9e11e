import { defineFn } from '../expr/fns.js';
import { fn } from '../expr/node.js';
import { fnActivation } from './activation.js';

const sp = (x: number): number => (x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

export const SOFTPLUS = defineFn({
  name: 'softplus',
  // d/dz log(1 + e^z) = e^z/(1 + e^z) = σ(z).
  derivative: (z) => fn('sigmoid', z),
  numeric: sp,
  exact: () => undefined, // softplus(q) is a logarithm, irrational for every rational q
  latex: (a) => `\\operatorname{softplus}\\left(${a}\\right)`,
  // log(1 + e^z) = max(z, 0) + log(1 + e^{−|z|}): no overflow for large z.
  mathjs: 'max(z, 0) + log(1 + exp(-abs(z)))',
  kind: 'transcendental',
});

/** softplus(z) = log(1 + e^z), a smooth ReLU. */
export const softplus = fnActivation(SOFTPLUS, {
  title: 'softplus',
  definitionLatex: '\\operatorname{softplus}(z) = \\log\\left(1 + e^{z}\\right)',
  numericDerivative: (x) => 1 / (1 + Math.exp(-x)),
  mathjsDerivative: '1 / (1 + exp(-z))', // e^z/(1 + e^z), written so that large z gives 1, not ∞/∞
  structure: { kind: 'transcendental', reason: 'softplus(z) = log(1 + e^z) is built from log and exp' },
});
