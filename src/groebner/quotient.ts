/**
 * The quotient ring A = F_p[x]/I of a zero-dimensional ideal, from its reduced Gröbner basis over
 * F_p: counts, multiplication matrices, and the rational univariate representation.
 *
 * - Standard monomials (those no leading monomial divides) are a basis of A; their number is the
 *   number of complex solutions with multiplicity (vdim). The Krull dimension is the size of the
 *   largest set of variables no leading monomial lives in.
 * - Normal forms of the border (x_i·b ∉ B for b ∈ B) in increasing order: a border monomial is a
 *   leading monomial g (NF = lm g − g, the basis being reduced), or m = x_j·m′ with m′ in the
 *   border, and NF(m) = Σ c_s NF(x_j·s) over NF(m′) = Σ c_s s, each x_j·s smaller than m.
 * - RUR (Rouillier; computed as Bostan–Salvy–Schost do, through linear recurrences): for a
 *   separating linear form t and a random functional ℓ on A, the sequence ℓ(tᵏ) has the minimal
 *   polynomial f of t; with N_v = (f · Σₖ ℓ(v tᵏ) T^{−k−1})₊, v(ζ) = N_v(t(ζ))/N_1(t(ζ)) at every
 *   solution ζ of a radical ideal, so g_i = N_{x_i} · N_1⁻¹ · f′ mod f gives x_i = g_i(t)/f′(t):
 *   the canonical RUR, independent of ℓ (its values at the D points fix it), which is what lets
 *   the residues of different primes be combined.
 */
import { type ModPoly } from './f4.js';
import { type MonomialTable, type Order, compareIds, dividesIds, insertExps } from './monomials.js';
import { type Prime, invmod, mulmod, reduce } from './prime.js';

/**
 * The largest set U of variables (0 … n − 1) containing no support in full: the Krull dimension of
 * a quotient whose initial ideal has these supports (U is independent when no leading monomial
 * lives in its variables). Depth-first over the variables, keeping independent sets only
 * (independence is inherited by subsets).
 */
export function maxIndependentSet(supports: readonly (readonly number[])[], n: number): number {
  let best = 0;
  const inU = new Array<boolean>(n).fill(false);
  const independent = (): boolean => supports.every((s) => s.some((i) => !inU[i]));
  const dfs = (i: number, size: number): void => {
    if (size + (n - i) <= best) return;
    if (i === n) {
      best = size;
      return;
    }
    inU[i] = true;
    if (independent()) dfs(i + 1, size + 1);
    inU[i] = false;
    dfs(i + 1, size);
  };
  dfs(0, 0);
  return best;
}

/** Krull dimension of F_p[x]/I from the leading monomials (−1 for the unit ideal). */
export function dimensionFromLeads(T: MonomialTable, lms: readonly number[]): number {
  const n = T.n;
  if (lms.some((m) => T.exps[m * (n + 1)] === 0)) return -1;
  const supports = lms.map((m) => {
    const s: number[] = [];
    for (let k = 1; k <= n; k++) if (T.exps[m * (n + 1) + k]! > 0) s.push(k - 1);
    return s;
  });
  return maxIndependentSet(supports, n);
}

/** Standard monomials past this are not enumerated. */
export const MAX_STANDARD = 20_000;

/**
 * Standard monomials (ids, increasing), or undefined when the ideal is not zero-dimensional or
 * there are more than `max`.
 */
export function standardIds(T: MonomialTable, lms: readonly number[], order: Order, max = MAX_STANDARD): number[] | undefined {
  const n = T.n;
  for (let k = 1; k <= n; k++) if (!lms.some((m) => T.exps[m * (n + 1)] === T.exps[m * (n + 1) + k] && T.exps[m * (n + 1) + k]! > 0)) return undefined;
  const isStd = (m: number): boolean => !lms.some((l) => dividesIds(T, l, m));
  const seen = new Set<number>([0]);
  const out: number[] = [];
  const stack = [0];
  if (!isStd(0)) return [];
  while (stack.length > 0) {
    const m = stack.pop()!;
    out.push(m);
    if (out.length > max) return undefined;
    const e = Array.from(T.exps.subarray(m * (n + 1) + 1, (m + 1) * (n + 1)));
    for (let k = 0; k < n; k++) {
      e[k]!++;
      const id = insertExps(T, e);
      e[k]!--;
      if (seen.has(id)) continue;
      seen.add(id);
      if (isStd(id)) stack.push(id);
    }
  }
  return out.sort((a, b) => compareIds(T, order, a, b));
}

/** A sparse vector over F_p: positions (increasing) and their nonzero residues. */
export interface SparseVec {
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/**
 * The quotient ring over F_p: basis B and the normal forms of the border, sparse. Normal forms
 * are sparse whenever the ideal is graded by a group (a sign symmetry x_i ↦ ±x_i preserving it,
 * as the census systems' hidden-unit flips do): NF(m) then lives on the standard monomials of
 * m's degree class only — for (2,2,2,2), 2.8% of B on average.
 */
export interface ModQuotient {
  readonly T: MonomialTable;
  readonly P: Prime;
  readonly std: number[];
  readonly pos: Map<number, number>;
  /** NF of every border monomial x_i·b */
  readonly nf: Map<number, SparseVec>;
  /** x_k·std[s] at s·n + k: its position in B (≥ 0), or −1 when it is a border monomial */
  readonly mulPos: Int32Array;
  /** x_k·std[s] at s·n + k: its monomial id */
  readonly mulId: Int32Array;
}

/** A dense accumulator with the list of the positions it touched, gathered into a sparse vector. */
interface Acc {
  readonly v: Float64Array;
  readonly mark: Uint8Array;
  readonly touched: Int32Array;
  count: number;
}
const newAcc = (D: number): Acc => ({ v: new Float64Array(D), mark: new Uint8Array(D), touched: new Int32Array(D), count: 0 });
function accAdd(a: Acc, j: number, c: number, P: Prime): void {
  if (a.mark[j] === 0) {
    a.mark[j] = 1;
    a.touched[a.count++] = j;
    a.v[j] = reduce(c, P);
  } else a.v[j] = reduce(a.v[j]! + c, P);
}
/** The accumulated vector, sparse (zeros dropped, positions increasing); the accumulator is cleared. */
function accTake(a: Acc): SparseVec {
  const t = a.touched.subarray(0, a.count).sort();
  let nz = 0;
  for (let i = 0; i < t.length; i++) if (a.v[t[i]!] !== 0) nz++;
  const idx = new Int32Array(nz);
  const val = new Float64Array(nz);
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const j = t[i]!;
    if (a.v[j] !== 0) {
      idx[w] = j;
      val[w++] = a.v[j]!;
    }
    a.v[j] = 0;
    a.mark[j] = 0;
  }
  a.count = 0;
  return { idx, val };
}

/** Build the quotient of a zero-dimensional reduced basis (undefined if not zero-dimensional). */
export function modQuotient(T: MonomialTable, basis: readonly ModPoly[], order: Order, P: Prime, max = MAX_STANDARD): ModQuotient | undefined {
  const lms = basis.map((g) => g.mons[0]!);
  const std = standardIds(T, lms, order, max);
  if (std === undefined) return undefined;
  const D = std.length;
  const pos = new Map(std.map((m, k) => [m, k]));
  const byLead = new Map(basis.map((g) => [g.mons[0]!, g]));
  const n = T.n;
  // x_k·b for every b ∈ B: a standard monomial or a border one.
  const mulId = new Int32Array(D * n);
  const mulPos = new Int32Array(D * n);
  const border = new Set<number>();
  const e = new Array<number>(n);
  std.forEach((b, s) => {
    for (let k = 0; k < n; k++) e[k] = T.exps[b * (n + 1) + 1 + k]!;
    for (let k = 0; k < n; k++) {
      e[k]!++;
      const id = insertExps(T, e);
      e[k]!--;
      mulId[s * n + k] = id;
      const j = pos.get(id);
      mulPos[s * n + k] = j ?? -1;
      if (j === undefined) border.add(id);
    }
  });
  // Normal forms in increasing order: a leading monomial's from its basis element; any other
  // border monomial m = x_k·m′ (m′ in the border, smaller) has NF(m) = Σ_s c_s NF(x_k·s) over
  // NF(m′) = Σ_s c_s s, each x_k·s smaller than m.
  const sorted = [...border].sort((a, b) => compareIds(T, order, a, b));
  const nf = new Map<number, SparseVec>();
  const acc = newAcc(D);
  for (const m of sorted) {
    const g = byLead.get(m);
    if (g !== undefined) {
      for (let t = 1; t < g.mons.length; t++) if (g.cfs[t] !== 0) accAdd(acc, pos.get(g.mons[t]!)!, P.p - g.cfs[t]!, P);
    } else {
      let k = 0;
      let prev: SparseVec | undefined;
      for (; k < n; k++) {
        if (T.exps[m * (n + 1) + 1 + k] === 0) continue;
        for (let i = 0; i < n; i++) e[i] = T.exps[m * (n + 1) + 1 + i]!;
        e[k]!--;
        prev = nf.get(insertExps(T, e));
        if (prev !== undefined) break;
      }
      if (prev === undefined) throw new Error('unreachable: a border monomial that is no leading monomial has a border divisor');
      for (let i = 0; i < prev.idx.length; i++) {
        const s = prev.idx[i]!;
        const c = prev.val[i]!;
        const j = mulPos[s * n + k]!;
        if (j >= 0) accAdd(acc, j, c, P);
        else {
          const w = nf.get(mulId[s * n + k]!)!;
          for (let r = 0; r < w.idx.length; r++) accAdd(acc, w.idx[r]!, c * w.val[r]!, P);
        }
      }
    }
    nf.set(m, accTake(acc));
  }
  return { T, P, std, pos, nf, mulPos, mulId };
}

/**
 * The multiplication matrix of t = Σ c_k x_k, column-compressed: column b is NF(t·b) =
 * Σ_k c_k NF(x_k·b), a unit vector where x_k·b is standard. Its cost in the Krylov sequence is
 * its number of nonzeros, not D² (a graded ideal keeps it sparse; so does a form of few variables).
 */
export interface SparseMatrix {
  readonly D: number;
  /** column j's entries at start[j] … start[j + 1] − 1 */
  readonly start: Int32Array;
  readonly rows: Int32Array;
  readonly vals: Float64Array;
}

export function multiplicationMatrix(q: ModQuotient, form: readonly number[]): SparseMatrix {
  const { T, P, std, nf, mulPos, mulId } = q;
  const n = T.n;
  const D = std.length;
  const acc = newAcc(D);
  const cols: SparseVec[] = [];
  let nnz = 0;
  for (let s = 0; s < D; s++) {
    for (let k = 0; k < n; k++) {
      const c = form[k]!;
      if (c === 0) continue;
      const j = mulPos[s * n + k]!;
      if (j >= 0) accAdd(acc, j, c, P);
      else {
        const w = nf.get(mulId[s * n + k]!)!;
        for (let r = 0; r < w.idx.length; r++) accAdd(acc, w.idx[r]!, c * w.val[r]!, P);
      }
    }
    const col = accTake(acc);
    cols.push(col);
    nnz += col.idx.length;
  }
  const start = new Int32Array(D + 1);
  const rows = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  let w = 0;
  cols.forEach((col, j) => {
    start[j] = w;
    rows.set(col.idx, w);
    vals.set(col.val, w);
    w += col.idx.length;
  });
  start[D] = w;
  return { D, start, rows, vals };
}

/** Minimal polynomial of a linearly recurrent sequence (Berlekamp–Massey), lowest degree first, monic. */
export function berlekampMassey(s: ArrayLike<number>, P: Prime): number[] {
  let C = [1];
  let B = [1];
  let L = 0;
  let m = 1;
  let b = 1;
  for (let i = 0; i < s.length; i++) {
    let d = s[i]!;
    for (let j = 1; j <= L; j++) d = reduce(d + C[j]! * s[i - j]!, P);
    if (d === 0) {
      m++;
      continue;
    }
    const coef = mulmod(d, invmod(b, P), P);
    const T2 = C.slice();
    while (C.length < B.length + m) C.push(0);
    for (let j = 0; j < B.length; j++) C[j + m] = reduce(C[j + m]! + (P.p - coef) * B[j]!, P);
    if (2 * L <= i) {
      L = i + 1 - L;
      B = T2;
      b = d;
      m = 1;
    } else m++;
  }
  // C(z) = 1 + c1 z + … + cL z^L is the connection polynomial; the minimal polynomial is its reverse.
  while (C.length < L + 1) C.push(0);
  const f = new Array<number>(L + 1);
  for (let j = 0; j <= L; j++) f[L - j] = C[j]!;
  return f;
}
