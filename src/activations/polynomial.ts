/**
 * Polynomial activations: identity (z), quadratic (z²) and powK (z^K for an integer K ≥ 2).
 * They are not function kinds of the core: σ(z) is the polynomial node itself, so formulas built
 * with them expand exactly.
 */
import { ExprError, ONE_NODE, mul, num, pow } from '../expr/node.js';
import type { Activation } from './activation.js';

/** σ(z) = z: every network of identities collapses to linear regression. */
export const identity: Activation = Object.freeze<Activation>({
  name: 'identity',
  title: 'identity (linear)',
  apply: (z) => z,
  derivative: () => ONE_NODE, // d/dz z = 1
  latex: (a) => a,
  definitionLatex: '\\sigma(z) = z',
  numeric: (x) => x,
  numericDerivative: () => 1,
  mathjs: 'z',
  mathjsDerivative: '1',
  structure: { kind: 'polynomial', degree: 1 },
});

/** σ(z) = z^k for an integer k ≥ 2, named `pow{k}`; `quadratic` is k = 2 under its own name. */
export function powActivation(k: number, name = `pow${k}`): Activation {
  if (!Number.isInteger(k) || k < 2) throw new ExprError(`pow activation needs an integer K ≥ 2, got ${k}`);
  return Object.freeze<Activation>({
    name,
    title: k === 2 ? 'quadratic' : `power z^${k}`,
    apply: (z) => pow(z, k),
    derivative: (z) => mul(num(k), pow(z, k - 1)), // d/dz z^k = k·z^(k−1)
    latex: (a) => `\\left(${a}\\right)^{${k}}`,
    definitionLatex: `\\sigma(z) = z^{${k}}`,
    numeric: (x) => x ** k,
    numericDerivative: (x) => k * x ** (k - 1),
    mathjs: `z^${k}`,
    mathjsDerivative: `${k} * z^${k - 1}`,
    structure: { kind: 'polynomial', degree: k },
  });
}

/** σ(z) = z², the activation of seed 000. */
export const quadratic = powActivation(2, 'quadratic');
