/**
 * The monomial hash table of the F4 engine: every exponent vector exists once and is named by a
 * small integer id, so that a polynomial is an array of ids and a matrix column is an id.
 *
 * Layout (as Groebner.jl's hashtable): exponents in one flat Int32Array with stride n + 1, the
 * total degree first (grevlex compares it first); a 32-bit hash that is linear in the exponents,
 * h(m) = Σ eₖ·rₖ mod 2³², so h(a·b) = h(a) + h(b) and a product is looked up without being built;
 * a divisibility mask with bit (k mod 32) set when xₖ occurs — a | b needs mask(a) ⊆ mask(b),
 * which rejects most candidate divisors in one instruction. Open addressing with linear probing.
 */
import { seededRng } from '../util/rng.js';

export interface MonomialTable {
  /** number of variables */
  readonly n: number;
  /** exponents, stride n + 1: [deg, e1, …, en] per id */
  exps: Int32Array;
  hashes: Uint32Array;
  masks: Uint32Array;
  /** number of monomials stored (ids 0 … size − 1) */
  size: number;
  /** open-addressing slots: id + 1, or 0 when empty; length a power of two */
  slots: Int32Array;
  /** the random multipliers of the hash, one per variable */
  readonly keys: Uint32Array;
  /** room for one exponent vector: products, quotients and lcms are built here, not allocated */
  readonly scratch: Int32Array;
}

/** A table over n variables; id 0 is the monomial 1. */
export function newTable(n: number, capacity = 256): MonomialTable {
  const r = seededRng(0x5eed + n);
  const keys = new Uint32Array(n);
  for (let k = 0; k < n; k++) keys[k] = (Math.floor(r() * 2 ** 32) | 1) >>> 0;
  let cap = 64;
  while (cap < capacity) cap *= 2;
  const t: MonomialTable = {
    n,
    exps: new Int32Array(cap * (n + 1)),
    hashes: new Uint32Array(cap),
    masks: new Uint32Array(cap),
    size: 0,
    slots: new Int32Array(cap * 2),
    keys,
    scratch: new Int32Array(n),
  };
  insertExps(t, new Int32Array(n));
  return t;
}

function grow(t: MonomialTable): void {
  const cap = t.hashes.length * 2;
  const exps = new Int32Array(cap * (t.n + 1));
  exps.set(t.exps);
  const hashes = new Uint32Array(cap);
  hashes.set(t.hashes);
  const masks = new Uint32Array(cap);
  masks.set(t.masks);
  t.exps = exps;
  t.hashes = hashes;
  t.masks = masks;
  const slots = new Int32Array(cap * 2);
  const mask = slots.length - 1;
  for (let id = 0; id < t.size; id++) {
    let s = t.hashes[id]! & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = id + 1;
  }
  t.slots = slots;
}

/** The id of the monomial with exponents e (length n), inserted if new. */
export function insertExps(t: MonomialTable, e: ArrayLike<number>): number {
  const n = t.n;
  let h = 0;
  let deg = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const ek = e[k]!;
    h = (h + Math.imul(ek, t.keys[k]!)) >>> 0;
    deg += ek;
    if (ek > 0) m |= 1 << (k & 31);
  }
  const smask = t.slots.length - 1;
  let s = h & smask;
  for (;;) {
    const id1 = t.slots[s]!;
    if (id1 === 0) break;
    const id = id1 - 1;
    if (t.hashes[id] === h) {
      const o = id * (n + 1);
      let eq = true;
      for (let k = 0; k < n; k++)
        if (t.exps[o + 1 + k] !== e[k]) {
          eq = false;
          break;
        }
      if (eq) return id;
    }
    s = (s + 1) & smask;
  }
  if (t.size === t.hashes.length) {
    grow(t);
    return insertExps(t, e);
  }
  const id = t.size++;
  const o = id * (n + 1);
  t.exps[o] = deg;
  for (let k = 0; k < n; k++) t.exps[o + 1 + k] = e[k]!;
  t.hashes[id] = h;
  t.masks[id] = m >>> 0;
  t.slots[s] = id + 1;
  return id;
}

/** The id of a·b, inserted if new; looked up by the sum of hashes without building a·b first. */
export function mulIds(t: MonomialTable, a: number, b: number): number {
  const n = t.n;
  const h = (t.hashes[a]! + t.hashes[b]!) >>> 0;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  const E = t.exps;
  const smask = t.slots.length - 1;
  let s = h & smask;
  for (;;) {
    const id1 = t.slots[s]!;
    if (id1 === 0) break;
    const id = id1 - 1;
    if (t.hashes[id] === h) {
      const o = id * (n + 1);
      let eq = true;
      for (let k = 1; k <= n; k++)
        if (E[o + k] !== E[oa + k]! + E[ob + k]!) {
          eq = false;
          break;
        }
      if (eq) return id;
    }
    s = (s + 1) & smask;
  }
  const e = t.scratch;
  for (let k = 0; k < n; k++) e[k] = E[oa + 1 + k]! + E[ob + 1 + k]!;
  return insertExps(t, e);
}

/** Does monomial a divide monomial b? */
export function dividesIds(t: MonomialTable, a: number, b: number): boolean {
  if ((t.masks[a]! & ~t.masks[b]!) !== 0) return false;
  const n = t.n;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  const E = t.exps;
  if (E[oa]! > E[ob]!) return false;
  for (let k = 1; k <= n; k++) if (E[oa + k]! > E[ob + k]!) return false;
  return true;
}

/** b / a, assuming a | b. */
export function divIds(t: MonomialTable, b: number, a: number): number {
  const n = t.n;
  const e = t.scratch;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  for (let k = 0; k < n; k++) e[k] = t.exps[ob + 1 + k]! - t.exps[oa + 1 + k]!;
  return insertExps(t, e);
}

/** lcm(a, b). */
export function lcmIds(t: MonomialTable, a: number, b: number): number {
  const n = t.n;
  const e = t.scratch;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  for (let k = 0; k < n; k++) e[k] = Math.max(t.exps[oa + 1 + k]!, t.exps[ob + 1 + k]!);
  return insertExps(t, e);
}

/** lcm(a, b) = c, decided on the exponents without inserting lcm(a, b) into the table. */
export function lcmIs(t: MonomialTable, a: number, b: number, c: number): boolean {
  const n = t.n;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  const oc = c * (n + 1);
  const E = t.exps;
  for (let k = 1; k <= n; k++) if (Math.max(E[oa + k]!, E[ob + k]!) !== E[oc + k]) return false;
  return true;
}

/** gcd(a, b) = 1: no variable occurs in both (Buchberger's product criterion). */
export function coprimeIds(t: MonomialTable, a: number, b: number): boolean {
  if ((t.masks[a]! & t.masks[b]!) === 0) return true;
  const n = t.n;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  for (let k = 1; k <= n; k++) if (t.exps[oa + k]! > 0 && t.exps[ob + k]! > 0) return false;
  return true;
}

export const degreeOf = (t: MonomialTable, a: number): number => t.exps[a * (t.n + 1)]!;

/** The exponent vector of id (a copy, without the degree). */
export function expsOf(t: MonomialTable, a: number): number[] {
  const out = new Array<number>(t.n);
  const o = a * (t.n + 1) + 1;
  for (let k = 0; k < t.n; k++) out[k] = t.exps[o + k]!;
  return out;
}

/** Monomial orders of the engine. */
export type Order = 'grevlex' | 'lex';

/**
 * Comparison of two ids in a term order: positive when a > b. grevlex: higher degree first, then
 * the smaller exponent in the last variable where they differ is the larger (x1 > … > xn); lex:
 * the first differing exponent decides.
 */
export function compareIds(t: MonomialTable, order: Order, a: number, b: number): number {
  if (a === b) return 0;
  const n = t.n;
  const oa = a * (n + 1);
  const ob = b * (n + 1);
  const E = t.exps;
  if (order === 'grevlex') {
    if (E[oa] !== E[ob]) return E[oa]! - E[ob]!;
    for (let k = n; k >= 1; k--) if (E[oa + k] !== E[ob + k]) return E[ob + k]! - E[oa + k]!;
    return 0;
  }
  for (let k = 1; k <= n; k++) if (E[oa + k] !== E[ob + k]) return E[oa + k]! - E[ob + k]!;
  return 0;
}
