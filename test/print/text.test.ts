import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Node, compile, evaluate, fn, freeSymbols, mathjsReadable, parse, sym, toLatex, toText } from '../../src/index.js';
import { RUNS, SYMBOLS, close, exprArb, pointArb } from '../helpers/arbitraries.js';
import { mathjsValue } from '../helpers/oracles.js';

describe('text printer', () => {
  it('print → parse gives the same node (property)', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        expect(parse(toText(e))).toBe(e);
      }),
      { numRuns: RUNS },
    );
  });

  it('evaluate and compile equal mathjs.evaluate of the printed text (property)', () => {
    let compared = 0;
    fc.assert(
      fc.property(exprArb(), pointArb(), (e, p) => {
        const text = toText(e);
        const ours = evaluate(e, p);
        const compiled = compile(e, SYMBOLS)(SYMBOLS.map((s) => p[s]!));
        const theirs = mathjsValue(text, p);
        // The generator guarantees a real value; only overflow may leave the doubles.
        if (!Number.isFinite(theirs) && Math.abs(ours) > 1e300) return;
        expect(Number.isFinite(ours), `${text} at ${JSON.stringify(p)}`).toBe(true);
        expect(close(ours, theirs, 1e-9), `${text}: ${ours} vs mathjs ${theirs}`).toBe(true);
        expect(close(compiled, theirs, 1e-9), `${text}: compiled ${compiled} vs mathjs ${theirs}`).toBe(true);
        compared++;
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThanOrEqual(RUNS * 0.95);
  });

  // mathjs precedence: unary minus binds looser than ^ and tighter than * and /.
  it.each([
    ['-x^2', '-x^2', -4],
    ['(-x)^2', 'x^2', 4],
    ['-(x + y)', '-(x + y)', -5],
    ['-(x + y)*y', '-y*(x + y)', -15],
    ['x - (y - 1)', 'x - (y - 1)', 0],
    ['x/(2*y)', 'x/2/y', 1 / 3],
    ['-x/2', '-x/2', -1],
    ['-2/3*x*y^-1', '-2*x/3/y', -4 / 9],
    ['(x + 1)^(1/2)', '(x + 1)^(1/2)', Math.sqrt(3)],
    ['(x*y)^(1/2)', '(x*y)^(1/2)', Math.sqrt(6)],
    ['x^(-1/2)', '1/x^(1/2)', 1 / Math.SQRT2],
    ['(1/2)^(1/2)', '(1/2)^(1/2)', Math.SQRT1_2],
    ['2^(-1/2)*x', 'x/2^(1/2)', Math.SQRT2],
    ['x^2^3', 'x^8', 256],
    ['1 - sigmoid(x)', '1 - sigmoid(x)', 1 - 1 / (1 + Math.exp(-2))],
    ['-1 - x', '-x - 1', -3],
    ['(x - y)^3', '(x - y)^3', -1],
    ['1/(1 - x)', '1/(1 - x)', -1],
  ])('%s prints as %s (mathjs agrees: %d)', (src, printed, value) => {
    const e = parse(src);
    expect(toText(e)).toBe(printed);
    const p = { x: 2, y: 3 };
    expect(freeSymbols(e).every((s) => s in p)).toBe(true);
    expect(close(evaluate(e, p), value, 1e-12)).toBe(true);
    expect(close(mathjsValue(printed, p), value, 1e-12)).toBe(true);
  });
});

describe('deep formulas', () => {
  it('print without overflowing the stack (the printers visit in topological order)', () => {
    let e: Node = sym('x');
    for (let i = 0; i < 20_000; i++) e = fn(i % 2 ? 'tanh' : 'sigmoid', e);
    const text = toText(e);
    expect(text.length).toBe(20_000 * 'tanh('.length + 10_000 * 3 + 1 + 20_000);
    expect(toLatex(e).startsWith('\\tanh\\left(\\sigma\\left(')).toBe(true);
  });
});

describe('names mathjs can read', () => {
  it.each(['not', 'end', 'true', 'NaN', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('%s is not mathjs-readable', (name) => {
    expect(mathjsReadable(name)).toBe(false);
    expect(parse(`2*${name} + ${name}^2`)).toBe(parse(`${name}^2 + 2*${name}`)); // closedform reads it
  });
  it('every other identifier evaluates in mathjs as a plain variable (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/), (name) => {
        if (!mathjsReadable(name)) return;
        expect(mathjsValue(toText(parse(`2*${name} + ${name}^2`)), { [name]: 3 })).toBe(15);
      }),
      { numRuns: 1000 },
    );
    for (const name of ['mod', 'to', 'in', 'and', 'or', 'xor', 'e', 'i', 'pi', 'E', 'cm', 'sigmoid', 'exp']) {
      expect(mathjsReadable(name)).toBe(true);
      expect(mathjsValue(`2*${name} + ${name}^2`, { [name]: 3 })).toBe(15);
    }
  });
});
