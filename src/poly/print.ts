/**
 * Printing polynomials: text (readable by `parse` and by mathjs), LaTeX, and back to a core node.
 * Terms in graded reverse lexicographic order, largest first; variables in the natural order of
 * names; a coefficient ±1 is left out, a fraction is written `p/q*x` in text and `\frac{p}{q} x`
 * in LaTeX.
 *
 * @example
 * ```ts
 * import { expand, parse, polyToText, polyToLatex } from 'closedform';
 * polyToText(expand(parse('(x - y/2)^2')));  // 'x^2 - x*y + 1/4*y^2'
 * polyToLatex(expand(parse('(x1 + 1)^2')));  // 'x_{1}^{2} + 2 x_{1} + 1'
 * ```
 */
import { type Node, add, mul, num, pow, sym } from '../expr/node.js';
import { type Rational, qabs, qtoString } from '../expr/rational.js';
import { symbolLatex } from '../print/latex.js';
import { type Poly, sortedTerms } from './poly.js';

type Term = { exps: readonly number[]; coeff: Rational };

/** Text of one monomial (`x1^2*w1_1_1`), `1` for the empty monomial. */
export function monomialText(vars: readonly string[], exps: readonly number[]): string {
  const parts: string[] = [];
  exps.forEach((e, i) => {
    if (e > 0) parts.push(e === 1 ? vars[i]! : `${vars[i]}^${e}`);
  });
  return parts.length ? parts.join('*') : '1';
}

/** LaTeX of one monomial (`x_{1}^{2} w^{(1)}_{1,1}`), `1` for the empty monomial. */
export function monomialLatex(vars: readonly string[], exps: readonly number[]): string {
  const parts: string[] = [];
  exps.forEach((e, i) => {
    if (e === 0) return;
    const base = symbolLatex(vars[i]!);
    // A name that already carries a superscript (w^{(1)}_{2,1}) is parenthesised, as the core printer does.
    parts.push(e === 1 ? base : base.includes('^') ? `\\left(${base}\\right)^{${e}}` : `${base}^{${e}}`);
  });
  return parts.length ? parts.join(' ') : '1';
}

/** Text of a list of terms over `vars`, in the order given. */
export function termsToText(vars: readonly string[], terms: readonly Term[]): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const m = monomialText(vars, t.exps);
      const a = qabs(t.coeff);
      const sign = t.coeff.n < 0n ? (i === 0 ? '-' : ' - ') : i === 0 ? '' : ' + ';
      const body = m === '1' ? qtoString(a) : a.n === 1n && a.d === 1n ? m : `${qtoString(a)}*${m}`;
      return sign + body;
    })
    .join('');
}

/** LaTeX of a list of terms over `vars`, in the order given. */
export function termsToLatex(vars: readonly string[], terms: readonly Term[]): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const m = monomialLatex(vars, t.exps);
      const a = qabs(t.coeff);
      const sign = t.coeff.n < 0n ? (i === 0 ? '-' : ' - ') : i === 0 ? '' : ' + ';
      const c = a.d === 1n ? a.n.toString() : `\\frac{${a.n}}{${a.d}}`;
      const body = m === '1' ? c : a.n === 1n && a.d === 1n ? m : `${c} ${m}`;
      return sign + body;
    })
    .join('');
}

/**
 * The text of a polynomial in pieces of at most `termsPerChunk` terms, which concatenate to
 * {@link polyToText}: for output too large to hold as one string (a 2-million-term expansion is
 * ~200 MB of text), written piece by piece.
 *
 * @example
 * ```ts
 * [...polyTextChunks(expand(parse('(x - 1)^3')), 2)]; // ['x^3 - 3*x^2', ' + 3*x - 1']
 * ```
 */
export function* polyTextChunks(p: Poly, termsPerChunk = 10_000): Generator<string> {
  const vars = p.layout.vars;
  const terms = sortedTerms(p);
  if (terms.length === 0) yield '0';
  for (let i = 0; i < terms.length; i += termsPerChunk) {
    const text = termsToText(vars, terms.slice(i, i + termsPerChunk));
    // a later piece continues the sum: its first term carries the separator (' + ' or ' - ')
    yield i === 0 ? text : text.startsWith('-') ? ` - ${text.slice(1)}` : ` + ${text}`;
  }
}

/** Text of a polynomial, e.g. `x^2 - 2*x*y + y^2`. */
export const polyToText = (p: Poly): string => termsToText(p.layout.vars, sortedTerms(p));

/** LaTeX of a polynomial. */
export const polyToLatex = (p: Poly): string => termsToLatex(p.layout.vars, sortedTerms(p));

/**
 * The polynomial as a core node (a sum of coefficient·monomial products; the core's structural
 * order applies). `expand(toNode(p))` equals p.
 *
 * @example
 * ```ts
 * toText(polyToNode(expand(parse('(x + 1)^2')))); // 'x^2 + 2*x + 1'
 * ```
 */
export function polyToNode(p: Poly): Node {
  const vars = p.layout.vars.map((v) => sym(v));
  return add(...sortedTerms(p).map((t) => mul(num(t.coeff), ...t.exps.flatMap((e, i) => (e > 0 ? [pow(vars[i]!, e)] : [])))));
}
