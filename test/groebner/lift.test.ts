/**
 * Lifting residues to rationals (src/groebner/lift.ts), against independent oracles: the
 * rationals the residues were made from (Wang's uniqueness theorem: |n|, d ≤ √(M/2) determine
 * n/d from n/d mod M), a textbook extended Euclid written out here, and rational.ts's gcd.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Rational, Q, gcd } from '../../src/expr/rational.js';
import { gcdFast, isqrt, liftAdd, liftResult, newLifter, reconstruct } from '../../src/groebner/lift.js';
import { primesBelowBound } from '../../src/groebner/prime.js';

const modOf = (q: Rational, M: bigint): bigint => {
  // n·d⁻¹ mod M by the extended Euclid on (d, M)
  let [r0, r1, s0, s1] = [((q.d % M) + M) % M, M, 1n, 0n];
  while (r1 !== 0n) {
    const t = r0 / r1;
    [r0, r1] = [r1, r0 - t * r1];
    [s0, s1] = [s1, s0 - t * s1];
  }
  return (((q.n * s0) % M) + M) % M;
};

/** The textbook algorithm: Euclid on (M, a) to the first remainder ≤ bound, one quotient at a time. */
function textbook(a: bigint, M: bigint, bound: bigint): Rational | undefined {
  let [r0, r1, t0, t1] = [M, ((a % M) + M) % M, 0n, 1n];
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n) return undefined;
  const d = t1 < 0n ? -t1 : t1;
  const n = t1 < 0n ? -r1 : r1;
  if (d > bound || gcd(n, d) !== 1n) return undefined;
  return Q(n, d);
}

const primes = primesBelowBound(80);
const modulus = (k: number): bigint => primes.slice(0, k).reduce((m, p) => m * BigInt(p), 1n);
const bigInt = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });

describe('rational reconstruction (Lehmer-accelerated)', () => {
  it.each([1, 2, 3, 4, 6, 13, 41, 80])('recovers every n/d with |n|, d ≤ √(M/2) from n/d mod M (M a product of %i primes)', (k) => {
    const M = modulus(k);
    const B = isqrt(M / 2n);
    fc.assert(
      fc.property(fc.bigInt({ min: -B, max: B }), fc.bigInt({ min: 1n, max: B }), (n, d) => {
        const q = Q(n, d);
        expect(reconstruct(modOf(q, M), M)).toEqual(q);
      }),
      { numRuns: 200 },
    );
  });

  it.each([1, 2, 3, 5, 45])('agrees with the textbook algorithm on arbitrary residues (M a product of %i primes)', (k) => {
    const M = modulus(k);
    const B = isqrt(M / 2n);
    fc.assert(
      fc.property(bigInt(26 * k + 8), (a) => {
        expect(reconstruct(a, M, B)).toEqual(textbook(a, M, B));
      }),
      { numRuns: 300 },
    );
  });

  it('gcdFast is the gcd (doubles below 2^53, Lehmer above)', () => {
    fc.assert(
      fc.property(fc.oneof(bigInt(40), bigInt(200)), fc.oneof(bigInt(40), bigInt(200)), fc.bigInt({ min: 1n, max: 1n << 60n }), (a, b, g) => {
        expect(gcdFast(a * g, -b * g)).toBe(gcd(a * g, b * g));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the coefficient-by-coefficient lifter', () => {
  // Blocks of rationals as basis polynomials have them: a common denominator per block (often),
  // integers, zeros, and sizes from a few bits to several primes' worth.
  const value = (D: bigint) =>
    fc.oneof(
      fc.bigInt({ min: -(1n << 150n), max: 1n << 150n }).map((n) => Q(n, D)),
      fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }).map((n) => Q(n)),
      fc.constant(Q(0)),
      fc.tuple(fc.bigInt({ min: -(1n << 60n), max: 1n << 60n }), fc.bigInt({ min: 1n, max: 1n << 60n })).map(([n, d]) => Q(n, d)),
    );
  const blocks = fc.array(
    fc.bigInt({ min: 1n, max: 1n << 120n }).chain((D) => fc.array(value(D), { minLength: 1, maxLength: 12 })),
    { minLength: 1, maxLength: 8 },
  );

  it('lifts every value exactly, and the last prime took part in no lift', () => {
    fc.assert(
      fc.property(blocks, fc.integer({ min: 1, max: 2 }), (bs, checks) => {
        const values = bs.flat();
        const L = newLifter(values.length, checks, bs.map((b) => b.length));
        let done = false;
        let k = 0;
        while (!done) {
          const p = primes[k++]!;
          const residues = Float64Array.from(values, (q) => Number(modOf(q, BigInt(p))));
          done = liftAdd(L, residues, p);
          expect(k).toBeLessThan(primes.length);
        }
        const r = liftResult(L);
        expect(r.values).toEqual(values);
        expect(r.checkPrimes).toHaveLength(checks);
        expect(r.primes.length + r.checkPrimes.length).toBe(k);
        // No more primes than Wang's bound needs for the largest value (2·max(|n|, d)² < M), plus one.
        const need = values.reduce((m, q) => {
          const an = q.n < 0n ? -q.n : q.n;
          const h = an > q.d ? an : q.d;
          return 2n * h * h > m ? 2n * h * h : m;
        }, 1n);
        let enough = 1;
        while (modulus(enough) <= need) enough++;
        expect(r.primes.length).toBeLessThanOrEqual(enough + 1);
      }),
      { numRuns: 60 },
    );
  });
});
