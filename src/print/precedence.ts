/**
 * The one precedence table of the printers (text.ts and latex.ts both read it): how tightly
 * each construct binds. A printed operand carries the strength of its outermost construct, and
 * a place that needs at least strength k parenthesises anything weaker. The text syntax and
 * mathjs agree on it: `-x^2` is `-(x^2)` (a power binds tighter than a leading minus), `^` is
 * right-associative, and a call `f(x)` is an atom.
 */

/** `a + b`, `a - b`: the loosest. */
export const SUM = 1;
/** `a*b`, `a/b`, juxtaposition in LaTeX. */
export const PRODUCT = 2;
/** A leading minus `-a`: as tight as a product (`-x*y` is `-(x*y)`, the same value). */
export const NEGATION = PRODUCT;
/** `a^k`. */
export const POWER = 3;
/** Numbers, symbols, calls `f(x)`; in LaTeX also `\frac{}{}` and radicals. */
export const ATOM = 4;

/** Printed text with the strength of its outermost construct. */
export interface Printed {
  readonly s: string;
  readonly prec: number;
}

/** The operand as written in a place that needs strength `min`: grouped by `paren` if weaker. */
export const grouped = (p: Printed, min: number, paren: (s: string) => string): string => (p.prec < min ? paren(p.s) : p.s);
