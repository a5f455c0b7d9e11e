import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Node,
  EXPANSION_TERM_BUDGET,
  ExpansionTooLargeError,
  NotPolynomialError,
  Q,
  add,
  dagSize,
  evaluateExact,
  expand,
  expansionEstimate,
  mul,
  num,
  parse,
  polyEqual,
  polyToNode,
  polyToText,
  pow,
  sym,
  treeSize,
} from '../../src/index.js';
import { nerdamerExpand } from './nerdamer.js';

const NAMES = ['x1', 'x2', 'w1_1_2', 'w1_2_1', 'b1_1', 'y'];

/** Random polynomial expressions: rational constants, symbols (with double underscores), +, ·, ^k. */
const polyExpr: fc.Arbitrary<Node> = fc.letrec<{ e: Node }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((n) => sym(n)),
    fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => num(Q(n, d))),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => add(...xs)),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => mul(...xs)),
    fc.tuple(tie('e'), fc.integer({ min: 0, max: 4 })).map(([b, k]) => pow(b, k)),
  ),
})).e;

describe('expand agrees with nerdamer-prime', () => {
  it('on random polynomial expressions (names renamed through a table)', () => {
    fc.assert(
      fc.property(polyExpr, (e) => {
        const ours = expand(e);
        const theirs = expand(nerdamerExpand(e));
        expect(polyToText(ours)).toBe(polyToText(theirs));
        expect(polyEqual(ours, theirs)).toBe(true);
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it.each([
    ['(w1_1_1*x1 + w1_1_2*x2 + b1_1)^2'],
    ['(a - b)^5*(a + b)^3'],
    ['(x/2 + 1/3)^4 - (x - 1)^3/7'],
    ['((x + y)^2 - 2*x*y - y^2)^3'],
  ])('%s', (text) => {
    const e = parse(text);
    expect(polyToText(expand(e))).toBe(polyToText(expand(nerdamerExpand(e))));
  });
});

describe('expansion is exact and consistent', () => {
  it('toNode round-trips and keeps the value at rational points', () => {
    fc.assert(
      fc.property(polyExpr, fc.array(fc.integer({ min: -5, max: 5 }), { minLength: NAMES.length, maxLength: NAMES.length }), (e, vals) => {
        const p = expand(e);
        expect(polyEqual(expand(polyToNode(p)), p)).toBe(true);
        const point = Object.fromEntries(NAMES.map((n, i) => [n, Q(vals[i]!)]));
        expect(evaluateExact(polyToNode(p), point)).toEqual(evaluateExact(e, point));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('expands a shared subexpression once: a DAG of 40 nodes whose tree has 10^6 nodes', () => {
    // s_{k+1} = s_k·(1 − s_k) + s_k² = s_k: each level uses s_k three times, so the tree triples
    // per level while the DAG grows by a constant; every level expands back to x + 1.
    const x = sym('x');
    let s: Node = add(x, num(1));
    for (let k = 0; k < 13; k++) s = add(mul(s, add(num(1), mul(num(-1), s))), pow(s, 2));
    expect(treeSize(s)).toBeGreaterThan(10n ** 6n);
    expect(dagSize(s)).toBeLessThan(100);
    expect(polyToText(expand(s))).toBe('x + 1');
  });
});

describe('refusals', () => {
  it.each([
    ['relu(w1_1_1*x1) + b', 'relu(w1_1_1*x1) is not polynomial'],
    ['1/(x + 1)', '1/(x + 1) is not polynomial'],
    ['sqrt(x + 1)*y', '(x + 1)^(1/2) is not polynomial'],
    ['(x + tanh(y))^2', 'tanh(y) is not polynomial'],
  ])('%s names the node', (text, msg) => {
    expect(() => expand(parse(text))).toThrow(NotPolynomialError);
    expect(() => expand(parse(text))).toThrow(msg);
  });

  it('a too-large expansion is refused up front with the estimate and a hint', () => {
    const e = parse('(a + b + c + d + e + f + g + h + i + j)^40');
    // Homogeneous of degree 40 in 10 variables: exactly C(10 + 40 − 1, 40) = 2,054,455,634 monomials.
    expect(expansionEstimate(e).terms).toBe(2054455634);
    expect(2054455634).toBeGreaterThan(EXPANSION_TERM_BUDGET);
    expect(() => expand(e)).toThrow(ExpansionTooLargeError);
    expect(() => expand(e)).toThrow('expansion refused: terms estimated at 2.05e+9 (budget 1.00e+9); try a smaller network, substitute numeric input values, or group by fewer variables (--in)');
  });

  it('a multiplication past the work budget is refused before it starts', () => {
    // Each factor has C(10 + 8 − 1, 8) = 24,310 terms; their product has at most 24,310² ≈ 5.9·10^8
    // terms, under the estimate budget, but forming it takes 5.9·10^8 term products.
    const e = parse('(a + b + c + d + e + f + g + h + i + j)^8 * (k + l + m + n + o + p + q + r + s + t)^8');
    expect(expansionEstimate(e).terms).toBe(24310 * 24310);
    expect(() => expand(e)).toThrow('expansion refused: term products of one multiplication (24310 × 24310 terms) estimated at 5.91e+8 (budget 5.00e+8)');
  });

  it('an exponent past the packing is refused', () => {
    expect(() => expand(parse('(x + 1)^2000000000'))).toThrow(ExpansionTooLargeError);
  });

  it('the estimate bounds the actual count from above', () => {
    fc.assert(
      fc.property(polyExpr, (e) => {
        expect(expand(e).n).toBeLessThanOrEqual(expansionEstimate(e).terms);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
