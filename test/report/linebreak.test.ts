/**
 * Line breaking: the lines, joined, are the formula (only the line markers `\right.`, `\left.`,
 * `{}` and `\cdot` added); each line is balanced (KaTeX parses the aligned block); formulas of
 * real networks fit the budget.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  LINE_WIDTH_BUDGET,
  type Node,
  add,
  breakLines,
  buildNetwork,
  displayLatex,
  fillTerms,
  fn,
  gradientEquations,
  latexWidth,
  mul,
  num,
  parse,
  parseSpec,
  pow,
  splitFraction,
  sym,
  toLatex,
} from '../../src/index.js';
import { exprArb } from '../helpers/arbitraries.js';

/** The formula without line markers and spaces: what a reader sees, modulo layout. */
const content = (s: string): string => s.replace(/\\left\.|\\right\.|\{\}|\\cdot|\s+/g, '');

/** The symbols of a formula as a sorted list, ignoring grouping, order and the digit 1. */
const tokens = (s: string): string[] => [...content(s).replace(/\\(?:left|right)/g, '').replace(/[{}()1]/g, '')].sort();

/** Sums, products, integer powers and activations of symbols and integers: no denominator anywhere. */
const fractionFreeArb: fc.Arbitrary<Node> = fc.letrec<{ e: Node }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'ff', depthSize: 'small' },
    fc.constantFrom('x1', 'x2', 'w1_1_1', 'w2_1_2', 'b1_1', 'y1').map((n) => sym(n)),
    fc.integer({ min: -5, max: 5 }).map((k) => num(k)),
    fc.array(tie('e'), { minLength: 2, maxLength: 5 }).map((xs) => add(...xs)),
    fc.array(tie('e'), { minLength: 2, maxLength: 4 }).map((xs) => mul(...xs)),
    fc.tuple(tie('e'), fc.constantFrom(2, 3)).map(([a, k]) => pow(a, k)),
    fc.tuple(fc.constantFrom('sigmoid', 'tanh', 'relu', 'arctan_sigmoid'), tie('e')).map(([f, a]) => fn(f, a)),
  ),
})).e;

const renders = (lines: string[]): void => {
  katex.renderToString(displayLatex([{ lhs: 'E', rhs: lines }]), { displayMode: true, throwOnError: true });
};

describe('latexWidth', () => {
  it.each([
    ['x', 1],
    ['x + y', 4],
    ['x^{2}', 1.7],
    ['\\frac{a + b}{c}', 4],
    ['\\left(x\\right)', 2.2],
    ['\\left. x \\right.', 1],
    ['\\sigma\\left(z\\right)', 3.2],
    ['\\mathit{ab}', 2],
  ])('%s is %d glyphs wide', (s, w) => expect(latexWidth(s)).toBeCloseTo(w, 9));
});

describe('breakLines', () => {
  it('keeps a formula that fits on one line', () => {
    expect(breakLines(parse('x1 + x2'))).toEqual(['x_{1} + x_{2}']);
  });

  it('breaks a long sum between its terms, signs leading the continuation lines', () => {
    const e = parse('x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 - x10');
    const lines = breakLines(e, 20);
    // x_{k} is 1.7 glyphs, an operator with its spaces 2: five terms are 16.5, a sixth would pass 20.
    expect(lines).toEqual(['x_{1} + x_{2} + x_{3} + x_{4} + x_{5}', '+ x_{6} + x_{7} + x_{8} + x_{9} - x_{10}']);
  });

  it('breaks inside the parentheses of a power and keeps them balanced on every line', () => {
    const e = parse('(w1*x1 + w2*x2 + w3*x3 + w4*x4 + w5*x5 + w6*x6 + w7*x7 + w8*x8)^2');
    const lines = breakLines(e, 30);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^\\left\(/);
    expect(lines.at(-1)).toMatch(/\\right\)\^\{2\}$/);
    renders(lines);
    expect(content(lines.join(' '))).toBe(content(toLatex(e)));
  });

  it('breaks inside an activation', () => {
    const e = parse('sigmoid(w1*x1 + w2*x2 + w3*x3 + w4*x4 + w5*x5 + w6*x6 + w7*x7 + w8*x8)');
    const lines = breakLines(e, 30);
    expect(lines.length).toBeGreaterThan(1);
    renders(lines);
    expect(content(lines.join(' '))).toBe(content(toLatex(e)));
  });

  it('property: without fractions, the lines are exactly the formula, each renders', () => {
    fc.assert(
      fc.property(fractionFreeArb, fc.integer({ min: 16, max: 60 }), (e: Node, budget: number) => {
        const lines = breakLines(e, budget);
        expect(content(lines.join(' '))).toBe(content(toLatex(e)));
        renders(lines);
      }),
      { numRuns: 400 },
    );
  });

  it('property: any expression breaks into lines that render and keep every symbol', () => {
    fc.assert(
      fc.property(exprArb({ maxDepth: 6 }), fc.integer({ min: 16, max: 60 }), (e: Node, budget: number) => {
        const lines = breakLines(e, budget);
        // A product with a denominator may be regrouped as \frac{k}{D}·N (a 1 can appear as the numerator).
        expect(tokens(lines.join(' '))).toEqual(tokens(toLatex(e)));
        renders(lines);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    // found by the property below: a rational coefficient k/d must keep its denominator
    ['4*(x + softplus(w1_2_3))/3', 16, ['\\frac{4}{3} \\left(x \\right.', '\\left. {} + \\operatorname{softplus}\\left(w^{(1)}_{2,3}\\right)\\right)']],
    [
      '-(x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8)/(2*y)',
      20,
      ['-\\frac{1}{2 y} \\left(x_{1} + x_{2} + x_{3} + x_{4} \\right.', '\\left. {} + x_{5} + x_{6} + x_{7} \\right.', '\\left. {} + x_{8}\\right)'],
    ],
  ])('breaks the numerator of %s after its fraction', (text, budget, expected) => {
    const lines = breakLines(parse(text), budget);
    expect(lines).toEqual(expected);
    renders(lines);
  });

  it('fills printed terms into lines, signs leading', () => {
    expect(fillTerms(['a x^{2}', 'b x', 'c'], 8)).toEqual(['a x^{2} + b x', '+ c']);
    expect(fillTerms(['a', '-b', 'c'], 60)).toEqual(['a - b + c']);
    renders(fillTerms(['a x^{2}', '-b x', 'c', 'd', 'e'], 6));
  });

  it('regroups a fraction as (k/D)·N, the same node', () => {
    const e = parse('3*x*(y + 1)/(2*z)');
    const [frac, numer] = splitFraction(e)!;
    expect(mul(frac, numer)).toBe(e);
    expect([toLatex(frac), toLatex(numer)]).toEqual(['\\frac{3}{2 z}', 'x \\left(y + 1\\right)']);
    expect(splitFraction(parse('1/(2*z)'))).toBeUndefined();
    expect(splitFraction(parse('x*y'))).toBeUndefined();
  });

  it.each(['1-2-1:quadratic', '2-2-1:sigmoid', '3-4-2:tanh', '3-2-1:relu,identity:nobias', '2-2-2-1:quadratic'])(
    'every partial derivative of %s fits the page budget',
    (spec) => {
      for (const [, d] of gradientEquations(buildNetwork(parseSpec(spec)))) {
        const lines = breakLines(d, LINE_WIDTH_BUDGET - 12);
        expect(content(lines.join(' '))).toBe(content(toLatex(d)));
        for (const l of lines) expect(latexWidth(l)).toBeLessThanOrEqual(LINE_WIDTH_BUDGET - 12);
        renders(lines);
      }
    },
  );
});
