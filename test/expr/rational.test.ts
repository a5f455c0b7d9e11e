import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArithmeticError,
  MAX_DECIMAL_EXPONENT,
  MAX_POWER_BITS,
  PowerTooLargeError,
  Q,
  gcd,
  intRoot,
  qadd,
  qcmp,
  qdiv,
  qfloor,
  qfromNumber,
  qinv,
  qmul,
  qparse,
  qpow,
  qpowInt,
  qsub,
  qtoNumber,
  qtoString,
} from '../../src/expr/rational.js';

const rat = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => Q(n, d));
const reduced = (q: { n: bigint; d: bigint }): boolean => q.d > 0n && gcd(q.n, q.d) === (q.n === 0n ? q.d : 1n) && (q.n !== 0n || q.d === 1n);

describe('Q: reduced, denominator positive', () => {
  it.each([
    [6, 4, '3/2'],
    [-6, 4, '-3/2'],
    [6, -4, '-3/2'],
    [-6, -4, '3/2'],
    [0, -7, '0'],
    [0, 5, '0'],
    [10, 5, '2'],
  ])('Q(%i, %i) = %s', (n, d, s) => {
    const q = Q(n, d);
    expect(qtoString(q)).toBe(s);
    expect(reduced(q)).toBe(true);
  });

  it('is frozen', () => expect(Object.isFrozen(Q(1, 2))).toBe(true));
  it('rejects a zero denominator', () => expect(() => Q(1, 0)).toThrow(ArithmeticError));
  it('rejects floats: no float ever enters the core', () => {
    // a typed refusal (the CLI prints it as one line), not a TypeError from inside
    expect(() => Q(0.5)).toThrow(ArithmeticError);
    expect(() => Q(1, 0.5)).toThrow(ArithmeticError);
    expect(() => Q(Number.NaN)).toThrow(ArithmeticError);
  });

  it('arithmetic results are always reduced (property)', () => {
    fc.assert(
      fc.property(rat, rat, (a, b) => {
        for (const r of [qadd(a, b), qsub(a, b), qmul(a, b), ...(b.n !== 0n ? [qdiv(a, b)] : [])]) expect(reduced(r)).toBe(true);
        // a/b·b = a, (a + b) − b = a
        expect(qsub(qadd(a, b), b)).toEqual(a);
        if (b.n !== 0n) expect(qmul(qdiv(a, b), b)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('(1/3 + 1/6)·6 is exactly 3', () => expect(qmul(qadd(Q(1, 3), Q(1, 6)), Q(6))).toEqual(Q(3)));
  it('qinv(0) throws', () => expect(() => qinv(Q(0))).toThrow(ArithmeticError));
  it('qcmp agrees with cross multiplication', () => {
    expect(qcmp(Q(1, 3), Q(1, 2))).toBe(-1);
    expect(qcmp(Q(-1, 3), Q(-1, 2))).toBe(1);
    expect(qcmp(Q(2, 4), Q(1, 2))).toBe(0);
  });
  it.each([
    [Q(7, 2), 3n],
    [Q(-7, 2), -4n],
    [Q(-6, 2), -3n],
    [Q(0), 0n],
  ])('qfloor(%o) = %s', (q, f) => expect(qfloor(q)).toBe(f));
});

describe('qpow and intRoot', () => {
  it.each([
    [Q(4), Q(1, 2), '2'],
    [Q(8, 27), Q(2, 3), '4/9'],
    [Q(4, 9), Q(-3, 2), '27/8'],
    [Q(2), Q(1, 2), undefined],
    [Q(-8), Q(1, 3), undefined], // no real principal root taken for negative bases
    [Q(-2), Q(3), '-8'],
    [Q(2, 3), Q(-2), '9/4'],
    [Q(0), Q(1, 2), '0'],
    [Q(10n ** 40n), Q(1, 4), '10000000000'],
  ])('%o^%o = %s', (a, e, s) => {
    const r = qpow(a, e);
    expect(r === undefined ? undefined : qtoString(r)).toBe(s);
  });
  it('0 to a negative power throws', () => {
    expect(() => qpow(Q(0), Q(-1, 2))).toThrow(ArithmeticError);
    expect(() => qpowInt(Q(0), -1n)).toThrow(ArithmeticError);
  });
  it('intRoot is exact on perfect powers and undefined otherwise (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 2, max: 7 }), (r, k) => {
        const kk = BigInt(k);
        expect(intRoot(r ** kk, kk)).toBe(r);
        if (r > 1n) expect(intRoot(r ** kk + 1n, kk)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it('qpowInt keeps the result reduced with a negative base', () => {
    const r = qpowInt(Q(-2, 3), -3n);
    expect(r).toEqual(Q(-27, 8));
    expect(reduced(r)).toBe(true);
  });
});

describe('budgets: exact powers that would explode are refused, fast', () => {
  it('qpowInt refuses a result beyond MAX_POWER_BITS with a typed error naming the size', () => {
    expect(() => qpowInt(Q(3), 10n ** 9n)).toThrow(PowerTooLargeError);
    expect(() => qpowInt(Q(3), 10n ** 9n)).toThrow(/3\^1000000000 would have about 1000000000 bits, more than MAX_POWER_BITS = 1000000/);
    expect(() => qpowInt(Q(1, 2), -(10n ** 9n))).toThrow(PowerTooLargeError);
    expect(new PowerTooLargeError('x')).toBeInstanceOf(ArithmeticError);
  });
  it('bases 0 and ±1 take any exponent; sizes within the budget are computed', () => {
    expect(qpowInt(Q(-1), 10n ** 12n + 1n)).toEqual(Q(-1));
    expect(qpowInt(Q(1), 10n ** 12n)).toEqual(Q(1));
    expect(qpowInt(Q(2), BigInt(MAX_POWER_BITS))).toEqual(Q(2n ** BigInt(MAX_POWER_BITS)));
  });
  it('intRoot with a huge index answers at once', () => {
    expect(intRoot(4n, 10n ** 9n)).toBeUndefined();
    expect(qpow(Q(4), Q(1n, 10n ** 9n))).toBeUndefined();
    expect(qpow(Q(1), Q(1n, 10n ** 9n))).toEqual(Q(1));
  });
  it('qparse refuses decimal exponents beyond ±MAX_DECIMAL_EXPONENT', () => {
    expect(() => qparse('1e1000000000')).toThrow(PowerTooLargeError);
    expect(() => qparse('1e-1000000000')).toThrow(PowerTooLargeError);
    expect(qparse(`1e${MAX_DECIMAL_EXPONENT}`)).toEqual(Q(10n ** BigInt(MAX_DECIMAL_EXPONENT)));
  });
});

describe('qtoNumber accuracy', () => {
  it.each([
    [Q(1, 3), 1 / 3],
    [Q(-2, 7), -2 / 7],
    [Q(10n ** 30n + 1n, 3n * 10n ** 30n), 1 / 3],
    [Q(1n, 10n ** 400n), 0], // underflows to 0, not NaN
    [Q(10n ** 400n + 1n, 10n ** 399n), 10],
    [Q(2n ** 80n + 1n, 2n ** 80n), 1],
  ])('qtoNumber(%o) = %d', (q, x) => expect(qtoNumber(q)).toBe(x));
  it('is correctly rounded: qfromNumber ∘ qtoNumber is the identity on doubles (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        expect(qtoNumber(qfromNumber(x))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 300 },
    );
  });
  it('is within one ulp of the true ratio for huge operands (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 60n }), fc.bigInt({ min: 1n, max: 10n ** 60n }), (n, d) => {
        const x = qtoNumber(Q(n, d));
        // exact check: |x − n/d| ≤ 2^-52·|x|, compared in rationals
        const err = qsub(qfromNumber(x), Q(n, d));
        const bound = qmul(qfromNumber(Math.abs(x)), Q(1n, 2n ** 52n));
        expect(qcmp(err.n < 0n ? Q(-err.n, err.d) : err, bound)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('qparse forms', () => {
  it.each([
    ['12', '12'],
    ['-12', '-12'],
    ['+3', '3'],
    ['3/4', '3/4'],
    ['-6/8', '-3/4'],
    ['6/-8', '-3/4'],
    [' 1 / 3 ', '1/3'],
    ['0.1', '1/10'],
    ['.25', '1/4'],
    ['2.', '2'],
    ['-1.50', '-3/2'],
    ['1e-3', '1/1000'],
    ['2.5E2', '250'],
    ['1e0', '1'],
  ])('qparse(%j) = %s', (t, s) => expect(qtoString(qparse(t)!)).toBe(s));
  it.each(['', '.', '1/0', 'abc', '1.2.3', '1/2/3', 'e5', '--1', '1e', '0x10', 'Infinity', 'NaN'])('qparse(%j) is undefined', (t) =>
    expect(qparse(t)).toBeUndefined(),
  );
});

describe('qfromNumber', () => {
  it.each([
    [0.5, '1/2'],
    [0.1, '3602879701896397/36028797018963968'],
    [-3, '-3'],
    [2 ** -1074, `1/${2n ** 1074n}`],
  ])('qfromNumber(%d) = %s', (x, s) => expect(qtoString(qfromNumber(x))).toBe(s));
  it('rejects non-finite numbers', () => expect(() => qfromNumber(Infinity)).toThrow(ArithmeticError));
});
