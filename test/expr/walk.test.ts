import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Node,
  ArithmeticError,
  Q,
  add,
  dagSize,
  evaluate,
  evaluateExact,
  fn,
  freeSymbols,
  mul,
  num,
  parse,
  pow,
  qtoNumber,
  substitute,
  sym,
  toText,
  topoOrder,
  treeSize,
} from '../../src/index.js';
import { RUNS, SYMBOLS, close, exprArb, rationalPointArb } from '../helpers/arbitraries.js';

const x = sym('x');

/** e₀ = x, eₖ₊₁ = tanh(eₖ)·σ(eₖ): the DAG grows by 3 nodes a level, the tree doubles. */
function chain(levels: number): Node {
  let e: Node = x;
  for (let k = 0; k < levels; k++) e = mul(fn('tanh', e), fn('sigmoid', e));
  return e;
}

/** Tree size by naive recursion, no memo: the definition, for small cases. */
function naiveTreeSize(e: Node): bigint {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return 1n;
    case 'add':
    case 'mul':
      return e.args.reduce((s, a) => s + naiveTreeSize(a), 1n);
    case 'pow':
      return 1n + naiveTreeSize(e.base);
    case 'fn':
      return 1n + naiveTreeSize(e.arg);
  }
}

describe('sizes', () => {
  it('a chain: linear DAG, exponential tree (Tₖ = 4·2ᵏ − 3, exact in BigInt)', () => {
    for (const k of [0, 1, 2, 5, 10]) {
      expect(dagSize(chain(k))).toBe(1 + 3 * k);
      expect(treeSize(chain(k))).toBe(4n * 2n ** BigInt(k) - 3n);
      if (k <= 10) expect(treeSize(chain(k))).toBe(naiveTreeSize(chain(k)));
    }
    const big = chain(200);
    expect(dagSize(big)).toBe(601);
    expect(treeSize(big)).toBe(4n * 2n ** 200n - 3n);
  });
  it('treeSize equals the naive count and dagSize ≤ treeSize (property)', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        expect(treeSize(e)).toBe(naiveTreeSize(e));
        expect(BigInt(dagSize(e))).toBeLessThanOrEqual(treeSize(e));
        expect(dagSize(e)).toBe(new Set(topoOrder(e)).size);
      }),
      { numRuns: RUNS },
    );
  });
  it('dagSize of several roots counts shared nodes once', () => {
    const a = parse('sigmoid(x*y) + 1');
    const b = parse('sigmoid(x*y)*2');
    expect(dagSize(a, b)).toBe(dagSize(a) + dagSize(b) - dagSize(parse('sigmoid(x*y)')));
  });
});

describe('free symbols', () => {
  it.each([
    ['x10 + x2 + x1', ['x1', 'x2', 'x10']],
    ['w1_10_1 + w1_2_1 + b1_1', ['b1_1', 'w1_2_1', 'w1_10_1']],
    ['pi*x', ['x']],
    ['3', []],
  ])('freeSymbols(%s)', (src, names) => expect(freeSymbols(parse(src))).toEqual(names));
});

describe('substitution', () => {
  it.each([
    ['x^2 + y', { x: 'y + 1' }, 'y + (y + 1)^2'],
    ['sigmoid(x)*x', { x: '0' }, '0'],
    ['sigmoid(x)', { x: '0' }, '1/2'],
    ['x*y', { x: 'y', y: 'x' }, 'x*y'], // simultaneous, not sequential
    ['x^(1/2)*x^(1/2)', { x: '4' }, '4'],
    ['relu(x - y)', { y: 'x' }, '0'],
  ])('%s with %o is %s', (src, map, out) => {
    const m = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, parse(v)]));
    expect(substitute(parse(src), m)).toBe(parse(out));
  });
  it('substituting a symbol by itself returns the same node (property)', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        expect(substitute(e, Object.fromEntries(SYMBOLS.map((s) => [s, sym(s)])))).toBe(e);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('exact evaluation', () => {
  it('agrees with substituting numbers (two routes), and with float evaluation (property)', () => {
    let rational = 0;
    fc.assert(
      fc.property(exprArb({ fns: ['relu', 'leaky_relu', 'heaviside'], positiveFns: ['exp'], log: false }), rationalPointArb(), (e, p) => {
        const exact = evaluateExact(e, p);
        const folded = substitute(e, Object.fromEntries(Object.entries(p).map(([k, q]) => [k, num(q)])));
        // Undefined exactly can still fold (2^(1/2)·2^(1/2) merges bases first): no claim then.
        if (exact === undefined) return;
        rational++;
        expect(folded, toText(e)).toBe(num(exact));
        const f = evaluate(e, Object.fromEntries(Object.entries(p).map(([k, q]) => [k, qtoNumber(q)])));
        expect(close(f, qtoNumber(exact), 1e-9)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(rational).toBeGreaterThan(RUNS / 4);
  });
  it.each([
    ['x^(1/2)', { x: Q(9, 4) }, '3/2'],
    ['x^(1/2)', { x: Q(2) }, undefined],
    ['sigmoid(x - 1)', { x: Q(1) }, '1/2'],
    ['sigmoid(x)', { x: Q(1) }, undefined],
    ['relu(x) + heaviside(x)', { x: Q(0) }, '0'],
    ['leaky_relu(x)', { x: Q(-3) }, '-3/100'],
    ['x + y', { x: Q(1) }, undefined],
    ['(1/3 + 1/6)*x', { x: Q(6) }, '3'],
  ])('%s at %o is %s', (src, p, v) => {
    const r = evaluateExact(parse(src), p);
    expect(r === undefined ? undefined : toText(num(r))).toBe(v);
  });
  it('division by zero at a point is an ArithmeticError', () => {
    expect(() => evaluateExact(parse('1/(x - 1)'), { x: Q(1) })).toThrow(ArithmeticError);
  });
  it('float evaluation needs a value for every free symbol', () => {
    expect(() => evaluate(parse('x + y'), { x: 1 })).toThrow(/no value for symbol 'y'/);
    expect(evaluate(add(pow(sym('pi'), 2), x), { x: 1 })).toBeCloseTo(Math.PI ** 2 + 1, 14);
  });
});
