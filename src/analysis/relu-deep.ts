/**
 * The exact global minimum of the squared loss of a two-hidden-layer ReLU network n0-M-1-1
 * (relu or leaky_relu hidden layers, identity output), patterns layer by layer.
 *
 * Rescaling makes every pattern convex when the second hidden layer has one unit. With
 * σ(t·z) = t·σ(z) for t > 0, scale layer-1 unit i by |w2ᵢ| and the layer-2 unit by |w3|:
 *   f(x) = s·σ₂(Σᵢ rᵢ σ₁(uᵢ·x̃) + β) + c,   rᵢ = sign w2ᵢ, s = sign w3 ∈ {±1},
 * uᵢ = |w3||w2ᵢ|(w1ᵢ, b1ᵢ), β = |w3|·b2 (a zero w2ᵢ or w3 is the same function as uᵢ = 0 or
 * u = β = 0). Fix the layer-1 chambers Sᵢ (relu-arrangement.ts) and the layer-2 on-set T: on
 * the closed set where the patterns hold,
 *   z2ₚ = Σᵢ rᵢ m¹ᵢₚ uᵢ·x̃ₚ + β,   f(xₚ) = s·m²ₚ·z2ₚ + c
 * are linear in θ = (u, β, c), and so are the constraints (uᵢ·x̃ₚ ≥ 0 on Sᵢ, ≤ 0 off it;
 * z2ₚ ≥ 0 on T, ≤ 0 off it): the loss is a convex QP on a polyhedral cone, solved exactly
 * (relu-qp.ts). The second layer's patterns depend on the first's choice: for a choice of
 * (rᵢ, Sᵢ), T is realisable iff the strict system (uᵢ inside the open chambers, z2ₚ > 0 on T,
 * < 0 off it; a z2ₚ that is identically 0 is always off) has a solution, which one exact LP
 * decides (relu-lp.ts) and whose solution starts the QP. Parameters where some pre-activation is
 * exactly 0 form finitely many hyperplanes, so the closures of the realisable open regions cover
 * the space, and the least QP minimum is the global minimum, attained. Every (Sᵢ, T) is first
 * bounded below by unconstrained least squares (signs do not matter there) and examined in the
 * order of that bound, so realisability is decided only for the candidates the search reaches.
 * attained. With two or more units in the second layer each unit's outgoing weights are a
 * vector, one entry of which rescaling can fix: the patterns become bilinear problems, not
 * convex ones, and are not solved here.
 */
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qdiv, qmul, qneg, qsub, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluateExact } from '../expr/walk.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { type Dataset, type Network, biasName, buildNetwork, datasetLoss, lossFactor, weightName } from '../network/build.js';
import { engineDatasetLoss, samplesFromDataset } from '../numeric/engine.js';
import { paramsFromPoint } from '../numeric/params.js';
import { solveQ } from './linalg.js';
import { MAX_CHAMBERS, affordableChambers, binomial, chambers, coverBound } from './relu-arrangement.js';
import { feasiblePoint } from './relu-lp.js';
import { coneLeastSquares } from './relu-qp.js';
import { HARDNESS, MAX_RELU_QPS, type ReluOptimum, chamberSets, reluOptimum, signsFor } from './relu-optimum.js';
import type { NetworkSpec } from '../network/spec.js';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);
const slope = (name: string): Rational => (name === 'relu' ? ZERO : LEAKY_SLOPE);

/** Why the two-hidden-layer solver does not apply, or undefined when it does. */
export function reluDeepSupported(net: Network): string | undefined {
  const { widths, activations } = net.spec;
  if (widths.length !== 4) return `the two-layer solver takes two hidden layers; this network has ${widths.length - 2}`;
  if (!activations.slice(0, 2).every((a) => a === 'relu' || a === 'leaky_relu')) return `the hidden activations are ${activations.slice(0, 2).join(', ')}, not relu or leaky_relu`;
  if (activations[2] !== 'identity') return `the output activation is ${activations[2]}, not identity`;
  if (widths[3] !== 1) return `with ${widths[3]} outputs a pattern is no longer convex`;
  if (widths[2] !== 1)
    return `the second hidden layer has ${widths[2]} units: each first-layer unit then feeds a vector of weights, of which rescaling fixes one entry, so a fixed pattern is a bilinear problem rather than a convex one (exactly solvable here: n0-M-1-1)`;
  return undefined;
}

/** ‖Aθ − y‖² minimised without constraints (normal equations). */
function leastSquaresValue(A: readonly (readonly Rational[])[], y: readonly Rational[]): Rational {
  const n = A[0]?.length ?? 0;
  const H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => A.reduce((s, row) => qadd(s, qmul(row[i]!, row[j]!)), ZERO)));
  const g = Array.from({ length: n }, (_, i) => A.reduce((s, row, p) => qadd(s, qmul(row[i]!, y[p]!)), ZERO));
  const sol = solveQ(H, g);
  if (sol.kind !== 'solution') throw new RangeError('normal equations are always consistent');
  return qsub(y.reduce((s, v) => qadd(s, qmul(v, v)), ZERO), dot(sol.x, g));
}

interface Candidate {
  readonly rs: readonly number[];
  readonly T: readonly number[];
  readonly bound: Rational;
}

/**
 * The exact global optimum of an n0-M-1-1 ReLU network on the data.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1-1:relu,relu,identity'));
 * const r = reluOptimumDeep(net, readCsv('x1,y1\n0,0\n1,2\n2,0\n3,1\n', net.spec));
 * r.kind === 'solved' && qtoString(r.loss);
 * ```
 */
export function reluOptimumDeep(net: Network, data: Dataset, opts: { maxQps?: number } = {}): ReluOptimum {
  const why = reluDeepSupported(net);
  if (why !== undefined) return { kind: 'unsupported', reason: why };
  const start = Date.now();
  const spec = net.spec;
  const [n0, M] = [spec.widths[0]!, spec.widths[1]!];
  const [b1, b2, b3] = [spec.bias[0]!, spec.bias[1]!, spec.bias[2]!];
  const [a1, a2] = [slope(spec.activations[0]!), slope(spec.activations[1]!)];
  const N = data.inputs.length;
  const y = data.targets.map((t) => t[0]!);
  const xt = data.inputs.map((x) => (b1 ? [...x, ONE] : [...x]));
  const d = n0 + (b1 ? 1 : 0);
  const live = xt.filter((v) => v.some((q) => q.n !== 0n)).length;
  const bound1 = coverBound(live, d);
  if (bound1 > BigInt(MAX_CHAMBERS))
    return { kind: 'refused', estimate: bound1, message: `one first-layer unit can have up to ${bound1} activation patterns (Cover's bound), past the budget of ${MAX_CHAMBERS}: use fewer data points` };
  const maxQps = opts.maxQps ?? MAX_RELU_QPS;
  // the candidates to bound: chamber sets (each chamber at most twice, at most C(r + M − 1, M)) × second-layer on-sets
  const cost = (r: number): bigint => binomial(Math.max(0, r - 1) + M - 1, M) * 2n ** BigInt(N);
  const arr = chambers(xt, d, [], affordableChambers(cost, maxQps));
  if (arr.truncated)
    return { kind: 'refused', estimate: cost(arr.chambers.length), message: `at least ${arr.chambers.length} activation patterns per first-layer unit on ${N} points, so about ${cost(arr.chambers.length)} candidate patterns of both layers to bound, past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points, or gradient descent (numeric)` };
  const usable = arr.chambers.map((_, k) => k).filter((k) => !(a1.n === 0n && arr.chambers[k]!.on.length === 0));
  const P = 2 * usable.length;
  const m = Math.min(M, P);
  const n2 = m * d + (b2 ? 1 : 0);
  // up front: (sign, chamber) sets of the first layer × on-sets of the second × 2 output signs
  const sets = chamberSets(usable, m);
  const estimate = BigInt(sets.length) * 2n ** BigInt(N);
  if (estimate > BigInt(maxQps))
    return {
      kind: 'refused',
      estimate,
      message: `${estimate} candidate patterns of both layers to bound (${sets.length} sets of first-layer patterns, ${arr.chambers.length} per unit, × ${2 ** N} second-layer on-sets), past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points, or gradient descent (numeric)`,
    };
  const mult = (on: readonly number[], alpha: Rational): Rational[] => {
    const s = new Set(on);
    return xt.map((_, p) => (s.has(p) ? ONE : alpha));
  };
  const m1 = arr.chambers.map((c) => mult(c.on, a1));
  // z2ₚ as a row over (u, β): rᵢ m¹ᵢₚ x̃ₚ in block i, 1 for β
  const ell = (rs: readonly number[], r: readonly number[]): Rational[][] =>
    xt.map((x, p) => [...rs.flatMap((k, i) => x.map((v) => qmul(Q(r[i]!), qmul(m1[k]![p]!, v)))), ...(b2 ? [ONE] : [])]);
  const base = (rs: readonly number[]): Rational[][] =>
    rs.flatMap((k, i) => {
      const on = new Set(arr.chambers[k]!.on);
      return xt.flatMap((x, p) => (x.every((v) => v.n === 0n) ? [] : [Array.from({ length: n2 }, (_, c) => (c >= i * d && c < (i + 1) * d ? (on.has(p) ? x[c - i * d]! : qneg(x[c - i * d]!)) : ZERO))]));
    });
  const design = (L: readonly (readonly Rational[])[], T: readonly number[], s: number): Rational[][] => {
    const m2 = mult(T, a2);
    return L.map((row, p) => [...row.map((v) => qmul(Q(s), qmul(m2[p]!, v))), ...(b3 ? [ONE] : [])]);
  };
  // Candidates: every set of first-layer chambers with every second-layer on-set T (points whose
  // z2 is identically 0 are always off), bounded below by unconstrained least squares (signs do
  // not matter there). They are examined in the order of the bound; each sign choice of the
  // first layer is tested for realisability by one exact LP (the strict system inside the
  // first layer's open cone), whose point starts the QP.
  const candidates: Candidate[] = [];
  for (const rs of sets) {
    const L = ell(rs, rs.map(() => 1));
    const free = L.flatMap((row, p) => (row.every((v) => v.n === 0n) ? [] : [p]));
    for (let mask = 0; mask < 1 << free.length; mask++) {
      const T = free.filter((_, k) => mask & (1 << k));
      candidates.push({ rs, T, bound: leastSquaresValue(design(L, T, 1), y) });
    }
  }
  const order = candidates.map((_, i) => i).sort((i, j) => qcmp(candidates[i]!.bound, candidates[j]!.bound) || i - j);
  let best: { value: Rational; c: Candidate; r: readonly number[]; s: number; theta: readonly Rational[] } | undefined;
  let tried = 0;
  let pruned = 0;
  let examined = 0;
  let feasible = 0;
  for (const i of order) {
    const c = candidates[i]!;
    const signs = signsFor(c.rs);
    if (best !== undefined && qcmp(c.bound, best.value) >= 0) {
      pruned += 2 * signs.length;
      continue;
    }
    for (const r of signs) {
      examined++;
      const L = ell(c.rs, r);
      const onT = new Set(c.T);
      const second = L.flatMap((row, p) => (row.every((v) => v.n === 0n) ? [] : [onT.has(p) ? row : row.map(qneg)]));
      const strict = [...base(c.rs), ...second];
      const witness = feasiblePoint(strict, strict.map(() => ONE), n2);
      if (witness === undefined) continue;
      feasible++;
      const rows = strict.map((row) => [...row, ...(b3 ? [ZERO] : [])]);
      for (const s of [1, -1]) {
        if (best !== undefined && qcmp(c.bound, best.value) >= 0) {
          pruned++;
          continue;
        }
        tried++;
        const res = coneLeastSquares(design(L, c.T, s), y, rows, [...witness, ...(b3 ? [ZERO] : [])]);
        if (best === undefined || qcmp(res.value, best.value) < 0) best = { value: res.value, c, r, s, theta: res.theta };
      }
    }
  }
  if (best === undefined) throw new RangeError('reluOptimumDeep: no pattern was solved');
  const point: Record<string, Rational> = {};
  for (let i = 0; i < M; i++) {
    const used = i < best.c.rs.length;
    for (let j = 0; j < n0; j++) point[weightName(1, i + 1, j + 1)] = used ? best.theta[i * d + j]! : ZERO;
    if (b1) point[biasName(1, i + 1)] = used ? best.theta[i * d + n0]! : ZERO;
    point[weightName(2, 1, i + 1)] = used ? Q(best.r[i]!) : ZERO;
  }
  if (b2) point[biasName(2, 1)] = best.theta[m * d]!;
  point[weightName(3, 1, 1)] = Q(best.s);
  if (b3) point[biasName(3, 1)] = best.theta[n2]!;
  const ordered = Object.fromEntries(net.params.map((p) => [p, point[p]!]));
  const formulaLoss = evaluateExact(datasetLoss(net, data), ordered);
  if (formulaLoss === undefined) throw new RangeError('the loss of a relu network at a rational point is rational');
  const engineLoss = engineDatasetLoss(spec, paramsFromPoint(spec, Object.fromEntries(Object.entries(ordered).map(([k, v]) => [k, qtoNumber(v)]))), samplesFromDataset(data));
  const units = Array.from({ length: M }, (_, i) => {
    const u = Array.from({ length: d }, (_, j) => ordered[j < n0 ? weightName(1, i + 1, j + 1) : biasName(1, i + 1)]!);
    return { on: xt.flatMap((x, p) => (dot(u, x).n > 0n ? [p + 1] : [])), sign: qtoNumber(ordered[weightName(2, 1, i + 1)]!) };
  });
  return {
    kind: 'solved',
    loss: qmul(best.value, lossFactor(spec)),
    point: ordered,
    units,
    second: { on: best.c.T.map((p) => p + 1), sign: best.s },
    formulaLoss,
    engineLoss,
    onSetsPerUnit: arr.chambers.length,
    onSetBound: bound1,
    patternsFeasible: BigInt(feasible),
    patternsTried: tried,
    patternsPruned: pruned,
    patternsExamined: examined,
    boundsComputed: candidates.length,
    millis: Date.now() - start,
  };
}

/** An exact loss the network attains, from a smaller network embedded in it, and the floor no function goes below. */
export interface ReluUpperBound {
  readonly loss: Rational;
  readonly point: Readonly<Record<string, Rational>>;
  /** the loss of the network's own formula at the point, exactly (equals `loss`) */
  readonly formulaLoss: Rational;
  readonly engineLoss: number;
  /** the embedded network, e.g. `2-3-1-1` or `2-2-1` */
  readonly from: string;
  /** the sub-networks tried: each one's exact optimum and, embedded, the wide network's exact formula loss at its point (both undefined where it was not solved) */
  readonly embeddings: readonly { readonly from: string; readonly loss: Rational | undefined; readonly formulaLoss: Rational | undefined }[];
  /** the least loss any function of the inputs has on the data: per distinct input, the targets' mean (exact) */
  readonly floor: Rational;
  /** `loss` equals `floor`: no network of any size does better, so `loss` is the global optimum */
  readonly optimal: boolean;
}

/**
 * The least squared loss any function of the inputs has on the data: points with equal inputs
 * must share a prediction, and the mean of their targets is the best one (Σ (y − ȳ)², the
 * variance identity), so the floor is the within-group sum of squares times the loss factor.
 *
 * @example
 * ```ts
 * const spec = parseSpec('1-1-1');
 * lossFloor(spec, readCsv('x1,y1\n0,0\n0,2\n1,5\n', spec)); // 2
 * ```
 */
export function lossFloor(spec: NetworkSpec, data: Dataset): Rational {
  const groups = new Map<string, number[]>();
  data.inputs.forEach((x, p) => {
    const key = x.map(qtoString).join(',');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [p]);
    else g.push(p);
  });
  let total = ZERO;
  for (const g of groups.values())
    for (let k = 0; k < spec.widths[spec.widths.length - 1]!; k++) {
      const ys = g.map((p) => data.targets[p]![k]!);
      const mean = qdiv(ys.reduce(qadd, ZERO), Q(ys.length));
      for (const v of ys) total = qadd(total, qmul(qsub(v, mean), qsub(v, mean)));
    }
  return qmul(total, lossFactor(spec));
}

/**
 * The one-hidden-layer network n0-K-1 inside n0-M-K-1, on the data: the first layer passes the
 * inputs through affinely, so the second layer sees them. With M ≥ 2n0 units, uₚ = eⱼ and −eⱼ:
 * σ(t) − σ(−t) = (1 + α)t for relu (α = 0) and leaky relu alike, exactly for every t; with
 * M ≥ n0 units and biases in the first two layers, σ(xⱼ + Bⱼ) = xⱼ + Bⱼ on the data for
 * Bⱼ = −min xⱼ, and the second layer's bias absorbs the shift. Undefined when neither applies.
 */
function affineEmbedding(net: Network, data: Dataset, sub: Readonly<Record<string, Rational>>): Record<string, Rational> | undefined {
  const spec = net.spec;
  const [n0, M, K] = [spec.widths[0]!, spec.widths[1]!, spec.widths[2]!];
  const [b1, b2, b3] = [spec.bias[0]!, spec.bias[1]!, spec.bias[2]!];
  const alpha = slope(spec.activations[0]!);
  const point: Record<string, Rational> = {};
  for (const p of net.params) point[p] = ZERO;
  const subW = (k: number, j: number): Rational => sub[weightName(1, k, j)]!;
  if (M >= 2 * n0) {
    const g = qdiv(ONE, qadd(ONE, alpha));
    for (let j = 1; j <= n0; j++) {
      point[weightName(1, 2 * j - 1, j)] = ONE;
      point[weightName(1, 2 * j, j)] = Q(-1);
      for (let k = 1; k <= K; k++) {
        point[weightName(2, k, 2 * j - 1)] = qmul(g, subW(k, j));
        point[weightName(2, k, 2 * j)] = qneg(qmul(g, subW(k, j)));
      }
    }
    if (b2) for (let k = 1; k <= K; k++) point[biasName(2, k)] = sub[biasName(1, k)]!;
  } else if (M >= n0 && b1 && b2) {
    for (let j = 1; j <= n0; j++) {
      const B = qneg(data.inputs.map((x) => x[j - 1]!).reduce((a, b) => (qcmp(b, a) < 0 ? b : a)));
      point[weightName(1, j, j)] = ONE;
      point[biasName(1, j)] = B;
      for (let k = 1; k <= K; k++) point[weightName(2, k, j)] = subW(k, j);
    }
    for (let k = 1; k <= K; k++) {
      let c = sub[biasName(1, k)]!;
      for (let j = 1; j <= n0; j++) c = qsub(c, qmul(subW(k, j), point[biasName(1, j)]!));
      point[biasName(2, k)] = c;
    }
  } else return undefined;
  for (let k = 1; k <= K; k++) point[weightName(3, 1, k)] = sub[weightName(2, 1, k)]!;
  if (b3) point[biasName(3, 1)] = sub[biasName(2, 1)]!;
  return Object.fromEntries(net.params.map((p) => [p, point[p]!]));
}

/**
 * For n0-M-K-1 with K ≥ 2 (a second hidden layer the convex route does not cover), the least of
 * two exact losses the network attains, each an exact upper bound on its optimum:
 * - the optimum of n0-M-1-1, embedded by switching the other K − 1 second-layer units off
 *   (incoming weights 0, bias −1 or 0, outgoing weight 0);
 * - the optimum of n0-K-1 (relu-optimum.ts), its hidden layer as the second layer, the first
 *   passing the inputs through ({@link affineEmbedding}: M ≥ 2n0, or M ≥ n0 with biases).
 * Beside it the floor no function goes below ({@link lossFloor}); where the bound meets it, the
 * bound is the global optimum (`optimal`). Between the two, nothing is certified here.
 * Undefined when neither sub-network is solved.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-2-1:relu,relu,identity'));
 * reluUpperBoundWide(net, data)?.from; // '1-2-1-1' or '1-2-1'
 * ```
 */
export function reluUpperBoundWide(net: Network, data: Dataset, opts: { maxQps?: number } = {}): ReluUpperBound | undefined {
  const spec = net.spec;
  const w = spec.widths;
  if (w.length !== 4 || w[2]! < 2 || w[3] !== 1) return undefined;
  const candidates: { from: string; point: Record<string, Rational> }[] = [];
  const solved: { from: string; loss: Rational | undefined }[] = [];
  const deepFrom = `${w[0]}-${w[1]}-1-1`;
  const r = reluOptimumDeep(buildNetwork({ ...spec, widths: [w[0]!, w[1]!, 1, 1] }), data, opts);
  solved.push({ from: deepFrom, loss: r.kind === 'solved' ? r.loss : undefined });
  if (r.kind === 'solved') {
    const point: Record<string, Rational> = {};
    for (const p of net.params) point[p] = ZERO;
    // the sub-network's output layer is layer 3 with one input: w3_1_1 stays, other w3_1_j are 0
    for (const [k, v] of Object.entries(r.point)) point[k] = v;
    if (spec.bias[1]) for (let j = 2; j <= w[2]!; j++) point[biasName(2, j)] = Q(-1);
    candidates.push({ from: deepFrom, point: Object.fromEntries(net.params.map((p) => [p, point[p]!])) });
  }
  const oneFrom = `${w[0]}-${w[2]}-1`;
  const oneSpec: NetworkSpec = { ...spec, widths: [w[0]!, w[2]!, 1], activations: [spec.activations[1]!, spec.activations[2]!], bias: [spec.bias[1]!, spec.bias[2]!] };
  const feasibleEmbedding = w[1]! >= 2 * w[0]! || (w[1]! >= w[0]! && spec.bias[0]! && spec.bias[1]!);
  if (feasibleEmbedding) {
    const o = reluOptimum(buildNetwork(oneSpec), data, opts);
    solved.push({ from: oneFrom, loss: o.kind === 'solved' ? o.loss : undefined });
    const point = o.kind === 'solved' ? affineEmbedding(net, data, o.point) : undefined;
    if (point !== undefined) candidates.push({ from: oneFrom, point });
  }
  const loss = datasetLoss(net, data);
  let best: { from: string; point: Record<string, Rational>; formulaLoss: Rational } | undefined;
  const formulaLosses = new Map<string, Rational>();
  for (const c of candidates) {
    const formulaLoss = evaluateExact(loss, c.point);
    if (formulaLoss === undefined) throw new RangeError('the loss of a relu network at a rational point is rational');
    formulaLosses.set(c.from, formulaLoss);
    if (best === undefined || qcmp(formulaLoss, best.formulaLoss) < 0) best = { ...c, formulaLoss };
  }
  if (best === undefined) return undefined;
  const embeddings = solved.map((e) => ({ ...e, formulaLoss: formulaLosses.get(e.from) }));
  const engineLoss = engineDatasetLoss(spec, paramsFromPoint(spec, Object.fromEntries(Object.entries(best.point).map(([k, v]) => [k, qtoNumber(v)]))), samplesFromDataset(data));
  const floor = lossFloor(spec, data);
  // the bound is the embedded optimum (checked in the tests: equal to formulaLoss)
  const sub = embeddings.find((e) => e.from === best.from)!.loss!;
  return { loss: sub, point: best.point, formulaLoss: best.formulaLoss, engineLoss, from: best.from, embeddings, floor, optimal: qcmp(best.formulaLoss, floor) === 0 };
}
