/**
 * The interchange form of a polynomial: exponent vectors over a named variable list with exact
 * coefficients. It is what the polynomial module's `polyToTerms` returns and what every solver
 * (the Gröbner engines, the Singular bridge) takes, so it lives apart from all of them.
 */
import { PolyInputError } from './errors.js';
import { type Rational } from '../expr/rational.js';

/** One term: exponents in the order of `vars`, an exact coefficient. */
export interface PolyTerm {
  exps: number[];
  coeff: Rational;
}

/** A polynomial as a term list over named variables. */
export interface PolyTerms {
  vars: string[];
  terms: PolyTerm[];
}

export { PolyInputError } from './errors.js';

/**
 * Re-express polynomials over one variable list (by name), validating every term: exponents are
 * non-negative integers, one per variable of the polynomial, each variable among `vars`.
 *
 * @example
 * ```ts
 * toCommonVars([{ vars: ['y'], terms: [{ exps: [2], coeff: Q(1) }] }], ['x', 'y'])[0]![0]!.exps; // [0, 2]
 * ```
 */
export function toCommonVars(polys: readonly PolyTerms[], vars: readonly string[]): PolyTerm[][] {
  const index = new Map(vars.map((v, i) => [v, i]));
  if (index.size !== vars.length) throw new PolyInputError(`repeated variable among ${vars.join(', ')}`);
  return polys.map((p) => {
    const map = p.vars.map((v) => index.get(v));
    return p.terms.map((t) => {
      if (t.exps.length !== p.vars.length) throw new PolyInputError(`a term has ${t.exps.length} exponents for ${p.vars.length} variables`);
      const exps = new Array<number>(vars.length).fill(0);
      t.exps.forEach((e, k) => {
        if (!Number.isSafeInteger(e) || e < 0) throw new PolyInputError(`exponent ${e} is not a non-negative integer`);
        if (e === 0) return;
        const j = map[k];
        if (j === undefined) throw new PolyInputError(`variable '${p.vars[k]}' is not among ${vars.join(', ')}`);
        exps[j]! += e;
      });
      return { exps, coeff: t.coeff };
    });
  });
}
