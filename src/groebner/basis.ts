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
import { type MonomialTable, dividesIds, insertExps, lcmIs } from './monomials.js';

export interface Basis {
  /** monomial ids of each element, decreasing */
  mons: Int32Array[];
  /** residues of each element, leading coefficient 1 */
  cfs: Float64Array[];
  /** leading monomial id of each element */
  lms: number[];
  /** false once an element's leading monomial is divisible by a later one's */
  live: boolean[];
  /** scratch of the pair update, reused (grown as needed) */
  scratch: Scratch;
}

/**
 * Per new pair: partner, the lcm's exponents (stride n), degree, divisibility mask and hash
 * (those of the monomial table), and flags; a small hash table over the lcms for criterion F.
 * The lcms are built here and only the surviving pairs' enter the monomial table.
 */
interface Scratch {
  other: Int32Array;
  exps: Int32Array;
  deg: Int32Array;
  mask: Uint32Array;
  hash: Uint32Array;
  /** bit 1 coprime leading monomials, bit 2 kept, bit 4 its lcm group has a coprime pair */
  flag: Uint8Array;
  order: Int32Array;
  slots: Int32Array;
}

const newScratch = (): Scratch => ({
  other: new Int32Array(0),
  exps: new Int32Array(0),
  deg: new Int32Array(0),
  mask: new Uint32Array(0),
  hash: new Uint32Array(0),
  flag: new Uint8Array(0),
  order: new Int32Array(0),
  slots: new Int32Array(0),
});

function fit(S: Scratch, c: number, n: number): void {
  if (S.other.length >= c) return;
  const m = Math.max(c, 2 * S.other.length, 64);
  S.other = new Int32Array(m);
  S.exps = new Int32Array(m * n);
  S.deg = new Int32Array(m);
  S.mask = new Uint32Array(m);
  S.hash = new Uint32Array(m);
  S.flag = new Uint8Array(m);
  S.order = new Int32Array(m);
  let sl = 1;
  while (sl < 2 * m) sl *= 2;
  S.slots = new Int32Array(sl);
}

export interface Pair {
  readonly i: number;
  readonly j: number;
  readonly lcm: number;
  readonly deg: number;
}

export const newBasis = (): Basis => ({ mons: [], cfs: [], lms: [], live: [], scratch: newScratch() });

/** Add a monic element to the basis and install its pairs; returns its index. */
export function addElement(T: MonomialTable, B: Basis, pairs: Pair[], mons: Int32Array, cfs: Float64Array): number {
  const k = B.mons.length;
  const lh = mons[0]!;
  B.mons.push(mons);
  B.cfs.push(cfs);
  B.lms.push(lh);
  B.live.push(true);
  // New pairs with every live element: partner, lcm, its degree, coprime leading monomials.
  const S = B.scratch;
  const n = T.n;
  fit(S, k, n);
  const { other, exps, deg, mask, hash, flag, order } = S;
  const E = T.exps;
  const oh = lh * (n + 1);
  const mh = T.masks[lh]!;
  let c = 0;
  let dmin = Infinity;
  let dmax = 0;
  for (let i = 0; i < k; i++) {
    if (!B.live[i]) continue;
    const li = B.lms[i]!;
    const oi = li * (n + 1);
    let d = 0;
    let h = 0;
    let coprime = (T.masks[li]! & mh) === 0;
    let shared = false;
    for (let v = 1; v <= n; v++) {
      const a = E[oi + v]!;
      const b = E[oh + v]!;
      const e = a > b ? a : b;
      if (a > 0 && b > 0) shared = true;
      exps[c * n + v - 1] = e;
      d += e;
      h = (h + Math.imul(e, T.keys[v - 1]!)) >>> 0;
    }
    coprime ||= !shared;
    other[c] = i;
    deg[c] = d;
    mask[c] = (T.masks[li]! | mh) >>> 0;
    hash[c] = h;
    flag[c] = coprime ? 3 : 2;
    if (d < dmin) dmin = d;
    if (d > dmax) dmax = d;
    c++;
  }
  // Criterion B on the old pairs.
  let w = 0;
  for (const q of pairs) {
    const drop =
      (mh & ~T.masks[q.lcm]!) === 0 &&
      dividesIds(T, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.i]!, lh, q.lcm) &&
      !lcmIs(T, B.lms[q.j]!, lh, q.lcm);
    if (!drop) pairs[w++] = q;
  }
  pairs.length = w;
  if (c === 0) return finish(T, B, k, lh, mh);
  // M: a new pair whose lcm is a proper multiple of another new pair's lcm goes. A proper
  // divisor has a lower degree: the pairs in degree order (counting sort), each compared with
  // those of lower degree only.
  const counts = new Int32Array(dmax - dmin + 2);
  for (let x = 0; x < c; x++) counts[deg[x]! - dmin + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  for (let x = 0; x < c; x++) order[counts[deg[x]! - dmin]!++] = x;
  for (let ia = 0; ia < c; ia++) {
    const a = order[ia]!;
    const ma = mask[a]!;
    const da = deg[a]!;
    for (let ib = 0; ib < ia; ib++) {
      const b = order[ib]!;
      if (deg[b] === da) break;
      if ((mask[b]! & ~ma) !== 0) continue;
      let divides = true;
      for (let v = 0; v < n; v++)
        if (exps[b * n + v]! > exps[a * n + v]!) {
          divides = false;
          break;
        }
      if (divides) {
        flag[a] = flag[a]! & ~2;
        break;
      }
    }
  }
  // F: of the pairs with one lcm keep the first, and none when one of them has coprime leading
  // monomials (then the product criterion removes the pair, and F all of its equals).
  const slots = S.slots;
  const sm = slots.length - 1;
  slots.fill(0);
  for (let x = 0; x < c; x++) {
    if ((flag[x]! & 2) === 0) continue;
    let t = hash[x]! & sm;
    let f = -1;
    for (; slots[t] !== 0; t = (t + 1) & sm) {
      const y = slots[t]! - 1;
      if (hash[y] !== hash[x]) continue;
      let same = true;
      for (let v = 0; v < n; v++)
        if (exps[y * n + v] !== exps[x * n + v]) {
          same = false;
          break;
        }
      if (same) {
        f = y;
        break;
      }
    }
    if (f < 0) {
      slots[t] = x + 1;
      continue;
    }
    if ((flag[x]! & 1) !== 0) flag[f] = flag[f]! | 4;
    flag[x] = flag[x]! & ~2;
  }
  for (let x = 0; x < c; x++) {
    if ((flag[x]! & 2) === 0 || (flag[x]! & 5) !== 0) continue;
    const lcm = insertExps(T, exps.subarray(x * n, (x + 1) * n));
    pairs.push({ i: other[x]!, j: k, lcm, deg: deg[x]! });
  }
  return finish(T, B, k, lh, mh);
}

/** The redundancies h brings, after its pairs are installed; returns k. */
function finish(T: MonomialTable, B: Basis, k: number, lh: number, mh: number): number {
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
