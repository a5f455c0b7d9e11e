/**
 * Real-root isolation against known roots (Chebyshev, Wilkinson, multiple and close roots), and
 * closed forms by radicals substituted back through mathjs at 64-digit BigNumber precision.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { Q, evaluate, qtoString, toText, type Rational } from '../../src/index.js';
import { type QPoly, countRealRoots, decimal, fromRoots, qpolyMul, realRoots, rootDecimal, rootsByRadicals, sqrtQ } from '../../src/poly/solve-index.js';

const big = create(all!, { number: 'BigNumber', precision: 64 });
const ints = (cs: number[]): QPoly => cs.map((c) => Q(c));

/** Chebyshev T_n by T_{n+1} = 2x T_n − T_{n−1}; roots cos((2k − 1)π / 2n). */
function chebyshev(n: number): QPoly {
  let a: QPoly = [Q(1)];
  let b: QPoly = [Q(0), Q(1)];
  for (let k = 1; k < n; k++) {
    const next = qpolyMul([Q(0), Q(2)], b).map((c, i) => ({ n: c.n * (a[i]?.d ?? 1n) - (a[i]?.n ?? 0n) * c.d, d: c.d * (a[i]?.d ?? 1n) }) as Rational);
    [a, b] = [b, next.map((c) => Q(c.n, c.d))];
  }
  return b;
}

describe('real roots', () => {
  it.each([3, 5, 8, 12])('Chebyshev T_%i: n roots at cos((2k−1)π/2n) to 1e-14', (n) => {
    const roots = realRoots(chebyshev(n));
    expect(roots).toHaveLength(n);
    const expected = Array.from({ length: n }, (_, k) => Math.cos(((2 * k + 1) * Math.PI) / (2 * n))).sort((x, y) => x - y);
    roots.forEach((r, k) => expect(Number(rootDecimal(r, 20))).toBeCloseTo(expected[k]!, 14));
  });

  it('Wilkinson W_20 = ∏(x − k): the integers 1…20, exactly', () => {
    const roots = realRoots(fromRoots(Array.from({ length: 20 }, (_, k) => Q(k + 1))));
    expect(roots.map((r) => (r.exact ? qtoString(r.exact) : 'irrational'))).toEqual(Array.from({ length: 20 }, (_, k) => `${k + 1}`));
  });

  it('multiple roots: (x − 1)³ (x + 2)² (x² − 2) has roots −2 (×2), −√2, 1 (×3), √2', () => {
    const p = qpolyMul(qpolyMul(fromRoots([Q(1), Q(1), Q(1), Q(-2), Q(-2)]), [Q(-2), Q(0), Q(1)]), [Q(1)]);
    const roots = realRoots(p);
    expect(roots.map((r) => [rootDecimal(r, 10), r.multiplicity])).toEqual([
      ['-2.0000000000', 2],
      ['-1.4142135624', 1],
      ['1.0000000000', 3],
      ['1.4142135624', 1],
    ]);
  });

  it('close roots 1/999, 1/1000, 1/1001 are separated and exact', () => {
    const roots = realRoots(fromRoots([Q(1, 1000), Q(1, 1001), Q(1, 999)]));
    expect(roots.map((r) => qtoString(r.exact!))).toEqual(['1/1001', '1/1000', '1/999']);
  });

  it('close irrational roots: x² − 2·10⁻²⁰ has ±√2·10⁻¹⁰', () => {
    const roots = realRoots([Q(-2n, 10n ** 20n), Q(0), Q(1)]);
    expect(roots.map((r) => rootDecimal(r, 20))).toEqual(['-0.00000000014142135624', '0.00000000014142135624']);
  });

  it('√2 to 60 digits (textbook value)', () => {
    const [, r] = realRoots(ints([-2, 0, 1]));
    expect(rootDecimal(r!, 60)).toBe('1.414213562373095048801688724209698078569671875376948073176680');
  });

  it.each([
    [[1, 0, 1], 0],
    [[-1, 0, 1], 2],
    [[1, 1, 1, 1, 1], 0],
    [[-1, -1, 0, 0, 0, 1], 1],
  ])('countRealRoots %j = %i', (cs, n) => expect(countRealRoots(ints(cs))).toBe(n));

  it('decimal rounds half away from zero', () => {
    expect(decimal(Q(-1, 8), 2)).toBe('-0.13');
    expect(decimal(Q(1, 3), 5)).toBe('0.33333');
    expect(decimal(Q(-1, 1000), 2)).toBe('0.00');
  });
});

describe('roots by radicals, substituted back at 64 digits', () => {
  const polys: [string, number[]][] = [
    ['x² − 2', [-2, 0, 1]],
    ['x² − x − 1 (golden ratio)', [-1, -1, 1]],
    ['x³ − 2', [-2, 0, 0, 1]],
    ['x³ + x + 1 (Cardano)', [1, 1, 0, 1]],
    ['x³ − 3x + 1 (casus irreducibilis)', [1, -3, 0, 1]],
    ['x³ + 3x² − 1 (casus irreducibilis, shifted)', [-1, 0, 3, 1]],
    ['x³ − 6x² + 11x − 6 (rational)', [-6, 11, -6, 1]],
    ['x⁴ − 10x² + 1 (biquadratic)', [1, 0, -10, 0, 1]],
    ['x⁴ + x − 1 (Ferrari)', [-1, 1, 0, 0, 1]],
    ['x⁴ − 2x³ − 3x + 1 (Ferrari, shifted)', [1, -3, 0, -2, 1]],
    ['(x − 1)²(x² − 3)(x + 5) (rational roots removed first)', [-15, 27, -4, -12, 3, 1]],
  ];
  it.each(polys)('%s', (_, cs) => {
    const p = ints(cs);
    const closed = rootsByRadicals(p);
    expect(closed).toBeDefined();
    const roots = realRoots(p);
    expect(closed!.length).toBe(roots.length);
    for (const [k, c] of closed!.entries()) {
      const value = big.evaluate(c.text) as { toString(): string };
      const want = big.bignumber(rootDecimal(roots[k]!, 40));
      expect(Number(big.abs(big.subtract(big.bignumber(value.toString()), want)))).toBeLessThan(1e-30);
      // and p(value) ≈ 0 at 64 digits
      let acc = big.bignumber(0);
      for (let i = cs.length - 1; i >= 0; i--) acc = big.add(big.multiply(acc, big.bignumber(value.toString())), big.bignumber(cs[i]!)) as typeof acc;
      expect(Number(big.abs(acc))).toBeLessThan(1e-40);
    }
  });

  it('gives the LaTeX of √2 from the quadratic formula', () => {
    const closed = rootsByRadicals(ints([-2, 0, 1]))!;
    expect(closed.map((c) => c.latex)).toMatchInlineSnapshot(`
      [
        "-\\sqrt{2}",
        "\\sqrt{2}",
      ]
    `);
  });

  it('declines degree 5 irrational parts (x⁵ − x − 1)', () => expect(rootsByRadicals(ints([-1, -1, 0, 0, 0, 1]))).toBeUndefined());
});

describe('sqrtQ pulls square factors out', () => {
  it.each([
    [Q(8), '2*2^(1/2)'],
    [Q(1, 2), '2^(1/2)/2'],
    [Q(9, 4), '3/2'],
    [Q(12, 5), '2*15^(1/2)/5'],
    [Q(7), '7^(1/2)'],
  ])('√%o = %s, and its value squares back', (q, text) => {
    const node = sqrtQ(q);
    expect(toText(node)).toBe(text);
    expect(evaluate(node, {}) ** 2).toBeCloseTo(Number(q.n) / Number(q.d), 12);
  });
});

describe('random polynomials with known rational roots (fast-check)', () => {
  const rat = fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => Q(n, d));
  it('every rational root is found exactly, with its multiplicity, next to x² + c factors', () => {
    fc.assert(
      fc.property(fc.array(rat, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 50 }), (roots, c) => {
        // ∏ (x − r) · (x² + c): the quadratic adds no real roots.
        const p = qpolyMul(fromRoots(roots), [Q(c), Q(0), Q(1)]);
        const found = realRoots(p);
        const distinct = [...new Map(roots.map((r) => [qtoString(r), r])).values()].sort((a, b) => Number(a.n * b.d - b.n * a.d));
        expect(found.map((r) => (r.exact ? qtoString(r.exact) : '?'))).toEqual(distinct.map(qtoString));
        expect(found.map((r) => r.multiplicity)).toEqual(distinct.map((r) => roots.filter((s) => qtoString(s) === qtoString(r)).length));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
