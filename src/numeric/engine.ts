/**
 * Forward pass, loss and backpropagation on mathjs matrices, exactly as seed 002 writes them
 * (eqs. 2, 6, 22–25), with the seed's misprint in eq. 22 corrected:
 *
 *   Z^ℓ = W^ℓ A^{ℓ−1} + B^ℓ,   A^ℓ = σ_ℓ(Z^ℓ),   A^0 = input                     (2)
 *   ∇_A^L = ∂loss/∂A^L = 2(A^L − Y) for Σ(f−y)², A^L − Y for ½Σ(f−y)²            (25)
 *   ∇_B^ℓ = σ_ℓ′(Z^ℓ) ⊙ ∇_A^ℓ        (the seed prints A^{ℓ−1} ⊙ ∇_A^ℓ: a misprint,  (22)
 *                                     its own eq. 10 and its numpy use σ′(z))
 *   ∇_W^ℓ = ∇_B^ℓ ⊗ A^{ℓ−1}          (outer product, n_ℓ × n_{ℓ−1})               (23)
 *   ∇_A^{ℓ−1} = (W^ℓ)ᵀ ∇_B^ℓ         (eq. 24 as a column: (∇_B^ℓ)ᵀ W^ℓ transposed) (24)
 *
 * No core node, `diff`, `grad`, `compile` or activation `numeric` closure is used here.
 */
import type { Matrix } from 'mathjs';
import type { NetworkSpec } from '../network/spec.js';
import type { Dataset } from '../network/build.js';
import { qtoNumber } from '../expr/rational.js';
import { NumericError, engineMath, mapEntries, mathjsActivation } from './mathjs.js';
import { type EngineParams, flattenParams, engineParamNames, unflattenParams } from './params.js';

/** One data point: input x (length n0) and target y (length nL). */
export interface Sample {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/**
 * The network module's exact data set as engine samples (rationals rounded to doubles).
 *
 * @example
 * ```ts
 * import { Q, samplesFromDataset } from 'closedform';
 * samplesFromDataset({ inputs: [[Q(1, 2)]], targets: [[Q(3)]] }); // [{ x: [0.5], y: [3] }]
 * ```
 */
export const samplesFromDataset = (d: Dataset): Sample[] =>
  d.inputs.map((row, p) => ({ x: row.map(qtoNumber), y: (d.targets[p] ?? []).map(qtoNumber) }));

/** Parameters must have the spec's shapes: W^ℓ n_ℓ × n_{ℓ−1}, B^ℓ n_ℓ × 1. */
export function checkShapes(spec: NetworkSpec, p: EngineParams): void {
  const w = spec.widths;
  if (p.W.length !== w.length - 1 || p.b.length !== w.length - 1) throw new NumericError(`parameters have ${p.W.length} layers, the network ${w.length - 1}`);
  for (let l = 1; l < w.length; l++) {
    const [r, c] = p.W[l - 1]!.size();
    const [br, bc] = p.b[l - 1]!.size();
    if (r !== w[l] || c !== w[l - 1]) throw new NumericError(`W^${l} is ${r}×${c}, the network needs ${w[l]}×${w[l - 1]}`);
    if (br !== w[l] || bc !== 1) throw new NumericError(`B^${l} is ${br}×${bc}, the network needs ${w[l]}×1`);
  }
}

/** Every intermediate of a forward pass: Z[ℓ−1] = Z^ℓ, A[ℓ−1] = A^ℓ (columns); A[L−1] is the output. */
export interface ForwardPass {
  readonly input: Matrix;
  readonly Z: readonly Matrix[];
  readonly A: readonly Matrix[];
}

const column = (v: readonly number[]): Matrix => engineMath().matrix(v.map((x) => [x]));
/**
 * The entries of an n × 1 column as a plain array.
 *
 * @example
 * ```ts
 * import { columnEntries, engineForward, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('2-3:sigmoid');
 * columnEntries(engineForward(spec, zeroParams(spec), [1, 2]).A[0]); // [0.5, 0.5, 0.5]
 * ```
 */
export const columnEntries = (m: Matrix): number[] => (m.toArray() as number[][]).map((r) => r[0]!);

function checkVector(v: readonly number[], n: number, what: string): void {
  if (v.length !== n) throw new NumericError(`${what} has length ${v.length}, the network needs ${n}`);
  for (const x of v) if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(`${what} has a non-finite entry ${String(x)}`);
}

/**
 * The forward pass Z^ℓ = W^ℓ A^{ℓ−1} + B^ℓ, A^ℓ = σ_ℓ(Z^ℓ).
 *
 * @example
 * ```ts
 * import { engineForward, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half'); // seed 002
 * engineForward(spec, zeroParams(spec), [1, 1, 1]).A[2].toArray(); // [[0.5], [0.5], [0.5], [0.5]]
 * ```
 */
export function engineForward(spec: NetworkSpec, p: EngineParams, x: readonly number[]): ForwardPass {
  checkVector(x, spec.widths[0]!, 'input');
  checkShapes(spec, p);
  const input = column(x);
  const Z: Matrix[] = [];
  const A: Matrix[] = [];
  let prev = input;
  for (let l = 1; l < spec.widths.length; l++) {
    const z = engineMath().add(engineMath().multiply(p.W[l - 1]!, prev), p.b[l - 1]!) as Matrix;
    const a = mapEntries(z, mathjsActivation(spec.activations[l - 1]!).f);
    Z.push(z);
    A.push(a);
    prev = a;
  }
  return { input, Z, A };
}

/**
 * The network's outputs f(x) = A^L as numbers.
 *
 * @example
 * ```ts
 * import { engineOutputs, paramsFromPoint, parseSpec } from 'closedform';
 * const spec = parseSpec('1-1:identity');
 * engineOutputs(spec, paramsFromPoint(spec, { w1_1_1: 2, b1_1: 1 }), [3]); // [7]
 * ```
 */
export const engineOutputs = (spec: NetworkSpec, p: EngineParams, x: readonly number[]): number[] => columnEntries(engineForward(spec, p, x).A.at(-1)!);

/**
 * The loss of one data point: Σ(f−y)² (`squared`) or ½Σ(f−y)² (`half-squared`).
 *
 * @example
 * ```ts
 * import { engineLoss, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
 * // seed 002: outputs 1/2, targets 2: ½·4·(3/2)² = 9/2
 * engineLoss(spec, zeroParams(spec), { x: [1, 1, 1], y: [2, 2, 2, 2] }); // 4.5
 * ```
 */
export function engineLoss(spec: NetworkSpec, p: EngineParams, s: Sample): number {
  checkVector(s.y, spec.widths.at(-1)!, 'target');
  const r = engineMath().subtract(engineForward(spec, p, s.x).A.at(-1)!, column(s.y)) as Matrix;
  const ss = engineMath().sum(engineMath().dotMultiply(r, r)) as number;
  return spec.loss === 'half-squared' ? ss / 2 : ss;
}

/**
 * The loss summed over a data set: Σ_samples loss (as the network module's `datasetLoss`).
 *
 * @example
 * ```ts
 * import { engineDatasetLoss, paramsFromPoint, parseSpec } from 'closedform';
 * const spec = parseSpec('1-1:identity');
 * const p = paramsFromPoint(spec, { w1_1_1: 1, b1_1: 0 });
 * engineDatasetLoss(spec, p, [{ x: [1], y: [3] }, { x: [2], y: [5] }]); // (1 − 3)² + (2 − 5)² = 13
 * ```
 */
export const engineDatasetLoss = (spec: NetworkSpec, p: EngineParams, data: readonly Sample[]): number =>
  data.reduce((acc, s) => acc + engineLoss(spec, p, s), 0);

/** The gradient of the loss in the shape of the parameters, with the backward intermediates. */
export interface Backprop {
  /** ∇_W^ℓ at index ℓ−1 */
  readonly W: readonly Matrix[];
  /** ∇_B^ℓ at index ℓ−1 (present for every layer; a parameter only where the layer has a bias) */
  readonly b: readonly Matrix[];
  /** ∇_A^ℓ at index ℓ−1 */
  readonly A: readonly Matrix[];
  readonly pass: ForwardPass;
}

/**
 * Backpropagation for one data point (eqs. 22–25 above).
 *
 * @example
 * ```ts
 * import { engineBackprop, parseSpec, zeroParams } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
 * // seed 002 with zero weights: ∇_B^3 = σ′(0)·(1/2 − 2) = −3/(2π) in every entry
 * engineBackprop(spec, zeroParams(spec), { x: [1, 1, 1], y: [2, 2, 2, 2] }).b[2].get([0, 0]); // −0.477…
 * ```
 */
export function engineBackprop(spec: NetworkSpec, p: EngineParams, s: Sample): Backprop {
  const pass = engineForward(spec, p, s.x);
  checkVector(s.y, spec.widths.at(-1)!, 'target');
  const L = spec.widths.length - 1;
  const gW: Matrix[] = new Array<Matrix>(L);
  const gB: Matrix[] = new Array<Matrix>(L);
  const gA: Matrix[] = new Array<Matrix>(L);
  const r = engineMath().subtract(pass.A[L - 1]!, column(s.y)) as Matrix;
  gA[L - 1] = spec.loss === 'half-squared' ? r : (engineMath().multiply(2, r) as Matrix); // (25)
  for (let l = L; l >= 1; l--) {
    const prev = l === 1 ? pass.input : pass.A[l - 2]!;
    const dsigma = mapEntries(pass.Z[l - 1]!, mathjsActivation(spec.activations[l - 1]!).df);
    gB[l - 1] = engineMath().dotMultiply(dsigma, gA[l - 1]!) as Matrix; // (22) σ′(Z^ℓ) ⊙ ∇_A^ℓ
    gW[l - 1] = engineMath().multiply(gB[l - 1]!, engineMath().transpose(prev)) as Matrix; // (23) ∇_B^ℓ ⊗ A^{ℓ−1}
    if (l > 1) gA[l - 2] = engineMath().multiply(engineMath().transpose(p.W[l - 1]!), gB[l - 1]!) as Matrix; // (24)
  }
  return { W: gW, b: gB, A: gA, pass };
}

/**
 * The gradient of Σ_samples loss as a vector in {@link engineParamNames} order (engineBackprop, summed).
 *
 * @example
 * ```ts
 * import { engineGradient, parseSpec, randomParams, seededRng } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
 * engineGradient(spec, randomParams(spec, seededRng(1)), [{ x: [1, 1, 1], y: [2, 2, 2, 2] }]); // Float64Array(33)
 * ```
 */
export function engineGradient(spec: NetworkSpec, p: EngineParams, data: readonly Sample[]): Float64Array {
  const g = new Float64Array(engineParamNames(spec).length);
  for (const s of data) {
    const bp = engineBackprop(spec, p, s);
    const v = flattenParams(spec, { W: bp.W, b: bp.b });
    for (let k = 0; k < g.length; k++) g[k]! += v[k]!;
  }
  return g;
}

/**
 * The step of a central difference in coordinate θ: h = ∛ε·max(1, |θ|) ≈ 6·10⁻⁶·max(1, |θ|).
 * Truncation error is O(h²·f‴) and rounding error O(ε·f/h); h ∝ ∛ε balances them, leaving an
 * error near ε^{2/3} ≈ 4·10⁻¹¹ relative to the size of f and its third derivative.
 */
export const FD_STEP = Math.cbrt(Number.EPSILON);

/**
 * Central finite differences of Σ_samples loss, one coordinate at a time, in
 * {@link engineParamNames} order: (L(θ + h e_k) − L(θ − h e_k)) / 2h. With `coordinates`, only
 * those entries are computed (the others are NaN): each costs two full loss evaluations.
 *
 * @example
 * ```ts
 * import { finiteDifferenceGradient, parseSpec, randomParams, seededRng } from 'closedform';
 * const spec = parseSpec('2-3-1');
 * const data = [{ x: [0.5, -1], y: [2] }];
 * // agrees with engineGradient(spec, p, data) to about 1e-9 away from kinks
 * finiteDifferenceGradient(spec, randomParams(spec, seededRng(3)), data);
 * ```
 */
export function finiteDifferenceGradient(spec: NetworkSpec, p: EngineParams, data: readonly Sample[], coordinates?: readonly number[]): Float64Array {
  const theta = flattenParams(spec, p);
  return centralDifferences(theta, (v) => engineDatasetLoss(spec, unflattenParams(spec, v), data), coordinates);
}

/**
 * Central differences of a scalar function of a vector, coordinate by coordinate (all of them,
 * or only `coordinates`; the others are NaN).
 *
 * @example
 * ```ts
 * import { centralDifferences } from 'closedform';
 * centralDifferences(Float64Array.from([1, 2]), (v) => v[0] * v[1] ** 2); // ≈ [4, 4]
 * ```
 */
export function centralDifferences(theta: Float64Array, f: (v: Float64Array) => number, coordinates?: readonly number[]): Float64Array {
  const out = new Float64Array(theta.length);
  const v = Float64Array.from(theta);
  if (coordinates !== undefined) out.fill(Number.NaN);
  for (const k of coordinates ?? theta.keys()) {
    if (!Number.isInteger(k) || k < 0 || k >= theta.length) throw new NumericError(`coordinate ${k} is outside 0…${theta.length - 1}`);
    const h = FD_STEP * Math.max(1, Math.abs(theta[k]!));
    v[k] = theta[k]! + h;
    const up = f(v);
    v[k] = theta[k]! - h;
    const down = f(v);
    v[k] = theta[k]!;
    out[k] = (up - down) / (2 * h);
  }
  return out;
}
