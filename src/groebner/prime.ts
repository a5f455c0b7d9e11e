/**
 * Arithmetic modulo word-size primes, on doubles.
 *
 * Primes lie below 2²⁶, so a product of two residues is below 2⁵² and exact in a double; a
 * product plus a residue stays below 2⁵³. `a·b mod p` is `t − ⌊t/p⌋·p` with the quotient from one
 * multiplication by 1/p: the rounded quotient can be off by one, which leaves the result in
 * (−p, 2p); `reduce` puts it back in [0, p). The inner loops of the row reduction keep residues in
 * that loose range and normalise only where a value is read as a multiplier — no BigInt and no
 * branch in the innermost loop.
 */
import { type Rational } from '../expr/rational.js';

/** Largest prime used (exclusive bound): products of two residues are exact in a double. */
export const PRIME_BOUND = 2 ** 26;

/** A prime modulus with its reciprocal, the unit of every modular computation. */
export interface Prime {
  readonly p: number;
  readonly inv: number;
}

export const makePrime = (p: number): Prime => ({ p, inv: 1 / p });

/** t mod p for an integer-valued double |t| < 2⁵³, into [0, p). */
export function reduce(t: number, P: Prime): number {
  let r = t - Math.floor(t * P.inv) * P.p;
  if (r < 0) r += P.p;
  else if (r >= P.p) r -= P.p;
  return r;
}

/** a·b mod p for residues a, b ∈ [0, p). */
export const mulmod = (a: number, b: number, P: Prime): number => reduce(a * b, P);

/** a⁻¹ mod p by the extended Euclidean algorithm (a ≢ 0). */
export function invmod(a: number, P: Prime): number {
  let [r0, r1] = [P.p, reduce(a, P)];
  let [s0, s1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new RangeError(`${a} is not invertible modulo ${P.p}`);
  return s0 < 0 ? s0 + P.p : s0;
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** The largest prime below `below`: primes are taken downwards from 2²⁶, deterministically. */
export function previousPrime(below: number): number {
  let n = below - 1;
  if (n % 2 === 0) n--;
  while (!isPrime(n)) n -= 2;
  return n;
}

/**
 * The first `k` primes below 2²⁶ (descending), memoised.
 *
 * @example
 * ```ts
 * primesBelowBound(2); // [67108859, 67108837]
 * ```
 */
export function primesBelowBound(k: number): number[] {
  while (PRIMES.length < k) PRIMES.push(previousPrime(PRIMES.length === 0 ? PRIME_BOUND : PRIMES[PRIMES.length - 1]!));
  return PRIMES.slice(0, k);
}
const PRIMES: number[] = [];

/** The k-th prime below 2²⁶ (descending, k from 0), memoised: found as needed, not 2 000 up front (≈ 50 ms by trial division). */
export function primeAt(k: number): number {
  while (PRIMES.length <= k) PRIMES.push(previousPrime(PRIMES.length === 0 ? PRIME_BOUND : PRIMES[PRIMES.length - 1]!));
  return PRIMES[k]!;
}

/** n mod p for a BigInt n, into [0, p). */
export const bigmod = (n: bigint, p: number): number => {
  const r = Number(n % BigInt(p));
  return r < 0 ? r + p : r;
};

/**
 * The image of a rational in F_p, or undefined when p divides its numerator or denominator: such a
 * prime changes the support of the polynomial it occurs in, and the engine does not use it.
 */
export function ratmod(q: Rational, P: Prime): number | undefined {
  const n = bigmod(q.n, P.p);
  const d = bigmod(q.d, P.p);
  if (n === 0 || d === 0) return undefined;
  return mulmod(n, invmod(d, P), P);
}
