import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parse, sym, symbolLatex, toLatex } from '../../src/index.js';
import { RUNS, exprArb } from '../helpers/arbitraries.js';

const render = (s: string): string => katex.renderToString(s, { throwOnError: true });
const latex = (src: string): string => {
  const s = toLatex(parse(src));
  render(s); // every pinned case must also be valid KaTeX
  return s;
};

describe('LaTeX printer (pinned)', () => {
  it('indices of weights, biases and inputs', () => {
    expect(latex('w1_2_3')).toMatchInlineSnapshot(`"w^{(1)}_{2,3}"`);
    expect(latex('b1_2')).toMatchInlineSnapshot(`"b^{(1)}_{2}"`);
    expect(latex('x3')).toMatchInlineSnapshot(`"x_{3}"`);
    expect(latex('w12_10_3*x3 + b12_10')).toMatchInlineSnapshot(`"b^{(12)}_{10} + w^{(12)}_{10,3} x_{3}"`);
    expect(latex('theta + pi*alpha_1')).toMatchInlineSnapshot(`"\\theta + \\alpha_{1} \\pi"`);
    expect(latex('foo_bar + learning_rate')).toMatchInlineSnapshot(`"\\mathit{foo}_{\\mathit{bar}} + \\mathit{learning}_{\\mathit{rate}}"`);
  });
  it('fractions and negative powers', () => {
    expect(latex('x/2')).toMatchInlineSnapshot(`"\\frac{x}{2}"`);
    // A negative fraction carries its sign in front, also alone and under a root.
    expect(latex('-4/5')).toMatchInlineSnapshot(`"-\\frac{4}{5}"`);
    expect(latex('(-4/5)^(1/2)')).toMatchInlineSnapshot(`"\\sqrt{-\\frac{4}{5}}"`);
    expect(latex('-2/3*x*y')).toMatchInlineSnapshot(`"-\\frac{2 x y}{3}"`);
    expect(latex('1/(x + 1)')).toMatchInlineSnapshot(`"\\frac{1}{x + 1}"`);
    expect(latex('x/((x + 1)*y^2)')).toMatchInlineSnapshot(`"\\frac{x}{y^{2} \\left(x + 1\\right)}"`);
    expect(latex('x^(-1/2)')).toMatchInlineSnapshot(`"\\frac{1}{\\sqrt{x}}"`);
    expect(latex('x^(2/3)/y^(3/2)')).toMatchInlineSnapshot(`"\\frac{x^{\\frac{2}{3}}}{y^{\\frac{3}{2}}}"`);
    expect(latex('2^(-1/2)*x')).toMatchInlineSnapshot(`"\\frac{x}{\\sqrt{2}}"`);
    expect(latex('(1/2)^(3/2)')).toMatchInlineSnapshot(`"\\left(\\frac{1}{2}\\right)^{\\frac{3}{2}}"`);
  });
  it('powers of indexed symbols and of functions (no double superscript)', () => {
    expect(latex('w1_2_3^2')).toMatchInlineSnapshot(`"\\left(w^{(1)}_{2,3}\\right)^{2}"`);
    expect(latex('b1_1^(-2)')).toMatchInlineSnapshot(`"\\frac{1}{\\left(b^{(1)}_{1}\\right)^{2}}"`);
    expect(latex('(w1_1_1^2)^(1/2)')).toMatchInlineSnapshot(`"\\sqrt{\\left(w^{(1)}_{1,1}\\right)^{2}}"`);
    expect(latex('(w1_1_1^2)^(3/2)')).toMatchInlineSnapshot(`"\\left(\\left(w^{(1)}_{1,1}\\right)^{2}\\right)^{\\frac{3}{2}}"`);
    expect(latex('x3^2')).toMatchInlineSnapshot(`"x_{3}^{2}"`);
    expect(latex('exp(x)^2')).toMatchInlineSnapshot(`"\\left(e^{x}\\right)^{2}"`);
    expect(latex('1/exp(x)^2')).toMatchInlineSnapshot(`"\\frac{1}{\\left(e^{x}\\right)^{2}}"`);
    expect(latex('sigmoid(x)^2')).toMatchInlineSnapshot(`"\\sigma\\left(x\\right)^{2}"`);
    expect(latex('(x^(1/2))^(3/2)')).toMatchInlineSnapshot(`"\\left(\\sqrt{x}\\right)^{\\frac{3}{2}}"`);
  });
  it('sums, signs and minimal parentheses', () => {
    expect(latex('x - (x*y + 1)^2')).toMatchInlineSnapshot(`"x - \\left(x y + 1\\right)^{2}"`);
    expect(latex('-(x + y)')).toMatchInlineSnapshot(`"-\\left(x + y\\right)"`);
    expect(latex('2*(x - y)*z')).toMatchInlineSnapshot(`"2 z \\left(x - y\\right)"`);
    expect(latex('1 - sigmoid(x)')).toMatchInlineSnapshot(`"1 - \\sigma\\left(x\\right)"`);
    expect(latex('(-2)^(1/3)')).toMatchInlineSnapshot(`"\\sqrt[3]{-2}"`);
    expect(latex('3*2^(3/2)')).toMatchInlineSnapshot(`"3 \\cdot 2^{\\frac{3}{2}}"`);
    expect(latex('(x + y)^(1/2)')).toMatchInlineSnapshot(`"\\sqrt{x + y}"`);
  });
  it('activations by their LaTeX names', () => {
    expect(latex('relu(w1_1_1*x1 + b1_1)')).toMatchInlineSnapshot(`"\\operatorname{ReLU}\\left(b^{(1)}_{1} + w^{(1)}_{1,1} x_{1}\\right)"`);
    expect(latex('leaky_relu(x) + heaviside(x)')).toMatchInlineSnapshot(`"H\\left(x\\right) + \\operatorname{LReLU}\\left(x\\right)"`);
    expect(latex('sigmoid(x)*tanh(y)')).toMatchInlineSnapshot(`"\\sigma\\left(x\\right) \\tanh\\left(y\\right)"`);
    expect(latex('softplus(x) + arctan_sigmoid(x)')).toMatchInlineSnapshot(`"\\sigma_{\\arctan}\\left(x\\right) + \\operatorname{softplus}\\left(x\\right)"`);
    expect(latex('exp(-x) + log(x) + atan(x)')).toMatchInlineSnapshot(`"\\arctan\\left(x\\right) + e^{-x} + \\log\\left(x\\right)"`);
  });
});

describe('LaTeX is valid KaTeX (property)', () => {
  it('every random expression renders with throwOnError', () => {
    fc.assert(
      fc.property(exprArb({ symbols: ['x', 'w1_2_3', 'b2_1', 'x3', 'theta'] }), (e) => {
        expect(() => render(toLatex(e))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
  it('every symbol name renders, alone and squared', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), (name) => {
        expect(() => render(symbolLatex(name))).not.toThrow();
        expect(() => render(toLatex(parse(`${name}^2 + ${name}^(1/2)`)))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
  // `x1` and `x_1` both read x₁ on purpose; other index readings must not collide.
  it('distinct names print distinctly', () => {
    const names = ['w1_2_3', 'w12_3', 'w1_23', 'w_1_2_3', 'x1', 'x1_1', 'a_b', 'a__b', 'ab', 'a_', '_a', '_', 'a_b_c', 'a_bc'];
    const printed = names.map((n) => toLatex(sym(n)));
    expect(new Set(printed).size).toBe(names.length);
  });
});
