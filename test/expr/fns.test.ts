import { describe, expect, it } from 'vitest';
import { Q, defineFn, fn, fnNames, lookupFn, num, qtoNumber, sym, toLatex } from '../../src/index.js';
import katex from 'katex';
import { close } from '../helpers/arbitraries.js';
import { mathjsValue } from '../helpers/oracles.js';

const POINTS = [-2.5, -1, -0.3, 0, 0.4, 1, 3.2];
const RATIONALS = [Q(-3), Q(-1, 2), Q(0), Q(1, 3), Q(1), Q(5, 2)];

describe.each(fnNames())('registered function %s', (name) => {
  const rule = lookupFn(name)!;
  it('numeric facet equals the mathjs definition (mathjs computes from its own primitives)', () => {
    for (const z of POINTS) {
      if (name === 'log' && z <= 0) continue;
      expect(close(rule.numeric(z), mathjsValue(`${name}(z)`, { z }), 1e-12), `${name}(${z})`).toBe(true);
    }
  });
  it('exact facet, where it answers, is the numeric value, and fn() folds to it', () => {
    for (const q of RATIONALS) {
      if (name === 'log' && q.n <= 0n) continue;
      const v = rule.exact(q);
      if (v === undefined) expect(fn(name, num(q)).kind).toBe('fn');
      else {
        expect(close(qtoNumber(v), rule.numeric(qtoNumber(q)), 1e-15), `${name}(${q.n}/${q.d})`).toBe(true);
        expect(fn(name, num(q))).toBe(num(v));
      }
    }
  });
  it('LaTeX facet renders in KaTeX', () => {
    expect(() => katex.renderToString(toLatex(fn(name, sym('x'))), { throwOnError: true })).not.toThrow();
  });
});

describe('the registry', () => {
  it('holds the elementary functions and the activations that are function kinds', () => {
    expect(fnNames()).toEqual(expect.arrayContaining(['arctan_sigmoid', 'atan', 'exp', 'heaviside', 'leaky_relu', 'log', 'relu', 'sigmoid', 'softplus', 'tanh']));
  });
  it('redefining a name with another rule is an error; the same rule again is not', () => {
    const exp = lookupFn('exp')!;
    expect(defineFn(exp)).toBe(exp);
    expect(() => defineFn({ ...exp })).toThrow(/function 'exp' is already defined/);
  });
  it('H(0) = 0 in every facet', () => {
    const h = lookupFn('heaviside')!;
    expect(h.numeric(0)).toBe(0);
    expect(h.exact(Q(0))).toEqual(Q(0));
    expect(mathjsValue('heaviside(0)', {})).toBe(0);
  });
});
