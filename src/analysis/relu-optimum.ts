/**
 * The exact global minimum of the squared loss of a one-hidden-layer ReLU network n0-M-1
 * (relu or leaky_relu hidden layer, identity output) on a data set.
 *
 * Positive rescaling (Arora, Basu, Mianjy and Mukherjee, "Understanding deep neural networks
 * with rectified linear units", ICLR 2018): σ(t·z) = t·σ(z) for t > 0, so unit i's
 * contribution vᵢσ(wᵢ·x + bᵢ) equals sᵢσ(uᵢ·x̃) with sᵢ = sign vᵢ ∈ {±1} and
 * uᵢ = |vᵢ|(wᵢ, bᵢ). Every network is one with output weights ±1, and conversely.
 *
 * Patterns. uᵢ lies in the closed cone C_S of some chamber S of the data's arrangement
 * (relu-arrangement.ts), and on C_S the unit's value at xₚ is exactly mₚ·(uᵢ·x̃ₚ), mₚ = 1 on S
 * and α off it (α = 0 for relu, 1/100 for leaky relu). So for fixed signs and chambers the loss
 *   L = c · Σₚ (Σᵢ sᵢ m_{ip} uᵢ·x̃ₚ + b − yₚ)²
 * is a convex quadratic on the polyhedral cone Π C_{Sᵢ} × ℝ, minimised exactly by an active-set
 * method over Q (relu-qp.ts), boundary minima included (a pre-activation exactly 0 is on the
 * boundary of two cones, and belongs to both). The cones of all choices cover the parameter
 * space, so the least of these minima is the global minimum of the network's loss, attained.
 *
 * Reductions that keep it exact: units are interchangeable, and two units with the same sign
 * and chamber add up to one (the cone is convex), so only sets of distinct (sign, chamber)
 * pairs are needed, padded with zero units; for relu a unit whose chamber is ∅ contributes 0 and
 * is such a padding. Each set of chambers is first bounded below by its unconstrained least
 * squares (the same design, no cone constraints, signs irrelevant); sets are solved in the order
 * of that bound and the search stops when the bound reaches the best minimum found.
 *
 * Complexity: minimising the squared loss exactly is NP-hard already for a single ReLU and for
 * two (Manurangsi and Reichman, "The computational complexity of training ReLU(s)", 2018), and
 * for two-hidden-layer networks (Boob, Dey and Lan, "Complexity of training ReLU neural
 * network", Discrete Optimization 2022); Arora et al.'s algorithm, which this follows, takes
 * time about 2^M · N^{(n0+1)M}, polynomial in N for a fixed architecture. The budget is the
 * number of QPs, counted before any is solved.
 */
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qmul, qsub, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluateExact } from '../expr/walk.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { type Dataset, type Network, biasName, datasetLoss, lossFactor, weightName } from '../network/build.js';
import { solveQ } from './linalg.js';
import { type Chamber, MAX_CHAMBERS, affordableChambers, binomial, chambers, coverBound } from './relu-arrangement.js';
import { coneLeastSquares } from './relu-qp.js';
import { engineDatasetLoss, samplesFromDataset } from '../numeric/engine.js';
import { paramsFromPoint } from '../numeric/params.js';

/**
 * Most pattern QPs a search may need, counted before any is solved (the least-squares bounds
 * then skip most of them); for two hidden layers, the candidate patterns of both layers to bound. Measured (`npm run bench -- relu`, bench/RESULTS.md): 2-2-1 on 8
 * points has 3 003 candidate QPs, solves 908 of them and takes 3.7–5.6 s of CPU, 1–2 ms per
 * candidate with the bounds included; so the budget is under a minute in the typical case and a
 * few minutes if nothing could be pruned.
 */
export const MAX_RELU_QPS = 20_000;

/** Where exact training stops being possible in general, said with every answer. */
export const HARDNESS =
  'exact training is NP-hard in general, already for one or two ReLUs (Manurangsi and Reichman 2018) and for two hidden layers (Boob, Dey and Lan 2022); this enumeration over activation patterns follows Arora et al. (ICLR 2018) and grows like 2^M·N^((n0+1)M)';

export type ReluOptimum =
  | {
      readonly kind: 'solved';
      /** the global minimum of the loss (with the spec's loss factor), exact */
      readonly loss: Rational;
      /** a parameter point attaining it, every parameter by name, exact */
      readonly point: Readonly<Record<string, Rational>>;
      /** per hidden unit: the data points (1-based) where it is on at the point, and its output sign */
      readonly units: readonly { readonly on: readonly number[]; readonly sign: number }[];
      /** two hidden layers: the second layer's unit, its on-set at the optimum's pattern and its output sign */
      readonly second?: { readonly on: readonly number[]; readonly sign: number };
      /** the loss of the network's own formula at the point, evaluated exactly (equals `loss`) */
      readonly formulaLoss: Rational;
      /** the numeric engine's loss at the point (doubles) */
      readonly engineLoss: number;
      /** realisable activation patterns of one unit (chambers of the data's arrangement) */
      readonly onSetsPerUnit: number;
      /** Cover's bound on that count (equal for data in general position) */
      readonly onSetBound: bigint;
      /** realisable activation patterns of the hidden layer, units interchangeable: multisets of M on-sets (two layers: with the second layer's on-set) */
      readonly patternsFeasible: bigint;
      /** pattern QPs (a set of (sign, on-set) pairs) solved exactly */
      readonly patternsTried: number;
      /** pattern QPs skipped because their least-squares lower bound was not below the optimum */
      readonly patternsPruned: number;
      /** two layers: the (first-layer signs and chambers, second-layer on-set) candidates tested for realisability before the bound stopped the search; patternsFeasible counts the realisable ones among them */
      readonly patternsExamined?: number;
      /** several outputs: the optimum is certified by a relaxation met by a network point (relu-outputs.ts) */
      readonly certificate?: string;
      /** sets of on-sets bounded below by unconstrained least squares */
      readonly boundsComputed: number;
      readonly millis: number;
    }
  | {
      /** several outputs: exact bounds on the optimum that did not meet (relu-outputs.ts) */
      readonly kind: 'bounds';
      /** no network does better: the least relaxed pattern value */
      readonly lower: Rational;
      /** the network attains it at `point` */
      readonly upper: Rational;
      readonly point: Readonly<Record<string, Rational>>;
      readonly formulaLoss: Rational;
      readonly engineLoss: number;
      readonly onSetsPerUnit: number;
      readonly patternsFeasible: bigint;
      readonly patternsTried: number;
      readonly millis: number;
    }
  | { readonly kind: 'refused'; readonly estimate: bigint; readonly message: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

/** The architectures solved here: n0-M-1, relu or leaky_relu hidden layer, identity output. */
export function reluOptimumSupported(net: Network): string | undefined {
  const { widths, activations } = net.spec;
  if (widths.length !== 3) return `the exact optimum is solved for one hidden layer (n0-M-1); this network has ${widths.length - 2} hidden layers`;
  if (!['relu', 'leaky_relu'].includes(activations[0]!)) return `the hidden activation is ${activations[0]}, not relu or leaky_relu`;
  if (activations[1] !== 'identity') return `the output activation is ${activations[1]}, not identity`;
  if (widths[2] !== 1) return `with ${widths[2]} outputs a pattern is no longer a convex problem (each unit's output weights are a vector, so the fit is a rank-constrained product)`;
  return undefined;
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);

/**
 * The unconstrained least-squares value min ‖Aθ − y‖² of a set of chambers (signs do not
 * matter without constraints), from Gram blocks cached per pair of chambers:
 * Aᵀ A has blocks Σₚ m_{rp} m_{r′p} x̃ₚ x̃ₚᵀ, and at a solution of the normal equations
 * ‖Aθ − y‖² = ‖y‖² − θ·Aᵀy.
 */
export function gramBounds(xt: readonly (readonly Rational[])[], y: readonly Rational[], mult: readonly (readonly Rational[])[], b2: boolean): (rs: readonly number[]) => Rational {
  const d = xt[0]?.length ?? 0;
  const blocks = new Map<string, Rational[][]>();
  const block = (r: number, s: number): Rational[][] => {
    const key = r <= s ? `${r},${s}` : `${s},${r}`;
    let b = blocks.get(key);
    if (b === undefined) {
      b = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, c) => xt.reduce((acc, x, p) => qadd(acc, qmul(qmul(mult[r]![p]!, mult[s]![p]!), qmul(x[a]!, x[c]!))), ZERO)));
      blocks.set(key, b);
    }
    return b;
  };
  const side = mult.map((m) => Array.from({ length: d }, (_, a) => xt.reduce((acc, x, p) => qadd(acc, qmul(m[p]!, x[a]!)), ZERO)));
  const rhs = mult.map((m) => Array.from({ length: d }, (_, a) => xt.reduce((acc, x, p) => qadd(acc, qmul(qmul(m[p]!, x[a]!), y[p]!)), ZERO)));
  const yy = y.reduce((acc, v) => qadd(acc, qmul(v, v)), ZERO);
  const ysum = y.reduce(qadd, ZERO);
  const N = Q(xt.length);
  return (rs) => {
    const H: Rational[][] = [];
    rs.forEach((r) => {
      for (let a = 0; a < d; a++) H.push([...rs.flatMap((s) => block(r, s)[a]!), ...(b2 ? [side[r]![a]!] : [])]);
    });
    if (b2) H.push([...rs.flatMap((s) => side[s]!), N]);
    const g = [...rs.flatMap((r) => rhs[r]!), ...(b2 ? [ysum] : [])];
    const sol = solveQ(H, g);
    if (sol.kind !== 'solution') throw new RangeError('normal equations are always consistent');
    return qsub(yy, dot(sol.x, g));
  };
}

/**
 * The exact global optimum of an n0-M-1 ReLU network's squared loss on the data, with a point
 * attaining it checked exactly in the network's formula and in the numeric engine.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1:relu,identity'));
 * const r = reluOptimum(net, readCsv('x1,y1\n-1,1\n0,0\n1,1\n2,0\n', net.spec));
 * r.kind === 'solved' && qtoString(r.loss); // the exact minimum, e.g. '1/2'
 * ```
 */
export function reluOptimum(net: Network, data: Dataset, opts: { maxQps?: number } = {}): ReluOptimum {
  const why = reluOptimumSupported(net);
  if (why !== undefined) return { kind: 'unsupported', reason: why };
  const start = Date.now();
  const spec = net.spec;
  const [n0, M] = [spec.widths[0]!, spec.widths[1]!];
  const [b1, b2] = [spec.bias[0]!, spec.bias[1]!];
  const alpha = spec.activations[0] === 'relu' ? ZERO : LEAKY_SLOPE;
  const N = data.inputs.length;
  const y = data.targets.map((t) => t[0]!);
  const xt = data.inputs.map((x) => (b1 ? [...x, ONE] : [...x]));
  const d = n0 + (b1 ? 1 : 0);
  const live = xt.filter((v) => v.some((q) => q.n !== 0n)).length;
  const bound = coverBound(live, d);
  if (bound > BigInt(MAX_CHAMBERS))
    return { kind: 'refused', estimate: bound, message: `one unit can have up to ${bound} activation patterns on ${N} points in ${n0} inputs (Cover's bound), past the budget of ${MAX_CHAMBERS}: use fewer data points` };
  const maxQps = opts.maxQps ?? MAX_RELU_QPS;
  // chambers past the affordable count are not built: ∅ aside, R chambers make C(2R, M) QPs
  const limit = affordableChambers((r) => binomial(2 * Math.max(0, r - 1), Math.min(M, 2 * Math.max(0, r - 1))), maxQps);
  const arr = chambers(xt, d, [], limit);
  if (arr.truncated)
    return { kind: 'refused', estimate: binomial(2 * (arr.chambers.length - 1), M), message: `at least ${arr.chambers.length} activation patterns per unit on ${N} points (Cover's bound ${bound}), so at least ${binomial(2 * (arr.chambers.length - 1), M)} pattern QPs for ${M} units, past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points, or gradient descent (numeric)` };
  const R = arr.chambers.length;
  // the (sign, chamber) pairs a unit may take; a relu unit off everywhere is a zero unit
  const usable = arr.chambers.map((_, r) => r).filter((r) => !(alpha.n === 0n && arr.chambers[r]!.on.length === 0));
  const P = 2 * usable.length;
  const m = Math.min(M, P);
  const qps = binomial(P, m);
  if (qps > BigInt(maxQps))
    return {
      kind: 'refused',
      estimate: qps,
      message: `${qps} pattern QPs (${R} activation patterns per unit on ${N} points, 2 output signs, ${M} units), past the budget of ${maxQps}; ${HARDNESS}. Use fewer hidden units or data points, or gradient descent (numeric)`,
    };
  const mult = arr.chambers.map((ch) => {
    const on = new Set(ch.on);
    return xt.map((_, p) => (on.has(p) ? ONE : alpha));
  });
  const design = (rs: readonly number[], signs: readonly number[]): Rational[][] =>
    xt.map((x, p) => [...rs.flatMap((r, i) => x.map((v) => qmul(Q(signs[i]!), qmul(mult[r]![p]!, v)))), ...(b2 ? [ONE] : [])]);
  const sets = chamberSets(usable, m);
  const lsBound = gramBounds(xt, y, mult, b2);
  const bounds = sets.map(lsBound);
  const order = sets.map((_, i) => i).sort((i, j) => qcmp(bounds[i]!, bounds[j]!) || i - j);
  let best: { value: Rational; rs: number[]; signs: number[]; theta: readonly Rational[] } | undefined;
  let tried = 0;
  let pruned = 0;
  for (const i of order) {
    const rs = sets[i]!;
    const signChoices = signsFor(rs);
    if (best !== undefined && qcmp(bounds[i]!, best.value) >= 0) {
      pruned += signChoices.length;
      continue;
    }
    for (const signs of signChoices) {
      if (best !== undefined && qcmp(bounds[i]!, best.value) >= 0) {
        pruned++;
        continue;
      }
      tried++;
      const A = design(rs, signs);
      const C = constraints(rs, arr.chambers, xt, d, b2);
      const start0 = [...rs.flatMap((r) => arr.chambers[r]!.witness), ...(b2 ? [ZERO] : [])];
      const res = coneLeastSquares(A, y, C, start0);
      if (best === undefined || qcmp(res.value, best.value) < 0) best = { value: res.value, rs, signs, theta: res.theta };
    }
  }
  // the empty set of chambers (no usable pattern, m = 0) is one QP too, so best is set
  if (best === undefined) throw new RangeError('reluOptimum: no pattern was solved');
  const point = pointOf(net, best, d, n0, b1, b2, M);
  const loss = qmul(best.value, lossFactor(spec));
  const formulaLoss = evaluateExact(datasetLoss(net, data), point);
  if (formulaLoss === undefined) throw new RangeError('the loss of a relu network at a rational point is rational');
  const engineLoss = engineDatasetLoss(spec, paramsFromPoint(spec, Object.fromEntries(Object.entries(point).map(([k, v]) => [k, qtoNumber(v)]))), samplesFromDataset(data));
  const units = Array.from({ length: M }, (_, i) => {
    const u = Array.from({ length: d }, (_, j) => point[j < n0 ? weightName(1, i + 1, j + 1) : biasName(1, i + 1)]!);
    return { on: xt.flatMap((x, p) => (dot(u, x).n > 0n ? [p + 1] : [])), sign: qtoNumber(point[weightName(2, 1, i + 1)]!) };
  });
  return {
    kind: 'solved',
    loss,
    point,
    units,
    formulaLoss,
    engineLoss,
    onSetsPerUnit: R,
    onSetBound: bound,
    patternsFeasible: binomial(R + M - 1, M),
    patternsTried: tried,
    patternsPruned: pruned,
    boundsComputed: sets.length,
    millis: Date.now() - start,
  };
}

/**
 * The sets of m (sign, chamber) pairs as sorted chamber lists: each chamber of `usable` at most
 * twice (twice means both signs).
 */
export function chamberSets(usable: readonly number[], m: number): number[][] {
  const sets: number[][] = [];
  const grow = (from: number, acc: number[]): void => {
    if (acc.length === m) return void sets.push([...acc]);
    for (let k = from; k < usable.length; k++) {
      const r = usable[k]!;
      acc.push(r);
      grow(k + 1, acc);
      if (acc.length < m) {
        acc.push(r);
        grow(k + 1, acc);
        acc.pop();
      }
      acc.pop();
    }
  };
  grow(0, []);
  return sets;
}

/** The sign choices of a sorted chamber list: a repeated chamber takes (+, −); a single one either sign. */
export function signsFor(rs: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < rs.length; i++) {
    if (rs[i + 1] === rs[i]) {
      out = out.map((s) => [...s, 1, -1]);
      i++;
    } else out = out.flatMap((s) => [[...s, 1], [...s, -1]]);
  }
  return out;
}

/** Rows σₚ x̃ₚ of the cone constraints σₚ uᵢ·x̃ₚ ≥ 0 of every unit (σ = +1 on its chamber). */
function constraints(rs: readonly number[], ch: readonly Chamber[], xt: readonly (readonly Rational[])[], d: number, b2: boolean): Rational[][] {
  const n = rs.length * d + (b2 ? 1 : 0);
  const rows: Rational[][] = [];
  rs.forEach((r, i) => {
    const on = new Set(ch[r]!.on);
    xt.forEach((x, p) => {
      if (x.every((v) => v.n === 0n)) return;
      const row: Rational[] = Array.from({ length: n }, () => ZERO);
      x.forEach((v, j) => (row[i * d + j] = on.has(p) ? v : qmul(Q(-1), v)));
      rows.push(row);
    });
  });
  return rows;
}

/** The network's parameters from the rescaled solution: vᵢ = sᵢ, (wᵢ, bᵢ) = uᵢ; padding units zero. */
function pointOf(
  net: Network,
  best: { rs: readonly number[]; signs: readonly number[]; theta: readonly Rational[] },
  d: number,
  n0: number,
  b1: boolean,
  b2: boolean,
  M: number,
): Record<string, Rational> {
  const point: Record<string, Rational> = {};
  for (let i = 0; i < M; i++) {
    const used = i < best.rs.length;
    for (let j = 0; j < n0; j++) point[weightName(1, i + 1, j + 1)] = used ? best.theta[i * d + j]! : ZERO;
    if (b1) point[biasName(1, i + 1)] = used ? best.theta[i * d + n0]! : ZERO;
    point[weightName(2, 1, i + 1)] = used ? Q(best.signs[i]!) : ZERO;
  }
  if (b2) point[biasName(2, 1)] = best.theta[best.rs.length * d] ?? ZERO;
  // every parameter of the network, in its order
  return Object.fromEntries(net.params.map((p) => [p, point[p]!]));
}

/** The optimum's point as text: `name = p/q`, in parameter order. */
export const pointText = (point: Readonly<Record<string, Rational>>): string => Object.entries(point).map(([k, v]) => `${k} = ${qtoString(v)}`).join(', ');
