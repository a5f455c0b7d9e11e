/**
 * Exact linear feasibility over Q by the simplex method: a point u ∈ Qⁿ with G·u ≥ h, or the
 * answer that there is none. The ReLU analysis asks this many times in a few dimensions with up
 * to a few dozen rows (is a cell of a hyperplane arrangement split by one more hyperplane; is
 * there a feasible descent direction at a degenerate point of a quadratic program), where
 * Fourier–Motzkin elimination (poly/polyhedron.ts) can square its row count at every step.
 *
 * Phase I of the simplex method on the standard form
 *   G·(u⁺ − u⁻) − s = h,   u⁺, u⁻, s ≥ 0,
 * rows with hᵢ < 0 negated (their slack then starts in the basis), an artificial variable for
 * every other row, minimising the sum of the artificials: the system is feasible iff that
 * minimum is 0. Bland's rule (the entering column of least index with negative reduced cost,
 * the leaving row of least basic index among the minimum ratios) never cycles, so the method
 * ends after finitely many pivots without a budget. Everything is exact (BigInt rationals).
 *
 * @example
 * ```ts
 * // u₁ + u₂ ≥ 2, u₁ − u₂ ≥ 0: feasible, e.g. (1, 1)
 * feasiblePoint([[Q(1), Q(1)], [Q(1), Q(-1)]], [Q(2), Q(0)]); // [1, 1]
 * ```
 */
import { type Rational, ONE, ZERO, qadd, qdiv, qisZero, qmul, qneg, qsign, qsub } from '../expr/rational.js';
import type { QMatrix } from './linalg.js';

/**
 * A point u with G·u ≥ h (row by row), or undefined when none exists. `n` is the number of
 * unknowns (needed when G has no rows).
 *
 * @example
 * ```ts
 * feasiblePoint([[Q(1)], [Q(-1)]], [Q(1), Q(0)]); // undefined: u ≥ 1 and u ≤ 0
 * ```
 */
export function feasiblePoint(G: QMatrix, h: readonly Rational[], n = G[0]?.length ?? 0): Rational[] | undefined {
  const m = G.length;
  if (m === 0) return Array.from({ length: n }, () => ZERO);
  // columns: u⁺ (0…n−1), u⁻ (n…2n−1), slacks (2n…2n+m−1), artificials after them
  const flip = h.map((v) => qsign(v) < 0);
  const art: number[] = []; // row → its artificial column, −1 when the slack is basic
  let cols = 2 * n + m;
  for (let i = 0; i < m; i++) art.push(flip[i] ? -1 : cols++);
  const T: Rational[][] = [];
  const basis: number[] = [];
  for (let i = 0; i < m; i++) {
    const sg = flip[i] ? -1 : 1;
    const row: Rational[] = Array.from({ length: cols + 1 }, () => ZERO);
    for (let j = 0; j < n; j++) {
      const g = G[i]![j]!;
      row[j] = sg > 0 ? g : qneg(g);
      row[n + j] = sg > 0 ? qneg(g) : g;
    }
    row[2 * n + i] = sg > 0 ? qneg(ONE) : ONE;
    if (art[i]! >= 0) row[art[i]!] = ONE;
    row[cols] = sg > 0 ? h[i]! : qneg(h[i]!);
    T.push(row);
    basis.push(art[i]! >= 0 ? art[i]! : 2 * n + i);
  }
  // reduced costs of min Σ artificials: c_j − Σ_{rows with an artificial} T[i][j]
  const z: Rational[] = Array.from({ length: cols + 1 }, () => ZERO);
  for (let i = 0; i < m; i++) if (art[i]! >= 0) for (let j = 0; j <= cols; j++) z[j] = qsub(z[j]!, T[i]![j]!);
  for (const a of art) if (a >= 0) z[a] = qadd(z[a]!, ONE);
  for (;;) {
    const enter = z.findIndex((v, j) => j < cols && qsign(v) < 0);
    if (enter < 0) break;
    let leave = -1;
    let best: Rational | undefined;
    for (let i = 0; i < m; i++) {
      const a = T[i]![enter]!;
      if (qsign(a) <= 0) continue;
      const ratio = qdiv(T[i]![cols]!, a);
      const c = best === undefined ? -1 : qsign(qsub(ratio, best));
      if (best === undefined || c < 0 || (c === 0 && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    // the objective Σ artificials is bounded below by 0, so a ratio always exists
    pivot(T, z, leave, enter);
    basis[leave] = enter;
  }
  // −z[cols] is the minimum of Σ artificials
  if (!qisZero(z[cols]!)) return undefined;
  const value: Rational[] = Array.from({ length: cols }, () => ZERO);
  basis.forEach((b, i) => (value[b] = T[i]![cols]!));
  return Array.from({ length: n }, (_, j) => qsub(value[j]!, value[n + j]!));
}

/** Gauss–Jordan pivot on T[r][c], updating the reduced-cost row z with it. */
function pivot(T: Rational[][], z: Rational[], r: number, c: number): void {
  const inv = qdiv(ONE, T[r]![c]!);
  const pr = T[r]!.map((v) => qmul(v, inv));
  T[r] = pr;
  for (let i = 0; i < T.length; i++) {
    if (i === r) continue;
    const f = T[i]![c]!;
    if (qisZero(f)) continue;
    T[i] = T[i]!.map((v, k) => (qisZero(pr[k]!) ? v : qsub(v, qmul(f, pr[k]!))));
  }
  const f = z[c]!;
  if (!qisZero(f)) for (let k = 0; k < z.length; k++) if (!qisZero(pr[k]!)) z[k] = qsub(z[k]!, qmul(f, pr[k]!));
}
