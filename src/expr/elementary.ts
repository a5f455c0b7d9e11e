/**
 * Elementary functions of the core and the named constant π. Activations live in
 * `src/activations/`, one file each; these are the functions they are built from.
 */
import { defineFn } from './fns.js';
import { add, div, fn, num, pow, sym, type Node } from './node.js';
import { ONE, ZERO, qisZero, qisOne } from './rational.js';

/** π as a named constant symbol: numeric value Math.PI, derivative 0, not a free variable. */
export const PI = sym('pi');
/** Named constants and their double values; the only symbols with a fixed value. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI]]);

/** The registry rules of exp, log (natural) and arctan. */
export const EXP = defineFn({
  name: 'exp',
  derivative: (u) => fn('exp', u), // d/du e^u = e^u
  numeric: Math.exp,
  exact: (q) => (qisZero(q) ? ONE : undefined),
  latex: (a) => `e^{${a}}`,
  mathjs: 'exp(z)',
  kind: 'transcendental',
});

export const LOG = defineFn({
  name: 'log',
  derivative: (u) => pow(u, -1), // d/du log u = 1/u
  numeric: Math.log,
  exact: (q) => (qisOne(q) ? ZERO : undefined),
  latex: (a) => `\\log\\left(${a}\\right)`,
  mathjs: 'log(z)',
  kind: 'transcendental',
});

export const ATAN = defineFn({
  name: 'atan',
  derivative: (u) => div(num(1), add(num(1), pow(u, 2))), // d/du arctan u = 1/(1 + u²)
  numeric: Math.atan,
  exact: (q) => (qisZero(q) ? ZERO : undefined),
  latex: (a) => `\\arctan\\left(${a}\\right)`,
  mathjs: 'atan(z)',
  kind: 'transcendental',
});

/**
 * exp(u), log(u), atan(u) and √u = u^(1/2) as nodes.
 *
 * @example
 * ```ts
 * import { exp, sqrt, sym, toText } from 'closedform';
 * toText(exp(sqrt(sym('x')))); // 'exp(x^(1/2))'
 * ```
 */
export const exp = (u: Node): Node => fn('exp', u);
export const log = (u: Node): Node => fn('log', u);
export const atan = (u: Node): Node => fn('atan', u);
export const sqrt = (u: Node): Node => pow(u, { n: 1n, d: 2n });
