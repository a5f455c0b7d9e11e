/**
 * Packed monomials.
 *
 * A monomial x₀^e₀ ⋯ x_{n−1}^e_{n−1} over an ordered list of variables is stored as a few
 * 32-bit machine words (an `Int32Array`): every exponent gets a field of `bits` bits,
 * `perWord` fields per word. Multiplying monomials is adding their words, with no carry between
 * fields as long as every exponent of the product stays ≤ 2^bits − 1 — the layout is chosen from a
 * bound on the exponents before any arithmetic, and {@link fitsLayout} guards every product.
 *
 * @example
 * ```ts
 * import { makeLayout, packExps, unpackExps } from 'closedform';
 * const L = makeLayout(['x', 'y'], 7);   // exponents up to 7 → 3-bit fields
 * unpackExps(L, packExps(L, [2, 5]), 0); // [2, 5]
 * ```
 */
import { compareNames } from '../expr/node.js';
import { ClosedformError } from '../expr/errors.js';

/**
 * Bits usable per word: two packed words add to < 2^31, so every word stays a small integer
 * (V8's fastest number representation; hashing it costs one `Math.imul`). Measured: 52-bit words
 * in doubles needed fewer words but made the 2-2-2-1 loss 2× slower (float→int32 conversions).
 */
export const WORD_BITS = 30;

export interface Layout {
  /** Variables in the natural order of names (`x2` before `x10`). */
  readonly vars: readonly string[];
  /** Width of one exponent field. */
  readonly bits: number;
  /** Exponent fields per word. */
  readonly perWord: number;
  /** Words per monomial (≥ 1, even with no variables, so that every monomial has a key). */
  readonly words: number;
  /** Largest exponent a field holds: 2^bits − 1. */
  readonly maxExp: number;
}

/** Raised when an exponent does not fit any packing (a degree beyond 2^30). */
export class MonomialOverflowError extends ClosedformError {
  override readonly name = 'MonomialOverflowError';
}

const bitLength = (m: number): number => (m <= 0 ? 1 : Math.floor(Math.log2(m)) + 1);

/**
 * The layout for `vars` (sorted here into natural order, duplicates removed) with room for every
 * exponent up to `maxExp`.
 */
export function makeLayout(vars: readonly string[], maxExp: number): Layout {
  const sorted = [...new Set(vars)].sort(compareNames);
  let bits = bitLength(maxExp);
  if (bits > WORD_BITS) throw new MonomialOverflowError(`an exponent bound of ${maxExp} does not fit a ${WORD_BITS}-bit word`);
  // Prefer as few words as possible: widen fields for free when the word count does not change.
  const perWord0 = Math.floor(WORD_BITS / bits);
  const words = Math.max(1, Math.ceil(sorted.length / perWord0));
  if (sorted.length > 0) {
    const perNeeded = Math.ceil(sorted.length / words);
    bits = Math.min(WORD_BITS, Math.max(bits, Math.floor(WORD_BITS / perNeeded)));
  }
  const perWord = Math.floor(WORD_BITS / bits);
  return Object.freeze({ vars: Object.freeze(sorted), bits, perWord, words, maxExp: 2 ** bits - 1 });
}

/** Two layouts pack identically. */
export const sameLayout = (a: Layout, b: Layout): boolean =>
  a === b || (a.bits === b.bits && a.vars.length === b.vars.length && a.vars.every((v, i) => v === b.vars[i]));

/** Pack an exponent vector (aligned with `L.vars`). */
export function packExps(L: Layout, exps: readonly number[]): Int32Array {
  const out = new Int32Array(L.words);
  packInto(L, exps, out, 0);
  return out;
}

/** Pack `exps` into `out` at word offset `at`. */
export function packInto(L: Layout, exps: readonly number[], out: Int32Array, at: number): void {
  for (let w = 0; w < L.words; w++) out[at + w] = 0;
  for (let i = 0; i < exps.length; i++) {
    const e = exps[i]!;
    if (!Number.isInteger(e) || e < 0 || e > L.maxExp) throw new MonomialOverflowError(`exponent ${e} of ${L.vars[i]} does not fit the layout (max ${L.maxExp})`);
    out[at + Math.floor(i / L.perWord)]! += e * 2 ** ((i % L.perWord) * L.bits);
  }
}

/** Unpack the monomial at word offset `at` of `mono` into an exponent vector. */
export function unpackExps(L: Layout, mono: Int32Array, at: number): number[] {
  const out = new Array<number>(L.vars.length);
  const mod = 2 ** L.bits;
  for (let w = 0; w < L.words; w++) {
    let word = mono[at + w]!;
    const end = Math.min(L.vars.length, (w + 1) * L.perWord);
    for (let i = w * L.perWord; i < end; i++) {
      out[i] = word % mod;
      word = Math.floor(word / mod);
    }
  }
  return out;
}

/**
 * Graded reverse lexicographic comparison of exponent vectors (variables in layout order, the
 * first the largest): higher total degree first; on a tie, the monomial with the smaller exponent
 * in the last variable where they differ is the larger. Returns < 0 when `a` comes first in
 * descending order.
 */
export function grevlexDesc(a: readonly number[], b: readonly number[]): number {
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    da += a[i]!;
    db += b[i]!;
  }
  if (da !== db) return db - da;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Mixing of one packed word into a 32-bit hash. */
export function hashWord(h: number, w: number): number {
  h = Math.imul(h ^ w, 0x9e3779b1);
  return h ^ (h >>> 15);
}
