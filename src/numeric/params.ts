/**
 * Parameters as dense mathjs matrices in the layer layout of seed 002: W^ℓ is n_ℓ × n_{ℓ−1} and
 * B^ℓ is an n_ℓ × 1 column (zeros when layer ℓ has no bias), whatever `spec.convention` says —
 * conventions only change printing. Points are records by the names `w{l}_{i}_{j}` (into neuron
 * i of layer l from neuron j of layer l−1) and `b{l}_{i}`; the engine derives these names from the
 * widths itself, independently of the network module.
 */
import type { Matrix } from 'mathjs';
import type { NetworkSpec } from '../network/spec.js';
import { NumericError, engineMath, mathjsActivation } from './mathjs.js';
import { type Rng, seededRng } from '../util/rng.js';

export { type Rng, seededRng };

/** W[ℓ−1] = W^ℓ (n_ℓ × n_{ℓ−1}), b[ℓ−1] = B^ℓ (n_ℓ × 1), ℓ = 1…L. */
export interface EngineParams {
  readonly W: readonly Matrix[];
  readonly b: readonly Matrix[];
}

/** A source of uniform doubles in [0, 1). */


/**
 * Check the parts of a spec the engine relies on: widths positive integers, one known activation
 * and one bias flag per layer, a known loss. Throws {@link NumericError}.
 *
 * @example
 * ```ts
 * import { checkEngineSpec } from 'closedform';
 * checkEngineSpec({ widths: [2, 1], activations: ['nope'], bias: [true], loss: 'squared', convention: 'layer' });
 * // throws ArgumentError: checkEngineSpec(): spec is not a valid spec: unknown activation 'nope' …
 * ```
 */
export function checkEngineSpec(spec: NetworkSpec): void {
  const { widths, activations, bias, loss } = spec;
  if (widths.length < 2) throw new NumericError(`a network needs at least two widths [n0, n1], got ${widths.length}`);
  for (const n of widths) if (!Number.isInteger(n) || n < 1) throw new NumericError(`width ${n} is not a positive integer`);
  const L = widths.length - 1;
  if (activations.length !== L) throw new NumericError(`${L} layers need ${L} activations, got ${activations.length}`);
  if (bias.length !== L) throw new NumericError(`${L} layers need ${L} bias flags, got ${bias.length}`);
  if (loss !== 'squared' && loss !== 'half-squared') throw new NumericError(`unknown loss '${String(loss)}'`);
  for (const a of activations) mathjsActivation(a);
}

/**
 * The parameter names in the engine's order: layer by layer, `w{l}_{i}_{j}` (i, then j), then
 * `b{l}_{i}` when the layer has a bias.
 *
 * @example
 * ```ts
 * import { engineParamNames } from 'closedform';
 * engineParamNames({ widths: [2, 1], activations: ['identity'], bias: [true], loss: 'squared', convention: 'layer' });
 * // ['w1_1_1', 'w1_1_2', 'b1_1']
 * ```
 */
export function engineParamNames(spec: NetworkSpec): string[] {
  const names: string[] = [];
  const w = spec.widths;
  for (let l = 1; l < w.length; l++) {
    for (let i = 1; i <= w[l]!; i++) for (let j = 1; j <= w[l - 1]!; j++) names.push(`w${l}_${i}_${j}`);
    if (spec.bias[l - 1]) for (let i = 1; i <= w[l]!; i++) names.push(`b${l}_${i}`);
  }
  return names;
}

/** Build parameters from an entry function e(kind, l, i, j) (1-based; j = 0 for biases). */
function build(spec: NetworkSpec, entry: (kind: 'w' | 'b', l: number, i: number, j: number) => number): EngineParams {
  const w = spec.widths;
  const W: Matrix[] = [];
  const b: Matrix[] = [];
  for (let l = 1; l < w.length; l++) {
    const rows: number[][] = [];
    for (let i = 1; i <= w[l]!; i++) {
      const row: number[] = [];
      for (let j = 1; j <= w[l - 1]!; j++) row.push(entry('w', l, i, j));
      rows.push(row);
    }
    W.push(engineMath().matrix(rows));
    const col: number[][] = [];
    for (let i = 1; i <= w[l]!; i++) col.push([spec.bias[l - 1] ? entry('b', l, i, 0) : 0]);
    b.push(engineMath().matrix(col));
  }
  return Object.freeze({ W, b });
}

/**
 * Parameters from a point given by name. Every name of {@link engineParamNames} must be present and
 * finite; an unknown name is an error.
 *
 * @example
 * ```ts
 * import { paramsFromPoint } from 'closedform';
 * const spec = { widths: [1, 1], activations: ['identity'], bias: [true], loss: 'squared', convention: 'layer' } as const;
 * paramsFromPoint(spec, { w1_1_1: 2, b1_1: -1 }).W[0].get([0, 0]); // 2
 * ```
 */
export function paramsFromPoint(spec: NetworkSpec, point: Readonly<Record<string, number>>): EngineParams {
  checkEngineSpec(spec);
  const names = engineParamNames(spec);
  const known = new Set(names);
  for (const k of Object.keys(point)) if (!known.has(k)) throw new NumericError(`unknown parameter '${k}' (this network has ${names.length}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`);
  const get = (name: string): number => {
    const v = point[name];
    if (v === undefined) throw new NumericError(`missing parameter '${name}'`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new NumericError(`parameter '${name}' is not a finite number: ${String(v)}`);
    return v;
  };
  return build(spec, (kind, l, i, j) => get(kind === 'w' ? `w${l}_${i}_${j}` : `b${l}_${i}`));
}

/**
 * The point (by name) of some parameters: the inverse of {@link paramsFromPoint}. Biases of layers
 * without bias are not parameters and are left out.
 *
 * @example
 * ```ts
 * import { pointFromParams, randomParams, seededRng } from 'closedform';
 * const spec = { widths: [1, 1], activations: ['identity'], bias: [false], loss: 'squared', convention: 'layer' } as const;
 * Object.keys(pointFromParams(spec, randomParams(spec, seededRng(1)))); // ['w1_1_1']
 * ```
 */
export function pointFromParams(spec: NetworkSpec, p: EngineParams): Record<string, number> {
  const out: Record<string, number> = {};
  const v = flattenParams(spec, p);
  engineParamNames(spec).forEach((n, k) => (out[n] = v[k]!));
  return out;
}

/**
 * The parameters as one vector in {@link engineParamNames} order.
 *
 * @example
 * ```ts
 * import { flattenParams, paramsFromPoint, parseSpec } from 'closedform';
 * const spec = parseSpec('1-1:identity');
 * flattenParams(spec, paramsFromPoint(spec, { b1_1: 1, w1_1_1: 2 })); // Float64Array [2, 1]
 * ```
 */
export function flattenParams(spec: NetworkSpec, p: EngineParams): Float64Array {
  const w = spec.widths;
  const out: number[] = [];
  for (let l = 1; l < w.length; l++) {
    const Wl = p.W[l - 1]!;
    for (let i = 0; i < w[l]!; i++) for (let j = 0; j < w[l - 1]!; j++) out.push(Wl.get([i, j]) as number);
    if (spec.bias[l - 1]) for (let i = 0; i < w[l]!; i++) out.push(p.b[l - 1]!.get([i, 0]) as number);
  }
  return Float64Array.from(out);
}

/**
 * Parameters from a vector in {@link engineParamNames} order (inverse of {@link flattenParams}).
 *
 * @example
 * ```ts
 * import { parseSpec, unflattenParams } from 'closedform';
 * unflattenParams(parseSpec('1-1:identity'), [2, 1]).W[0].get([0, 0]); // 2 (w1_1_1; b1_1 = 1)
 * ```
 */
export function unflattenParams(spec: NetworkSpec, v: ArrayLike<number>): EngineParams {
  const P = engineParamNames(spec).length;
  if (v.length !== P) throw new NumericError(`expected ${P} parameter values, got ${v.length}`);
  let k = 0;
  // build() visits w{l}_{i}_{j} (i, then j) then b{l}_{i}, layer by layer: the engineParamNames order.
  return build(spec, () => v[k++]!);
}

/**
 * Random parameters, each uniform in [−scale, scale], from a seeded generator.
 *
 * @example
 * ```ts
 * import { parseSpec, randomParams, seededRng } from 'closedform';
 * const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
 * randomParams(spec, seededRng(7)).W[1].size(); // [3, 2]
 * ```
 */
export function randomParams(spec: NetworkSpec, rng: Rng, scale = 1): EngineParams {
  checkEngineSpec(spec);
  return build(spec, () => scale * (2 * rng() - 1));
}

/**
 * All-zero parameters, as seed 002's numpy initialises them (`np.zeros`).
 *
 * @example
 * ```ts
 * import { parseSpec, pointFromParams, zeroParams } from 'closedform';
 * const spec = parseSpec('1-1:identity');
 * pointFromParams(spec, zeroParams(spec)); // { w1_1_1: 0, b1_1: 0 }
 * ```
 */
export function zeroParams(spec: NetworkSpec): EngineParams {
  checkEngineSpec(spec);
  return build(spec, () => 0);
}
