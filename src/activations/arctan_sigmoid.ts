import { defineFn } from '../expr/fns.js';
import { add, mul, num, pow } from '../expr/node.js';
import { PI } from '../expr/elementary.js';
import { Q } from '../expr/rational.js';
import { fnActivation } from './activation.js';

export const ARCTAN_SIGMOID = defineFn({
  name: 'arctan_sigmoid',
  // d/dz (arctan(z)/π + 1/2) = 1/(π·(1 + z²)) — seed 002's d_sigma.
  derivative: (z) => mul(pow(PI, -1), pow(add(num(1), pow(z, 2)), -1)),
  numeric: (x) => Math.atan(x) / Math.PI + 0.5,
  exact: (q) => (q.n === 0n ? Q(1, 2) : undefined),
  latex: (a) => `\\sigma_{\\arctan}\\left(${a}\\right)`,
  mathjs: 'atan(z) / pi + 1/2',
  kind: 'transcendental',
});

/** The arctan sigmoid of seed 002: arctan(z)/π + 1/2, with range (0, 1). */
export const arctan_sigmoid = fnActivation(ARCTAN_SIGMOID, {
  title: 'arctan sigmoid',
  definitionLatex: '\\sigma_{\\arctan}(z) = \\frac{\\arctan z}{\\pi} + \\frac{1}{2}',
  numericDerivative: (x) => 1 / (Math.PI * (1 + x * x)),
  mathjsDerivative: '1 / (pi * (1 + z^2))',
  structure: { kind: 'transcendental', reason: 'arctan is not algebraic' },
});
