/**
 * The one precedence table (src/print/precedence.ts), read by both printers: on random
 * expressions the text and the LaTeX put their grouping parentheses in the same places, and the
 * text parses back to the very same interned node.
 *
 * Oracles: each printer against the other (they share the table but walk the nodes separately:
 * the LaTeX printer's fractions, radicals and superscript rules are its own), and the parser
 * (its own precedence climbing, independent of the table) for the round trip. The expressions
 * avoid the constructs where the two notations rightly differ: negative and fractional powers
 * (`1/(x + 1)` against `\frac{1}{x + 1}`, `x^(1/2)` against `\sqrt{x}`), names and functions
 * whose LaTeX carries a superscript (`(w^{(1)}_{1,1})^{2}`, `(e^{x})^{2}`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Node, add, fn, mul, neg, num, parse, pow, sub, sym, toLatex, toText } from '../../src/index.js';
import { RUNS, smallRational } from '../helpers/arbitraries.js';

/** Functions whose LaTeX is a call `\name\left(…\right)` with no superscript. */
const CALLS = ['tanh', 'sigmoid', 'relu', 'atan'] as const;

const exprs = fc.letrec<{ e: Node }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    { weight: 3, arbitrary: fc.constantFrom('x', 'y', 'z').map((s) => sym(s)) },
    { weight: 2, arbitrary: smallRational(-6, 6).map((q) => num(q)) },
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => sub(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
    tie('e').map((a) => neg(a)),
    fc.tuple(tie('e'), fc.constantFrom(2, 3)).map(([a, k]) => pow(a, k)),
    fc.tuple(fc.constantFrom(...CALLS), tie('e')).map(([f, a]) => fn(f, a)),
  ),
})).e;

/** Text grouping parentheses: a `(` not opening a call (a call's `(` follows its name). */
const textGroups = (s: string): number => [...s.matchAll(/(^|[^A-Za-z0-9_])\(/g)].length;
/** LaTeX grouping: a `\left(` not following a function's name (`\tanh`, `\operatorname{ReLU}`). */
const latexGroups = (s: string): number => [...s.matchAll(/(^|[^A-Za-z}])\\left\(/g)].length;
/** Calls, in either notation. */
const textCalls = (s: string): number => [...s.matchAll(/[A-Za-z0-9_]\(/g)].length;
const latexCalls = (s: string): number => [...s.matchAll(/[A-Za-z}]\\left\(/g)].length;

describe('one precedence table for the text and LaTeX printers', () => {
  it('text and LaTeX group the same operands, and the text parses back to the same node', () => {
    fc.assert(
      fc.property(exprs, (e) => {
        const t = toText(e);
        const l = toLatex(e);
        expect(textGroups(t), `${t}  vs  ${l}`).toBe(latexGroups(l));
        expect(textCalls(t), `${t}  vs  ${l}`).toBe(latexCalls(l));
        expect(parse(t)).toBe(e);
      }),
      { numRuns: RUNS },
    );
  });

  it('the table as the syntax reads it (pinned: each place where one strength meets another)', () => {
    const x = sym('x');
    const y = sym('y');
    const s = add(x, y);
    // a power binds tighter than a leading minus, a product tighter than a sum
    const cases: [Node, string, string][] = [
      [neg(pow(x, 2)), '-x^2', '-x^{2}'],
      [pow(s, 2), '(x + y)^2', '\\left(x + y\\right)^{2}'],
      [neg(s), '-(x + y)', '-\\left(x + y\\right)'],
      [mul(num(-1), fn('tanh', s), s), '-tanh(x + y)*(x + y)', '-\\tanh\\left(x + y\\right) \\left(x + y\\right)'],
      [mul(x, s), 'x*(x + y)', 'x \\left(x + y\\right)'],
      [pow(fn('relu', x), 3), 'relu(x)^3', '\\operatorname{ReLU}\\left(x\\right)^{3}'],
    ];
    for (const [e, text, latex] of cases) {
      expect(toText(e)).toBe(text);
      expect(toLatex(e)).toBe(latex);
      expect(parse(text)).toBe(e);
    }
  });
});
