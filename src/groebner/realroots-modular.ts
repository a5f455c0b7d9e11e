/**
 * Two facts about an integer polynomial f (lowest degree first) from its images modulo a prime:
 *
 * 1. **Square-free certificate.** If p ∤ lc(f) and f mod p is square-free (gcd(f̄, f̄′) = 1 in
 *    F_p[x]), then f is square-free over Q: a repeated factor g² | f would reduce to ḡ² | f̄ with
 *    deg ḡ = deg g. A square-free f fails only at primes dividing its discriminant, so a few
 *    random primes of 21 bits find a certificate; every prime fails when f is not square-free.
 * 2. **Rational roots.** A rational root u/v (lowest terms) of f has v | lc(f), so p ∤ v and u/v
 *    reduces to a root of f̄; with f̄ square-free that root is simple and lifts uniquely to the
 *    p-adic integers by Newton's iteration (Hensel). y = lc(f)·u/v is an integer bounded by
 *    |lc|·2^B for a root bound 2^B, so once p^k > 2·|lc|·2^B the symmetric residue of lc·r mod p^k
 *    is y itself: each root of f̄ yields one candidate, tested exactly by division by v·x − u.
 *
 * Arithmetic mod p on doubles: p < 2^21, so a product is below 2^42 and 2^11 of them add exactly.
 */
import { seededRng } from '../util/rng.js';
import { gcd } from '../expr/rational.js';
import { bitLength } from './interval.js';

/** Primes tried for a square-free certificate before f is reported as not square-free. */
export const SQUAREFREE_PRIMES = 8;
const PRIME_LO = 1 << 20;

/** Deterministic Miller–Rabin for n < 3.2·10⁹ (bases 2, 3, 5, 7). */
function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (const q of [2, 3, 5, 7]) if (n % q === 0) return n === q;
  let d = n - 1;
  let s = 0;
  while (d % 2 === 0) {
    d /= 2;
    s++;
  }
  for (const a of [2, 3, 5, 7]) {
    let x = powMod(a, d, n);
    if (x === 1 || x === n - 1) continue;
    let composite = true;
    for (let r = 1; r < s && composite; r++) {
      x = mulMod(x, x, n);
      if (x === n - 1) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

const mulMod = (a: number, b: number, p: number): number => (a * b) % p;
function powMod(a: number, e: number, p: number): number {
  let r = 1;
  let b = a % p;
  for (; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) r = mulMod(r, b, p);
    b = mulMod(b, b, p);
  }
  return r;
}
const invMod = (a: number, p: number): number => powMod(a, p - 2, p);

/** The sequence of random primes in [2^20, 2^21) used by the certificates (seeded: reproducible). */
export function* certificatePrimes(seed = 1): Generator<number> {
  const r = seededRng(seed);
  for (;;) {
    let p = PRIME_LO + Math.floor(r() * PRIME_LO);
    while (!isPrime(p)) p++;
    yield p;
  }
}

type ModPoly = number[];

const trimMod = (a: ModPoly): ModPoly => {
  while (a.length > 0 && a[a.length - 1] === 0) a.pop();
  return a;
};
const reduce = (f: readonly bigint[], p: number): ModPoly => {
  const P = BigInt(p);
  return trimMod(f.map((c) => Number(((c % P) + P) % P)));
};

/** a·b mod p, the products accumulated in doubles and reduced every 2^10 terms. */
function mulPoly(a: ModPoly, b: ModPoly, p: number): ModPoly {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai !== 0) for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
    if ((i & 1023) === 1023) for (let k = 0; k < out.length; k++) out[k]! %= p;
  }
  for (let k = 0; k < out.length; k++) out[k]! %= p;
  return trimMod(out);
}

/** a mod m for monic m. */
function remMonic(a: ModPoly, m: ModPoly, p: number): ModPoly {
  const r = a.slice();
  const dm = m.length - 1;
  for (let k = r.length - 1, rows = 0; k >= dm; k--, rows++) {
    const c = r[k]! % p;
    r[k] = 0;
    if (c !== 0) for (let j = 0; j < dm; j++) r[k - dm + j]! -= c * m[j]!;
    if ((rows & 1023) === 1023) for (let i = 0; i < k; i++) r[i]! %= p;
  }
  const out = r.slice(0, Math.min(dm, r.length)).map((c) => ((c % p) + p) % p);
  return trimMod(out);
}

function monicMod(a: ModPoly, p: number): ModPoly {
  const inv = invMod(a[a.length - 1]!, p);
  return a.map((c) => mulMod(c, inv, p));
}

/** Monic gcd in F_p[x] (gcd(0, 0) = []). */
function gcdMod(a: ModPoly, b: ModPoly, p: number): ModPoly {
  let x = a.length > 0 ? monicMod(a, p) : a;
  let y = b.length > 0 ? monicMod(b, p) : b;
  while (y.length > 0) {
    const r = remMonic(x, y, p);
    x = y;
    y = r.length > 0 ? monicMod(r, p) : r;
  }
  return x;
}

/** (base)^e mod m, m monic. */
function powModPoly(base: ModPoly, e: number, m: ModPoly, p: number): ModPoly {
  let r: ModPoly = [1];
  let b = remMonic(base, m, p);
  for (; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) r = remMonic(mulPoly(r, b, p), m, p);
    if (e > 1) b = remMonic(mulPoly(b, b, p), m, p);
  }
  return r;
}

const derivMod = (a: ModPoly, p: number): ModPoly => trimMod(a.slice(1).map((c, i) => mulMod(c, (i + 1) % p, p)));

/**
 * Up to `want` primes p with p ∤ lc(f) and f mod p square-free, from the first
 * {@link SQUAREFREE_PRIMES} of the sequence. One of them proves f square-free over Q; none means
 * f is not square-free (or, for a square-free f, that every prime tried divides its discriminant).
 *
 * @example
 * ```ts
 * squarefreePrimes([-2n, 0n, 1n]); // three primes near 2^20: x² − 2 is square-free
 * squarefreePrimes([1n, 2n, 1n]); // []: (x + 1)²
 * ```
 */
export function squarefreePrimes(f: readonly bigint[], want = 3): number[] {
  const gen = certificatePrimes();
  const out: number[] = [];
  for (let k = 0; k < SQUAREFREE_PRIMES && out.length < want; k++) {
    const p = gen.next().value!;
    const fb = reduce(f, p);
    if (fb.length !== f.length) continue; // p | lc(f)
    if (gcdMod(fb, derivMod(fb, p), p).length === 1) out.push(p);
  }
  return out;
}

/** The roots in F_p of a square-free f̄: gcd(x^p − x, f̄) split by Cantor–Zassenhaus. */
function rootsModP(fb: ModPoly, p: number): number[] {
  const m = monicMod(fb, p);
  const xp = powModPoly([0, 1], p, m, p);
  const xpMinusX = xp.slice();
  while (xpMinusX.length < 2) xpMinusX.push(0);
  xpMinusX[1] = (xpMinusX[1]! - 1 + p) % p;
  const h = gcdMod(trimMod(xpMinusX), m, p); // the product of x − r over the roots r
  const out: number[] = [];
  const rnd = seededRng(p);
  const split = (g: ModPoly): void => {
    if (g.length <= 1) return;
    if (g.length === 2) {
      out.push((p - g[0]!) % p); // monic x + g0
      return;
    }
    // (x + a)^((p−1)/2) − 1 vanishes at the roots r with r + a a nonzero square: about half.
    for (;;) {
      const a = Math.floor(rnd() * p);
      const w = powModPoly([a, 1], (p - 1) / 2, g, p);
      const w1 = w.length > 0 ? w.slice() : [0];
      w1[0] = (w1[0]! - 1 + p) % p;
      const d = gcdMod(trimMod(w1), g, p);
      if (d.length > 1 && d.length < g.length) {
        split(d);
        split(divExact(g, d, p));
        return;
      }
    }
  };
  split(h);
  return out.sort((a, b) => a - b);
}

/** a / b in F_p[x] for b | a, b monic. */
function divExact(a: ModPoly, b: ModPoly, p: number): ModPoly {
  const r = a.slice();
  const db = b.length - 1;
  const q = new Array<number>(r.length - db).fill(0);
  for (let k = r.length - 1; k >= db; k--) {
    const c = ((r[k]! % p) + p) % p;
    q[k - db] = c;
    if (c !== 0) for (let j = 0; j <= db; j++) r[k - db + j] = (r[k - db + j]! - mulMod(c, b[j]!, p) + p) % p;
  }
  return q;
}

/**
 * f(x) mod M by baby steps and giant steps: with s ≈ √n and the powers x^0…x^s mod M, each chunk
 * Σ_{j<s} f_{cs+j}·x^j is formed without reduction and reduced once, then Horner in x^s over the
 * chunks — about 2√n divisions instead of n (a division costs several multiplications).
 */
function evalMod(f: readonly bigint[], pows: readonly bigint[], M: bigint): bigint {
  const s = pows.length - 1;
  let acc = 0n;
  for (let start = Math.floor((f.length - 1) / s) * s; start >= 0; start -= s) {
    let chunk = 0n;
    for (let j = 0; j < s && start + j < f.length; j++) chunk += f[start + j]! * pows[j]!;
    acc = (acc * pows[s]! + chunk) % M;
  }
  return acc < 0n ? acc + M : acc;
}

/** x^0 … x^s mod M for s = ⌈√len⌉. */
function powersMod(x: bigint, len: number, M: bigint): bigint[] {
  const s = Math.max(1, Math.ceil(Math.sqrt(len)));
  const pows = [1n % M];
  for (let j = 1; j <= s; j++) pows.push((pows[j - 1]! * x) % M);
  return pows;
}

/**
 * Whether v·x − u divides f over Z (then u/v is a root): synthetic division with every
 * quotient coefficient required to be an integer — q_{j−1} = (a_j + u·q_j)/v, and a_0 = −u·q_0.
 */
export function dividesLinear(f: readonly bigint[], u: bigint, v: bigint): boolean {
  let q = 0n;
  for (let j = f.length - 1; j >= 1; j--) {
    const t = f[j]! + u * q;
    if (t % v !== 0n) return false;
    q = t / v;
  }
  return f[0]! + u * q === 0n;
}

/**
 * Every rational root of f, exactly, increasing (f(0) ≠ 0; `primes` from {@link squarefreePrimes};
 * every real root in (−2^B, 2^B)). Each root of f mod p is lifted until it is found rational or
 * p^K > 2·|lc|·2^B proves it irrational, so the cost is (roots mod p)·n·M(bits of lc): the prime
 * with the fewest roots is used (an irreducible f has none modulo about a third of the primes).
 *
 * @example
 * ```ts
 * const f = [-2n, 3n, 2n]; // 2x² + 3x − 2 = (2x − 1)(x + 2)
 * rationalRoots(f, squarefreePrimes(f), 3); // [{ n: -2n, d: 1n }, { n: 1n, d: 2n }]
 * ```
 */
export function rationalRoots(f: readonly bigint[], primes: readonly number[], B: number): { n: bigint; d: bigint }[] {
  let p = 0;
  let roots: number[] | undefined;
  for (const q of primes) {
    const rs = rootsModP(reduce(f, q), q);
    if (roots === undefined || rs.length < roots.length) [p, roots] = [q, rs];
    if (roots.length === 0) return [];
  }
  if (roots === undefined) throw new RangeError('rationalRoots needs a prime modulo which f is square-free');
  const lc = f[f.length - 1]! < 0n ? -f[f.length - 1]! : f[f.length - 1]!;
  const a0 = f[0]! < 0n ? -f[0]! : f[0]!;
  const fp = f.slice(1).map((c, i) => c * BigInt(i + 1));
  const bound = lc << BigInt(Math.max(B, 0)); // |y| = |lc·root| < bound
  // The final modulus p^K > 2·bound; Newton doubles the exponent, capped at K.
  let K = 1;
  for (let pk = BigInt(p); bitLength(pk) <= bitLength(bound) + 1; pk *= BigInt(p)) K++;
  const out: { n: bigint; d: bigint }[] = [];
  const P = BigInt(p);
  for (const r0 of roots) {
    let e = 1;
    let M = P;
    let r = BigInt(r0);
    let s = BigInt(invMod(Number(evalMod(fp, powersMod(r, fp.length, M), M)), p)); // 1/f′(r) mod p
    for (;;) {
      const found = candidate(f, lc, a0, a0 * lc, bound, r, M);
      if (found !== undefined) {
        out.push(found);
        break;
      }
      if (e >= K) break; // p^K > 2·bound and no candidate: the root is irrational
      // Newton: r ← r − f(r)/f′(r) mod p^e′ (e′ = min(2e, K)), then s ← s(2 − f′(r)s).
      const e2 = Math.min(2 * e, K);
      const M2 = M * P ** BigInt(e2 - e);
      r = (((r - evalMod(f, powersMod(r, f.length, M2), M2) * s) % M2) + M2) % M2;
      if (e2 < K) s = (((s * (2n - evalMod(fp, powersMod(r, fp.length, M2), M2) * s)) % M2) + M2) % M2;
      e = e2;
      M = M2;
    }
  }
  return out.sort((a, b) => (a.n * b.d < b.n * a.d ? -1 : 1));
}

/** The rational u/v with lc·u/v ≡ lc·r (mod M) when it is small enough and divides f. */
function candidate(f: readonly bigint[], lc: bigint, a0: bigint, a0lc: bigint, bound: bigint, r: bigint, M: bigint): { n: bigint; d: bigint } | undefined {
  let y = (lc * r) % M;
  if (2n * y > M) y -= M; // symmetric residue
  if (y === 0n || (y < 0n ? -y : y) >= bound) return undefined;
  // y = u·(lc/v) with u | a0 and v | lc divides a0·lc: one division rules out most residues.
  if (a0lc % y !== 0n) return undefined;
  const g = gcd(y, lc);
  const u = y / g;
  const v = lc / g;
  if (a0 % (u < 0n ? -u : u) !== 0n) return undefined; // u | a0 for a root in lowest terms
  return dividesLinear(f, u, v) ? { n: u, d: v } : undefined;
}
