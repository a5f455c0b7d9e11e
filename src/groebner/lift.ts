/**
 * From residues to rationals: Chinese remaindering and rational reconstruction.
 *
 * Residues of one rational r = n/d modulo primes p₁, …, p_k (none dividing d) determine
 * r mod M, M = Πpᵢ; when |n|, d ≤ √(M/2) the extended Euclidean algorithm on (M, r mod M)
 * stopped at the first remainder below √(M/2) recovers n/d uniquely (Wang's rational
 * reconstruction). A lift is accepted only when it also explains the residues of one more prime,
 * which the caller checks.
 */
import { type Rational, Q } from '../expr/rational.js';
import { bigmod, invmod, makePrime, mulmod } from './prime.js';

/** Residue vectors combined so far: every value modulo M, in [0, M). */
export interface Crt {
  values: bigint[];
  modulus: bigint;
  primes: number[];
}

export const newCrt = (): Crt => ({ values: [], modulus: 1n, primes: [] });

/** Combine residues modulo a new prime p into the running values (in place). */
export function crtAdd(c: Crt, residues: ArrayLike<number>, p: number): void {
  const P = BigInt(p);
  if (c.primes.length === 0) {
    c.values = Array.from(residues, (r) => BigInt(r));
    c.modulus = P;
    c.primes.push(p);
    return;
  }
  if (residues.length !== c.values.length) throw new RangeError(`residue vector of length ${residues.length}, expected ${c.values.length}`);
  // x ≡ a (mod M), x ≡ r (mod p): x = a + M·((r − a)·M⁻¹ mod p)
  const Mp = Number(c.modulus % P);
  const Minv = BigInt(invmod(Mp, makePrime(p)));
  for (let k = 0; k < c.values.length; k++) {
    const a = c.values[k]!;
    const am = Number(a % P);
    let t = (residues[k]! - am) % p;
    if (t < 0) t += p;
    if (t === 0) continue;
    c.values[k] = a + c.modulus * ((BigInt(t) * Minv) % P);
  }
  c.modulus *= P;
  c.primes.push(p);
}

/** Integer square root ⌊√n⌋ for n ≥ 0: Newton's iteration from a power of two above the root decreases to it. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * The rational n/d ≡ a (mod M) with |n|, d ≤ bound (default √(M/2)), or undefined.
 *
 * @example
 * ```ts
 * // 2/3 mod 101 is 68
 * reconstruct(68n, 101n); // { n: 2n, d: 3n }
 * ```
 */
export function reconstruct(a: bigint, M: bigint, bound: bigint = isqrt(M / 2n)): Rational | undefined {
  let [r0, r1] = [M, ((a % M) + M) % M];
  let [t0, t1] = [0n, 1n];
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n) return undefined;
  const d = t1 < 0n ? -t1 : t1;
  if (d > bound) return undefined;
  const n = t1 < 0n ? -r1 : r1;
  const q = Q(n, d);
  // n/d must be in lowest terms with d invertible mod M (gcd(d, M) = 1) to be the lift.
  if (q.d !== d) return undefined;
  return q;
}

/** Residue of a rational modulo p (zero allowed), or undefined if p divides the denominator. */
export function rationalMod(q: Rational, p: number): number | undefined {
  const P = makePrime(p);
  const d = bigmod(q.d, p);
  return d === 0 ? undefined : mulmod(bigmod(q.n, p), invmod(d, P), P);
}
