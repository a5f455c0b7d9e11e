/**
 * One hidden layer, several outputs (n0-M-K, K ≥ 2, relu or leaky_relu hidden, identity output):
 * exact bounds on the global minimum of the squared loss, which certify it when they meet.
 *
 * With K outputs unit i contributes Vᵢ·σ(uᵢ·x̃) to all of them, Vᵢ ∈ ℝ^K; rescaling fixes one
 * entry of Vᵢ, not all, so a pattern is a rank-one (bilinear) problem and its optimum can be
 * irrational. The relaxation: write V_{ki}·uᵢ = s_{ki}·z_{ki} with s_{ki} = sign V_{ki} and
 * z_{ki} = |V_{ki}|·uᵢ, which lies in the same closed cone C_{Sᵢ} as uᵢ. Forgetting that the
 * z_{ki} of one unit are parallel, the outputs decouple: for a fixed set of chambers S, output k
 * is a one-output problem, min over signs of a convex QP (relu-qp.ts). So
 *   lower = min over chamber multisets S of Σₖ min_s QPₖ(S, s)
 * is at most the loss of every network (a network's own pattern S* gives each output at least
 * its QP value). An upper bound the network attains: keep, for every unit, one output's z as its
 * weights u, and refit the output layer (V, c) by exact least squares, which is linear once u is
 * fixed; the loss is then evaluated exactly in the network's formula. When the relaxed optimum
 * has parallel z's the refit attains it, upper = lower, and that is the global minimum.
 */
import { type Rational, ONE, Q, ZERO, qabs, qadd, qcmp, qmul, qsign, qsub, qtoNumber } from '../expr/rational.js';
import { evaluateExact } from '../expr/walk.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { type Dataset, type Network, biasName, datasetLoss, lossFactor, weightName } from '../network/build.js';
import { engineDatasetLoss, samplesFromDataset } from '../numeric/engine.js';
import { paramsFromPoint } from '../numeric/params.js';
import { solveQ } from './linalg.js';
import { MAX_CHAMBERS, affordableChambers, binomial, chambers, coverBound } from './relu-arrangement.js';
import { coneLeastSquares } from './relu-qp.js';
import { HARDNESS, MAX_RELU_QPS, type ReluOptimum, gramBounds } from './relu-optimum.js';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);

/** Why the several-output route does not apply, or undefined when it does. */
export function reluOutputsSupported(net: Network): string | undefined {
  const { widths, activations } = net.spec;
  if (widths.length !== 3) return `the several-output route takes one hidden layer; this network has ${widths.length - 2}`;
  if (!['relu', 'leaky_relu'].includes(activations[0]!)) return `the hidden activation is ${activations[0]}, not relu or leaky_relu`;
  if (activations[1] !== 'identity') return `the output activation is ${activations[1]}, not identity`;
  if (widths[2]! < 2) return 'one output: the convex route (relu-optimum.ts) solves it';
  return undefined;
}

/** Multisets of m elements of `pool` (sorted index lists). */
function multisets(pool: readonly number[], m: number): number[][] {
  const out: number[][] = [];
  const grow = (from: number, acc: number[]): void => {
    if (acc.length === m) return void out.push([...acc]);
    for (let k = from; k < pool.length; k++) {
      acc.push(pool[k]!);
      grow(k, acc);
      acc.pop();
    }
  };
  grow(0, []);
  return out;
}

/** Sign vectors for a sorted chamber list, up to swapping units with equal chambers (signs non-increasing within a run). */
function signVectors(rs: readonly number[]): number[][] {
  let out: number[][] = [[]];
  rs.forEach((r, i) => {
    out = out.flatMap((s) => [1, -1].filter((sg) => !(i > 0 && rs[i - 1] === r && sg > s[i - 1]!)).map((sg) => [...s, sg]));
  });
  return out;
}

/**
 * Exact bounds on the optimum of an n0-M-K ReLU network (K ≥ 2), and the optimum itself when
 * they meet.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1-2:relu,identity'));
 * const r = reluOptimumOutputs(net, readCsv('x1,y1,y2\n0,0,0\n1,1,2\n2,2,4\n', net.spec));
 * r.kind; // 'solved': both targets are multiples of one ramp
 * ```
 */
export function reluOptimumOutputs(net: Network, data: Dataset, opts: { maxQps?: number } = {}): ReluOptimum {
  const why = reluOutputsSupported(net);
  if (why !== undefined) return { kind: 'unsupported', reason: why };
  const start = Date.now();
  const spec = net.spec;
  const [n0, M, K] = [spec.widths[0]!, spec.widths[1]!, spec.widths[2]!];
  const [b1, b2] = [spec.bias[0]!, spec.bias[1]!];
  const alpha = spec.activations[0] === 'relu' ? ZERO : LEAKY_SLOPE;
  const xt = data.inputs.map((x) => (b1 ? [...x, ONE] : [...x]));
  const d = n0 + (b1 ? 1 : 0);
  const ys = Array.from({ length: K }, (_, k) => data.targets.map((t) => t[k]!));
  const live = xt.filter((v) => v.some((q) => q.n !== 0n)).length;
  const bound = coverBound(live, d);
  if (bound > BigInt(MAX_CHAMBERS))
    return { kind: 'refused', estimate: bound, message: `one unit can have up to ${bound} activation patterns (Cover's bound), past the budget of ${MAX_CHAMBERS}: use fewer data points` };
  const maxQps = opts.maxQps ?? MAX_RELU_QPS;
  const cost = (r: number): bigint => binomial(r + M - 1, M) * BigInt(K) * 2n ** BigInt(M);
  const arr = chambers(xt, d, [], affordableChambers(cost, maxQps));
  if (arr.truncated)
    return { kind: 'refused', estimate: cost(arr.chambers.length - 1), message: `at least ${arr.chambers.length} activation patterns per unit on ${data.inputs.length} points, so at least ${cost(arr.chambers.length - 1)} pattern QPs, past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points` };
  const usable = arr.chambers.map((_, r) => r).filter((r) => !(alpha.n === 0n && arr.chambers[r]!.on.length === 0));
  const sets = usable.length === 0 ? [[]] : multisets(usable, M);
  const estimate = BigInt(sets.length) * BigInt(K) * 2n ** BigInt(M);
  if (estimate > BigInt(maxQps))
    return { kind: 'refused', estimate, message: `${estimate} pattern QPs (${sets.length} chamber sets × ${K} outputs × 2^${M} signs), past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points` };
  const mult = arr.chambers.map((ch) => {
    const on = new Set(ch.on);
    return xt.map((_, p) => (on.has(p) ? ONE : alpha));
  });
  const lsb = ys.map((y) => gramBounds(xt, y, mult, b2));
  const bounds = sets.map((rs) => lsb.map((f) => f(rs)));
  const total = (bs: readonly Rational[]): Rational => bs.reduce(qadd, ZERO);
  const order = sets.map((_, i) => i).sort((i, j) => qcmp(total(bounds[i]!), total(bounds[j]!)) || i - j);
  const n = M * d + (b2 ? 1 : 0);
  let best: { value: Rational; rs: number[]; z: (readonly Rational[])[] } | undefined;
  let tried = 0;
  for (const i of order) {
    const rs = sets[i]!;
    if (best !== undefined && qcmp(total(bounds[i]!), best.value) >= 0) break;
    let acc = ZERO;
    const z: (readonly Rational[])[] = [];
    let dominated = false;
    for (let k = 0; k < K && !dominated; k++) {
      let bk: { value: Rational; theta: readonly Rational[] } | undefined;
      for (const s of signVectors(rs)) {
        tried++;
        const A = xt.map((x, p) => [...rs.flatMap((r, u) => x.map((v) => qmul(Q(s[u]!), qmul(mult[r]![p]!, v)))), ...(b2 ? [ONE] : [])]);
        const C = rs.flatMap((r, u) => {
          const on = new Set(arr.chambers[r]!.on);
          return xt.flatMap((x, p) => (x.every((v) => v.n === 0n) ? [] : [Array.from({ length: n }, (_, c) => (c >= u * d && c < (u + 1) * d ? qmul(Q(on.has(p) ? 1 : -1), x[c - u * d]!) : ZERO))]));
        });
        const res = coneLeastSquares(A, ys[k]!, C, [...rs.flatMap((r) => arr.chambers[r]!.witness), ...(b2 ? [ZERO] : [])]);
        // output k's columns z_{ki} = theta block i, carrying the sign into the vector (V_{ki}·uᵢ = s·z)
        const theta = [...rs.flatMap((_, u) => res.theta.slice(u * d, (u + 1) * d).map((v) => qmul(Q(s[u]!), v))), ...(b2 ? [res.theta[M * d]!] : [])];
        if (bk === undefined || qcmp(res.value, bk.value) < 0) bk = { value: res.value, theta };
        if (qcmp(bk.value, bounds[i]![k]!) === 0) break; // the unconstrained bound is reached: no sign does better
      }
      acc = qadd(acc, bk!.value);
      z.push(bk!.theta);
      // the remaining outputs add at least their least-squares bounds
      const rest = bounds[i]!.slice(k + 1).reduce(qadd, ZERO);
      if (best !== undefined && qcmp(qadd(acc, rest), best.value) >= 0) dominated = true;
    }
    if (!dominated && (best === undefined || qcmp(acc, best.value) < 0)) best = { value: acc, rs, z };
  }
  const lower = qmul(best!.value, lossFactor(spec));
  // upper bounds: every output's z as the units' weights (up to sign: a cone point or its negative), outputs refitted
  let up: { loss: Rational; point: Record<string, Rational> } | undefined;
  for (let k = 0; k < K; k++) {
    const us = best!.rs.map((r, i) => {
      // output k's column for unit i, or the first nonzero one of the other outputs
      const cols = [k, ...Array.from({ length: K }, (_, j) => j).filter((j) => j !== k)].map((j) => best!.z[j]!.slice(i * d, (i + 1) * d));
      const u = cols.find((c) => c.some((v) => v.n !== 0n)) ?? cols[0]!;
      // z = s·|V|u, so u or −u lies in the chamber's closed cone: take the one that does
      const inCone = (w: readonly Rational[]): boolean => xt.every((x, p) => qsign(dot(w, x)) * (arr.chambers[r]!.on.includes(p) ? 1 : -1) >= 0);
      return inCone(u) ? u : u.map((v) => qmul(Q(-1), v));
    });
    const point = polish(net, data, refit(net, data, us, xt, alpha, M, K, n0, b1, b2), xt, alpha, M, K, n0, b1, b2);
    const loss = evaluateExact(datasetLoss(net, data), point)!;
    if (up === undefined || qcmp(loss, up.loss) < 0) up = { loss, point };
  }
  const engineLoss = engineDatasetLoss(spec, paramsFromPoint(spec, Object.fromEntries(Object.entries(up!.point).map(([k, v]) => [k, qtoNumber(v)]))), samplesFromDataset(data));
  const common = { onSetsPerUnit: arr.chambers.length, patternsFeasible: binomial(arr.chambers.length + M - 1, M), patternsTried: tried, millis: Date.now() - start };
  if (qcmp(up!.loss, lower) === 0)
    return {
      kind: 'solved',
      loss: lower,
      point: up!.point,
      units: unitsAt(up!.point, xt, M, n0, b1),
      formulaLoss: up!.loss,
      engineLoss,
      onSetBound: bound,
      patternsPruned: 0,
      boundsComputed: sets.length,
      certificate: 'the relaxation with the outputs decoupled is met by a network point: no network does better',
      ...common,
    };
  return { kind: 'bounds', lower, upper: up!.loss, point: up!.point, formulaLoss: up!.loss, engineLoss, ...common };
}

/** The network point with first-layer weights u and the output layer refitted by exact least squares. */
function refit(
  net: Network,
  data: Dataset,
  us: readonly (readonly Rational[])[],
  xt: readonly (readonly Rational[])[],
  alpha: Rational,
  M: number,
  K: number,
  n0: number,
  b1: boolean,
  b2: boolean,
): Record<string, Rational> {
  const act = (z: Rational): Rational => (qsign(z) > 0 ? z : qmul(alpha, z));
  const F = xt.map((x) => [...us.map((u) => act(dot(u, x))), ...(b2 ? [ONE] : [])]);
  const m = F[0]!.length;
  const H = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => F.reduce((s, row) => qadd(s, qmul(row[i]!, row[j]!)), ZERO)));
  const point: Record<string, Rational> = {};
  for (let i = 0; i < M; i++) {
    const u = us[i];
    for (let j = 0; j < n0; j++) point[weightName(1, i + 1, j + 1)] = u?.[j] ?? ZERO;
    if (b1) point[biasName(1, i + 1)] = u?.[n0] ?? ZERO;
  }
  for (let k = 0; k < K; k++) {
    const g = Array.from({ length: m }, (_, i) => F.reduce((s, row, p) => qadd(s, qmul(row[i]!, data.targets[p]![k]!)), ZERO));
    const sol = solveQ(H, g);
    if (sol.kind !== 'solution') throw new RangeError('normal equations are always consistent');
    for (let i = 0; i < M; i++) point[weightName(2, k + 1, i + 1)] = i < us.length ? sol.x[i]! : ZERO;
    if (b2) point[biasName(2, k + 1)] = sol.x[us.length]!;
  }
  return Object.fromEntries(net.params.map((p) => [p, point[p]!]));
}

/** Largest denominator of the first-layer weights {@link polish} keeps (their exact arithmetic grows every round otherwise). */
export const POLISH_DENOMINATOR = 1000n;

/** The closest rational to q with denominator ≤ D (continued fractions: the best of the last convergent and semiconvergent). */
export function simplest(q: Rational, D: bigint): Rational {
  if (q.d <= D) return q;
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  let [n, dd] = [q.n, q.d];
  for (;;) {
    const a = n >= 0n ? n / dd : -((-n + dd - 1n) / dd);
    const q2 = q0 + a * q1;
    if (q2 > D) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    [n, dd] = [dd, n - a * dd];
    if (dd === 0n) break;
  }
  const k = (D - q0) / q1;
  const c1 = Q(p1, q1);
  const c2 = Q(p0 + k * p1, q0 + k * q1);
  const dist = (c: Rational): Rational => qabs(qsub(c, q));
  return qcmp(dist(c2), dist(c1)) < 0 ? c2 : c1;
}

/** Rounds of {@link polish}: each is one QP and one least-squares refit; the loss stops moving within a few. */
export const POLISH_ROUNDS = 6;

/**
 * Improve an upper bound by alternating exact convex steps, each of which cannot raise the loss:
 * with the output layer V, c fixed the network is linear in the first layer's weights on the
 * closed cone of their current pattern (a QP over all outputs at once, relu-qp.ts); with the
 * first layer fixed, V and c are refitted by least squares.
 */
function polish(
  net: Network,
  data: Dataset,
  start: Record<string, Rational>,
  xt: readonly (readonly Rational[])[],
  alpha: Rational,
  M: number,
  K: number,
  n0: number,
  b1: boolean,
  b2: boolean,
): Record<string, Rational> {
  const d = n0 + (b1 ? 1 : 0);
  let point = start;
  for (let round = 0; round < POLISH_ROUNDS; round++) {
    const us = Array.from({ length: M }, (_, i) => [...Array.from({ length: n0 }, (_, j) => point[weightName(1, i + 1, j + 1)]!), ...(b1 ? [point[biasName(1, i + 1)]!] : [])]);
    const on = us.map((u) => xt.map((x) => qsign(dot(u, x)) > 0));
    const V = Array.from({ length: K }, (_, k) => Array.from({ length: M }, (_, i) => point[weightName(2, k + 1, i + 1)]!));
    // θ = (u₁ … u_M, c₁ … c_K); one row per (point, output)
    const n = M * d + (b2 ? K : 0);
    const A: Rational[][] = [];
    const y: Rational[] = [];
    xt.forEach((x, p) => {
      for (let k = 0; k < K; k++) {
        const row = Array.from({ length: n }, () => ZERO);
        for (let i = 0; i < M; i++) {
          const m = on[i]![p] ? ONE : alpha;
          x.forEach((v, j) => (row[i * d + j] = qmul(V[k]![i]!, qmul(m, v))));
        }
        if (b2) row[M * d + k] = ONE;
        A.push(row);
        y.push(data.targets[p]![k]!);
      }
    });
    const C = us.flatMap((_, i) => xt.flatMap((x, p) => (x.every((v) => v.n === 0n) ? [] : [Array.from({ length: n }, (_, c) => (c >= i * d && c < (i + 1) * d ? qmul(Q(on[i]![p] ? 1 : -1), x[c - i * d]!) : ZERO))])));
    const res = coneLeastSquares(A, y, C, [...us.flat(), ...(b2 ? Array.from({ length: K }, (_, k) => point[biasName(2, k + 1)]!) : [])]);
    // simpler weights (denominators ≤ POLISH_DENOMINATOR) keep the exact arithmetic small; the
    // step is kept only if the network's exact loss goes down, so this costs no correctness
    const next = refit(net, data, us.map((_, i) => res.theta.slice(i * d, (i + 1) * d).map((q) => simplest(q, POLISH_DENOMINATOR))), xt, alpha, M, K, n0, b1, b2);
    const before = evaluateExact(datasetLoss(net, data), point)!;
    const after = evaluateExact(datasetLoss(net, data), next)!;
    if (qcmp(after, before) >= 0) break;
    point = next;
  }
  return point;
}

/** Each unit's on-set at a point, and the sign of its first output weight. */
function unitsAt(point: Readonly<Record<string, Rational>>, xt: readonly (readonly Rational[])[], M: number, n0: number, b1: boolean): { on: number[]; sign: number }[] {
  return Array.from({ length: M }, (_, i) => {
    const u = [...Array.from({ length: n0 }, (_, j) => point[weightName(1, i + 1, j + 1)]!), ...(b1 ? [point[biasName(1, i + 1)]!] : [])];
    return { on: xt.flatMap((x, p) => (qsign(dot(u, x)) > 0 ? [p + 1] : [])), sign: qsign(point[weightName(2, 1, i + 1)]!) };
  });
}

