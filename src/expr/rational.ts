/**
 * Exact rational numbers on BigInt.
 *
 * Invariant: `gcd(n, d) = 1` and `d > 0`, so equal rationals have equal fields and a rational
 * has exactly one representation. Plain frozen data; all arithmetic is free functions.
 *
 * @example
 * ```ts
 * import { Q, qadd, qtoString } from 'closedform';
 * qtoString(qadd(Q(1, 3), Q(1, 6))); // '1/2'
 * ```
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Raised for arithmetic that has no value (division by zero, 0 to a negative power). */
export class ArithmeticError extends Error {
  override readonly name = 'ArithmeticError';
}

const absBig = (a: bigint): bigint => (a < 0n ? -a : a);

/** Greatest common divisor of two BigInts (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The reduced rational n/d; throws {@link ArithmeticError} when d = 0. */
export function Q(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === 'bigint' ? n : toBigIntExact(n);
  let dd = typeof d === 'bigint' ? d : toBigIntExact(d);
  if (dd === 0n) throw new ArithmeticError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  if (g !== 1n && g !== 0n) {
    nn /= g;
    dd /= g;
  }
  return Object.freeze({ n: nn, d: dd });
}

function toBigIntExact(x: number): bigint {
  if (!Number.isInteger(x)) throw new TypeError(`Q expects integers, got ${x}; use qparse for decimals`);
  return BigInt(x);
}

export const ZERO: Rational = Q(0n);
export const ONE: Rational = Q(1n);
export const MINUS_ONE: Rational = Q(-1n);

export const qadd = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? Q(a.n + b.n, a.d) : Q(a.n * b.d + b.n * a.d, a.d * b.d);
export const qsub = (a: Rational, b: Rational): Rational => qadd(a, qneg(b));
export const qmul = (a: Rational, b: Rational): Rational => Q(a.n * b.n, a.d * b.d);
export const qneg = (a: Rational): Rational => Object.freeze({ n: -a.n, d: a.d });
export function qinv(a: Rational): Rational {
  if (a.n === 0n) throw new ArithmeticError('division by zero');
  return Q(a.d, a.n);
}
export const qdiv = (a: Rational, b: Rational): Rational => qmul(a, qinv(b));
export const qeq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const qcmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const qsign = (a: Rational): number => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const qabs = (a: Rational): Rational => (a.n < 0n ? qneg(a) : a);
export const qisZero = (a: Rational): boolean => a.n === 0n;
export const qisOne = (a: Rational): boolean => a.n === 1n && a.d === 1n;
export const qisInt = (a: Rational): boolean => a.d === 1n;

/** a^k for an integer k (negative k inverts). */
export function qpowInt(a: Rational, k: bigint): Rational {
  if (k < 0n) return qpowInt(qinv(a), -k);
  let n = 1n;
  let d = 1n;
  let bn = a.n;
  let bd = a.d;
  let e = k;
  while (e > 0n) {
    if (e & 1n) {
      n *= bn;
      d *= bd;
    }
    bn *= bn;
    bd *= bd;
    e >>= 1n;
  }
  return Object.freeze({ n, d }); // powers of coprime numbers stay coprime
}

/** The exact k-th root of a non-negative integer, or undefined when it is irrational. */
export function intRoot(a: bigint, k: bigint): bigint | undefined {
  if (a < 0n) return undefined;
  if (a < 2n) return a;
  // Newton iteration on integers, starting above the root.
  const bits = BigInt(a.toString(2).length);
  let x = 1n << (bits / k + 1n);
  for (;;) {
    const y = ((k - 1n) * x + a / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  return x ** k === a ? x : undefined;
}

/**
 * a^(p/q) when the result is rational, else undefined. Only non-negative bases are rooted:
 * the principal root of a negative number is not real.
 */
export function qpow(a: Rational, e: Rational): Rational | undefined {
  if (e.d === 1n) return qpowInt(a, e.n);
  if (a.n < 0n) return undefined;
  if (a.n === 0n) {
    if (e.n < 0n) throw new ArithmeticError('0 raised to a negative power');
    return ZERO;
  }
  const rn = intRoot(a.n, e.d);
  const rd = intRoot(a.d, e.d);
  if (rn === undefined || rd === undefined) return undefined;
  return qpowInt(Q(rn, rd), e.n);
}

/** Floor of a rational as a BigInt. */
export function qfloor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Nearest double (correctly rounded for moderate sizes; exact ratio of BigInts otherwise). */
export function qtoNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const n = Number(a.n);
  const d = Number(a.d);
  if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) < 2 ** 53 && d < 2 ** 53) return n / d;
  // Scale so that the quotient keeps 64 significant bits, then divide.
  const shift = BigInt(a.d.toString(2).length - a.n.toString(2).length + 64);
  const scaled = shift > 0n ? (a.n << shift) / a.d : a.n / (a.d << -shift);
  return Number(scaled) * 2 ** -Number(shift);
}

/** `n` or `n/d`. */
export const qtoString = (a: Rational): string => (a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`);

/**
 * Exact rational from text: integers (`-12`), fractions (`3/4`), decimals (`0.1` is 1/10),
 * and scientific notation (`1e-3`). Returns undefined for anything else.
 */
export function qparse(text: string): Rational | undefined {
  const t = text.trim();
  const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(t);
  if (frac) {
    const d = BigInt(frac[2]!);
    return d === 0n ? undefined : Q(BigInt(frac[1]!), d);
  }
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) return undefined;
  const sign = dec[1] === '-' ? -1n : 1n;
  const intPart = dec[2] || '0';
  const fracPart = dec[3] ?? '';
  const exp = BigInt(dec[4] ?? '0') - BigInt(fracPart.length);
  const digits = BigInt(intPart + fracPart) * sign;
  return exp >= 0n ? Q(digits * 10n ** exp) : Q(digits, 10n ** -exp);
}

/** Exact rational value of a finite double (every double is a dyadic rational). */
export function qfromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new ArithmeticError(`${x} is not a finite number`);
  if (Number.isInteger(x)) return Q(BigInt(x));
  let d = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    d *= 2n;
  }
  return Q(BigInt(v), d);
}
