/**
 * Symbolic preprocessing (Faugère 1999): from the selected pairs to the rows of a Macaulay
 * matrix, each row a multiple u·g of a basis element.
 *
 * Every pair (i, j) with lcm L gives the rows (L/lm gᵢ)·gᵢ and (L/lm gⱼ)·gⱼ. For each leading
 * monomial one such row becomes the reducer (an "upper" row, a pivot) and the others are the
 * rows to reduce ("lower"): their differences are the S-polynomials. Then every other monomial
 * m of the matrix that some leading monomial divides gets a reducer (m/lm g)·g, whose monomials
 * join the matrix in turn, until no monomial is left: reducing the lower rows by the upper ones
 * is then the simultaneous top-and-tail reduction of all S-polynomials by the basis.
 *
 * Columns are the matrix's monomials in decreasing term order, so a row's column positions
 * increase along the row. The rows are stored compressed (CSR): one array of column positions,
 * row r at cols[start[r] … start[r + 1]), upper rows first. The bookkeeping lives in a
 * workspace indexed by monomial id that every matrix of one F4 run reuses (stamps instead of
 * clearing), and each monomial remembers its reducer: the first live basis element whose
 * leading monomial divides it stays the first (elements only ever die, and a dead one's
 * successors are scanned from where it stood), so later matrices rarely scan the basis again.
 */
import { type Basis, type Pair } from './basis.js';
import { type MonomialTable, type Order, compareIds, divIds, dividesIds, mulIds } from './monomials.js';

/** A Macaulay matrix: column monomials and CSR rows, the reducers (upper rows) first. */
export interface Matrix {
  /** monomial id of each column, decreasing */
  readonly colMons: Int32Array;
  /** column positions of all rows, row after row */
  readonly cols: Int32Array;
  /** row r is cols[start[r] … start[r + 1]); length rows + 1 */
  readonly start: Int32Array;
  /** basis element each row is a multiple of */
  readonly poly: Int32Array;
  /** rows 0 … nUpper − 1 are reducers with distinct leading columns; the rest are to reduce */
  readonly nUpper: number;
}

export const rowCount = (M: Matrix): number => M.poly.length;

/** Budget check called with the matrix size as it grows (may throw). */
export type SizeCheck = (rows: number, cols: number) => void;

/** Scratch space of one F4 run, indexed by monomial id, grown with the table. */
export interface Workspace {
  stamp: number;
  /** seen[m] = stamp: m is a column of the current matrix */
  seen: Int32Array;
  /** done[m] = stamp: m needs no reducer search in the current matrix (done or a pair's lcm) */
  done: Int32Array;
  /** column position of m in the current matrix */
  pos: Int32Array;
  /** reducer[m] = g + 1 for the first live element g found dividing m; 0 when none (yet) */
  reducer: Int32Array;
  /** elements 0 … scanned[m] − 1 were checked against m */
  scanned: Int32Array;
  /** the rows' monomial ids as they are built */
  mons: Int32Array;
  /** the live basis elements while a matrix is built: indices (increasing), leading monomials, masks */
  liveIdx: Int32Array;
  liveLm: Int32Array;
  liveMask: Uint32Array;
  nLive: number;
}

export const newWorkspace = (): Workspace => ({
  stamp: 0,
  seen: new Int32Array(0),
  done: new Int32Array(0),
  pos: new Int32Array(0),
  reducer: new Int32Array(0),
  scanned: new Int32Array(0),
  mons: new Int32Array(256),
  liveIdx: new Int32Array(0),
  liveLm: new Int32Array(0),
  liveMask: new Uint32Array(0),
  nLive: 0,
});

function grown(a: Int32Array, n: number): Int32Array {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, 2 * a.length, 64));
  b.set(a);
  return b;
}

/** Make the monomial-indexed arrays cover every id of T. */
function cover(W: Workspace, T: MonomialTable): void {
  const n = T.size;
  if (W.seen.length >= n) return;
  W.seen = grown(W.seen, n);
  W.done = grown(W.done, n);
  W.pos = grown(W.pos, n);
  W.reducer = grown(W.reducer, n);
  W.scanned = grown(W.scanned, n);
}

/** The live basis elements of the current matrix (increasing), their leading monomials and masks. */
function listLive(W: Workspace, T: MonomialTable, B: Basis): void {
  const k = B.lms.length;
  if (W.liveIdx.length < k) {
    const n = Math.max(k, 2 * W.liveIdx.length, 64);
    W.liveIdx = new Int32Array(n);
    W.liveLm = new Int32Array(n);
    W.liveMask = new Uint32Array(n);
  }
  let c = 0;
  for (let i = 0; i < k; i++) {
    if (!B.live[i]) continue;
    W.liveIdx[c] = i;
    W.liveLm[c] = B.lms[i]!;
    W.liveMask[c] = T.masks[B.lms[i]!]!;
    c++;
  }
  W.nLive = c;
}

/** The first live basis element whose leading monomial divides m, or −1 (cached per monomial). */
function reducerOf(W: Workspace, T: MonomialTable, B: Basis, m: number): number {
  const g0 = W.reducer[m]! - 1;
  if (g0 >= 0 && B.live[g0]) return g0;
  const from = g0 >= 0 ? g0 + 1 : W.scanned[m]!;
  // the first live element at or after `from`
  const { liveIdx, liveLm, liveMask } = W;
  let lo = 0;
  let hi = W.nLive;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (liveIdx[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const mm = T.masks[m]!;
  for (let q = lo; q < W.nLive; q++) {
    if ((liveMask[q]! & ~mm) !== 0) continue;
    if (dividesIds(T, liveLm[q]!, m)) {
      const i = liveIdx[q]!;
      W.reducer[m] = i + 1;
      W.scanned[m] = i + 1;
      return i;
    }
  }
  W.reducer[m] = 0;
  W.scanned[m] = B.lms.length;
  return -1;
}

/**
 * The monomials in decreasing term order. A comparator sort spends most of its time calling
 * the comparator, so each monomial gets a number that orders as the monomials do on a prefix
 * of the order's criteria — grevlex: the degree, then the exponents of xₙ, xₙ₋₁, … reversed;
 * lex: the exponents of x₁, x₂, … — as many b-bit digits as fit beside the monomial's index
 * in a double's 53 bits; a native numeric sort orders them, and the runs the prefix does not
 * separate (when it had to be cut short) are finished by the comparator.
 */
export function sortColumns(T: MonomialTable, order: Order, all: readonly number[]): Int32Array {
  const N = all.length;
  if (N <= 16) {
    // (a handful of columns: insertion sort by the comparison itself)
    const out = Int32Array.from(all);
    for (let i = 1; i < N; i++) {
      const m = out[i]!;
      let j = i - 1;
      while (j >= 0 && compareIds(T, order, out[j]!, m) < 0) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = m;
    }
    return out;
  }
  const n = T.n;
  const E = T.exps;
  let maxDeg = 1;
  for (const m of all) if (E[m * (n + 1)]! > maxDeg) maxDeg = E[m * (n + 1)]!;
  const b = Math.ceil(Math.log2(maxDeg + 1));
  const ib = Math.max(1, Math.ceil(Math.log2(N + 1)));
  const digits = Math.min(n, Math.floor((53 - ib) / b));
  const exact = digits >= n; // grevlex: degree and xₙ … x₂ fix x₁; lex: all n exponents
  const B = 2 ** b;
  const I = 2 ** ib;
  const keys = new Float64Array(N);
  for (let x = 0; x < N; x++) {
    const o = all[x]! * (n + 1);
    let key = 0;
    if (order === 'grevlex') {
      key = E[o]!;
      for (let t = 1; t < digits; t++) key = key * B + (maxDeg - E[o + n + 1 - t]!);
    } else for (let t = 1; t <= digits; t++) key = key * B + E[o + t]!;
    keys[x] = key * I + x;
  }
  keys.sort();
  const out = new Int32Array(N);
  for (let i = 0; i < N; i++) out[i] = all[keys[N - 1 - i]! % I]!;
  if (!exact) {
    // Runs with equal prefixes: insertion sort by the full comparison (decreasing).
    const prefix = (i: number): number => Math.floor(keys[N - 1 - i]! / I);
    for (let s = 0; s < N; ) {
      let e = s + 1;
      while (e < N && prefix(e) === prefix(s)) e++;
      for (let i = s + 1; i < e; i++) {
        const m = out[i]!;
        let j = i - 1;
        while (j >= s && compareIds(T, order, out[j]!, m) < 0) {
          out[j + 1] = out[j]!;
          j--;
        }
        out[j + 1] = m;
      }
      s = e;
    }
  }
  return out;
}

/** Rows under construction: basis element, start and length in W.mons. */
class Rows {
  poly: number[] = [];
  at: number[] = [];
  len: number[] = [];
  used = 0;
  constructor(readonly W: Workspace) {}
  /** Append the row u·g (monomial ids of g times u). */
  add(T: MonomialTable, B: Basis, u: number, g: number): number {
    const src = B.mons[g]!;
    const n = src.length;
    if (this.used + n > this.W.mons.length) this.W.mons = grown(this.W.mons, this.used + n);
    const out = this.W.mons;
    const at = this.used;
    if (u === 0) out.set(src, at);
    else for (let k = 0; k < n; k++) out[at + k] = mulIds(T, u, src[k]!);
    this.used += n;
    this.poly.push(g);
    this.at.push(at);
    this.len.push(n);
    return this.poly.length - 1;
  }
}

/** The matrix of a set of pairs. */
export function pairMatrix(W: Workspace, T: MonomialTable, B: Basis, pairs: readonly Pair[], order: Order, check?: SizeCheck): Matrix {
  W.stamp++;
  const rows = new Rows(W);
  // Pairs grouped by lcm, in order of first appearance; in a group, each element once.
  const groups = new Map<number, number[]>();
  for (const q of pairs) {
    let g = groups.get(q.lcm);
    if (g === undefined) groups.set(q.lcm, (g = []));
    if (!g.includes(q.i)) g.push(q.i);
    if (!g.includes(q.j)) g.push(q.j);
  }
  const upper: number[] = [];
  const lower: number[] = [];
  for (const [lcm, els] of groups) {
    // The sparsest row of a leading monomial is its reducer (the first of the sparsest).
    let best = 0;
    for (let k = 1; k < els.length; k++) if (B.mons[els[k]!]!.length < B.mons[els[best]!]!.length) best = k;
    els.forEach((g, k) => (k === best ? upper : lower).push(rows.add(T, B, divIds(T, lcm, B.lms[g]!), g)));
  }
  cover(W, T);
  for (const lcm of groups.keys()) W.done[lcm] = W.stamp;
  return preprocess(W, T, B, rows, upper, lower, order, check);
}

/**
 * The interreduction matrix of a minimal basis: every element is a row to reduce, and every
 * monomial of their tails that a leading monomial divides gets a reducer.
 */
export function interreductionMatrix(W: Workspace, T: MonomialTable, B: Basis, elements: readonly number[], order: Order, check?: SizeCheck): Matrix {
  W.stamp++;
  const rows = new Rows(W);
  const lower = elements.map((g) => rows.add(T, B, 0, g));
  return preprocess(W, T, B, rows, [], lower, order, check);
}

function preprocess(W: Workspace, T: MonomialTable, B: Basis, rows: Rows, upper: number[], lower: number[], order: Order, check?: SizeCheck): Matrix {
  cover(W, T);
  listLive(W, T, B);
  const stamp = W.stamp;
  const all: number[] = [];
  const todo: number[] = [];
  const visit = (r: number): void => {
    const at = rows.at[r]!;
    const n = rows.len[r]!;
    const mons = W.mons;
    for (let k = 0; k < n; k++) {
      const m = mons[at + k]!;
      if (W.seen[m] !== stamp) {
        W.seen[m] = stamp;
        all.push(m);
      }
      // A row's leading monomial is reduced already (an upper row's is its own; a lower row's is a
      // pair's lcm, or in the interreduction a leading monomial of the basis); every tail one is.
      if (k > 0 && W.done[m] !== stamp) todo.push(m);
    }
  };
  for (const r of upper) visit(r);
  for (const r of lower) visit(r);
  while (todo.length > 0) {
    const m = todo.pop()!;
    if (W.done[m] === stamp) continue;
    W.done[m] = stamp;
    const g = reducerOf(W, T, B, m);
    if (g < 0) continue;
    const r = rows.add(T, B, divIds(T, m, B.lms[g]!), g);
    cover(W, T);
    upper.push(r);
    visit(r);
    check?.(upper.length + lower.length, all.length);
  }
  const colMons = sortColumns(T, order, all);
  for (let k = 0; k < colMons.length; k++) W.pos[colMons[k]!] = k;
  // CSR in the order upper, lower.
  const order2 = upper.concat(lower);
  const start = new Int32Array(order2.length + 1);
  for (let i = 0; i < order2.length; i++) start[i + 1] = start[i]! + rows.len[order2[i]!]!;
  const cols = new Int32Array(start[order2.length]!);
  const poly = new Int32Array(order2.length);
  const mons = W.mons;
  for (let i = 0; i < order2.length; i++) {
    const r = order2[i]!;
    const at = rows.at[r]!;
    const o = start[i]!;
    for (let k = 0; k < rows.len[r]!; k++) cols[o + k] = W.pos[mons[at + k]!]!;
    poly[i] = rows.poly[r]!;
  }
  return { colMons, cols, start, poly, nUpper: upper.length };
}
