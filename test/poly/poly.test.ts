import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Q,
  expand,
  parse,
  polyAdd,
  polyConst,
  polyDegree,
  polyEqual,
  polyFromTerms,
  polyMul,
  polyPow,
  polyScale,
  polySub,
  polyToTerms,
  polyToText,
  polyVar,
  polyVariables,
  sortedTerms,
} from '../../src/index.js';

/** Binomial coefficients by Pascal's rule on BigInt: an independent exact route. */
function pascal(n: number): bigint[] {
  let row = [1n];
  for (let k = 0; k < n; k++) row = [1n, ...row.slice(1).map((c, i) => c + row[i]!), 1n];
  return row;
}

describe('exact coefficients past 2^53', () => {
  it.each([60, 100, 200])('(x + 1)^%i has the binomial coefficients', (n) => {
    const p = polyPow(polyAdd(polyVar('x'), polyConst(Q(1))), n);
    const want = pascal(n);
    expect(Number(want[n >> 1]!) > 2 ** 53).toBe(true); // the middle ones overflow doubles
    const terms = sortedTerms(p); // x^n first
    expect(terms.map((t) => t.exps[0])).toEqual(Array.from({ length: n + 1 }, (_, i) => n - i));
    expect(terms.map((t) => t.coeff.n)).toEqual(want);
  });

  it('an overflow inside one product falls back to BigInt', () => {
    // (2^30 x + 2^30)·(2^30 x − 2^30) = 2^60 x² − 2^60: each product is past 2^53.
    const big = Q(2n ** 30n);
    const a = polyAdd(polyScale(polyVar('x'), big), polyConst(big));
    const b = polySub(polyScale(polyVar('x'), big), polyConst(big));
    expect(polyToText(polyMul(a, b))).toBe(`${2n ** 60n}*x^2 - ${2n ** 60n}`);
  });

  it('a sum that overflows while products do not stays exact', () => {
    // (2^52 + 2^52 x)·(1 + x) : the x coefficient is 2^52 + 2^52 = 2^53, past the safe range.
    const c = Q(2n ** 52n);
    const a = polyAdd(polyConst(c), polyScale(polyVar('x'), c));
    const b = polyAdd(polyConst(Q(1)), polyVar('x'));
    expect(sortedTerms(polyMul(a, b)).map((t) => t.coeff.n)).toEqual([2n ** 52n, 2n ** 53n, 2n ** 52n]);
  });

  it('rational coefficients: (x/3 + 1/2)^3', () => {
    const p = expand(parse('(x/3 + 1/2)^3'));
    expect(polyToText(p)).toBe('1/27*x^3 + 1/6*x^2 + 1/4*x + 1/8');
  });
});

describe('ring laws on random polynomials (polyFromTerms as the generator)', () => {
  const VARS = ['x1', 'x2', 'w1_1_1'];
  const term = fc.record({
    exps: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
    coeff: fc.tuple(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: 1n, max: 6n })).map(([n, d]) => Q(n, d)),
  });
  const poly = fc.array(term, { maxLength: 8 }).map((ts) => polyFromTerms(VARS, ts));

  it('commutative, associative, distributive; (p + q)² = p² + 2pq + q²', () => {
    fc.assert(
      fc.property(poly, poly, poly, (p, q, r) => {
        expect(polyEqual(polyMul(p, q), polyMul(q, p))).toBe(true);
        expect(polyEqual(polyMul(polyMul(p, q), r), polyMul(p, polyMul(q, r)))).toBe(true);
        expect(polyEqual(polyMul(p, polyAdd(q, r)), polyAdd(polyMul(p, q), polyMul(p, r)))).toBe(true);
        const lhs = polyPow(polyAdd(p, q), 2);
        const rhs = polyAdd(polyAdd(polyMul(p, p), polyScale(polyMul(p, q), Q(2))), polyMul(q, q));
        expect(polyEqual(lhs, rhs)).toBe(true);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('interchange form round-trips', () => {
    fc.assert(
      fc.property(poly, (p) => {
        const t = polyToTerms(p);
        expect(polyEqual(polyFromTerms(t.vars, t.terms), p)).toBe(true);
        expect(polyToTerms(polyFromTerms(t.vars, t.terms))).toEqual(t);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('evaluation is a ring homomorphism (checked with BigInt rationals term by term)', () => {
    const evalAt = (p: ReturnType<typeof polyFromTerms>, pt: bigint[]): [bigint, bigint] => {
      let n = 0n;
      let d = 1n;
      for (const t of sortedTerms(p)) {
        let m = t.coeff.n;
        // exponents are aligned with p.layout.vars (natural order), values with VARS
        t.exps.forEach((e, i) => (m *= pt[VARS.indexOf(p.layout.vars[i]!)]! ** BigInt(e)));
        n = n * t.coeff.d + m * d;
        d *= t.coeff.d;
      }
      return [n, d];
    };
    fc.assert(
      fc.property(poly, poly, fc.array(fc.bigInt({ min: -3n, max: 3n }), { minLength: 3, maxLength: 3 }), (p, q, pt) => {
        const [pn, pd] = evalAt(p, pt);
        const [qn, qd] = evalAt(q, pt);
        const [rn, rd] = evalAt(polyMul(p, q), pt);
        expect(rn * pd * qd).toBe(pn * qn * rd);
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});

describe('layouts, degrees, variables', () => {
  it('polynomials over different variables combine', () => {
    const p = polyAdd(polyVar('x10'), polyVar('x2'));
    const q = polyPow(polyVar('y'), 70); // a wider exponent field than p's
    expect(polyToText(polyMul(p, q))).toBe('x2*y^70 + x10*y^70');
    expect(polyVariables(polyMul(p, q))).toEqual(['x2', 'x10', 'y']);
  });

  it.each([
    ['(x + y^3)^2 + z', undefined, 6],
    ['(x + y^3)^2 + z', ['x'], 2],
    ['(x + y^3)^2 + z', ['z'], 1],
    ['0', undefined, -Infinity],
  ])('degree of %s in %j is %s', (text, vars, d) => {
    expect(polyDegree(expand(parse(text)), vars as string[] | undefined)).toBe(d);
  });
});
