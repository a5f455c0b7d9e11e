/**
 * The column order of the Macaulay matrices (src/groebner/matrix.ts `sortColumns`, packed
 * numeric keys with a comparator for what the keys leave tied) against a plain comparator sort
 * by `compareIds` — the term order's definition — on random monomials, including many variables
 * and high degrees, where the keys cannot hold every exponent, and monomials that tie on the keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortColumns } from '../../src/groebner/matrix.js';
import { type Order, compareIds, insertExps, newTable } from '../../src/groebner/monomials.js';

describe('column order', () => {
  it.each([
    ['grevlex', 4, 6],
    ['grevlex', 15, 12],
    ['grevlex', 30, 40],
    ['lex', 4, 6],
    ['lex', 15, 12],
    ['lex', 30, 40],
  ] as [Order, number, number][])('%s, %i variables, exponents up to %i: decreasing, as compareIds orders', (order, n, e) => {
    // Vectors that differ only in their first or only in their last few exponents tie on whatever
    // prefix of the criteria the keys hold, so the comparator has to finish the order.
    const part = (front: boolean) =>
      fc.array(fc.integer({ min: 0, max: e }), { minLength: 3, maxLength: 3 }).map((v) => {
        const w = new Array<number>(n).fill(1);
        v.forEach((x, k) => (w[front ? k : n - 3 + k] = x));
        return w;
      });
    const vector = fc.oneof(fc.array(fc.integer({ min: 0, max: e }), { minLength: n, maxLength: n }), part(true), part(false));
    fc.assert(
      fc.property(fc.array(vector, { minLength: 1, maxLength: 300 }), (vectors) => {
        const T = newTable(n);
        const ids = [...new Set(vectors.map((v) => insertExps(T, v)))];
        const want = [...ids].sort((a, b) => compareIds(T, order, b, a));
        expect(Array.from(sortColumns(T, order, ids))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });
});
