/**
 * The interchange form of a polynomial: exponent vectors over a named variable list with exact
 * coefficients. It is what the polynomial module's `polyToTerms` returns and what every solver
 * (the Gröbner engines, the Singular bridge) takes, so it lives apart from all of them.
 */
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
