/**
 * The collapsed form of a polynomial network: each output as Σₖ cₖ(θ)·φₖ(x), φₖ monomials in the
 * inputs, cₖ polynomials in the parameters; K features, P parameters, and the generic rank of
 * the Jacobian ∂c/∂θ — the dimension of the set of functions the architecture reaches.
 *
 * The rank is computed exactly at random rational points: rank J(θ₀) ≤ generic rank for every
 * θ₀, with equality outside the zero set of some non-zero minor, so a random point attains it
 * with probability ≈ 1 (Schwartz–Zippel); the maximum over {@link RANK_TRIALS} points is taken.
 */
import { type Rational, ZERO, qadd, qmul, qpowInt } from '../expr/rational.js';
import type { Network } from '../network/build.js';
import { expand } from '../poly/expand.js';
import { coefficients } from '../poly/coefficients.js';
import { type Poly, polyDegree, polyToTerms } from '../poly/poly.js';
import { rankQ } from './linalg.js';
import { randomPoint } from './random.js';

/** Random points at which the Jacobian rank is computed (the maximum is reported). */
export const RANK_TRIALS = 2;

/** One feature: output `output` (0-based) has the term cₖ(θ)·φₖ(x). */
export interface Feature {
  readonly output: number;
  /** φₖ as text (`x1^2*x2`, `1`) */
  readonly monomial: string;
  /** exponents of φₖ, aligned with the inputs */
  readonly exps: readonly number[];
  /** cₖ(θ), a polynomial in the parameters */
  readonly coeff: Poly;
}

export interface Collapse {
  readonly inputs: readonly string[];
  readonly params: readonly string[];
  /** the expanded outputs */
  readonly outputs: readonly Poly[];
  readonly features: readonly Feature[];
  /** K: number of features over all outputs */
  readonly K: number;
  /** P: number of parameters */
  readonly P: number;
  /** generic rank of ∂c/∂θ: the dimension of the reachable function set */
  readonly rank: number;
  /** rank = K: the reachable functions have full dimension in span{φₖ} */
  readonly filling: boolean;
  /** actual degrees of the expansion, in the inputs and in the parameters */
  readonly degree: { readonly inputs: number; readonly params: number };
}

/**
 * Collapse a polynomial network (expansion refuses non-polynomial ones with NotPolynomialError
 * and oversized ones with ExpansionTooLargeError, both up front).
 *
 * @example
 * ```ts
 * const c = collapse(buildNetwork(parseSpec('1-2-1:quadratic,identity')));
 * [c.K, c.P, c.rank, c.filling]; // [3, 7, 3, true]
 * ```
 */
export function collapse(net: Network, seed = 1): Collapse {
  const outputs = net.outputs.map((f) => expand(f));
  const features: Feature[] = [];
  outputs.forEach((p, k) => {
    for (const c of coefficients(p, net.inputs)) features.push({ output: k, monomial: c.monomial, exps: c.exps, coeff: c.coeff });
  });
  const params = [...net.params];
  let rank = 0;
  for (let t = 0; t < RANK_TRIALS && rank < Math.min(features.length, params.length); t++)
    rank = Math.max(rank, rankQ(jacobianAt(features.map((f) => f.coeff), params, randomPoint(params, seed + t))));
  const degree = {
    inputs: Math.max(0, ...outputs.map((p) => polyDegree(p, net.inputs))),
    params: Math.max(0, ...outputs.map((p) => polyDegree(p, params))),
  };
  return { inputs: net.inputs, params, outputs, features, K: features.length, P: params.length, rank, filling: rank === features.length, degree };
}

/**
 * The Jacobian ∂cᵢ/∂θⱼ at a rational point, exactly: each term a·θ^e contributes a·eⱼ·θ^(e − 1ⱼ).
 *
 * @example
 * ```ts
 * jacobianAt([expand(parse('a*b'))], ['a', 'b'], new Map([['a', Q(2)], ['b', Q(3)]])); // [[3, 2]]
 * ```
 */
export function jacobianAt(coeffs: readonly Poly[], params: readonly string[], point: ReadonlyMap<string, Rational>): Rational[][] {
  return coeffs.map((c) => {
    const { vars, terms } = polyToTerms(c);
    const col = params.map((p) => vars.indexOf(p));
    const row: Rational[] = params.map(() => ZERO);
    const values = vars.map((v) => point.get(v) ?? ZERO);
    for (const t of terms) {
      col.forEach((j, pi) => {
        if (j < 0 || t.exps[j] === 0) return;
        let m = qmul(t.coeff, { n: BigInt(t.exps[j]!), d: 1n });
        t.exps.forEach((e, i) => {
          const k = i === j ? e - 1 : e;
          if (k > 0) m = qmul(m, qpowInt(values[i]!, BigInt(k)));
        });
        row[pi] = qadd(row[pi]!, m);
      });
    }
    return row;
  });
}

/** Exact value of a polynomial at a rational point (missing variables are 0). */
export function polyAt(p: Poly, point: ReadonlyMap<string, Rational>): Rational {
  const { vars, terms } = polyToTerms(p);
  const values = vars.map((v) => point.get(v) ?? ZERO);
  let s = ZERO;
  for (const t of terms) {
    let m = t.coeff;
    t.exps.forEach((e, i) => {
      if (e > 0) m = qmul(m, qpowInt(values[i]!, BigInt(e)));
    });
    s = qadd(s, m);
  }
  return s;
}


