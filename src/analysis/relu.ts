/**
 * ReLU networks on a data set, one activation pattern at a time (networks 1-M-1 with a relu or
 * leaky_relu hidden layer and an identity output).
 *
 * A pattern says which hidden units are on (z > 0; z = 0 is off since H(0) = 0) at which data
 * points. With one input, unit i's on-set is {p : wᵢxₚ + bᵢ > 0}: a threshold set, {x > t} or
 * {x < t}, so each unit has at most 2N on-sets. On a fixed pattern the output is
 *   f(xₚ) = c + Σᵢ mᵢₚ (aᵢ xₚ + βᵢ),   aᵢ = vᵢwᵢ, βᵢ = vᵢbᵢ,   mᵢₚ = 1 on, α off (α = 0 for relu),
 * linear in (a, β, c): a polynomial model solved exactly by its normal equations. The solution
 * is kept only if it is consistent with the pattern: with vᵢ > 0 the unit is on exactly where
 * aᵢxₚ + βᵢ > 0, with vᵢ < 0 exactly where aᵢxₚ + βᵢ < 0. Units with the same on-set are merged
 * (split (a, β) equally between them: the signs are the same); a unit whose factor mᵢ is
 * constant over the data is an affine function of x whose intercept folds into c, so it is
 * consistent for a suitable βᵢ when both layers have biases.
 */
import { type Rational, ONE, Q, ZERO, qabs, qadd, qcmp, qdiv, qmul, qneg, qsign, qsub, qtoString } from '../expr/rational.js';
import { type Dataset, type Network, biasName, lossFactor, weightName } from '../network/build.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { solveNormalEquations } from './linalg.js';

/** Most activation patterns solved (each is one exact least-squares problem). */
export const MAX_PATTERNS = 5_000;

export interface PatternResult {
  /** per merged unit: the indices (1-based) of the data points where it is on */
  readonly onSets: readonly (readonly number[])[];
  readonly loss: Rational;
  /** the least-squares solution was not unique: consistency was checked at one optimal solution */
  readonly nullity: number;
  /** a parameter point realising the pattern's optimum (exact; check it with the numeric engine) */
  readonly point: Readonly<Record<string, Rational>>;
}

export interface ReluAnalysis {
  readonly supported: boolean;
  readonly reason?: string;
  /** distinct on-sets one unit can have on this data */
  readonly onSetsPerUnit?: number;
  readonly tried?: number;
  readonly consistent?: readonly PatternResult[];
  readonly best?: PatternResult;
  readonly summary: string;
}

/** The threshold on-sets of one unit on points x (with H(0) = 0): ∅, all, and every {x > t}, {x < t}. */
export function thresholdOnSets(x: readonly Rational[]): number[][] {
  const values = [...new Set(x.map(qtoString))].map((s) => x.find((v) => qtoString(v) === s)!).sort(qcmp);
  const sets = new Map<string, number[]>();
  const add = (s: number[]): void => void sets.set(s.join(','), s);
  add([]);
  for (let k = 0; k < values.length; k++) {
    const t = values[k]!;
    add(x.flatMap((v, p) => (qcmp(v, t) >= 0 ? [p] : []))); // {x ≥ t} = {x > t'} for t' just below t
    add(x.flatMap((v, p) => (qcmp(v, t) <= 0 ? [p] : [])));
  }
  return [...sets.values()];
}

/**
 * Enumerate the activation patterns the data allows and solve each exactly.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1:relu,identity'));
 * reluPatterns(net, readCsv('x1,y1\n-1,1\n0,0\n1,1\n', net.spec)).best!.loss; // 0 (|x| is two ReLUs)
 * ```
 */
export function reluPatterns(net: Network, data: Dataset, _opts: { seed?: number } = {}): ReluAnalysis {
  const spec = net.spec;
  const w = spec.widths;
  const hidden = spec.activations[0]!;
  if (w.length !== 3 || w[0] !== 1 || w[2] !== 1 || !['relu', 'leaky_relu'].includes(hidden) || spec.activations[1] !== 'identity') {
    const reason = 'the pattern solver handles 1-M-1 networks with a relu or leaky_relu hidden layer and an identity output';
    return { supported: false, reason, summary: `Exact per-pattern solving is not available here: ${reason}. Use gradient descent (numeric), or a smaller architecture.` };
  }
  const alpha = hidden === 'relu' ? ZERO : LEAKY_SLOPE;
  const [b1, b2] = spec.bias as [boolean, boolean];
  const x = data.inputs.map((r) => r[0]!);
  const y = data.targets.map((r) => r[0]!);
  const N = x.length;
  const units = thresholdOnSets(x);
  const M = w[1]!;
  let tried = 0;
  const consistent: PatternResult[] = [];
  // multisets of M on-sets (units are interchangeable): non-decreasing index sequences
  const est = binomial(units.length + M - 1, M);
  if (est > MAX_PATTERNS)
    return {
      supported: false,
      reason: `${est} patterns`,
      summary: `The data allows about ${est} activation patterns (${units.length} on-sets per unit, ${M} units), past the budget of ${MAX_PATTERNS}: use fewer points or units, or gradient descent (numeric).`,
    };
  const choose = (start: number, acc: number[]): void => {
    if (acc.length === M) {
      tried++;
      const r = solvePattern(acc.map((i) => units[i]!), x, y, N, alpha, b1, b2);
      if (r !== undefined) consistent.push({ ...r, loss: qmul(r.loss, lossFactor(spec)) });
      return;
    }
    for (let i = start; i < units.length; i++) choose(i, [...acc, i]);
  };
  choose(0, []);
  consistent.sort((a, b) => qcmp(a.loss, b.loss));
  const best = consistent[0];
  return {
    supported: true,
    onSetsPerUnit: units.length,
    tried,
    consistent,
    ...(best !== undefined ? { best } : {}),
    summary:
      `With ${N} data points each hidden unit has ${units.length} possible on-sets, so ${tried} activation patterns were tried (units are interchangeable); on each the network is linear in (vᵢwᵢ, vᵢbᵢ, c) and its least-squares problem was solved exactly; ${consistent.length} solutions are consistent with their pattern` +
      (best !== undefined ? `, the best with loss ${qtoString(best.loss)} (units on at points ${best.onSets.map((s) => `{${s.join(',')}}`).join(', ')}; realised by the exact parameter point ${Object.entries(best.point).map(([k, v]) => `${k} = ${qtoString(v)}`).join(', ')}). This is the exact minimum over patterns whose optimum lies inside the pattern; minima on a pattern boundary are not enumerated, so compare with gradient descent.` : '.'),
  };
}

function solvePattern(
  sets: readonly (readonly number[])[],
  x: readonly Rational[],
  y: readonly Rational[],
  N: number,
  alpha: Rational,
  b1: boolean,
  b2: boolean,
): { onSets: number[][]; loss: Rational; nullity: number; point: Record<string, Rational> } | undefined {
  // merge units with the same on-set
  const groups = [...new Map(sets.map((s) => [s.join(','), s])).values()];
  const m = groups.map((s) => Array.from({ length: N }, (_, p) => (s.includes(p) ? ONE : alpha)));
  const constant = m.map((f) => f.every((v) => qcmp(v, f[0]!) === 0));
  const columns: Rational[][] = [];
  const role: { g: number; kind: 'a' | 'beta' }[] = [];
  if (b2) columns.push(x.map(() => ONE));
  // A relu unit on at points with a single x value x₀ contributes r = a·x₀ + β there only: one
  // column (its indicator), and it is consistent iff r ≠ 0 (a steep enough slope puts the kink
  // between x₀ and its neighbours, because a threshold on-set with one value is at an end).
  const single = groups.map((s) => alpha.n === 0n && b1 && s.length > 0 && s.length < N && new Set(s.map((p) => qtoString(x[p]!))).size === 1);
  m.forEach((f, g) => {
    if (f.every((v) => v.n === 0n)) return; // relu unit off everywhere: contributes 0
    if (single[g]) {
      columns.push([...f]);
      role.push({ g, kind: 'beta' });
      return;
    }
    columns.push(f.map((v, p) => qmul(v, x[p]!)));
    role.push({ g, kind: 'a' });
    if (b1 && !(constant[g] && b2)) {
      columns.push([...f]);
      role.push({ g, kind: 'beta' });
    }
  });
  // least squares over the pattern's columns: the normal equations (always consistent)
  const sol = solveNormalEquations(x.map((_, p) => columns.map((c) => c[p]!)), y);
  const offset = b2 ? 1 : 0;
  let c = b2 ? sol.x[0]! : ZERO;
  // consistency of each group, and its (sign s, a, β) with s·(a·xₚ + β) > 0 exactly on its on-set
  const unitOf: { s: number; a: Rational; beta: Rational }[] = [];
  const xs = [...x].sort(qcmp);
  for (let g = 0; g < groups.length; g++) {
    const col = (kind: 'a' | 'beta'): Rational | undefined => {
      const i = role.findIndex((r) => r.g === g && r.kind === kind);
      return i < 0 ? undefined : sol.x[offset + i]!;
    };
    if (m[g]!.every((v) => v.n === 0n)) {
      unitOf.push({ s: 0, a: ZERO, beta: Q(-1) }); // dead unit: z = −1 (or 0 without bias) is off everywhere
      continue;
    }
    if (constant[g] && b1 && b2) {
      // βᵢ is free (folded into c): put the kink beyond the data and move the intercept into c
      const a = col('a')!;
      const on = m[g]![0]!.n !== 0n && qcmp(m[g]![0]!, ONE) === 0;
      const ax = x.map((v) => qmul(a, v));
      const beta = on ? qadd(qneg(ax.reduce((lo, v) => (qcmp(v, lo) < 0 ? v : lo))), ONE) : qsub(qneg(ax.reduce((hi, v) => (qcmp(v, hi) > 0 ? v : hi))), ONE);
      c = qsub(c, qmul(m[g]![0]!, beta));
      unitOf.push({ s: 1, a, beta });
      continue;
    }
    if (single[g]) {
      const r = col('beta')!;
      if (r.n === 0n) return undefined;
      const sg = qsign(r);
      const x0 = x[groups[g]![0]!]!;
      const atMax = qcmp(x0, xs[xs.length - 1]!) === 0;
      const others = x.filter((v) => qcmp(v, x0) !== 0);
      const gap = others.map((v) => qabs(qsub(x0, v))).reduce((lo, v) => (qcmp(v, lo) < 0 ? v : lo));
      // s·(a x + β) = |r| + s·a·(x − x₀) ≤ 0 at every other point when s·a = ±|r|/gap
      const a = qmul(Q(sg), qdiv(qabs(r), gap));
      const aa = atMax ? a : qneg(a);
      unitOf.push({ s: sg, a: aa, beta: qsub(r, qmul(aa, x0)) });
      continue;
    }
    const a = col('a')!;
    const beta = col('beta') ?? ZERO;
    const on = new Set(groups[g]!);
    const sign = x.map((v) => qsign(qadd(qmul(a, v), beta)));
    const pos = x.every((_, p) => (on.has(p) ? sign[p]! > 0 : sign[p]! <= 0));
    const neg = x.every((_, p) => (on.has(p) ? sign[p]! < 0 : sign[p]! >= 0));
    if (!pos && !neg) return undefined;
    unitOf.push({ s: pos ? 1 : -1, a, beta });
  }
  let loss = ZERO;
  for (let p = 0; p < N; p++) {
    const f = columns.reduce((s, c, k) => qadd(s, qmul(c[p]!, sol.x[k]!)), ZERO);
    const r = qsub(f, y[p]!);
    loss = qadd(loss, qmul(r, r));
  }
  // the parameter point: unit i in group g of size k gets v = s/k, w = s·a, b = s·β
  const point: Record<string, Rational> = {};
  const keys = groups.map((s) => s.join(','));
  sets.forEach((set, i) => {
    const g = keys.indexOf(set.join(','));
    const u = unitOf[g]!;
    const k = sets.filter((t) => t.join(',') === set.join(',')).length;
    const s = u.s === 0 ? 1 : u.s;
    point[weightName(1, i + 1, 1)] = u.s === 0 ? ZERO : qmul(Q(s), u.a);
    if (b1) point[biasName(1, i + 1)] = u.s === 0 ? Q(-1) : qmul(Q(s), u.beta);
    point[`w2_1_${i + 1}`] = u.s === 0 ? ZERO : Q(s, k);
  });
  if (b2) point['b2_1'] = c;
  return { onSets: groups.map((s) => s.map((p) => p + 1)), loss, nullity: sol.nullity, point };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}


