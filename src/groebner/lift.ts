/**
 * From residues to rationals: Chinese remaindering and rational reconstruction.
 *
 * Residues of one rational r = n/d modulo primes p₁, …, p_k (none dividing d) determine
 * r mod M, M = Πpᵢ; when |n|, d ≤ √(M/2) the extended Euclidean algorithm on (M, r mod M)
 * stopped at the first remainder below √(M/2) recovers n/d uniquely (Wang's rational
 * reconstruction). A lift is accepted only when it also explains the residues of one more prime.
 *
 * Two drivers: `crtAdd` + `tryLift` (modular.ts) lift a whole vector at once; a `Lifter` lifts
 * coefficient by coefficient as primes arrive (see its comment), so that a coefficient that is
 * already known costs one multiplication modulo each further prime instead of BigInt work.
 */
import { type Rational } from '../expr/rational.js';
import { type Prime, bigmod, invmod, makePrime, mulmod, reduce } from './prime.js';

/** Residue vectors combined so far: every value modulo M, in [0, M). */
export interface Crt {
  values: bigint[];
  modulus: bigint;
  primes: number[];
}

/** 2⁵³: integers below it are exact in doubles. */
const SAFE = 9007199254740992n;
/** 2⁵²: below it remainders, cofactors and quotients are exact in doubles (r0 + r1 < 2⁵³). */
const SMALL = 1n << 52n;

export const newCrt = (): Crt => ({ values: [], modulus: 1n, primes: [] });

/** x ≡ a (mod M), x ≡ r (mod p): x = a + M·((r − a)·M⁻¹ mod p), with minv = M⁻¹ mod p; the residue arithmetic in doubles. */
function crtStep(a: bigint, r: number, P: Prime, M: bigint, minv: number): bigint {
  let t = r - Number(a % BigInt(P.p));
  if (t < 0) t += P.p;
  return t === 0 ? a : a + M * BigInt(mulmod(t, minv, P));
}

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
  const Pr = makePrime(p);
  const minv = invmod(Number(c.modulus % P), Pr);
  for (let k = 0; k < c.values.length; k++) c.values[k] = crtStep(c.values[k]!, residues[k]!, Pr, c.modulus, minv);
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

/** An upper bound on the bit length of x > 0, within 3 bits (exact enough to pick a shift). */
function bitsOf(x: bigint): number {
  const f = Number(x);
  return Number.isFinite(f) ? Math.floor(Math.log2(f)) + 2 : x.toString(16).length * 4;
}

/**
 * The extended Euclidean algorithm on r0 ≥ r1 ≥ 0, stopped at the first remainder ≤ bound:
 * [r0, r1, t1] at that point, t1 the cofactor of the starting r1 (with `cofactor`; else 0n).
 *
 * Lehmer's acceleration (Knuth, TAOCP 2, Algorithm 4.5.2L): the quotients are found from the
 * leading 50 bits of the two remainders in doubles, as long as both ends of the interval the
 * true values lie in give the same quotient, and applied to the BigInt remainders and cofactors
 * as one 2×2 matrix — about a dozen BigInt products per 25 bits instead of five per quotient. A
 * batch stops while the current remainder is still provably above the bound, so the algorithm
 * stops at exactly the remainder the plain one stops at. Below 2⁵² the remainders are exact in
 * doubles and the run is plain Euclid there (the cofactors stay below the first remainder, so
 * every product is exact).
 */
function euclidTo(r0: bigint, r1: bigint, bound: bigint, cofactor: boolean): [bigint, bigint, bigint] {
  let t0 = 0n;
  let t1 = 1n;
  while (r1 > bound) {
    // x, y: r0 and r1 shifted right by s, below 2⁵¹; the true remainders after the batch's
    // steps are A·r0 + B·r1 and C·r0 + D·r1, within max(|C|, |D|)·2ˢ of (x, y)·2ˢ.
    const exact = r0 < SMALL; // (x, y) are the remainders themselves: plain Euclid in doubles
    const e = exact ? 0 : bitsOf(r0);
    const s = e > 50 ? e - 50 : 0;
    const S = BigInt(s);
    let x = Number(r0 >> S);
    let y = Number(r1 >> S);
    const above = Number(bound >> S) + 1; // bound < above·2ˢ
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    for (;;) {
      // Another step only while the current remainder is surely above the bound.
      const slack = exact ? 0 : Math.max(Math.abs(C), Math.abs(D));
      if (y - slack < above) break;
      let q;
      if (exact) q = Math.floor(x / y);
      else {
        if (y + C === 0 || y + D === 0) break;
        q = Math.floor((x + A) / (y + C));
        if (q !== Math.floor((x + B) / (y + D))) break;
      }
      let T = A - q * C;
      A = C;
      C = T;
      T = B - q * D;
      B = D;
      D = T;
      T = x - q * y;
      x = y;
      y = T;
    }
    if (B === 0) {
      // No quotient from the leading bits: one step on the full numbers.
      const q = r0 / r1;
      const r2 = r0 - q * r1;
      r0 = r1;
      r1 = r2;
      if (cofactor) {
        const t2 = t0 - q * t1;
        t0 = t1;
        t1 = t2;
      }
      continue;
    }
    const [bA, bB, bC, bD] = [BigInt(A), BigInt(B), BigInt(C), BigInt(D)];
    const r2 = bA * r0 + bB * r1;
    r1 = bC * r0 + bD * r1;
    r0 = r2;
    if (cofactor) {
      const t2 = bA * t0 + bB * t1;
      t1 = bC * t0 + bD * t1;
      t0 = t2;
    }
  }
  return [r0, r1, cofactor ? t1 : 0n];
}


/** Wang's reconstruction with every number below 2⁵², in doubles (remainders and cofactors stay below M). */
function reconstructSmall(a: number, M: number, bound: number): Rational | undefined {
  let r0 = M;
  let r1 = a;
  let t0 = 0;
  let t1 = 1;
  while (r1 > bound) {
    const q = Math.floor(r0 / r1);
    const r2 = r0 - q * r1;
    r0 = r1;
    r1 = r2;
    const t2 = t0 - q * t1;
    t0 = t1;
    t1 = t2;
  }
  const d = Math.abs(t1);
  if (d === 0 || d > bound) return undefined;
  const n = t1 < 0 ? -r1 : r1;
  if (n === 0) return d === 1 ? Object.freeze({ n: 0n, d: 1n }) : undefined;
  let [x, y] = [Math.abs(n), d];
  while (y !== 0) [x, y] = [y, x % y];
  return x === 1 ? Object.freeze({ n: BigInt(n), d: BigInt(d) }) : undefined;
}

/** gcd(a, b) ≥ 0: in doubles below 2⁵³, else by Lehmer's Euclid. */
export function gcdFast(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < b) [a, b] = [b, a];
  if (b === 0n) return a;
  if (a < SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) [x, y] = [y, x % y];
    return BigInt(x);
  }
  return euclidTo(a, b, 0n, false)[0];
}

/**
 * The rational n/d ≡ a (mod M) with |n|, d ≤ bound (default √(M/2)), or undefined: the
 * extended Euclidean algorithm on (M, a mod M) stopped at the first remainder ≤ bound.
 *
 * @example
 * ```ts
 * // 2/3 mod 101 is 68
 * reconstruct(68n, 101n); // { n: 2n, d: 3n }
 * ```
 */
export function reconstruct(a: bigint, M: bigint, bound: bigint = isqrt(M / 2n)): Rational | undefined {
  if (M < SMALL) return reconstructSmall(Number(((a % M) + M) % M), Number(M), Number(bound));
  const [, r1, t1] = euclidTo(M, ((a % M) + M) % M, bound, true);
  if (t1 === 0n) return undefined;
  const d = t1 < 0n ? -t1 : t1;
  if (d > bound) return undefined;
  const n = t1 < 0n ? -r1 : r1;
  // n/d must be in lowest terms (then d is invertible mod M, as n ≡ a·d) to be the lift.
  if (n === 0n) return d === 1n ? Object.freeze({ n: 0n, d: 1n }) : undefined;
  return gcdFast(n, d) === 1n ? Object.freeze({ n, d }) : undefined;
}

/** Residue of a rational modulo p (zero allowed), or undefined if p divides the denominator. */
export function rationalMod(q: Rational, p: number): number | undefined {
  const P = makePrime(p);
  const small = q.d < SAFE && q.n < SAFE && q.n > -SAFE;
  const d = small ? Number(q.d) % p : bigmod(q.d, p);
  if (d === 0) return undefined;
  const n = small ? reduce(Number(q.n) % p, P) : bigmod(q.n, p);
  return mulmod(n, invmod(d, P), P);
}

/** Reconstruct every value (undefined if one fails), the probes first; the bound is computed once. */
export function tryLiftValues(values: readonly bigint[], M: bigint, probes: readonly number[]): Rational[] | undefined {
  const bound = isqrt(M / 2n);
  for (const k of probes) if (reconstruct(values[k]!, M, bound) === undefined) return undefined;
  const out: Rational[] = [];
  for (const v of values) {
    const q = reconstruct(v, M, bound);
    if (q === undefined) return undefined;
    out.push(q);
  }
  return out;
}

/**
 * A vector of rationals lifted coefficient by coefficient as primes arrive (as msolve's
 * multi-modular loop does). Each coefficient is
 * - open: its residues are combined by Chinese remaindering (BigInt, one product per prime);
 * - tentative: a value n/d from the primes so far, waiting for the next prime to confirm it;
 * - settled: confirmed; every further prime still checks it (n ≡ r·d mod p, one multiplication
 *   in doubles when n and d are below 2⁵³), and a disagreement opens it again.
 * The lift is complete when every coefficient is settled and the last `checks` primes entered no
 * Chinese remaindering at all (pure checks).
 *
 * Values are found two ways. The coefficients of one block (one basis polynomial) mostly share a
 * denominator D: once it is known, a·D mod M is an integer N = n·D/d, read off as the symmetric
 * residue when |N| < M/2²¹ — one product, no Euclid, and a random residue passes with
 * probability 2⁻²⁰ (small integers are found this way from the first prime). Otherwise Wang's
 * rational reconstruction (`reconstruct`) of a gives n/d; it returns some small rational for
 * about half of all residues, hence the confirmation, and it
 * runs only when a few probes (the coefficients that failed last, the hardest known) all lift,
 * so that it is not spent on a modulus that is still too small. A block's D grows by the
 * denominators of its settled values, and within one attempt by its probe's.
 */
export interface Lifter {
  readonly size: number;
  readonly checks: number;
  /** every prime fed, in order, and its residues */
  readonly primes: number[];
  readonly residues: Float64Array[];
  /** product of all primes fed */
  modulus: bigint;
  /** CRT value modulo `modulus` of each open coefficient */
  readonly crt: bigint[];
  /** 0 open, 1 tentative, 2 settled */
  readonly state: Uint8Array;
  /** the value num/den (den > 0; in lowest terms once settled) */
  readonly num: bigint[];
  readonly den: bigint[];
  /** num and den as doubles when both are below 2⁵³, else NaN */
  readonly numF: Float64Array;
  readonly denF: Float64Array;
  /** 1 when num/den is known to be in lowest terms */
  readonly lowest: Uint8Array;
  /** block of each coefficient, and a common denominator learned for each block */
  readonly block: Int32Array;
  readonly blockDen: bigint[];
  /** per coefficient: reconstructions that failed or were refuted by the next prime */
  readonly misses: Uint16Array;
  /** per block, the last probe that lifted, and whether it was just confirmed */
  readonly lastProbe: Int32Array;
  readonly ready: Uint8Array;
  open: number;
  tentative: number;
  /** number of trailing primes that entered no Chinese remaindering */
  pure: number;
}

/** A residue N is read as an integer when |N| < M / 2^DIRECT_MARGIN (a random one passes with probability 2^(1 − DIRECT_MARGIN)). */
const DIRECT_MARGIN = 16n;
/**
 * Open coefficients × modulus bits below which every open coefficient is reconstructed at once
 * (≈ 0.5 ms of Euclid, less than a replay of the systems that small): holding back would cost
 * a prime where it saves little — (2,2,2) lifts on 3 primes + 1 check with it, 4 + 1 without.
 */
const FREE_BITS = 1 << 15;
/** Moduli below this (two primes) reconstruct in a few double operations: no need to hold back. */
const CHEAP = 1n << 60n;

/**
 * A lifter for `size` values; `blocks` lists the sizes of consecutive blocks that tend to share
 * a denominator (default one block).
 */
export function newLifter(size: number, checks = 1, blocks: readonly number[] = [size]): Lifter {
  const block = new Int32Array(size);
  let w = 0;
  blocks.forEach((n, b) => {
    for (let i = 0; i < n && w < size; i++) block[w++] = b;
  });
  if (w !== size) throw new RangeError(`blocks cover ${w} of ${size} values`);
  return {
    size,
    checks,
    primes: [],
    residues: [],
    modulus: 1n,
    crt: new Array<bigint>(size).fill(0n),
    state: new Uint8Array(size),
    num: new Array<bigint>(size).fill(0n),
    den: new Array<bigint>(size).fill(1n),
    numF: new Float64Array(size),
    denF: new Float64Array(size),
    lowest: new Uint8Array(size),
    block,
    blockDen: new Array<bigint>(blocks.length).fill(1n),
    misses: new Uint16Array(size),
    lastProbe: new Int32Array(blocks.length).fill(-1),
    ready: new Uint8Array(blocks.length),
    open: size,
    tentative: 0,
    pure: 0,
  };
}

/** A reconstruction of coefficient k failed or was refuted. */
const miss = (L: Lifter, k: number): void => {
  if (L.misses[k]! < 65535) L.misses[k]!++;
};

/** Does the value of coefficient k explain residue r modulo p (n ≡ r·d)? */
function explains(L: Lifter, k: number, r: number, P: Prime): boolean {
  const p = P.p;
  const dn = L.denF[k]!;
  if (!Number.isNaN(dn)) {
    const d = dn % p;
    return d !== 0 && reduce(L.numF[k]! % p, P) === mulmod(r, d, P);
  }
  const d = bigmod(L.den[k]!, p);
  return d !== 0 && bigmod(L.num[k]!, p) === mulmod(r, d, P);
}

function setValue(L: Lifter, k: number, n: bigint, d: bigint): void {
  L.num[k] = n;
  L.den[k] = d;
  const small = d < SAFE && n < SAFE && n > -SAFE;
  L.numF[k] = small ? Number(n) : NaN;
  L.denF[k] = small ? Number(d) : NaN;
}

/** A tentative value confirmed: in lowest terms, and its denominator joins its block's. */
function settle(L: Lifter, k: number): void {
  let n = L.num[k]!;
  let d = L.den[k]!;
  if (d !== 1n) {
    // (a reconstructed value is in lowest terms already; a read-off n/D may not be)
    const g = L.lowest[k] === 1 ? 1n : gcdFast(n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
      setValue(L, k, n, d);
    }
    const b = L.block[k]!;
    const D = L.blockDen[b]!;
    if (D % d !== 0n) L.blockDen[b] = (D / gcdFast(D, d)) * d;
  }
  L.state[k] = 2;
}

/** Chinese remaindering of coefficient k over every prime fed so far (after a settled value failed). */
function recombine(L: Lifter, k: number): bigint {
  let a = 0n;
  let M = 1n;
  for (let i = 0; i < L.primes.length; i++) {
    const p = L.primes[i]!;
    a = crtStep(a, L.residues[i]![k]!, makePrime(p), M, invmod(Number(M % BigInt(p)), makePrime(p)));
    M *= BigInt(p);
  }
  return a;
}

/**
 * The value of an open coefficient (CRT value a modulo M): read off as an integer N/D for the
 * denominators 1, D (its block's) and D2 (with its probe's) in turn, else (with `euclid`) by
 * Wang's reconstruction of a; [n, d, in lowest terms for sure] or undefined.
 */
function attempt(a: bigint, D: bigint, D2: bigint, M: bigint, half: bigint, direct: bigint, bound: () => bigint, euclid: boolean): [bigint, bigint, boolean] | undefined {
  const as = a > half ? a - M : a;
  if (as < direct && as > -direct) return [as, 1n, true];
  for (const E of D2 === D ? [D] : [D, D2]) {
    if (E === 1n) continue;
    const y = (a * E) % M;
    const ys = y > half ? y - M : y;
    if (ys < direct && ys > -direct) return [ys, E, false];
  }
  if (!euclid) return undefined;
  const q = reconstruct(a, M, bound());
  return q === undefined ? undefined : [q.n, q.d, true];
}

/** Feed the residues modulo one more prime; returns true when the lift is complete. */
export function liftAdd(L: Lifter, residues: Float64Array, p: number): boolean {
  if (residues.length !== L.size) throw new RangeError(`residue vector of length ${residues.length}, expected ${L.size}`);
  const { state, crt } = L;
  const Pr = makePrime(p);
  // 1. Check the values known so far against this prime.
  if (L.open < L.size) {
    for (let k = 0; k < L.size; k++) {
      const s = state[k]!;
      if (s === 0) continue;
      if (explains(L, k, residues[k]!, Pr)) {
        if (s === 1) {
          settle(L, k);
          L.tentative--;
          if (L.lastProbe[L.block[k]!] === k) L.ready[L.block[k]!] = 1;
        }
        continue;
      }
      // Disagreement: open again (a settled value first recombines the earlier primes).
      if (s === 2) crt[k] = recombine(L, k);
      else {
        L.tentative--;
        miss(L, k);
      }
      state[k] = 0;
      L.open++;
    }
  }
  // 2. Chinese remaindering of the open coefficients.
  const M = L.modulus;
  if (L.open > 0) {
    if (L.primes.length === 0) for (let k = 0; k < L.size; k++) crt[k] = BigInt(residues[k]!);
    else {
      const minv = invmod(Number(M % BigInt(p)), Pr);
      for (let k = 0; k < L.size; k++) if (state[k] === 0) crt[k] = crtStep(crt[k]!, residues[k]!, Pr, M, minv);
    }
    L.pure = 0;
  } else if (L.primes.length > 0) L.pure++; // (the learning prime itself is no check)
  L.primes.push(p);
  L.residues.push(residues);
  const N = M * BigInt(p);
  L.modulus = N;
  if (L.open === 0) return L.tentative === 0 && L.pure >= L.checks;
  // 3. New values, block by block. The probe (the coefficient that failed last, else the last
  // open one: tail coefficients tend to be the largest) is tried by read-off and reconstruction;
  // the other open ones by read-off against the block's denominator (with the probe's), and by
  // reconstruction too only once a probe of the block has been confirmed (the prime after it
  // lifted) or lifted far below the bound: so reconstruction is not spent on a modulus that is
  // still too small, where about half of all attempts return a wrong small rational.
  const half = N >> 1n;
  const direct = N >> DIRECT_MARGIN;
  let b0: bigint | undefined;
  const bound = (): bigint => (b0 ??= isqrt(N / 2n));
  const { block, blockDen } = L;
  // Reconstruction is not held back where it is cheap, wrong attempts and all: below 2⁶⁰, or when
  // the open coefficients are few (their count times the modulus' bits under FREE_BITS).
  const free = N < CHEAP || L.open * (L.primes.length * 26) < FREE_BITS;
  let hi = L.size;
  while (hi > 0) {
    const b = block[hi - 1]!;
    let lo = hi - 1;
    while (lo > 0 && block[lo - 1] === b) lo--;
    // the block is [lo, hi); its probe the coefficient that failed last, else its last open one
    // The probe: the open coefficient with the most misses (the hardest known; the last one on
    // ties — tail coefficients tend to be the largest). One that missed before speaks for its block
    // when it lifts; a first try does not (it may just be one of the block's small coefficients).
    let probe = -1;
    for (let k = hi - 1; k >= lo; k--) if (state[k] === 0 && (probe < 0 || L.misses[k]! > L.misses[probe]!)) probe = k;
    const hard = probe >= 0 && L.misses[probe]! > 0;
    const all = L.ready[b] === 1;
    L.ready[b] = 0;
    if (probe >= lo) {
      const D = blockDen[b]!;
      let D2 = D;
      const take = (k: number, v: [bigint, bigint, boolean]): void => {
        setValue(L, k, v[0], v[1]);
        L.lowest[k] = v[2] ? 1 : 0;
        state[k] = 1;
        L.open--;
        L.tentative++;
      };
      const pv = attempt(crt[probe]!, D, D, N, half, direct, bound, true);
      let euclid = all || free;
      if (pv === undefined) miss(L, probe);
      else {
        take(probe, pv);
        // (its confirmation says the modulus is large enough for the block)
        if (hard && N >= CHEAP) L.lastProbe[b] = probe;
        // (the others are read off against the probe's denominator too, confirmed or not)
        if (D % pv[1] !== 0n) D2 = (D / gcdFast(D, pv[1])) * pv[1];
        // A hard probe far below the bound is no accident (a random residue gives |n|·d < M/2¹⁶
        // with probability about 2⁻¹⁶·ln M): the modulus is large enough for its block now.
        const an = pv[0] < 0n ? -pv[0] : pv[0];
        if (hard && an * pv[1] < direct) euclid = true;
      }
      let missed = false;
      for (let k = hi - 1; k >= lo; k--) {
        if (state[k] !== 0) continue;
        const v = attempt(crt[k]!, D, D2, N, half, direct, bound, euclid);
        if (v === undefined) {
          missed = true;
          if (euclid) miss(L, k);
          continue;
        }
        take(k, v);
        // (the guess takes in every denominator found, confirmed or not)
        if (D2 % v[1] !== 0n) D2 = (D2 / gcdFast(D2, v[1])) * v[1];
      }
      // Those missed, read off once more against every denominator the block showed.
      if (missed && D2 !== D)
        for (let k = hi - 1; k >= lo; k--) {
          if (state[k] !== 0) continue;
          const v = attempt(crt[k]!, D2, D2, N, half, direct, bound, false);
          if (v !== undefined) take(k, v);
        }
    }
    hi = lo;
  }
  return false;
}

/** The lifted values (once complete), the primes that entered the lift and the pure check primes. */
export function liftResult(L: Lifter): { values: Rational[]; primes: number[]; checkPrimes: number[] } {
  const cut = L.primes.length - L.pure;
  const values = L.num.map((n, k) => Object.freeze({ n, d: L.den[k]! }));
  return { values, primes: L.primes.slice(0, cut), checkPrimes: L.primes.slice(cut) };
}
