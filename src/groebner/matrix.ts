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
 * increase along the row.
 */
import { type Basis, type Pair, findReducer } from './basis.js';
import { type MonomialTable, type Order, compareIds, divIds, mulIds } from './monomials.js';

/** A row u·g: the basis element and its column positions (one per term of g). */
export interface Row {
  readonly poly: number;
  readonly cols: Int32Array;
}

/** A Macaulay matrix: column monomials, the reducers and the rows to reduce. */
export interface Matrix {
  /** monomial id of each column, decreasing */
  readonly colMons: Int32Array;
  readonly upper: Row[];
  readonly lower: Row[];
}

/** Budget check called with the matrix size as it grows (may throw). */
export type SizeCheck = (rows: number, cols: number) => void;

interface Draft {
  poly: number;
  mons: Int32Array;
}

/** The product u·g as monomial ids. */
function multiply(T: MonomialTable, B: Basis, u: number, g: number): Int32Array {
  const src = B.mons[g]!;
  if (u === 0) return src;
  const out = new Int32Array(src.length);
  for (let k = 0; k < src.length; k++) out[k] = mulIds(T, u, src[k]!);
  return out;
}

/** The matrix of a set of pairs. */
export function pairMatrix(T: MonomialTable, B: Basis, pairs: readonly Pair[], order: Order, check?: SizeCheck): Matrix {
  const seen = new Set<string>();
  const byLead = new Map<number, Draft[]>();
  for (const q of pairs)
    for (const g of [q.i, q.j]) {
      const u = divIds(T, q.lcm, B.lms[g]!);
      const key = `${u}:${g}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const d = { poly: g, mons: multiply(T, B, u, g) };
      const list = byLead.get(q.lcm);
      if (list) list.push(d);
      else byLead.set(q.lcm, [d]);
    }
  const upper: Draft[] = [];
  const lower: Draft[] = [];
  for (const list of byLead.values()) {
    // The sparsest row of a leading monomial is its reducer.
    let best = 0;
    for (let k = 1; k < list.length; k++) if (list[k]!.mons.length < list[best]!.mons.length) best = k;
    list.forEach((d, k) => (k === best ? upper : lower).push(d));
  }
  return preprocess(T, B, upper, lower, order, new Set(byLead.keys()), check);
}

/**
 * The interreduction matrix of a minimal basis: every element is a row to reduce, and every
 * monomial of their tails that a leading monomial divides gets a reducer.
 */
export function interreductionMatrix(T: MonomialTable, B: Basis, elements: readonly number[], order: Order, check?: SizeCheck): Matrix {
  const lower = elements.map((g) => ({ poly: g, mons: B.mons[g]! }));
  return preprocess(T, B, [], lower, order, new Set(), check);
}

function preprocess(
  T: MonomialTable,
  B: Basis,
  upper: Draft[],
  lower: Draft[],
  order: Order,
  done: Set<number>,
  check?: SizeCheck,
): Matrix {
  // Membership by monomial id in typed arrays (ids are dense), grown as the table grows.
  let inAll = new Uint8Array(T.size + 1024);
  const all: number[] = [];
  const todo: number[] = [];
  const visit = (mons: Int32Array): void => {
    for (let k = 0; k < mons.length; k++) {
      const m = mons[k]!;
      if (m >= inAll.length) {
        const grown = new Uint8Array(Math.max(2 * inAll.length, T.size + 1024));
        grown.set(inAll);
        inAll = grown;
      }
      if (inAll[m] === 0) {
        inAll[m] = 1;
        all.push(m);
      }
      if (k > 0 && !done.has(m)) todo.push(m);
    }
  };
  for (const d of upper) visit(d.mons);
  // The leading monomials of the rows to reduce are not reduced (they are the lcms of the pairs,
  // or the leading monomials of the basis in the interreduction); every tail monomial is.
  for (const d of lower) visit(d.mons);
  while (todo.length > 0) {
    const m = todo.pop()!;
    if (done.has(m)) continue;
    done.add(m);
    const g = findReducer(T, B, m);
    if (g < 0) continue;
    const d = { poly: g, mons: multiply(T, B, divIds(T, m, B.lms[g]!), g) };
    upper.push(d);
    visit(d.mons);
    check?.(upper.length + lower.length, all.length);
  }
  const colMons = Int32Array.from(all).sort((a, b) => compareIds(T, order, b, a));
  const pos = new Int32Array(T.size);
  colMons.forEach((m, k) => (pos[m] = k));
  const toRow = (d: Draft): Row => {
    const cols = new Int32Array(d.mons.length);
    for (let k = 0; k < cols.length; k++) cols[k] = pos[d.mons[k]!]!;
    return { poly: d.poly, cols };
  };
  return { colMons, upper: upper.map(toRow), lower: lower.map(toRow) };
}
