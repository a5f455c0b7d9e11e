/**
 * A polynomial grouped by monomials in chosen variables: p = Σ_m c_m(other variables) · m, the
 * way a network output is a polynomial in its inputs x whose coefficients are polynomials in the
 * weights.
 *
 * @example
 * ```ts
 * import { expand, parse, coefficients, polyToText } from 'closedform';
 * const c = coefficients(expand(parse('(a*x + b)^2')), ['x']);
 * c.map((t) => `${t.monomial}: ${polyToText(t.coeff)}`); // ['x^2: a^2', 'x: 2*a*b', '1: b^2']
 * ```
 */
import { type Rational } from '../expr/rational.js';
import { grevlexDesc } from './monomial.js';
import { type Poly, polyDegree, polyFromTerms, sortedTerms } from './poly.js';
import { monomialText } from './print.js';

export interface Coefficient {
  /** The monomial in the chosen variables, as text (`x1^2*x2`, `1`). */
  readonly monomial: string;
  /** Its exponents, aligned with the chosen variables. */
  readonly exps: readonly number[];
  /** The coefficient: a polynomial in the other variables. */
  readonly coeff: Poly;
}

/**
 * Group p by monomials in `vars` (listed in graded reverse lexicographic order of those
 * monomials, largest first). Variables of `vars` that p lacks simply have exponent 0.
 */
export function coefficients(p: Poly, vars: readonly string[]): Coefficient[] {
  const all = p.layout.vars;
  const chosen = vars.map((v) => all.indexOf(v));
  const isChosen = new Set(chosen.filter((i) => i >= 0));
  const rest = all.filter((_, i) => !isChosen.has(i));
  const restIdx = all.map((_, i) => i).filter((i) => !isChosen.has(i));
  const groups = new Map<string, { exps: number[]; terms: { exps: number[]; coeff: Rational }[] }>();
  for (const t of sortedTerms(p)) {
    const exps = chosen.map((i) => (i < 0 ? 0 : t.exps[i]!));
    const key = exps.join(',');
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { exps, terms: [] }));
    g.terms.push({ exps: restIdx.map((i) => t.exps[i]!), coeff: t.coeff });
  }
  return [...groups.values()]
    .sort((a, b) => grevlexDesc(a.exps, b.exps))
    .map((g) => ({ monomial: monomialText(vars, g.exps), exps: g.exps, coeff: polyFromTerms(rest, g.terms) }));
}

/**
 * Degree of p in the variables `vars` together (total degree of the monomials in them);
 * −Infinity for p = 0. `degreeIn(expand(parse('x^2*y + y^3')), ['x']) === 2`.
 */
export const degreeIn = (p: Poly, vars: readonly string[]): number => polyDegree(p, vars);
