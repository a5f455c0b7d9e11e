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
  // New pairs with every live element: partner, lcm, its degree, coprime leading monomials.
  const other: number[] = [];
  for (let i = 0; i < k; i++) if (B.live[i]) other.push(i);
  const c = other.length;
  const lcm = new Int32Array(c);
  const deg = new Int32Array(c);
  const coprime = new Uint8Array(c);
  const keep = new Uint8Array(c).fill(1);
  for (let x = 0; x < c; x++) {
    const li = B.lms[other[x]!]!;
    lcm[x] = lcmIds(T, li, lh);
    deg[x] = degreeOf(T, lcm[x]!);
    coprime[x] = coprimeIds(T, li, lh) ? 1 : 0;
  }
  // Criterion B on the old pairs.
  let w = 0;
  const mh = T.masks[lh]!;
  for (const q of pairs) {
    const drop =
      (mh & ~T.masks[q.lcm]!) === 0 &&
      dividesIds(T, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.i]!, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.j]!, lh, q.lcm);
    if (!drop) pairs[w++] = q;
  }
  pairs.length = w;
  // M: a new pair whose lcm is a proper multiple of another new pair's lcm goes. A proper
  // divisor has a lower degree, so only pairs of lower degree are compared (in degree order).
  const byDeg = Array.from({ length: c }, (_, x) => x).sort((a, b) => deg[a]! - deg[b]! || a - b);
  for (let ia = 0; ia < c; ia++) {
    const a = byDeg[ia]!;
    const la = lcm[a]!;
    const ma = T.masks[la]!;
    for (let ib = 0; ib < ia; ib++) {
      const b = byDeg[ib]!;
      if (deg[b] === deg[a]) break;
      const lb = lcm[b]!;
      if ((T.masks[lb]! & ~ma) === 0 && dividesIds(T, lb, la)) {
        keep[a] = 0;
        break;
      }
    }
  }
  // F: of the pairs with one lcm keep the first, and none when one of them has coprime leading
  // monomials (then the product criterion removes the pair, and F all of its equals).
  const byLcm = Array.from({ length: c }, (_, x) => x)
    .filter((x) => keep[x] === 1)
    .sort((a, b) => lcm[a]! - lcm[b]! || a - b);
  const fresh: Pair[] = [];
  for (let s = 0; s < byLcm.length; ) {
    let e = s;
    let cop = false;
    while (e < byLcm.length && lcm[byLcm[e]!] === lcm[byLcm[s]!]) cop ||= coprime[byLcm[e++]!] === 1;
    const a = byLcm[s]!;
    if (!cop) fresh.push({ i: other[a]!, j: k, lcm: lcm[a]!, deg: deg[a]! });
    s = e;
  }
  // In the order of the partners, as the pairs were installed before.
  fresh.sort((a, b) => a.i - b.i);
  for (const q of fresh) pairs.push(q);
  // Elements made redundant by h.
  for (let i = 0; i < k; i++) if (B.live[i] && (mh & ~T.masks[B.lms[i]!]!) === 0 && dividesIds(T, lh, B.lms[i]!)) B.live[i] = false;
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
