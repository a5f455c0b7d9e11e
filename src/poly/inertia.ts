/**
 * The inertia of a real symmetric matrix — how many eigenvalues are positive, negative and zero —
 * by symmetric elimination (LDLᵀ with 1×1 and 2×2 pivots), over any arithmetic that can tell a
 * sign: exact rationals, where every sign is known, or intervals, where a sign may be unknown.
 *
 * Sylvester's law of inertia: A and CᵀAC have the same inertia for every invertible C. One step
 * of elimination with an invertible pivot block B (a nonzero diagonal entry, or a 2×2 block
 * [[a, b], [b, c]] with ac − b² ≠ 0) is such a congruence,
 *
 *     A = [[B, Eᵀ], [E, F]]  ≅  [[B, 0], [0, F − E B⁻¹ Eᵀ]],
 *
 * so the inertia of A is that of B plus that of the Schur complement. A 1×1 pivot adds its sign;
 * a 2×2 block with negative determinant has one eigenvalue of each sign. A remaining block that is
 * exactly zero adds its size to the zero count. Over Q the loop always finishes (if every
 * diagonal entry is 0 and some off-diagonal b is not, [[0, b], [b, 0]] has determinant −b² < 0).
 * Over intervals the signs are those of every matrix in the enclosure along the same pivot
 * sequence, hence of the true matrix; when no pivot's sign is certain the answer is `undefined`
 * (the caller narrows the enclosure and tries again) — a zero eigenvalue is proved only by an
 * entry that is exactly zero.
 */
import { type Rational, qdiv, qmul, qsub } from '../expr/rational.js';

/** The operations elimination needs; `sign` is undefined when it is not certain. */
export interface SignedArithmetic<T> {
  sign(a: T): 1 | -1 | 0 | undefined;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** a / b, called only when `sign(b)` is ±1 */
  div(a: T, b: T): T;
  /** a rough size of |a| (log scale is fine), to prefer large pivots */
  size(a: T): number;
}

export interface Inertia {
  readonly positive: number;
  readonly negative: number;
  readonly zero: number;
}

/** Exact rational arithmetic: every sign is known. */
export const RATIONAL_ARITHMETIC: SignedArithmetic<Rational> = {
  sign: (a) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0),
  sub: qsub,
  mul: qmul,
  div: qdiv,
  size: (a) => Math.abs(Number(a.n)) / Number(a.d),
};

/**
 * The inertia of the symmetric matrix `A` (only its upper triangle is read), or undefined when
 * the arithmetic cannot certify a pivot's sign.
 *
 * @example
 * ```ts
 * import { Q, inertia, RATIONAL_ARITHMETIC } from 'closedform';
 * inertia([[Q(0), Q(1)], [Q(1), Q(0)]], RATIONAL_ARITHMETIC); // { positive: 1, negative: 1, zero: 0 }
 * ```
 */
export function inertia<T>(A: readonly (readonly T[])[], F: SignedArithmetic<T>): Inertia | undefined {
  const n = A.length;
  // the upper triangle, mirrored: a[i][j] for i ≤ j is the working Schur complement
  const a: T[][] = A.map((row, i) => row.map((_, j) => (i <= j ? A[i]![j]! : A[j]![i]!)));
  const at = (i: number, j: number): T => (i <= j ? a[i]![j]! : a[j]![i]!);
  const set = (i: number, j: number, v: T): void => {
    if (i <= j) a[i]![j] = v;
    else a[j]![i] = v;
  };
  let rem = Array.from({ length: n }, (_, i) => i);
  let positive = 0;
  let negative = 0;
  while (rem.length > 0) {
    // 1×1 pivot: the certain nonzero diagonal entry of largest size
    let k = -1;
    for (const i of rem) {
      const s = F.sign(at(i, i));
      if ((s === 1 || s === -1) && (k < 0 || F.size(at(i, i)) > F.size(at(k, k)))) k = i;
    }
    if (k >= 0) {
      const p = at(k, k);
      if (F.sign(p) === 1) positive++;
      else negative++;
      rem = rem.filter((i) => i !== k);
      for (const i of rem) {
        const lik = F.div(at(i, k), p);
        for (const j of rem) if (i <= j) set(i, j, F.sub(at(i, j), F.mul(lik, at(k, j))));
      }
      continue;
    }
    // 2×2 pivot: a block with certainly negative determinant (one eigenvalue of each sign)
    let pair: [number, number, T] | undefined;
    for (const i of rem)
      for (const j of rem) {
        if (j <= i) continue;
        const det = F.sub(F.mul(at(i, i), at(j, j)), F.mul(at(i, j), at(i, j)));
        if (F.sign(det) === -1 && (pair === undefined || F.size(at(i, j)) > F.size(at(pair[0], pair[1])))) pair = [i, j, det];
      }
    if (pair !== undefined) {
      const [k1, k2, d] = pair;
      positive++;
      negative++;
      rem = rem.filter((i) => i !== k1 && i !== k2);
      const b11 = at(k1, k1);
      const b12 = at(k1, k2);
      const b22 = at(k2, k2);
      // B⁻¹ = (1/d)·[[b22, −b12], [−b12, b11]]; row i of E B⁻¹ is (u_i, v_i)
      const uv = new Map<number, [T, T]>();
      for (const i of rem) {
        const e1 = at(i, k1);
        const e2 = at(i, k2);
        uv.set(i, [F.div(F.sub(F.mul(e1, b22), F.mul(e2, b12)), d), F.div(F.sub(F.mul(e2, b11), F.mul(e1, b12)), d)]);
      }
      for (const i of rem) {
        const [u, v] = uv.get(i)!;
        for (const j of rem) if (i <= j) set(i, j, F.sub(F.sub(at(i, j), F.mul(u, at(k1, j))), F.mul(v, at(k2, j))));
      }
      continue;
    }
    // no certain pivot: the rest is proved zero only if every entry is exactly zero
    for (const i of rem) for (const j of rem) if (i <= j && F.sign(at(i, j)) !== 0) return undefined;
    return { positive, negative, zero: rem.length };
  }
  return { positive, negative, zero: 0 };
}

/** The inertia of a symmetric rational matrix (always decided). */
export function rationalInertia(A: readonly (readonly Rational[])[]): Inertia {
  return inertia(A, RATIONAL_ARITHMETIC)!;
}

