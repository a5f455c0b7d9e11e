/**
 * The basis under construction and its critical pairs, by index.
 *
 * A basis element is a monic polynomial over F_p: monomial ids in decreasing order and residues.
 * The pair set is updated by the Gebauer–Möller installation of Buchberger's criteria
 * (Becker–Weispfenning, Algorithm UPDATE): when h joins the basis,
 * - an old pair (i, j) goes when lm h divides lcm(i, j) properly on both sides (criterion B);
 * - among the new pairs (i, h), one whose lcm is a proper multiple of another's goes (M), of those
 *   with equal lcm only one stays, and none if one of them has coprime leading monomials (F);
 * - new pairs with coprime leading monomials go (product criterion);
 * - elements whose leading monomial lm h divides become redundant: no new pairs, no reducer.
 */
import { type MonomialTable, coprimeIds, degreeOf, dividesIds, lcmIds, lcmIs } from './monomials.js';

export interface Basis {
  /** monomial ids of each element, decreasing */
  mons: Int32Array[];
  /** residues of each element, leading coefficient 1 */
  cfs: Float64Array[];
  /** leading monomial id of each element */
  lms: number[];
  /** false once an element's leading monomial is divisible by a later one's */
  live: boolean[];
}

export interface Pair {
  readonly i: number;
  readonly j: number;
  readonly lcm: number;
  readonly deg: number;
}

export const newBasis = (): Basis => ({ mons: [], cfs: [], lms: [], live: [] });

/** Add a monic element to the basis and install its pairs; returns its index. */
export function addElement(T: MonomialTable, B: Basis, pairs: Pair[], mons: Int32Array, cfs: Float64Array): number {
  const k = B.mons.length;
  const lh = mons[0]!;
  B.mons.push(mons);
  B.cfs.push(cfs);
  B.lms.push(lh);
  B.live.push(true);
  // New pairs with every live element.
  const fresh: { i: number; lcm: number; coprime: boolean; keep: boolean }[] = [];
  for (let i = 0; i < k; i++) {
    if (!B.live[i]) continue;
    const li = B.lms[i]!;
    fresh.push({ i, lcm: lcmIds(T, li, lh), coprime: coprimeIds(T, li, lh), keep: true });
  }
  // Criterion B on the old pairs.
  let w = 0;
  for (const q of pairs) {
    const drop =
      dividesIds(T, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.i]!, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.j]!, lh, q.lcm);
    if (!drop) pairs[w++] = q;
  }
  pairs.length = w;
  // M: a new pair whose lcm is a proper multiple of another new pair's lcm goes.
  for (const a of fresh)
    for (const b of fresh)
      if (a !== b && b.keep && a.lcm !== b.lcm && dividesIds(T, b.lcm, a.lcm)) {
        a.keep = false;
        break;
      }
  // F: of the pairs with one lcm keep one, and none when one of them has coprime leading monomials.
  const byLcm = new Map<number, typeof fresh>();
  for (const a of fresh)
    if (a.keep) {
      const g = byLcm.get(a.lcm);
      if (g) g.push(a);
      else byLcm.set(a.lcm, [a]);
    }
  for (const [lcm, group] of byLcm) {
    if (group.some((a) => a.coprime)) continue;
    const a = group[0]!;
    pairs.push({ i: a.i, j: k, lcm, deg: degreeOf(T, lcm) });
  }
  // Elements made redundant by h.
  for (let i = 0; i < k; i++) if (B.live[i] && dividesIds(T, lh, B.lms[i]!)) B.live[i] = false;
  // An input polynomial whose leading monomial is a multiple of a live one's stays for its pairs
  // (installed above) but is neither a reducer nor in the minimal basis; by the chain criterion
  // it needs no pairs with later elements. (New F4 rows never are: their leading monomials are
  // irreducible by construction.)
  for (let i = 0; i < k; i++)
    if (B.live[i] && dividesIds(T, B.lms[i]!, lh)) {
      B.live[k] = false;
      break;
    }
  return k;
}

/** Normal strategy: take out every pair of the least lcm degree. */
export function selectPairs(pairs: Pair[]): Pair[] {
  let d = Infinity;
  for (const q of pairs) if (q.deg < d) d = q.deg;
  const out: Pair[] = [];
  let w = 0;
  for (const q of pairs) {
    if (q.deg === d) out.push(q);
    else pairs[w++] = q;
  }
  pairs.length = w;
  return out;
}

/** A live basis element whose leading monomial divides m, or −1 (the first such, by index). */
export function findReducer(T: MonomialTable, B: Basis, m: number): number {
  const mm = T.masks[m]!;
  for (let i = 0; i < B.lms.length; i++) {
    if (!B.live[i]) continue;
    const l = B.lms[i]!;
    if ((T.masks[l]! & ~mm) !== 0) continue;
    if (dividesIds(T, l, m)) return i;
  }
  return -1;
}
