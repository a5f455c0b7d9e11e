/**
 * Exact feasibility of a linear system over Q with equalities and strict inequalities,
 *   aᵢ·x + αᵢ = 0 (i ∈ E),   cⱼ·x + γⱼ > 0 (j ∈ S),
 * with a rational witness point when it is feasible.
 *
 * 1. Gaussian elimination on E writes some variables (the pivots) as affine functions of the
 *    others (the free ones), or finds 0 = α ≠ 0 (infeasible).
 * 2. Substituted, S is a set of strict inequalities in the free variables, whose solution set is
 *    open. Fourier–Motzkin eliminates one variable at a time: for a lower bound p (coefficient
 *    of t positive) and an upper bound n (coefficient negative), (−n_t)·p + p_t·n > 0 is a
 *    positive combination of strict inequalities, so strict again, and the projection of the
 *    open set is exactly the set these pairs (with the rows free of t) describe. A constant
 *    row γ > 0 is decided on the spot.
 * 3. Back-substitution in the reverse order picks each variable inside its open interval (an
 *    integer when the interval holds one, so that witnesses stay small).
 *
 * The set {E, S} is relatively open in the affine space E describes, so when it is non-empty
 * its affine hull is that space: a polynomial vanishes on the set iff it vanishes on E's
 * solution space, i.e. iff it becomes zero after the substitution of step 1.
 *
 * @example
 * ```ts
 * import { Q, linearFeasibility } from 'closedform';
 * // x − 3 > 0: feasible, witness x = 4
 * linearFeasibility(['x'], [], [{ coeffs: [Q(1)], constant: Q(-3) }]).point; // Map { 'x' → 4 }
 * ```
 */
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qdiv, qfloor, qisZero, qmul, qneg, qsign, qsub, gcd } from '../expr/rational.js';
import { ClosedformError } from '../expr/errors.js';

/**
 * Most inequality rows Fourier–Motzkin may hold at once. Each elimination can square the count
 * (p lower × n upper bounds); the piecewise identities `verify` meets have a few variables and
 * a few dozen rows, where elimination stays below a few hundred rows in milliseconds.
 */
export const MAX_FM_ROWS = 5_000;

/** Fourier–Motzkin passed {@link MAX_FM_ROWS}. */
export class FeasibilityBudgetError extends ClosedformError {
  override readonly name = 'FeasibilityBudgetError';
}

/** An affine form Σ coeffs[i]·vars[i] + constant. */
export interface AffineForm {
  readonly coeffs: readonly Rational[];
  readonly constant: Rational;
}

export interface Feasibility {
  readonly feasible: boolean;
  /** a point of the set (feasible only), one rational per variable */
  readonly point?: ReadonlyMap<string, Rational>;
  /** pivot variable → its affine form in the free variables (the solution space of E) */
  readonly pivots?: ReadonlyMap<string, AffineForm>;
  /** the variables E leaves free */
  readonly free?: readonly string[];
}

/** Scale a row by a positive rational so that its coefficients are coprime integers (signs kept). */
function primitive(r: Rational[]): Rational[] {
  let l = 1n;
  for (const q of r) l = (l * q.d) / gcd(l, q.d);
  let g = 0n;
  for (const q of r) g = gcd(g, (q.n < 0n ? -q.n : q.n) * (l / q.d));
  if (g === 0n) return r;
  return r.map((q) => Q((q.n * (l / q.d)) / g));
}

/** Row as [c₁, …, cₙ, γ]: Σ cᵢtᵢ + γ > 0. */
type Row = Rational[];

const key = (r: Row): string => r.map((q) => `${q.n}/${q.d}`).join(',');

/**
 * Solve {forms in `eq` = 0, forms in `gt` > 0} over Q exactly.
 *
 * @example
 * ```ts
 * // x + y = 1, x > 0, y > 0: feasible, e.g. x = 1/2, y = 1/2
 * linearFeasibility(['x', 'y'], [{ coeffs: [Q(1), Q(1)], constant: Q(-1) }],
 *   [{ coeffs: [Q(1), Q(0)], constant: Q(0) }, { coeffs: [Q(0), Q(1)], constant: Q(0) }]).feasible; // true
 * ```
 */
export function linearFeasibility(vars: readonly string[], eq: readonly AffineForm[], gt: readonly AffineForm[]): Feasibility {
  const n = vars.length;
  // 1. Gauss–Jordan on the equalities: rows [a₁ … aₙ α], reduced.
  const E = eq.map((f) => [...f.coeffs, f.constant]);
  const pivotCol: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < E.length; c++) {
    const p = E.findIndex((row, i) => i >= r && !qisZero(row[c]!));
    if (p < 0) continue;
    [E[r], E[p]] = [E[p]!, E[r]!];
    const inv = qdiv(ONE, E[r]![c]!);
    E[r] = E[r]!.map((q) => qmul(q, inv));
    for (let i = 0; i < E.length; i++)
      if (i !== r && !qisZero(E[i]![c]!)) {
        const f = E[i]![c]!;
        E[i] = E[i]!.map((q, k) => qsub(q, qmul(f, E[r]![k]!)));
      }
    pivotCol.push(c);
    r++;
  }
  // a remaining row 0 = α with α ≠ 0: inconsistent
  for (let i = r; i < E.length; i++) if (!qisZero(E[i]![n]!)) return { feasible: false };
  const isPivot = new Set(pivotCol);
  const freeCols = vars.map((_, i) => i).filter((i) => !isPivot.has(i));
  // x_pivot = −Σ_free a·x_free − α
  const pivotForm = (k: number): Row => [...freeCols.map((c) => qneg(E[k]![c]!)), qneg(E[k]![n]!)];
  const pivots = new Map<string, AffineForm>(pivotCol.map((c, k) => {
    const row = pivotForm(k);
    return [vars[c]!, { coeffs: row.slice(0, -1), constant: row.at(-1)! }];
  }));
  // 2. The strict inequalities in the free variables.
  let rows: Row[] = gt.map((f) => {
    const out: Row = [...freeCols.map((c) => f.coeffs[c] ?? ZERO), f.constant];
    pivotCol.forEach((c, k) => {
      const a = f.coeffs[c] ?? ZERO;
      if (qisZero(a)) return;
      const pf = pivotForm(k);
      for (let j = 0; j < out.length; j++) out[j] = qadd(out[j]!, qmul(a, pf[j]!));
    });
    return out;
  });
  const m = freeCols.length;
  const stages: Row[][] = [];
  for (let t = 0; t <= m; t++) {
    // constants: γ > 0 or infeasible; duplicates (after scaling) dropped
    const seen = new Map<string, Row>();
    for (const row of rows) {
      if (row.slice(0, m).every(qisZero)) {
        if (qsign(row[m]!) <= 0) return { feasible: false };
        continue;
      }
      const p = primitive(row);
      seen.set(key(p), p);
    }
    rows = [...seen.values()];
    if (t === m) break;
    stages.push(rows);
    const lower = rows.filter((row) => qsign(row[t]!) > 0);
    const upper = rows.filter((row) => qsign(row[t]!) < 0);
    const next = rows.filter((row) => qisZero(row[t]!));
    if (next.length + lower.length * upper.length > MAX_FM_ROWS)
      throw new FeasibilityBudgetError(`Fourier–Motzkin would hold ${next.length + lower.length * upper.length} rows (budget ${MAX_FM_ROWS})`);
    for (const p of lower)
      for (const q of upper) {
        const a = qneg(q[t]!);
        const b = p[t]!;
        next.push(p.map((v, j) => qadd(qmul(a, v), qmul(b, q[j]!))));
      }
    rows = next;
  }
  // 3. Back-substitution: variable t lies in an open interval given the later ones.
  const value: Rational[] = new Array(m).fill(ZERO);
  for (let t = m - 1; t >= 0; t--) {
    let lo: Rational | undefined;
    let hi: Rational | undefined;
    for (const row of stages[t]!) {
      const a = row[t]!;
      if (qisZero(a)) continue;
      // a·t + rest > 0  ⇔  t > −rest/a (a > 0) or t < −rest/a (a < 0)
      let rest = row[m]!;
      for (let j = t + 1; j < m; j++) rest = qadd(rest, qmul(row[j]!, value[j]!));
      const bound = qneg(qdiv(rest, a));
      if (qsign(a) > 0) lo = lo === undefined || qcmp(bound, lo) > 0 ? bound : lo;
      else hi = hi === undefined || qcmp(bound, hi) < 0 ? bound : hi;
    }
    value[t] = pickInside(lo, hi);
  }
  const point = new Map<string, Rational>();
  freeCols.forEach((c, j) => point.set(vars[c]!, value[j]!));
  for (const [v, f] of pivots) point.set(v, f.coeffs.reduce((s, a, j) => qadd(s, qmul(a, value[j]!)), f.constant));
  return { feasible: true, point: new Map(vars.map((v) => [v, point.get(v)!])), pivots, free: freeCols.map((c) => vars[c]!) };
}

/** A simple rational strictly between lo and hi (either may be missing): 0 or an integer when one fits. */
function pickInside(lo: Rational | undefined, hi: Rational | undefined): Rational {
  if (lo === undefined && hi === undefined) return ZERO;
  if (lo === undefined) return qcmp(hi!, ZERO) > 0 ? ZERO : Q(qfloor(hi!) - 1n);
  if (hi === undefined) return qcmp(lo, ZERO) < 0 ? ZERO : Q(qfloor(lo) + 1n);
  if (qcmp(lo, ZERO) < 0 && qcmp(hi, ZERO) > 0) return ZERO;
  const k = Q(qfloor(lo) + 1n);
  if (qcmp(k, hi) < 0) return k;
  return qdiv(qadd(lo, hi), Q(2));
}
