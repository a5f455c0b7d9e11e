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
import { type Rational, ONE, ZERO, qadd, qcmp, qmul, qsign, qsub, qtoString } from '../expr/rational.js';
import { type Dataset, type Network, lossFactor } from '../network/build.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { solveQ } from './linalg.js';

/** Most activation patterns solved (each is one exact least-squares problem). */
export const MAX_PATTERNS = 5_000;

export interface PatternResult {
  /** per merged unit: the indices (1-based) of the data points where it is on */
  readonly onSets: readonly (readonly number[])[];
  readonly loss: Rational;
  /** the least-squares solution was not unique: consistency was checked at one optimal solution */
  readonly nullity: number;
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
      (best !== undefined ? `, the best with loss ${qtoString(best.loss)} (units on at points ${best.onSets.map((s) => `{${s.join(',')}}`).join(', ')}). This is the exact minimum over patterns whose optimum lies inside the pattern; minima on a pattern boundary are not enumerated, so compare with gradient descent.` : '.'),
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
): { onSets: number[][]; loss: Rational; nullity: number } | undefined {
  // merge units with the same on-set
  const groups = [...new Map(sets.map((s) => [s.join(','), s])).values()];
  const m = groups.map((s) => Array.from({ length: N }, (_, p) => (s.includes(p) ? ONE : alpha)));
  const constant = m.map((f) => f.every((v) => qcmp(v, f[0]!) === 0));
  const columns: Rational[][] = [];
  const role: { g: number; kind: 'a' | 'beta' }[] = [];
  if (b2) columns.push(x.map(() => ONE));
  m.forEach((f, g) => {
    if (f.every((v) => v.n === 0n)) return; // relu unit off everywhere: contributes 0
    columns.push(f.map((v, p) => qmul(v, x[p]!)));
    role.push({ g, kind: 'a' });
    if (b1 && !(constant[g] && b2)) {
      columns.push([...f]);
      role.push({ g, kind: 'beta' });
    }
  });
  const K = columns.length;
  const A = columns.map((ci) => columns.map((cj) => ci.reduce((s, v, p) => qadd(s, qmul(v, cj[p]!)), ZERO)));
  const rhs = columns.map((ci) => ci.reduce((s, v, p) => qadd(s, qmul(v, y[p]!)), ZERO));
  const sol = K === 0 ? { kind: 'solution' as const, x: [], nullity: 0 } : solveQ(A, rhs);
  if (sol.kind !== 'solution') return undefined;
  const offset = b2 ? 1 : 0;
  // consistency of each non-trivial group
  for (let g = 0; g < groups.length; g++) {
    if (m[g]!.every((v) => v.n === 0n)) continue;
    if (constant[g] && b1 && b2) continue; // βᵢ free (folded into c): choose it to fix the signs
    const ai = role.findIndex((r) => r.g === g && r.kind === 'a');
    const bi = role.findIndex((r) => r.g === g && r.kind === 'beta');
    const a = sol.x[offset + ai]!;
    const beta = bi >= 0 ? sol.x[offset + bi]! : ZERO;
    const on = new Set(groups[g]!);
    const sign = x.map((v) => qsign(qadd(qmul(a, v), beta)));
    const pos = x.every((_, p) => (on.has(p) ? sign[p]! > 0 : sign[p]! <= 0));
    const neg = x.every((_, p) => (on.has(p) ? sign[p]! < 0 : sign[p]! >= 0));
    if (!pos && !neg) return undefined;
  }
  let loss = ZERO;
  for (let p = 0; p < N; p++) {
    const f = columns.reduce((s, c, k) => qadd(s, qmul(c[p]!, sol.x[k]!)), ZERO);
    const r = qsub(f, y[p]!);
    loss = qadd(loss, qmul(r, r));
  }
  return { onSets: groups.map((s) => s.map((p) => p + 1)), loss, nullity: sol.nullity };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}


