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
import { ClosedformError } from './errors.js';
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Raised for arithmetic that has no value (division by zero, 0 to a negative power). */
export class ArithmeticError extends ClosedformError {
  override readonly name: string = 'ArithmeticError';
}

/**
 * Raised instead of computing an exact power whose result would exceed {@link MAX_POWER_BITS}
 * (`2^1000000000` would take minutes and gigabytes). The expression constructors catch it and
 * keep such a power symbolic.
 */
export class PowerTooLargeError extends ArithmeticError {
  override readonly name = 'PowerTooLargeError';
}

/**
 * Largest exact power computed, in bits of the result. Measured: 3^630000 (10^6 bits) takes
 * ~30 ms and prints as 300,000 decimal digits in ~0.3 s; a thousand times more would hang.
 */
export const MAX_POWER_BITS = 1_000_000;

/** Largest decimal exponent read by {@link qparse}: 10^100000 has 332,000 bits (~20 ms). */
export const MAX_DECIMAL_EXPONENT = 100_000;

const absBig = (a: bigint): bigint => (a < 0n ? -a : a);
function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

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
  if (!Number.isInteger(x)) throw new ArithmeticError(`Q expects integers, got ${x}; use qparse for decimals`);
  return BigInt(x);
}

/** The constants 0, 1 and −1. */
export const ZERO: Rational = Q(0n);
export const ONE: Rational = Q(1n);
export const MINUS_ONE: Rational = Q(-1n);

/**
 * Exact arithmetic, every result reduced: `qadd`, `qsub`, `qmul`, `qdiv` (throws
 * {@link ArithmeticError} on division by 0), `qneg`, `qinv`, `qabs`; comparisons `qeq`, `qcmp`
 * (−1, 0, 1), `qsign`; tests `qisZero`, `qisOne`, `qisInt`.
 *
 * @example
 * ```ts
 * import { Q, qadd, qmul, qcmp } from 'closedform';
 * qmul(qadd(Q(1, 3), Q(1, 6)), Q(6)); // { n: 3n, d: 1n }
 * qcmp(Q(1, 3), Q(1, 2)); // -1
 * ```
 */
export function qadd(a: Rational, b: Rational): Rational {
  // Fast paths (0 + b, integers): the constructors add exponents and coefficients that are
  // mostly small integers, and the gcd of the general path dominates their cost.
  if (a.n === 0n) return b;
  if (b.n === 0n) return a;
  if (a.d === 1n && b.d === 1n) return Object.freeze({ n: a.n + b.n, d: 1n });
  return a.d === b.d ? Q(a.n + b.n, a.d) : Q(a.n * b.d + b.n * a.d, a.d * b.d);
}
export const qsub = (a: Rational, b: Rational): Rational => qadd(a, qneg(b));
export function qmul(a: Rational, b: Rational): Rational {
  // Fast paths as in qadd: 1·b, and integer products need no gcd.
  if (a.n === 1n && a.d === 1n) return b;
  if (b.n === 1n && b.d === 1n) return a;
  if (a.d === 1n && b.d === 1n) return Object.freeze({ n: a.n * b.n, d: 1n });
  return Q(a.n * b.n, a.d * b.d);
}
export const qneg = (a: Rational): Rational => Object.freeze({ n: -a.n, d: a.d });
/** 1/a; throws {@link ArithmeticError} for 0. */
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
  // |a|^k has about k·log2 max(|n|, d) bits; bases 0 and ±1 stay small at any k.
  const bits = BigInt(Math.max(bitLength(absBig(a.n)), bitLength(a.d)) - 1) * k;
  if (bits > BigInt(MAX_POWER_BITS)) {
    throw new PowerTooLargeError(`${qtoString(a)}^${k} would have about ${bits} bits, more than MAX_POWER_BITS = ${MAX_POWER_BITS}`);
  }
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
  // A root x ≥ 2 has x^k ≥ 2^k, so a needs more than k bits (this also keeps huge k cheap).
  if (BigInt(bitLength(a)) <= k) return undefined;
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


/**
 * The nearest double, correctly rounded (half to even) at every size, subnormals included.
 *
 * Small operands divide exactly in IEEE arithmetic. Otherwise the quotient is formed in BigInt
 * with 55 significant bits plus a sticky bit, so the one rounding, `Number(bigint)`, is correct;
 * the power-of-two scaling after it is exact. Results below 2^−1021 are rounded directly to a
 * multiple of 2^−1074 (the subnormal spacing), since rounding to 53 bits first would round twice.
 */
export function qtoNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  if (absBig(a.n) < 2n ** 53n && a.d < 2n ** 53n) return Number(a.n) / Number(a.d);
  const sign = a.n < 0n ? -1 : 1;
  const n = absBig(a.n);
  const d = a.d;
  const e = bitLength(n) - bitLength(d); // 2^(e−1) < n/d < 2^(e+1)
  if (e < -1021) {
    const scaled = n << 1074n;
    let m = scaled / d;
    const r2 = 2n * (scaled - m * d);
    if (r2 > d || (r2 === d && (m & 1n) === 1n)) m += 1n;
    return sign * Number(m) * Number.MIN_VALUE; // m < 2^53: exact
  }
  const s = 55 - e;
  const num = s >= 0 ? n << BigInt(s) : n;
  const den = s >= 0 ? d : d << BigInt(-s);
  let q = num / den;
  if (q * den !== num) q |= 1n; // sticky bit: the quotient is not exact
  let x = Number(q);
  let k = s;
  for (; k > 1000; k -= 1000) x *= 2 ** -1000; // exact: the result is a normal number
  for (; k < -1000; k += 1000) x *= 2 ** 1000;
  return sign * x * 2 ** -k;
}

/** `n` or `n/d`. */
export const qtoString = (a: Rational): string => (a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`);

/**
 * Exact rational from text: integers (`-12`), fractions (`3/4`), decimals (`0.1` is 1/10),
 * and scientific notation (`1e-3`). Returns undefined for anything else; throws
 * {@link PowerTooLargeError} for a decimal exponent beyond ±{@link MAX_DECIMAL_EXPONENT}.
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
  if (exp > BigInt(MAX_DECIMAL_EXPONENT) || -exp > BigInt(MAX_DECIMAL_EXPONENT)) {
    throw new PowerTooLargeError(`the decimal exponent of ${t} is beyond ±${MAX_DECIMAL_EXPONENT}`);
  }
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
