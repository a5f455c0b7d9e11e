/**
 * The hot loops: products and linear combinations of packed polynomials accumulated in an
 * open-addressing hash table keyed by packed monomials.
 *
 * Two coefficient routes with one shape: machine integers (doubles holding safe integers, the
 * fast path) and BigInt (exact, any size). The machine route checks every product and every
 * running sum against 2^53 and gives up (returns undefined) at the first overflow; the caller
 * then redoes the same operation on the BigInt route, so results are always exact.
 *
 * Why a hash table rather than a heap (Johnson; Monagan–Pearce): the products here are squares
 * of dense-ish layer polynomials whose result has far fewer terms than na·nb (392,834 terms from
 * ~5·10^7 term products for the 2-2-2-1 loss), so each product costs one hash probe instead of
 * O(log n) heap comparisons of multi-word keys; measured in bench/expand.bench.mjs. Output order
 * is the table's; sorting into the monomial order happens once, when terms are printed or listed.
 */
import { mulBuckets } from './buckets.js';
import { hashWord } from './monomial.js';

import { type Packed, TermLimitError } from './packed.js';
export { type Packed, TermLimitError } from './packed.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const EMPTY = -1; // no packed word is negative

const nextPow2 = (x: number): number => 2 ** Math.ceil(Math.log2(Math.max(16, x)));

/** One accumulation table; coefficients in `num` (machine) or `big` (BigInt). */
class Table {
  keys: Int32Array;
  num: Float64Array;
  big: bigint[] | undefined;
  mask: number;
  count = 0;
  constructor(
    readonly W: number,
    capacity: number,
    bigMode: boolean,
    readonly limit: number,
  ) {
    const cap = nextPow2(capacity);
    this.keys = new Int32Array(cap * W).fill(EMPTY);
    this.num = new Float64Array(bigMode ? 0 : cap);
    this.big = bigMode ? new Array<bigint>(cap).fill(0n) : undefined;
    this.mask = cap - 1;
  }

  /** Slot of the key in `k` (words at offset `at`), inserting it with coefficient 0 if absent. */
  slot(k: Int32Array, at: number, h: number): number {
    const W = this.W;
    let keys = this.keys;
    let s = h & this.mask;
    for (;;) {
      const base = s * W;
      if (keys[base] === EMPTY) {
        for (let w = 0; w < W; w++) keys[base + w] = k[at + w]!;
        if (++this.count * 2 > this.mask) {
          this.grow();
          keys = this.keys;
          return this.find(k, at, h);
        }
        return s;
      }
      let eq = true;
      for (let w = 0; w < W; w++)
        if (keys[base + w] !== k[at + w]) {
          eq = false;
          break;
        }
      if (eq) return s;
      s = (s + 1) & this.mask;
    }
  }

  private find(k: Int32Array, at: number, h: number): number {
    const W = this.W;
    let s = h & this.mask;
    for (;;) {
      let eq = true;
      for (let w = 0; w < W; w++)
        if (this.keys[s * W + w] !== k[at + w]) {
          eq = false;
          break;
        }
      if (eq) return s;
      s = (s + 1) & this.mask;
    }
  }

  private grow(): void {
    if (this.count > this.limit) throw new TermLimitError(this.limit);
    const W = this.W;
    const oldKeys = this.keys;
    const oldNum = this.num;
    const oldBig = this.big;
    const cap = (this.mask + 1) * 2;
    this.keys = new Int32Array(cap * W).fill(EMPTY);
    if (oldBig === undefined) this.num = new Float64Array(cap);
    else this.big = new Array<bigint>(cap).fill(0n);
    this.mask = cap - 1;
    for (let s = 0; s < oldKeys.length / W; s++) {
      if (oldKeys[s * W] === EMPTY) continue;
      let h = 0;
      for (let w = 0; w < W; w++) h = hashWord(h, oldKeys[s * W + w]!);
      let t = h & this.mask;
      while (this.keys[t * W] !== EMPTY) t = (t + 1) & this.mask;
      for (let w = 0; w < W; w++) this.keys[t * W + w] = oldKeys[s * W + w]!;
      if (oldBig === undefined) this.num[t] = oldNum[s]!;
      else this.big![t] = oldBig[s]!;
    }
  }

  /** The non-zero entries as packed terms. */
  drain(): Packed {
    const W = this.W;
    const cap = this.mask + 1;
    let n = 0;
    for (let s = 0; s < cap; s++) if (this.keys[s * W] !== EMPTY && (this.big === undefined ? this.num[s] !== 0 : this.big[s] !== 0n)) n++;
    const mono = new Int32Array(n * W);
    let i = 0;
    if (this.big === undefined) {
      const coef = new Float64Array(n);
      for (let s = 0; s < cap; s++) {
        if (this.keys[s * W] === EMPTY || this.num[s] === 0) continue;
        for (let w = 0; w < W; w++) mono[i * W + w] = this.keys[s * W + w]!;
        coef[i++] = this.num[s]!;
      }
      return { n, mono, coef };
    }
    const coef = new Array<bigint>(n);
    for (let s = 0; s < cap; s++) {
      if (this.keys[s * W] === EMPTY || this.big[s] === 0n) continue;
      for (let w = 0; w < W; w++) mono[i * W + w] = this.keys[s * W + w]!;
      coef[i++] = this.big[s]!;
    }
    return { n, mono, coef };
  }
}

/** BigInt view of a coefficient array. */
export const toBig = (c: Float64Array | bigint[]): bigint[] => (c instanceof Float64Array ? Array.from(c, (x) => BigInt(x)) : c);

/**
 * a·b. With `square` (b is a), only the pairs i ≤ j are formed and off-diagonal ones doubled:
 * (Σ aᵢ)² = Σ aᵢ² + 2 Σ_{i<j} aᵢaⱼ, half the work. With `keys` (additive keys of the terms of
 * a and b), the machine route works bucket by bucket ({@link mulBuckets}).
 */
export function mulPacked(a: Packed, b: Packed, W: number, limit: number, square = false, keys?: readonly [Int32Array, Int32Array]): Packed {
  if (a.coef instanceof Float64Array && b.coef instanceof Float64Array) {
    const na = a as Packed<Float64Array>;
    const nb = b as Packed<Float64Array>;
    const r = keys !== undefined ? mulBuckets(na, nb, keys[0], keys[1], W, limit, square) : mulNum(na, nb, W, limit, square);
    if (r !== undefined) return r;
  }
  return mulBig(a, b, W, limit, square);
}

function mulNum(a: Packed<Float64Array>, b: Packed<Float64Array>, W: number, limit: number, square: boolean): Packed | undefined {
  // The hottest loop of the library: locals only, linear probing inline. One slot holds the key
  // words and then the coefficient (as a double) in one buffer, so a probe touches one cache line
  // instead of two (measured 1.3–1.6× on the 2-2-2-1 loss against separate key/value arrays).
  const KW = W + (W & 1); // key words padded to a whole double
  const S = KW + 2; // slot stride in int32 units
  let cap = nextPow2(Math.min(a.n * b.n, 2 * (a.n + b.n) + 1024) * 2);
  let mask = cap - 1;
  let buf = new ArrayBuffer(cap * S * 4);
  let I = new Int32Array(buf).fill(EMPTY);
  let F = new Float64Array(buf);
  let count = 0;
  const am = a.mono;
  const bm = b.mono;
  const ac = a.coef;
  const bc = b.coef;
  const key = new Int32Array(W);
  for (let i = 0; i < a.n; i++) {
    const ca = ac[i]!;
    const ca2 = square ? 2 * ca : ca;
    const ai = i * W;
    const j0 = square ? i : 0;
    for (let j = j0; j < b.n; j++) {
      const bj = j * W;
      let h = 0;
      for (let w = 0; w < W; w++) {
        const k = am[ai + w]! + bm[bj + w]!;
        key[w] = k;
        h = Math.imul(h ^ k, 0x9e3779b1);
        h ^= h >>> 15;
      }
      const p = (j === i ? ca : ca2) * bc[j]!;
      if (!(p <= SAFE && p >= -SAFE)) return undefined;
      let s = h & mask;
      for (;;) {
        const base = s * S;
        if (I[base] === EMPTY) {
          for (let w = 0; w < W; w++) I[base + w] = key[w]!;
          F[(base + KW) >> 1] = p;
          if (++count * 2 > mask) {
            if (count > limit) throw new TermLimitError(limit);
            cap *= 2;
            mask = cap - 1;
            buf = rehashSlots(I, W, cap);
            I = new Int32Array(buf);
            F = new Float64Array(buf);
          }
          break;
        }
        let eq = true;
        for (let w = 0; w < W; w++)
          if (I[base + w] !== key[w]) {
            eq = false;
            break;
          }
        if (eq) {
          const at = (base + KW) >> 1;
          const v = F[at]! + p;
          // |p| ≤ 2^53 − 1 and |v| ≤ 2^53 − 1 mean both were computed exactly.
          if (!(v <= SAFE && v >= -SAFE)) return undefined;
          F[at] = v;
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
  return drainSlots(I, W);
}

/** Move every slot into a table of capacity `cap` (same slot format). */
function rehashSlots(I: Int32Array, W: number, cap: number): ArrayBuffer {
  const KW = W + (W & 1);
  const S = KW + 2;
  const buf = new ArrayBuffer(cap * S * 4);
  const J = new Int32Array(buf).fill(EMPTY);
  const mask = cap - 1;
  const old = I.length / S;
  for (let s = 0; s < old; s++) {
    const base = s * S;
    if (I[base] === EMPTY) continue;
    let h = 0;
    for (let w = 0; w < W; w++) {
      h = Math.imul(h ^ I[base + w]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    let t = h & mask;
    while (J[t * S] !== EMPTY) t = (t + 1) & mask;
    // copy keys and the coefficient's two int32 halves
    for (let w = 0; w < S; w++) J[t * S + w] = I[base + w]!;
  }
  return buf;
}

function drainSlots(I: Int32Array, W: number): Packed {
  const KW = W + (W & 1);
  const S = KW + 2;
  const F = new Float64Array(I.buffer);
  const cap = I.length / S;
  let n = 0;
  for (let s = 0; s < cap; s++) if (I[s * S] !== EMPTY && F[(s * S + KW) >> 1] !== 0) n++;
  const mono = new Int32Array(n * W);
  const coef = new Float64Array(n);
  let i = 0;
  for (let s = 0; s < cap; s++) {
    const base = s * S;
    if (I[base] === EMPTY) continue;
    const v = F[(base + KW) >> 1]!;
    if (v === 0) continue;
    for (let w = 0; w < W; w++) mono[i * W + w] = I[base + w]!;
    coef[i++] = v;
  }
  return { n, mono, coef };
}

function mulBig(a: Packed, b: Packed, W: number, limit: number, square: boolean): Packed {
  const t = new Table(W, Math.min(a.n * b.n, 2 * (a.n + b.n) + 1024), true, limit);
  const ac = toBig(a.coef);
  const bc = toBig(b.coef);
  const key = new Int32Array(W);
  for (let i = 0; i < a.n; i++) {
    const j0 = square ? i : 0;
    for (let j = j0; j < b.n; j++) {
      let h = 0;
      for (let w = 0; w < W; w++) {
        const k = a.mono[i * W + w]! + b.mono[j * W + w]!;
        key[w] = k;
        h = hashWord(h, k);
      }
      let p = ac[i]! * bc[j]!;
      if (square && j !== i) p *= 2n;
      const s = t.slot(key, 0, h);
      t.big![s] = t.big![s]! + p;
    }
  }
  return t.drain();
}

/** Σ kᵢ·pᵢ for integer multipliers kᵢ (machine route when everything stays below 2^53). */
export function combinePacked(parts: readonly { p: Packed; k: bigint }[], W: number, limit: number): Packed {
  const allNum = parts.every(({ p, k }) => p.coef instanceof Float64Array && k <= BigInt(SAFE) && -k <= BigInt(SAFE));
  if (allNum) {
    const total = parts.reduce((s, { p }) => s + p.n, 0);
    const t = new Table(W, 2 * total + 16, false, limit);
    let ok = true;
    outer: for (const { p, k } of parts) {
      const kk = Number(k);
      const c = p.coef as Float64Array;
      for (let i = 0; i < p.n; i++) {
        let h = 0;
        for (let w = 0; w < W; w++) h = hashWord(h, p.mono[i * W + w]!);
        const s = t.slot(p.mono, i * W, h);
        const q = kk * c[i]!;
        const v = t.num[s]! + q;
        if (!(Math.abs(q) <= SAFE && Math.abs(v) <= SAFE)) {
          ok = false;
          break outer;
        }
        t.num[s] = v;
      }
    }
    if (ok) return t.drain();
  }
  const total = parts.reduce((s, { p }) => s + p.n, 0);
  const t = new Table(W, 2 * total + 16, true, limit);
  for (const { p, k } of parts) {
    const c = toBig(p.coef);
    for (let i = 0; i < p.n; i++) {
      let h = 0;
      for (let w = 0; w < W; w++) h = hashWord(h, p.mono[i * W + w]!);
      const s = t.slot(p.mono, i * W, h);
      t.big![s] = t.big![s]! + k * c[i]!;
    }
  }
  return t.drain();
}
