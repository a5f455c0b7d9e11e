/**
 * The collapsed form of a polynomial network: each output as Σₖ cₖ(θ)·φₖ(x), φₖ monomials in the
 * inputs, cₖ polynomials in the parameters; K features, P parameters, and the generic rank of
 * the Jacobian ∂c/∂θ — the dimension of the set of functions the architecture reaches.
 *
 * The rank is computed exactly at random rational points: rank J(θ₀) ≤ generic rank for every
 * θ₀, with equality outside the zero set of some non-zero minor, so a random point attains it
 * with probability ≈ 1 (Schwartz–Zippel); the maximum over {@link RANK_TRIALS} points is taken.
 */
import { type Rational, ONE, Q, ZERO, qadd, qinv, qmul, qpowInt } from '../expr/rational.js';
import type { Network } from '../network/build.js';
import { num } from '../expr/node.js';
import { substitute } from '../expr/walk.js';
import { grad } from '../diff/reverse.js';
import { expand } from '../poly/expand.js';
import { coefficients } from '../poly/coefficients.js';
import { type Poly, polyDegree, polyToTerms } from '../poly/poly.js';
import { rankQ } from './linalg.js';
import { AnalysisError } from './errors.js';
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
    rank = Math.max(rank, rankQ(jacobianByGradient(net, features, randomPoint(params, seed + t))));
  const degree = {
    inputs: Math.max(0, ...outputs.map((p) => polyDegree(p, net.inputs))),
    params: Math.max(0, ...outputs.map((p) => polyDegree(p, params))),
  };
  return { inputs: net.inputs, params, outputs, features, K: features.length, P: params.length, rank, filling: rank === features.length, degree };
}

/**
 * ∂c/∂θ at a rational point θ₀ without touching the coefficient polynomials: column j holds the
 * x-coefficients of ∂f/∂θⱼ(x; θ₀) (one reverse sweep for all j, θ₀ substituted, then an expansion
 * in x alone, at most K terms). Rows follow `features`; a monomial of ∂f/∂θⱼ that is no feature
 * cannot occur (∂/∂θⱼ of Σ cₖφₖ is Σ ∂cₖ/∂θⱼ φₖ).
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1:quadratic'));
 * jacobianByGradient(net, collapse(net).features, randomPoint(net.params, 1)); // 3 × 2
 * ```
 */
export function jacobianByGradient(net: Network, features: readonly Feature[], point: ReadonlyMap<string, Rational>): Rational[][] {
  const params = [...net.params];
  const row = new Map(features.map((f, i) => [`${f.output}:${f.exps.join(',')}`, i]));
  const J: Rational[][] = features.map(() => params.map(() => ZERO));
  const values = new Map([...point].map(([k, v]) => [k, num(v)]));
  net.outputs.forEach((f, k) => {
    const g = grad(f, params);
    params.forEach((p, j) => {
      const d = g.get(p);
      if (d === undefined) return;
      for (const c of coefficients(expand(substitute(d, values)), net.inputs)) {
        const i = row.get(`${k}:${c.exps.join(',')}`);
        if (i === undefined) throw new AnalysisError(`the features are not this network's: ∂f${k + 1}/∂${p} has the monomial ${c.monomial}, which they lack (pass collapse(net).features)`);
        J[i]![j] = polyAt(c.coeff, new Map());
      }
    });
  });
  return J;
}

/** θᵢ^k at a point, cached per variable (monomials repeat the same small powers). */
function powerTable(values: readonly Rational[]): (i: number, k: number) => Rational {
  const cache = values.map(() => [ONE] as Rational[]);
  return (i, k) => {
    const c = cache[i]!;
    while (c.length <= k) c.push(qmul(c[c.length - 1]!, values[i]!));
    return c[k]!;
  };
}

/**
 * The Jacobian ∂cᵢ/∂θⱼ at a rational point, exactly: each term a·θ^e contributes a·eⱼ·θ^(e − 1ⱼ).
 * When θⱼ ≠ 0 (random points) that is eⱼ·(a·θ^e)/θⱼ, so each term is evaluated once.
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
    const values = vars.map((v) => point.get(v) ?? ZERO);
    const inv = values.map((v) => (v.n === 0n ? undefined : qinv(v)));
    const pw = powerTable(values);
    const row: Rational[] = params.map(() => ZERO);
    for (const t of terms) {
      let mono: Rational | undefined = t.coeff;
      t.exps.forEach((e, i) => {
        if (e > 0 && mono !== undefined) mono = inv[i] === undefined ? undefined : qmul(mono, pw(i, e));
      });
      col.forEach((j, pi) => {
        if (j < 0 || t.exps[j] === 0) return;
        let d: Rational;
        if (mono !== undefined) d = qmul(qmul(mono, inv[j]!), Q(t.exps[j]!));
        else {
          // some coordinate is 0: evaluate the derivative term directly
          d = qmul(t.coeff, Q(t.exps[j]!));
          t.exps.forEach((e, i) => {
            const k = i === j ? e - 1 : e;
            if (k > 0) d = qmul(d, pw(i, k));
          });
        }
        row[pi] = qadd(row[pi]!, d);
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


