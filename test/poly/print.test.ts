import fc from 'fast-check';
import katex from 'katex';
import { evaluate as mathjsEvaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Q, coefficients, expand, parse, polyEqual, polyFromTerms, polyToLatex, polyToNode, polyToText, toText } from '../../src/index.js';

describe('printing', () => {
  it.each([
    ['(x + 1)^2 - x', 'x^2 + x + 1'],
    ['(x - y/2)^2', 'x^2 - x*y + 1/4*y^2'],
    ['-(x2 + x10)^2', '-x2^2 - 2*x2*x10 - x10^2'], // natural order: x2 before x10
    ['(a*x + b)^2 - (a*x + b)^2', '0'],
    ['x^2*y + x*y^2 + x^3 + y^3 + x*y*z', 'x^3 + x^2*y + x*y^2 + y^3 + x*y*z'], // grevlex: z smallest
  ])('%s → %s', (text, want) => {
    expect(polyToText(expand(parse(text)))).toBe(want);
  });

  it('LaTeX uses the symbol names of the core printer', () => {
    expect(polyToLatex(expand(parse('(w1_2_1*x1 - b1_2/3)^2')))).toMatchInlineSnapshot(`"\\left(w^{(1)}_{2,1}\\right)^{2} x_{1}^{2} - \\frac{2}{3} b^{(1)}_{2} w^{(1)}_{2,1} x_{1} + \\frac{1}{9} \\left(b^{(1)}_{2}\\right)^{2}"`);
  });

  it('KaTeX renders the LaTeX of network polynomials without errors', () => {
    for (const text of ['(w1_2_1*x1 - b1_2/3)^2', '(w2_1_1*(w1_1_1*x1 + b1_1)^2 + b2_1 - y1)^2', '-(x2 + x10)^3/7'])
      expect(() => katex.renderToString(polyToLatex(expand(parse(text))), { throwOnError: true })).not.toThrow();
  });

  const term = fc.record({
    exps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    coeff: fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 5 })).map(([n, d]) => Q(n, d)),
  });
  const poly = fc.array(term, { maxLength: 6 }).map((ts) => polyFromTerms(['x1', 'x2', 'w1_1_1'], ts));

  it('text reads back through parse, and mathjs evaluates it to the same value', () => {
    fc.assert(
      fc.property(poly, fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), (p, [a, b, c]) => {
        const text = polyToText(p);
        expect(polyEqual(expand(parse(text)), p)).toBe(true);
        const scope = { x1: a, x2: b, w1_1_1: c };
        expect(mathjsEvaluate(text, scope)).toBeCloseTo(mathjsEvaluate(toText(polyToNode(p)), scope) as number, 9);
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});

describe('coefficients with respect to chosen variables', () => {
  it('(a x + b)² grouped by x', () => {
    const c = coefficients(expand(parse('(a*x + b)^2')), ['x']);
    expect(c.map((t) => [t.monomial, polyToText(t.coeff)])).toEqual([
      ['x^2', 'a^2'],
      ['x', '2*a*b'],
      ['1', 'b^2'],
    ]);
  });

  it('Σ coefficient·monomial gives the polynomial back', () => {
    const p = expand(parse('(w1*x1 + w2*x2 + b)^3 - x1*x2*b'));
    const c = coefficients(p, ['x1', 'x2']);
    const back = c.map((t) => `(${polyToText(t.coeff)})*${t.monomial}`).join(' + ');
    expect(polyEqual(expand(parse(back)), p)).toBe(true);
    expect(c.every((t) => t.coeff.layout.vars.every((v) => v !== 'x1' && v !== 'x2'))).toBe(true);
  });
});
