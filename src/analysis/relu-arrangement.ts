/**
 * The activation patterns one ReLU unit can have on a data set: the chambers of a central
 * hyperplane arrangement.
 *
 * A hidden unit with incoming weights w and bias b is on at the data point xₚ when
 * u·x̃ₚ > 0, where u = (w, b) and x̃ₚ = (xₚ, 1) (just u = w, x̃ₚ = xₚ without a bias). So its
 * on-set is the sign vector of u against the hyperplanes x̃ₚ^⊥ through the origin of the
 * parameter space ℝ^d. The open chambers of this arrangement are the on-sets where no
 * pre-activation is exactly 0, and their closures cover ℝ^d (the complement of finitely many
 * hyperplanes is dense): every parameter u lies in the closed cone
 *   C_S = {u : u·x̃ₚ ≥ 0 for p ∈ S, u·x̃ₚ ≤ 0 for p ∉ S}
 * of some chamber S, and on C_S the unit's output at the data is exactly [p ∈ S]·u·x̃ₚ (relu is
 * continuous: both pieces give 0 on the boundary). Points with x̃ₚ = 0 (x = 0 without a bias)
 * are off for every u and are left out of the arrangement.
 *
 * The chambers are built incrementally, one hyperplane at a time: a chamber is kept with an
 * interior witness point; the new hyperplane either leaves it on one side (the witness says
 * which) or splits it, which an exact LP decides (relu-lp.ts). Cover (1965) counts the
 * chambers of N vectors in general position in ℝ^d: C(N, d) = 2 Σ_{i<d} binom(N − 1, i), and no
 * arrangement of N hyperplanes through 0 in ℝ^d has more.
 */
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qdiv, qisZero, qmul, qneg, qsign, gcd } from '../expr/rational.js';
import { AnalysisError } from './errors.js';
import { feasiblePoint } from './relu-lp.js';

/** An open chamber: the points (0-based) where u·x̃ₚ > 0, and a point u strictly inside. */
export interface Chamber {
  readonly on: readonly number[];
  readonly witness: readonly Rational[];
}

export interface Arrangement {
  readonly chambers: readonly Chamber[];
  /** exact LP feasibility problems solved while building it */
  readonly lpCalls: number;
  /** data points that are off for every parameter (x̃ₚ = 0) */
  readonly alwaysOff: readonly number[];
  /** the construction stopped once more than `limit` chambers existed (there are at least that many) */
  readonly truncated?: boolean;
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);

/** Most chambers built before refusing (each new hyperplane costs about one LP per chamber). */
export const MAX_CHAMBERS = 20_000;

/**
 * The chambers of the central arrangement of the hyperplanes vₚ^⊥ (vₚ ∈ Q^d), each with its
 * on-set {p : u·vₚ > 0} and an interior witness u. Sorted by on-set (size, then indices).
 * With `base` rows the arrangement is taken inside the open cone {u : b·u > 0 for every b}
 * (empty result when that cone is empty); the chambers are those of the vₚ within it. Adding a
 * hyperplane never removes a chamber, so the construction stops as soon as more than `limit`
 * exist (`truncated`): a caller whose budget allows fewer learns it without finishing.
 *
 * @example
 * ```ts
 * // three points on a line with a bias: x̃ = (x, 1) for x = 0, 1, 2 → 6 chambers (Cover: 2(1 + 2))
 * chambers([[Q(0), Q(1)], [Q(1), Q(1)], [Q(2), Q(1)]]).chambers.length; // 6
 * ```
 */
export function chambers(vectors: readonly (readonly Rational[])[], d = vectors[0]?.length ?? 0, base: readonly (readonly Rational[])[] = [], limit = MAX_CHAMBERS): Arrangement {
  const alwaysOff = vectors.flatMap((v, p) => (v.every(qisZero) ? [p] : []));
  const live = vectors.flatMap((v, p) => (v.every(qisZero) ? [] : [p]));
  // Points whose vectors are positive or negative multiples of each other share a hyperplane:
  // it is added once, and each point reads its sign from it (times its orientation).
  const planes: Rational[][] = [];
  const planeOf = new Map<string, number>();
  const orient = live.map((p) => {
    const u = primitive(vectors[p]!);
    const sg = qsign(u.find((q) => !qisZero(q))!);
    const canon = sg > 0 ? u : u.map(qneg);
    const key = canon.map((q) => q.n.toString()).join(',');
    if (!planeOf.has(key)) {
      planeOf.set(key, planes.length);
      planes.push(canon);
    }
    return { plane: planeOf.get(key)!, sign: sg };
  });
  // a chamber: signs σⱼ = ±1 on the rows so far (the base rows first, each +1), and a witness
  // with σⱼ rowⱼ·w > 0
  const rowsOf = [...base, ...planes];
  let lpCalls = 0;
  let start: Rational[] | undefined = Array.from({ length: d }, () => ZERO);
  if (base.length > 0) {
    lpCalls++;
    start = feasiblePoint(base, base.map(() => ONE), d);
  }
  if (start === undefined) return { chambers: [], lpCalls, alwaysOff };
  let cells: { sign: number[]; witness: Rational[] }[] = [{ sign: base.map(() => 1), witness: primitive(start) }];
  for (let k = base.length; k < rowsOf.length; k++) {
    const vk = rowsOf[k]!;
    const next: typeof cells = [];
    for (const c of cells) {
      const s = qsign(dot(vk, c.witness));
      if (s === 0) {
        // the witness lies on the new hyperplane inside the chamber: w ± ε·vₖ are on either
        // side and still inside for ε below every margin σⱼvⱼ·w / |σⱼvⱼ·vₖ|
        let eps: Rational = ONE;
        c.sign.forEach((sg, j) => {
          const vj = rowsOf[j]!;
          const margin = qmul(Q(sg), dot(vj, c.witness));
          const slope = dot(vj, vk);
          if (qisZero(slope)) return;
          const bound = qdiv(margin, qsign(slope) < 0 ? qneg(slope) : slope);
          if (qcmp(bound, eps) <= 0) eps = qdiv(bound, Q(2));
        });
        for (const sg of [1, -1]) next.push({ sign: [...c.sign, sg], witness: primitive(c.witness.map((w, i) => qadd(w, qmul(Q(sg), qmul(eps, vk[i]!))))) });
        continue;
      }
      next.push({ sign: [...c.sign, s], witness: c.witness });
      // the other side: σⱼ vⱼ·u ≥ 1 (j < k) and −s·vₖ·u ≥ 1, homogeneous so ≥ 1 is as good as > 0
      const rows = [...c.sign.map((sg, j) => rowsOf[j]!.map((v) => qmul(Q(sg), v))), vk.map((v) => qmul(Q(-s), v))];
      lpCalls++;
      const u = feasiblePoint(rows, rows.map(() => ONE), d);
      if (u !== undefined) next.push({ sign: [...c.sign, -s], witness: primitive(u) });
    }
    if (next.length > MAX_CHAMBERS) throw new AnalysisError(`the arrangement of ${live.length} data hyperplanes in ${d} dimensions has more than ${MAX_CHAMBERS} chambers (Cover's bound ${coverBound(live.length, d)}), past the budget: use fewer data points or inputs`);
    if (next.length > limit) return { chambers: next.map((c) => ({ on: [], witness: c.witness })), lpCalls, alwaysOff, truncated: true };
    cells = next;
  }
  const out = cells.map((c) => ({ on: live.filter((_, j) => orient[j]!.sign * c.sign[base.length + orient[j]!.plane]! > 0), witness: c.witness }));
  out.sort((a, b) => a.on.length - b.on.length || cmpLex(a.on, b.on));
  return { chambers: out, lpCalls, alwaysOff };
}

/** The positive multiple of a point with coprime integer coordinates (the cones are homogeneous, so it stays inside). */
function primitive(u: readonly Rational[]): Rational[] {
  let l = 1n;
  for (const q of u) l = (l / gcd(l, q.d)) * q.d;
  let g = 0n;
  for (const q of u) g = gcd(g, q.n * (l / q.d));
  if (g === 0n) return [...u];
  if (g < 0n) g = -g;
  return u.map((q) => Q((q.n * (l / q.d)) / g));
}

const cmpLex = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/** binom(n, k) as a BigInt (0 outside 0 ≤ k ≤ n). */
export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/**
 * Cover's function counting theorem: N vectors in general position in ℝ^d cut it into
 * C(N, d) = 2 Σ_{i=0}^{d−1} binom(N − 1, i) chambers (2^N when N ≤ d); no N hyperplanes
 * through 0 make more.
 *
 * @example
 * ```ts
 * coverBound(4, 3); // 14: the dichotomies of 4 points in the plane by lines
 * ```
 */
export function coverBound(N: number, d: number): bigint {
  if (N === 0) return 1n;
  let s = 0n;
  for (let i = 0; i < d; i++) s += binomial(N - 1, i);
  return 2n * s;
}

/**
 * The most chambers a search can afford: the largest R ≤ MAX_CHAMBERS with cost(R) ≤ budget,
 * for a cost that grows with R (binary search).
 */
export function affordableChambers(cost: (R: number) => bigint, budget: number): number {
  let [lo, hi] = [0, MAX_CHAMBERS];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(mid) <= BigInt(budget)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
