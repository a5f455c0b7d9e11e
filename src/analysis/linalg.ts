/**
 * Exact linear algebra for the analysis: rank of a rational matrix by fraction-free (Bareiss)
 * elimination, exact solution of linear systems, and matrices whose entries are expression nodes.
 * No floats anywhere in this file.
 */
import { type Node, ZERO_NODE, add, mul } from '../expr/node.js';
import { type Rational, ONE, ZERO, qadd, qdiv, qisZero, qmul, qneg, qsub } from '../expr/rational.js';
import { AnalysisError } from './errors.js';

/** A dense matrix of exact rationals, row-major. */
export type QMatrix = readonly (readonly Rational[])[];

const lcm = (a: bigint, b: bigint): bigint => {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / (x < 0n ? -x : x)) * b;
};

/**
 * Rank of a rational matrix, exactly. Each row is scaled to integers (by the lcm of its
 * denominators, which does not change the rank), then Bareiss elimination keeps every entry an
 * integer: the division by the previous pivot is exact (Sylvester's identity), so no fraction
 * and no coefficient growth beyond the size of the minors.
 *
 * @example
 * ```ts
 * rankQ([[Q(1), Q(2)], [Q(2), Q(4)]]); // 1
 * ```
 */
export function rankQ(m: QMatrix): number {
  const rows = m.length;
  if (rows === 0) return 0;
  const cols = m[0]!.length;
  const a: bigint[][] = m.map((row) => {
    const l = row.reduce((acc, q) => lcm(acc, q.d), 1n);
    return row.map((q) => (q.n * l) / q.d);
  });
  let rank = 0;
  let prev = 1n;
  for (let c = 0; c < cols && rank < rows; c++) {
    let p = rank;
    while (p < rows && a[p]![c] === 0n) p++;
    if (p === rows) continue;
    [a[rank], a[p]] = [a[p]!, a[rank]!];
    const piv = a[rank]!;
    for (let r = rank + 1; r < rows; r++) {
      const row = a[r]!;
      // Bareiss step: a[r][k] ← (piv[c]·a[r][k] − a[r][c]·piv[k]) / prev, exact.
      for (let k = c + 1; k < cols; k++) row[k] = (piv[c]! * row[k]! - row[c]! * piv[k]!) / prev;
      row[c] = 0n;
    }
    prev = piv[c]!;
    rank++;
  }
  return rank;
}

/** The result of {@link solveQ}: one solution (free unknowns set to 0) and the nullity, or none. */
export type LinearSolution =
  | { readonly kind: 'solution'; readonly x: readonly Rational[]; readonly nullity: number }
  | { readonly kind: 'inconsistent' };

/**
 * Solve A·x = b exactly by Gauss–Jordan elimination over Q. When the system is underdetermined
 * the free unknowns are set to 0 and `nullity` says how many there are.
 *
 * @example
 * ```ts
 * solveQ([[Q(2), Q(0)], [Q(0), Q(4)]], [Q(1), Q(1)]); // x = [1/2, 1/4], nullity 0
 * ```
 */
export function solveQ(A: QMatrix, b: readonly Rational[]): LinearSolution {
  const rows = A.length;
  const cols = rows === 0 ? 0 : A[0]!.length;
  const m: Rational[][] = A.map((row, i) => [...row, b[i]!]);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let p = r;
    while (p < rows && qisZero(m[p]![c]!)) p++;
    if (p === rows) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const inv = qdiv(ONE, m[r]![c]!);
    m[r] = m[r]!.map((v) => qmul(v, inv));
    for (let i = 0; i < rows; i++) {
      if (i === r || qisZero(m[i]![c]!)) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((v, k) => qsub(v, qmul(f, m[r]![k]!)));
    }
    pivots.push(c);
    r++;
  }
  for (let i = r; i < rows; i++) if (!qisZero(m[i]![cols]!)) return { kind: 'inconsistent' };
  const x: Rational[] = Array.from({ length: cols }, () => ZERO);
  pivots.forEach((c, i) => (x[c] = m[i]![cols]!));
  return { kind: 'solution', x, nullity: cols - pivots.length };
}

/**
 * Least squares over Q: a minimiser c of ‖A·c − y‖² (A has one row per data point), from the
 * normal equations AᵀA·c = Aᵀy. They are always consistent (Aᵀy lies in the column space of Aᵀ,
 * which is that of AᵀA), so there is always a solution: free unknowns set to 0, and `nullity` 0
 * exactly when A has full column rank (the minimiser is unique).
 *
 * @example
 * ```ts
 * qtoString(solveNormalEquations([[Q(1)], [Q(1)]], [Q(1), Q(2)]).x[0]!); // '3/2'
 * ```
 */
export function solveNormalEquations(A: QMatrix, y: readonly Rational[]): { readonly x: readonly Rational[]; readonly nullity: number } {
  const n = A[0]?.length ?? 0;
  const col = (j: number): Rational[] => A.map((row) => row[j]!);
  const cols = Array.from({ length: n }, (_, j) => col(j));
  const dot = (u: readonly Rational[], v: readonly Rational[]): Rational => u.reduce((s, a, p) => qadd(s, qmul(a, v[p]!)), ZERO);
  const sol = solveQ(
    cols.map((ci) => cols.map((cj) => dot(ci, cj))),
    cols.map((ci) => dot(ci, y)),
  );
  if (sol.kind !== 'solution') throw new Error('normal equations inconsistent: impossible for AᵀA·c = Aᵀy');
  return sol;
}

/**
 * Aᵀ for any matrix.
 *
 * @example
 * ```ts
 * transpose([[1, 2]]); // [[1], [2]]
 * ```
 */
export function transpose<T>(a: readonly (readonly T[])[]): T[][] {
  if (a.length === 0) return [];
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

/**
 * Product of rational matrices.
 *
 * @example
 * ```ts
 * matMulQ([[Q(1), Q(2)]], [[Q(3)], [Q(4)]]); // [[11]]
 * ```
 */
export function matMulQ(a: QMatrix, b: QMatrix): Rational[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => qadd(s, qmul(v, b[k]![j]!)), ZERO)));
}

/** The n×n identity over Q. */
export const identityQ = (n: number): Rational[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? ONE : ZERO)));

/** Inverse of a square rational matrix, or undefined when it is singular. */
export function inverseQ(a: QMatrix): Rational[][] | undefined {
  const n = a.length;
  const cols: (readonly Rational[])[] = [];
  for (const e of identityQ(n)) {
    const s = solveQ(a, e);
    if (s.kind !== 'solution' || s.nullity > 0) return undefined;
    cols.push(s.x);
  }
  return transpose(cols);
}

/** A matrix of expression nodes, row-major. */
export type NodeMatrix = readonly (readonly Node[])[];

/**
 * Product of matrices of nodes: entry (i, j) is Σₖ aᵢₖ·bₖⱼ built with the smart constructors
 * (no expansion).
 *
 * @example
 * ```ts
 * matMulNodes([[sym('a'), sym('b')]], [[sym('c')], [sym('d')]]); // [[a·c + b·d]]
 * ```
 */
export function matMulNodes(a: NodeMatrix, b: NodeMatrix): Node[][] {
  if (a.length > 0 && a[0]!.length !== b.length) throw new AnalysisError(`matrix sizes do not match: ${a[0]!.length} columns against ${b.length} rows`);
  const cols = b.length === 0 ? 0 : b[0]!.length;
  return a.map((row) => Array.from({ length: cols }, (_, j) => add(...row.map((v, k) => mul(v, b[k]![j]!)))));
}

/** Sum of two matrices of nodes of one size. */
export const matAddNodes = (a: NodeMatrix, b: NodeMatrix): Node[][] => a.map((row, i) => row.map((v, j) => add(v, b[i]![j]!)));

/** A zero matrix of nodes. */
export const zeroNodes = (rows: number, cols: number): Node[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => ZERO_NODE));

/** −A for a rational matrix (used for the Cayley transform below). */
const negQ = (a: QMatrix): Rational[][] => a.map((row) => row.map(qneg));

/**
 * A rational orthogonal matrix from a skew-symmetric one by the Cayley transform
 * R = (I − S)(I + S)⁻¹ (I + S is invertible because S has only imaginary eigenvalues).
 * Used to build symmetric matrices W = R D Rᵀ with an exact eigendecomposition.
 *
 * @example
 * ```ts
 * cayleyOrthogonal([[Q(0), Q(1, 2)], [Q(-1, 2), Q(0)]]); // [[3/5, -4/5], [4/5, 3/5]]
 * ```
 */
export function cayleyOrthogonal(s: QMatrix): Rational[][] {
  const n = s.length;
  const id = identityQ(n);
  const plus = id.map((row, i) => row.map((v, j) => qadd(v, s[i]![j]!)));
  const minus = id.map((row, i) => row.map((v, j) => qadd(v, negQ(s)[i]![j]!)));
  const inv = inverseQ(plus);
  if (inv === undefined) throw new AnalysisError('I + S is singular: S is not skew-symmetric');
  return matMulQ(minus, inv);
}

/** Exact equality of rational matrices. */
export const eqQ = (a: QMatrix, b: QMatrix): boolean =>
  a.length === b.length && a.every((row, i) => row.length === b[i]!.length && row.every((v, j) => v.n === b[i]![j]!.n && v.d === b[i]![j]!.d));

/** k-th power of a square rational matrix (k ≥ 0) by repeated squaring. */
export function matPowQ(a: QMatrix, k: number): Rational[][] {
  let result = identityQ(a.length);
  let base: Rational[][] = a.map((r) => [...r]);
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) result = matMulQ(result, base);
    base = matMulQ(base, base);
  }
  return result;
}
