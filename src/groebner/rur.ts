/**
 * The rational univariate representation of a zero-dimensional radical ideal over Q, by the
 * modular method: for each prime, the replayed Gröbner basis, its quotient ring and the RUR
 * over F_p (quotient.ts); the canonical RUR f(T), x_i = g_i(T)/f′(T) is lifted to Q by Chinese
 * remaindering and rational reconstruction, checked on one more prime.
 *
 * f is the minimal polynomial of the separating form t = Σ c_i x_i; it is square-free of degree
 * D = vdim exactly when the ideal is radical and t separates its solutions (then D is the number
 * of distinct complex solutions). Otherwise the RUR is declined with the reason. The forms tried
 * use as few variables as the input's sign symmetries allow (`rurForms`): fewer nonzeros in the
 * multiplication matrix, and smaller coefficients to lift ((3,2,3): 45 primes against 107 with
 * every variable in t).
 */
import { type Rational, ONE } from '../expr/rational.js';
import { seededRng } from '../util/rng.js';
import { type Crt, crtAdd, isqrt, newCrt, rationalMod, reconstruct } from './lift.js';
import { type ModularInput, MAX_PRIMES, ModularBudgetError, basisModP } from './modular.js';
import { type StepHook, type Trace, TraceMismatch } from './f4.js';
import { type SparseVec, berlekampMassey, modQuotient, multiplicationMatrix } from './quotient.js';
import { type Prime, invmod, makePrime, mulmod, primeAt, reduce } from './prime.js';
import { insertExps } from './monomials.js';

/**
 * Largest quotient the RUR is computed for: the Krylov sequence costs 2D · nnz(M_t) per prime
 * (sparse normal forms, a form of few variables: measured D = 641, (2,2,2,2), 8 of 12 variables,
 * nnz ≈ 13% of D², about 0.36 s of CPU a prime against 1.2–1.5 s with the former dense matrix).
 * The census's (1,3,3,1) has D = 977; its lift is refused by the measured estimate, not by this.
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

/** The RUR modulo one prime, or the reason there is none; `nnz`: the multiplication matrix's nonzeros. */
export function rurModP(inp: ModularInput, P: Prime, trace: Trace | undefined, form: readonly number[], maxDim = MAX_RUR_DIM, hook?: StepHook): { rur: ModRur; trace: Trace; dim: number; nnz: number } | RurRefusal {
  const r = basisModP(inp, P, trace, hook);
  if (r === undefined) return 'bad-prime';
  const T = inp.table;
  const q = modQuotient(T, r.basis, inp.order, P, maxDim);
  if (q === undefined) return r.basis.length > 0 && modQuotient(T, r.basis, inp.order, P) !== undefined ? 'too-large' : 'not-zero-dimensional';
  const D = q.std.length;
  if (D > MAX_SPLIT_DIM) return 'too-large';
  const { start, rows, vals } = multiplicationMatrix(q, form);
  const n = T.n;
  // NF(x_i), sparse: a unit vector unless x_i is a leading monomial
  const X: SparseVec[] = Array.from({ length: n }, (_, k) => {
    const e = new Array<number>(n).fill(0);
    e[k] = 1;
    const id = insertExps(T, e);
    const j = q.pos.get(id);
    return j !== undefined ? { idx: Int32Array.of(j), val: Float64Array.of(1) } : q.nf.get(id)!;
  });
  const one = q.pos.get(0)!;
  // ℓ: a random functional (fixed seed per prime: any choice gives the same canonical RUR).
  // One Krylov sequence of functionals w_k = ℓ∘tᵏ (w ← w·M), and from it every scalar sequence
  // by a dot product: ℓ(tᵏ) = w_k(1), ℓ(x_i tᵏ) = w_k(NF(x_i)).
  const rnd = seededRng(P.p);
  let w = new Float64Array(D);
  let nw = new Float64Array(D);
  for (let j = 0; j < D; j++) w[j] = Math.floor(rnd() * P.p);
  const wlo = new Float64Array(D);
  const whi = new Float64Array(D);
  const a = new Float64Array(2 * D);
  const b = X.map(() => new Float64Array(D));
  for (let k = 0; k < 2 * D; k++) {
    a[k] = w[one]!;
    if (k < D)
      for (let i = 0; i < n; i++) {
        let s = 0;
        const x = X[i]!;
        for (let t = 0; t < x.idx.length; t++) s = reduce(s + w[x.idx[t]!]! * x.val[t]!, P);
        b[i]![k] = s;
      }
    if (k === 2 * D - 1) break;
    // w ← w·M, entry j the dot product of w with column j of M (its nonzeros only). w is split as
    // w = 2¹³·hi + lo so that every product is below 2¹³·2²⁶ = 2³⁹ and a column's (at most 2¹⁴)
    // products sum exactly in a double: one reduction per entry instead of one per product.
    for (let r2 = 0; r2 < D; r2++) {
      const lo = w[r2]! % SPLIT;
      wlo[r2] = lo;
      whi[r2] = (w[r2]! - lo) / SPLIT;
    }
    for (let j = 0; j < D; j++) {
      let lo = 0;
      let hi = 0;
      const end = start[j + 1]!;
      for (let t = start[j]!; t < end; t++) {
        const m = vals[t]!;
        const r2 = rows[t]!;
        lo += wlo[r2]! * m;
        hi += whi[r2]! * m;
      }
      nw[j] = reduce(reduce(hi, P) * SPLIT + reduce(lo, P), P);
    }
    [w, nw] = [nw, w];
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
  return { rur: { f, g }, trace: r.trace, dim: D, nnz: start[D]! };
}

/**
 * Every value reconstructed, the probes first: the values, or the index of the first value that
 * did not lift (−1 when it was a probe: the modulus is plainly too small).
 */
function liftWithProbes(crt: Crt, probes: readonly number[]): Rational[] | number {
  const bound = isqrt(crt.modulus / 2n);
  for (const k of probes) if (reconstruct(crt.values[k]!, crt.modulus, bound) === undefined) return -1;
  const out: Rational[] = [];
  for (let k = 0; k < crt.values.length; k++) {
    const q = reconstruct(crt.values[k]!, crt.modulus, bound);
    if (q === undefined) return k;
    out.push(q);
  }
  return out;
}

/** f's coefficients below the leading 1, then each g_i: the residues lifted. */
function flatRur(r: ModRur, D: number): Float64Array {
  const flat = new Float64Array((r.g.length + 1) * D);
  flat.set(r.f.slice(0, D));
  r.g.forEach((gi, i) => flat.set(gi, D + i * D));
  return flat;
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
 * The diagonal sign symmetries of the input: ε ∈ GF(2)ⁿ with x_i ↦ (−1)^{ε_i} x_i mapping every
 * input polynomial to ± itself, i.e. Σ_i ε_i (a_i − b_i) ≡ 0 (mod 2) for any two exponent vectors
 * a, b of one polynomial. Returned as a basis of that kernel (GF(2) elimination on bit rows).
 */
export function signSymmetries(inp: ModularInput): Uint8Array[] {
  const n = inp.vars.length;
  const T = inp.table;
  const rows: Uint8Array[] = [];
  const pivotOf: number[] = [];
  const addRow = (r: Uint8Array): void => {
    for (let i = 0; i < rows.length; i++) if (r[pivotOf[i]!] === 1) for (let k = 0; k < n; k++) r[k]! ^= rows[i]![k]!;
    const piv = r.indexOf(1);
    if (piv < 0) return;
    // keep the rows reduced: clear the new pivot from the others
    for (const o of rows) if (o[piv] === 1) for (let k = 0; k < n; k++) o[k]! ^= r[k]!;
    rows.push(r);
    pivotOf.push(piv);
  };
  for (const mons of inp.supports) {
    const m0 = mons[0]!;
    for (let t = 1; t < mons.length && rows.length < n; t++) {
      const r = new Uint8Array(n);
      for (let k = 0; k < n; k++) r[k] = (T.exps[m0 * (n + 1) + 1 + k]! - T.exps[mons[t]! * (n + 1) + 1 + k]!) & 1;
      addRow(r);
    }
  }
  // kernel of the reduced rows: one vector per free variable
  const free = Array.from({ length: n }, (_, k) => k).filter((k) => !pivotOf.includes(k));
  return free.map((f) => {
    const v = new Uint8Array(n);
    v[f] = 1;
    rows.forEach((r, i) => {
      if (r[f] === 1) v[pivotOf[i]!] = 1;
    });
    return v;
  });
}

/**
 * Separating forms to try, cheapest first. The multiplication matrix of t costs its nonzeros in
 * the Krylov sequence, and a graded ideal (a sign symmetry group G, see `signSymmetries`) has
 * NF(m) supported on m's class only, so M_t has about as many nonzero blocks as t's variables have
 * distinct characters. t must change sign-pattern on every G-orbit: its variables' characters must
 * span G's dual. So: the last variable (msolve's choice: grevlex makes its matrix the sparsest)
 * with variables taken from the last backwards whose characters are independent of those already
 * taken, until they span; then a second such layer from the variables left (points where some
 * variables vanish need others of the same character), …; then every variable. Without a symmetry
 * the first form is the last variable alone. Coefficients 1, 2, 3, … in the order taken.
 */
export function rurForms(inp: ModularInput): number[][] {
  const n = inp.vars.length;
  const G = signSymmetries(inp);
  const h = G.length;
  const left = Array.from({ length: n }, (_, k) => n - 1 - k);
  const taken: number[] = [];
  const forms: number[][] = [];
  const formOf = (vars: readonly number[]): number[] => {
    const c = new Array<number>(n).fill(0);
    vars.forEach((k, i) => (c[k] = i + 1));
    return c;
  };
  while (left.length > 0) {
    // one layer: characters (the column of variable k in G's basis) independent over GF(2)
    const basis: Uint8Array[] = [];
    const pivots: number[] = [];
    const layer: number[] = [];
    for (const k of [...left]) {
      const ch = Uint8Array.from(G, (g) => g[k]!);
      for (let i = 0; i < basis.length; i++) if (ch[pivots[i]!] === 1) for (let j = 0; j < h; j++) ch[j]! ^= basis[i]![j]!;
      const piv = ch.indexOf(1);
      const first = taken.length === 0 && layer.length === 0;
      if (piv < 0 && !first) continue;
      if (piv >= 0) {
        basis.push(ch);
        pivots.push(piv);
      }
      layer.push(k);
      left.splice(left.indexOf(k), 1);
      if (basis.length === h) break;
    }
    if (layer.length === 0) break;
    taken.push(...layer);
    forms.push(formOf(taken));
  }
  const all = inp.vars.map((_, i) => i + 1);
  if (!forms.some((f) => f.every((c) => c !== 0))) forms.push(all);
  return [...forms, ...[2, 3, 5].map((k) => inp.vars.map((_, i) => 1 + ((i * k + 1) % 7)))];
}

/**
 * The RUR over Q by lifting; undefined with the reason when the ideal is not zero-dimensional,
 * too large, or no separating form was found among a few tries (a non-radical ideal).
 */
export function modularRur(
  inp: ModularInput,
  opts: { millis?: number; maxDim?: number; forms?: readonly (readonly number[])[]; onPrime?: (k: number, millis: number) => void; onStep?: StepHook } = {},
): Rur | RurRefusal {
  const start = Date.now();
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
  // the basis does not depend on the form: its trace is learned once
  let trace: Trace | undefined;
  for (const form of opts.forms ?? rurForms(inp)) {
    // Chinese remaindering of every coefficient as the primes come, and a reconstruction tried
    // after each prime, guarded by probes (per block — f, each g_i — its last and middle
    // coefficient, and the coefficient that failed the last full attempt): a probe that does not
    // lift costs one Euclid, so the attempt is nearly free until the modulus is large enough.
    const crt = newCrt();
    const hard: number[] = [];
    let refused: RurRefusal | undefined;
    let D = 0;
    while (next < MAX_PRIMES) {
      if (Date.now() - start > (opts.millis ?? Infinity)) throw new ModularBudgetError(`the RUR passed its time budget of ${opts.millis} ms after ${crt.primes.length} primes`);
      const p = primeAt(next++);
      const t0 = Date.now();
      const r = attemptPrime(p, trace, form);
      if (r === undefined || r === 'bad-prime') continue;
      if (typeof r === 'string') {
        // a later prime that does not separate is unlucky (the first one decided the form)
        if (crt.primes.length > 0 && r === 'not-separating') continue;
        refused = r;
        break;
      }
      trace = r.trace;
      D = r.dim;
      crtAdd(crt, flatRur(r.rur, D), p);
      opts.onPrime?.(crt.primes.length, Date.now() - t0);
      const probes = [...hard.slice(-4)];
      for (let i = 0; i <= n; i++) probes.push(i * D + D - 1, i * D + (D >> 1));
      const lifted = liftWithProbes(crt, probes);
      if (typeof lifted === 'number') {
        if (lifted >= 0) hard.push(lifted);
        continue;
      }
      // one fresh prime must agree
      let checked = false;
      while (next < MAX_PRIMES && !checked) {
        const q = primeAt(next++);
        const c = attemptPrime(q, trace, form);
        if (c === undefined || typeof c === 'string') continue;
        const fc = flatRur(c.rur, D);
        const bad = lifted.findIndex((v, k) => rationalMod(v, q) !== fc[k]);
        if (bad < 0) checked = true;
        else {
          hard.push(bad);
          crtAdd(crt, fc, q);
          break;
        }
      }
      if (!checked) continue;
      return {
        vars: [...inp.vars],
        form: [...form],
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
