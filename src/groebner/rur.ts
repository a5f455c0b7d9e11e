/**
 * The rational univariate representation of a zero-dimensional radical ideal over Q, by the
 * modular method: for each prime, the replayed Gröbner basis, its quotient ring and the RUR
 * over F_p (quotient.ts); the canonical RUR f(T), x_i = g_i(T)/f′(T) is lifted to Q by Chinese
 * remaindering and rational reconstruction, checked on one more prime.
 *
 * f is the minimal polynomial of the separating form t = Σ c_i x_i; it is square-free of degree
 * D = vdim exactly when the ideal is radical and t separates its solutions (then D is the number
 * of distinct complex solutions). Otherwise the RUR is declined with the reason.
 */
import { type Rational, ONE } from '../expr/rational.js';
import { seededRng } from '../util/rng.js';
import { crtAdd, newCrt, rationalMod } from './lift.js';
import { type ModularInput, MAX_PRIMES, ModularBudgetError, basisModP, tryLift } from './modular.js';
import { type StepHook, type Trace, TraceMismatch } from './f4.js';
import { berlekampMassey, modQuotient, multiplicationMatrix } from './quotient.js';
import { type Prime, invmod, makePrime, mulmod, primesBelowBound, reduce } from './prime.js';
import { insertExps } from './monomials.js';

/**
 * Largest quotient the RUR is computed for: the Krylov sequence costs 2D³ per prime (measured
 * D = 641: 1.6–1.9 s a prime) and the dense multiplication matrix D² doubles (D = 1 000: 8 MB).
 * The census's (1,3,3,1) has D = 977; its lift is refused by the time estimate, not by this.
 */
export const MAX_RUR_DIM = 1_000;

/** w = SPLIT·hi + lo with hi, lo < 2¹³ (the Krylov products stay below 2³⁹; see rurModP). */
const SPLIT = 8192;
/** The exact-sum bound of that splitting: 2¹⁴ products of 2³⁹ stay below 2⁵³. */
const MAX_SPLIT_DIM = 16_384;

/** RUR over F_p: f monic of degree D (lowest first), g_i of degree < D. */
export interface ModRur {
  f: number[];
  g: number[][];
}

// ---- univariate polynomials over F_p, lowest degree first ----
const trim = (a: number[]): number[] => {
  while (a.length > 0 && a[a.length - 1] === 0) a.pop();
  return a;
};
function pmul(a: number[], b: number[], P: Prime): number[] {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = reduce(out[i + j]! + ai * b[j]!, P);
  }
  return trim(out);
}
function pmod(a: number[], m: number[], P: Prime): number[] {
  const r = a.slice();
  const dm = m.length - 1;
  const li = invmod(m[dm]!, P);
  for (let i = r.length - 1; i >= dm; i--) {
    const c = mulmod(r[i]!, li, P);
    if (c === 0) continue;
    for (let j = 0; j <= dm; j++) r[i - dm + j] = reduce(r[i - dm + j]! + (P.p - c) * m[j]!, P);
  }
  return trim(r.slice(0, dm));
}
/** (g, s) with g = gcd(a, m) and s·a ≡ g (mod m). */
function xgcd(a: number[], m: number[], P: Prime): { g: number[]; s: number[] } {
  let [r0, r1] = [m.slice(), trim(a.slice())];
  let [s0, s1] = [[] as number[], [1]];
  while (r1.length > 0) {
    // q = r0 div r1
    const q: number[] = new Array(Math.max(0, r0.length - r1.length + 1)).fill(0);
    const r = r0.slice();
    const li = invmod(r1[r1.length - 1]!, P);
    for (let i = r.length - 1; i >= r1.length - 1; i--) {
      const c = mulmod(r[i]!, li, P);
      q[i - r1.length + 1] = c;
      if (c === 0) continue;
      for (let j = 0; j < r1.length; j++) r[i - r1.length + 1 + j] = reduce(r[i - r1.length + 1 + j]! + (P.p - c) * r1[j]!, P);
    }
    const rem = trim(r.slice(0, r1.length - 1));
    const qs = pmul(q, s1, P);
    const ns = s0.slice();
    for (let i = 0; i < qs.length; i++) ns[i] = reduce((ns[i] ?? 0) + P.p - qs[i]!, P);
    [r0, r1] = [r1, rem];
    [s0, s1] = [s1, trim(ns)];
  }
  return { g: r0, s: s0 };
}
const deriv = (f: number[], P: Prime): number[] => trim(f.slice(1).map((c, i) => mulmod(c, (i + 1) % P.p, P)));

/** Why a RUR was not computed for one prime. */
export type RurRefusal = 'bad-prime' | 'not-zero-dimensional' | 'too-large' | 'not-separating';

/** The RUR modulo one prime, or the reason there is none. */
export function rurModP(inp: ModularInput, P: Prime, trace: Trace | undefined, form: readonly number[], maxDim = MAX_RUR_DIM, hook?: StepHook): { rur: ModRur; trace: Trace; dim: number } | RurRefusal {
  const r = basisModP(inp, P, trace, hook);
  if (r === undefined) return 'bad-prime';
  const T = inp.table;
  const q = modQuotient(T, r.basis, inp.order, P, maxDim);
  if (q === undefined) return r.basis.length > 0 && modQuotient(T, r.basis, inp.order, P) !== undefined ? 'too-large' : 'not-zero-dimensional';
  const D = q.std.length;
  if (D > MAX_SPLIT_DIM) return 'too-large';
  const M = multiplicationMatrix(q, form);
  // M transposed, flat: column j of M (the normal form of t·b_j) at Mt[j·D …]
  const Mt = new Float64Array(D * D);
  for (let r2 = 0; r2 < D; r2++) {
    const row = M[r2]!;
    for (let j = 0; j < D; j++) Mt[j * D + r2] = row[j]!;
  }
  const wlo = new Float64Array(D);
  const whi = new Float64Array(D);
  const n = T.n;
  const coord = (k: number): Float64Array => {
    const e = new Array<number>(n).fill(0);
    e[k] = 1;
    const id = insertExps(T, e);
    const j = q.pos.get(id);
    if (j !== undefined) {
      const v = new Float64Array(D);
      v[j] = 1;
      return v;
    }
    return q.nf.get(id)!;
  };
  const X = Array.from({ length: n }, (_, k) => coord(k));
  const one = q.pos.get(0)!;
  // ℓ: a random functional (fixed seed per prime: any choice gives the same canonical RUR).
  const rnd = seededRng(P.p);
  let w = new Float64Array(D);
  for (let j = 0; j < D; j++) w[j] = Math.floor(rnd() * P.p);
  const a = new Float64Array(2 * D);
  const b = X.map(() => new Float64Array(D));
  for (let k = 0; k < 2 * D; k++) {
    a[k] = w[one]!;
    if (k < D)
      for (let i = 0; i < n; i++) {
        let s = 0;
        const x = X[i]!;
        for (let j = 0; j < D; j++) if (x[j] !== 0) s = reduce(s + w[j]! * x[j]!, P);
        b[i]![k] = s;
      }
    if (k === 2 * D - 1) break;
    // w ← w·M, each entry a dot product with a column of M (contiguous in Mt). w is split as
    // w = 2¹³·hi + lo so that every product is below 2¹³·2²⁶ = 2³⁹ and a column's 2¹⁴ of them sum
    // exactly in a double: one reduction per entry instead of one per product.
    for (let r2 = 0; r2 < D; r2++) {
      const lo = w[r2]! % SPLIT;
      wlo[r2] = lo;
      whi[r2] = (w[r2]! - lo) / SPLIT;
    }
    const nw = new Float64Array(D);
    for (let j = 0; j < D; j++) {
      let lo = 0;
      let hi = 0;
      const base = j * D;
      for (let r2 = 0; r2 < D; r2++) {
        const m = Mt[base + r2]!;
        lo += wlo[r2]! * m;
        hi += whi[r2]! * m;
      }
      nw[j] = reduce(reduce(hi, P) * SPLIT + reduce(lo, P), P);
    }
    w = nw;
  }
  const f = berlekampMassey(a, P);
  if (f.length - 1 !== D) return 'not-separating';
  const fp = deriv(f, P);
  if (xgcd(fp, f, P).g.length !== 1) return 'not-separating';
  const N = (seq: ArrayLike<number>): number[] => {
    const out = new Array<number>(D).fill(0);
    for (let m = 0; m < D; m++) {
      let s = 0;
      for (let k = 0; k + m + 1 <= D; k++) s = reduce(s + f[m + 1 + k]! * seq[k]!, P);
      out[m] = s;
    }
    return trim(out);
  };
  const N1 = N(a);
  const { g: gg, s: inv1 } = xgcd(N1, f, P);
  if (gg.length !== 1) return 'not-separating';
  const scale = invmod(gg[0]!, P);
  const h = pmod(pmul(inv1.map((c) => mulmod(c, scale, P)), fp, P), f, P);
  const g = b.map((bi) => {
    const gi = pmod(pmul(N(bi), h, P), f, P);
    while (gi.length < D) gi.push(0);
    return gi;
  });
  return { rur: { f, g }, trace: r.trace, dim: D };
}

/** A RUR over Q: x_i = g_i(T)/f′(T) at the roots of f. */
export interface Rur {
  readonly vars: string[];
  /** the separating form t = Σ form_i x_i */
  readonly form: number[];
  /** f monic, degree D, lowest degree first */
  readonly f: Rational[];
  /** g_i, degree < D, lowest degree first */
  readonly g: Rational[][];
  readonly primes: number;
  readonly checks: number;
}

/**
 * The RUR over Q by lifting; undefined with the reason when the ideal is not zero-dimensional,
 * too large, or no separating form was found among a few tries (a non-radical ideal).
 */
export function modularRur(inp: ModularInput, opts: { millis?: number; maxDim?: number; onPrime?: (k: number) => void; onStep?: StepHook } = {}): Rur | RurRefusal {
  const start = Date.now();
  const primes = primesBelowBound(MAX_PRIMES);
  const n = inp.vars.length;
  let next = 0;
  // One prime's RUR; undefined when the prime left the learned trace (it is then skipped).
  const attemptPrime = (p: number, trace: Trace | undefined, form: readonly number[]) => {
    try {
      return rurModP(inp, makePrime(p), trace, form, opts.maxDim, trace === undefined ? opts.onStep : undefined);
    } catch (e) {
      if (e instanceof TraceMismatch) return undefined;
      throw e;
    }
  };
  const forms: number[][] = [inp.vars.map((_, i) => i + 1), ...[2, 3, 5].map((k) => inp.vars.map((_, i) => 1 + ((i * k + 1) % 7)))];
  for (const form of forms) {
    let trace: Trace | undefined;
    const crt = newCrt();
    let attempt = 1;
    let refused: RurRefusal | undefined;
    while (next < primes.length) {
      if (Date.now() - start > (opts.millis ?? Infinity)) throw new ModularBudgetError(`the RUR passed its time budget of ${opts.millis} ms after ${crt.primes.length} primes`);
      const p = primes[next++]!;
      const r = attemptPrime(p, trace, form);
      if (r === undefined || r === 'bad-prime') continue;
      if (typeof r === 'string') {
        refused = r;
        break;
      }
      trace = r.trace;
      const flat = [...r.rur.f.slice(0, -1), ...r.rur.g.flat()];
      crtAdd(crt, flat, p);
      opts.onPrime?.(crt.primes.length);
      if (crt.primes.length < attempt) continue;
      attempt = Math.max(attempt + 1, Math.floor(attempt * 1.5));
      const lifted = tryLift(crt);
      if (lifted === undefined) continue;
      // one fresh prime must agree
      let checked = false;
      while (next < primes.length && !checked) {
        const q = primes[next++]!;
        const c = attemptPrime(q, trace, form);
        if (c === undefined || typeof c === 'string') continue;
        const fc = [...c.rur.f.slice(0, -1), ...c.rur.g.flat()];
        if (lifted.every((v, k) => rationalMod(v, q) === fc[k])) checked = true;
        else {
          crtAdd(crt, fc, q);
          break;
        }
      }
      if (!checked) continue;
      const D = r.dim;
      return {
        vars: [...inp.vars],
        form,
        f: [...lifted.slice(0, D), ONE],
        g: Array.from({ length: n }, (_, i) => lifted.slice(D + i * D, D + (i + 1) * D)),
        primes: crt.primes.length,
        checks: 1,
      };
    }
    if (refused !== 'not-separating') return refused ?? 'too-large';
  }
  return 'not-separating';
}
