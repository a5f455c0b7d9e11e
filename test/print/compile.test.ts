import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExprError, compile, compileMany, evaluate, parse, sym, add, mul, num, pow, fn, Q } from '../../src/index.js';
import { RUNS, SYMBOLS, exprArb, pointArb } from '../helpers/arbitraries.js';

describe('compile', () => {
  it('agrees bit for bit with evaluate on shared DAGs (property)', () => {
    fc.assert(
      fc.property(exprArb(), pointArb(), (e, p) => {
        const f = compile(e, SYMBOLS);
        const v = evaluate(e, p);
        const c = f(new Float64Array(SYMBOLS.map((s) => p[s]!)));
        // same operations in the same order except x² as x·x and 1/x as a division
        expect(Math.abs(c - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
      }),
      { numRuns: RUNS },
    );
  });

  // Names that would mean something if spliced into generated code: globals, keywords, and the
  // generated code's own identifiers (v, F, out, t0).
  const NASTY = ['constructor', '__proto__', 'process', 'v', 'F', 'out', 't0', 't1', 'return', 'this', 'Math', 'NaN', 'Infinity', 'globalThis', 'eval', 'toString'];
  it.each(NASTY)('a symbol named %s compiles and evaluates correctly', (name) => {
    const s = sym(name);
    const e = add(mul(num(3), pow(s, 2)), fn('sigmoid', s), sym('x'));
    const f = compile(e, [name, 'x']);
    const expected = 3 * 1.5 ** 2 + 1 / (1 + Math.exp(-1.5)) + 7;
    expect(f([1.5, 7])).toBeCloseTo(expected, 12);
    expect(evaluate(e, new Map([[name, 1.5], ['x', 7]]))).toBeCloseTo(expected, 12);
  });
  it('all the nasty names together, in a product and a sum', () => {
    const e = add(...NASTY.map((n, i) => mul(num(i + 1), sym(n))), mul(...NASTY.map((n) => sym(n))));
    const values = NASTY.map((_, i) => 1 + i / 10);
    const expected = values.reduce((s, v, i) => s + (i + 1) * v, 0) + values.reduce((s, v) => s * v, 1);
    expect(compile(e, NASTY)(values)).toBeCloseTo(expected, 9);
  });

  it('compileMany shares one pass and fills the output array', () => {
    const f = compileMany([parse('x*y'), parse('x + y'), parse('pi*x')], ['x', 'y']);
    expect([...f(new Float64Array([2, 3]))]).toEqual([6, 5, 2 * Math.PI]);
    const out = new Float64Array(3);
    expect(f([1, 1], out)).toBe(out);
  });
  it('constants: fractions, huge and tiny rationals, negative numbers', () => {
    const e = add(mul(num(Q(-1, 3)), sym('x')), num(Q(10n ** 400n, 3n)), num(Q(1n, 10n ** 400n)));
    expect(compile(e, ['x'])([3])).toBe(Infinity); // 10^400/3 is beyond the doubles
    expect(compile(parse('-x/3 + 1e-30'), ['x'])([3])).toBeCloseTo(-1 + 1e-30, 15);
  });
  it('H(0) = 0 and relu′(0) = 0 in compiled code too', () => {
    expect(compile(parse('heaviside(x) + relu(x)'), ['x'])([0])).toBe(0);
  });
  it('a symbol outside the variables is a typed error', () => {
    expect(() => compile(parse('x + y'), ['x'])).toThrow(ExprError);
    expect(() => compile(parse('x + y'), ['x'])).toThrow(/symbol 'y' is not among the variables/);
  });
});
