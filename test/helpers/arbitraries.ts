/**
 * Reusable fast-check arbitraries for the expression core: random expression trees over a few
 * symbols with sums, products, differences, quotients, rational constants, integer and fractional
 * powers and the registered functions, plus random points where they are defined.
 *
 * Domains: every generated expression is real and finite at points whose symbols lie in
 * [1/4, 2]. To keep it so, the generator has two sorts:
 *  - `pos` expressions are > 0 on that box (positive constants, symbols, π, sums and products
 *    of positives, any power of a positive, exp, sigmoid, softplus, arctan_sigmoid);
 *  - `any` expressions may have either sign; fractional and negative powers and `log` are
 *    applied to `pos` expressions only, so no branch cut and no division by zero is ever hit.
 */
import fc from 'fast-check';
import '../../src/index.js';
import { type Node, add, fn, mul, neg, num, pow, sub, sym } from '../../src/expr/node.js';
import { PI } from '../../src/expr/elementary.js';
import { type Rational, Q } from '../../src/expr/rational.js';

/** The default symbols: a plain name, a second one and an indexed weight name. */
export const SYMBOLS = ['x', 'y', 'w1_2_3'] as const;

/** Functions that keep a positive value everywhere. */
export const POSITIVE_FNS = ['exp', 'sigmoid', 'softplus', 'arctan_sigmoid'] as const;
/** Every registered function except log (which is applied to positive arguments only). */
export const ALL_FNS = ['exp', 'atan', 'tanh', 'relu', 'leaky_relu', 'heaviside', 'sigmoid', 'softplus', 'arctan_sigmoid'] as const;
/** Functions nerdamer-prime knows under the same name and meaning. */
export const NERDAMER_FNS = ['exp', 'atan', 'tanh'] as const;

export interface ExprOptions {
  readonly symbols?: readonly string[];
  /** functions for `any` expressions (default {@link ALL_FNS}) */
  readonly fns?: readonly string[];
  /** functions for `pos` expressions (default {@link POSITIVE_FNS}; must be positive-valued) */
  readonly positiveFns?: readonly string[];
  /** allow log of positive expressions (default true) */
  readonly log?: boolean;
  /** allow π as a leaf (default true) */
  readonly pi?: boolean;
  /** fractional exponents to draw from (default ±1/2, 3/2, −3/2, 1/3, 2/3) */
  readonly fracExponents?: readonly Rational[];
  /** denominators of rational constants (default 1, 2, 3, 4) */
  readonly denominators?: readonly number[];
  /** allow functions of a constant, such as exp(1) (default true) */
  readonly constantArgs?: boolean;
  /** maximal nesting depth (default 4) */
  readonly maxDepth?: number;
}

/** A small rational p/q with min ≤ p ≤ max and q among the denominators. */
export const smallRational = (min = -6, max = 6, denominators: readonly number[] = [1, 2, 3, 4]): fc.Arbitrary<Rational> =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom(...denominators)).map(([p, q]) => Q(p, q));
const intExponent = fc.constantFrom(2, 3, -1, -2).map((k) => Q(k));
const FRAC_EXPONENTS = [Q(1, 2), Q(-1, 2), Q(3, 2), Q(1, 3), Q(2, 3), Q(-3, 2)];
/**
 * Exponents for the nerdamer oracle: nerdamer-prime 1.5 differentiates square roots wrongly
 * (d/dx e^√x comes out as ½·e^√(½x^(−1/2))·x^(−1/2); √ factors in products are corrupted
 * likewise, and so is e^(−1/2) = 1/√e as a constant factor; d/dy x²/(e + e^y) comes out as
 * −(e + e^y)^(y−2)·x²), so its cross-check draws no exponent and no constant with denominator
 * 2 or 4, and no function of a constant.
 */
export const NERDAMER_EXPONENTS = [Q(1, 3), Q(2, 3), Q(-1, 3), Q(4, 3), Q(-2, 3)];

/** Random expressions; `any` may have either sign, `pos` is positive on [1/4, 2]^n. */
export function exprArbs(opts: ExprOptions = {}): { any: fc.Arbitrary<Node>; pos: fc.Arbitrary<Node> } {
  const symbols = opts.symbols ?? SYMBOLS;
  const fns = opts.fns ?? ALL_FNS;
  const posFns = opts.positiveFns ?? POSITIVE_FNS;
  const depth = { maxDepth: opts.maxDepth ?? 4, depthIdentifier: 'expr', depthSize: 'small' as const };
  const fracExponent = fc.constantFrom(...(opts.fracExponents ?? FRAC_EXPONENTS));
  const dens = opts.denominators ?? [1, 2, 3, 4];
  const positiveRational = smallRational(1, 6, dens);
  const arg = (a: fc.Arbitrary<Node>): fc.Arbitrary<Node> => (opts.constantArgs === false ? a.filter((n) => n.kind !== 'num') : a);
  const symLeaf = fc.constantFrom(...symbols).map((s) => sym(s));
  const posLeaf = fc.oneof(
    { weight: 3, arbitrary: symLeaf },
    { weight: 2, arbitrary: positiveRational.map((q) => num(q)) },
    ...(opts.pi === false ? [] : [{ weight: 1, arbitrary: fc.constant(PI as Node) }]),
  );
  const anyLeaf = fc.oneof({ weight: 3, arbitrary: symLeaf }, { weight: 2, arbitrary: smallRational(-6, 6, dens).map((q) => num(q)) });
  return fc.letrec<{ any: Node; pos: Node }>((tie) => ({
    pos: fc.oneof(
      depth,
      posLeaf,
      fc.tuple(tie('pos'), tie('pos')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('pos'), tie('pos')).map(([a, b]) => mul(a, b)),
      fc.tuple(tie('pos'), fc.oneof(intExponent, fracExponent)).map(([a, e]) => pow(a, e)),
      fc.tuple(fc.constantFrom(...posFns), arg(tie('any'))).map(([f, a]) => fn(f, a)),
    ),
    any: fc.oneof(
      depth,
      anyLeaf,
      fc.tuple(tie('any'), tie('any')).map(([a, b]) => add(a, b)),
      fc.tuple(tie('any'), tie('any')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('any'), tie('any')).map(([a, b]) => mul(a, b)),
      fc.tuple(smallRational(-6, 6, dens), tie('any')).map(([k, a]) => mul(num(k), a)),
      fc.tuple(tie('any'), tie('pos')).map(([a, b]) => mul(a, pow(b, -1))),
      tie('any').map((a) => neg(a)),
      fc.tuple(tie('any'), fc.constantFrom(2, 3)).map(([a, k]) => pow(a, k)),
      fc.tuple(tie('pos'), fc.oneof(intExponent, fracExponent)).map(([a, e]) => pow(a, e)),
      fc.tuple(fc.constantFrom(...fns), arg(tie('any'))).map(([f, a]) => fn(f, a)),
      ...(opts.log === false ? [] : [arg(tie('pos')).map((a) => fn('log', a))]),
    ),
  }));
}

/** Random expressions of either sign (see {@link exprArbs}). */
export const exprArb = (opts: ExprOptions = {}): fc.Arbitrary<Node> => exprArbs(opts).any;

/** A point giving each symbol a double in [1/4, 2]. */
export const pointArb = (symbols: readonly string[] = SYMBOLS): fc.Arbitrary<Record<string, number>> =>
  fc.record(Object.fromEntries(symbols.map((s) => [s, fc.double({ min: 0.25, max: 2, noNaN: true })])));

/** A point giving each symbol a rational k/4 in [1/4, 2] (for exact evaluation). */
export const rationalPointArb = (symbols: readonly string[] = SYMBOLS): fc.Arbitrary<Record<string, Rational>> =>
  fc.record(Object.fromEntries(symbols.map((s) => [s, fc.integer({ min: 1, max: 8 }).map((k) => Q(k, 4))])));

/** |a − b| ≤ tol·max(1, |a|, |b|). */
export function close(a: number, b: number, tol = 1e-9): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Number of runs for the property tests (the issue asks for ≥ 200 random expressions each). */
export const RUNS = 300;
