/**
 * The class of a network from its activations' `structure` facets: polynomial (with the degree
 * of the output in the inputs and in the parameters), piecewise polynomial (the ReLU family,
 * with the pieces per unit), or transcendental — each with the reason.
 */
import type { Structure } from '../activations/activation.js';
import { getActivation } from '../activations/registry.js';
import type { NetworkSpec } from '../network/spec.js';
import { AnalysisError } from './errors.js';

/** Degrees of the output as a polynomial: in the inputs x and in the parameters θ. */
export interface Degrees {
  readonly inputs: number;
  readonly params: number;
}

export type NetworkClass =
  | { readonly kind: 'polynomial'; readonly degree: Degrees; readonly linear: boolean; readonly reason: string }
  | {
      readonly kind: 'piecewise';
      /** the degree on each region (every piecewise unit fixed to one of its pieces) */
      readonly degree: Degrees;
      /** hidden and output units whose activation is piecewise */
      readonly piecewiseUnits: number;
      /** pieces per unit, per layer (1 for a polynomial layer) */
      readonly piecesPerUnit: readonly number[];
      /** upper bound on the number of activation patterns: Π over units of their pieces */
      readonly patternBound: bigint;
      readonly reason: string;
    }
  | { readonly kind: 'transcendental'; readonly layers: readonly number[]; readonly reason: string };

/** The structure facet of each layer's activation, or an AnalysisError naming an unknown one. */
export function layerStructures(spec: NetworkSpec): Structure[] {
  return spec.activations.map((name, i) => {
    const a = getActivation(name);
    if (a === undefined) throw new AnalysisError(`layer ${i + 1}: unknown activation '${name}'`);
    return a.structure;
  });
}

/**
 * Degrees of the output for activations of degree d₁…d_L (generic: attained unless
 * coefficients cancel). With a⁰ = x: deg_x zˡ = deg_x aˡ⁻¹, deg_x aˡ = dₗ·deg_x zˡ, so
 * deg_x f = Π dₗ; and deg_θ zˡ = 1 + deg_θ aˡ⁻¹ (a weight times the previous layer), deg_θ aˡ =
 * dₗ·deg_θ zˡ, so deg_θ f = d_L(1 + d_{L−1}(1 + ⋯ d₁)).
 *
 * @example
 * ```ts
 * outputDegrees([2, 2]); // { inputs: 4, params: 6 } — seed 000's quartic
 * ```
 */
export function outputDegrees(degrees: readonly number[]): Degrees {
  let inputs = 1;
  let params = 0;
  for (const d of degrees) {
    inputs *= d;
    params = d * (1 + params);
  }
  return { inputs, params };
}

/**
 * Classify a network. Transcendental wins over piecewise, piecewise over polynomial.
 *
 * @example
 * ```ts
 * classify({ widths: [1, 2, 1], activations: ['quadratic', 'quadratic'], bias: [true, true], loss: 'squared', convention: 'layer' });
 * // { kind: 'polynomial', degree: { inputs: 4, params: 6 }, … }
 * ```
 */
export function classify(spec: NetworkSpec): NetworkClass {
  const st = layerStructures(spec);
  const trans = st.flatMap((s, i) => (s.kind === 'transcendental' ? [i + 1] : []));
  if (trans.length > 0) {
    const why = trans.map((l) => `layer ${l} (${spec.activations[l - 1]}: ${(st[l - 1] as { reason: string }).reason})`).join('; ');
    return {
      kind: 'transcendental',
      layers: trans,
      reason: `the output is not a polynomial in the parameters: ${why}, so ∇L = 0 is not a polynomial system`,
    };
  }
  const pieceDegree = st.map((s) => (s.kind === 'polynomial' ? s.degree : s.kind === 'piecewise' ? Math.max(...s.degrees) : 0));
  const degree = outputDegrees(pieceDegree);
  if (st.some((s) => s.kind === 'piecewise')) {
    let units = 0;
    let bound = 1n;
    const piecesPerUnit = st.map((s, i) => {
      if (s.kind !== 'piecewise') return 1;
      const n = spec.widths[i + 1]!;
      units += n;
      bound *= BigInt(s.pieces) ** BigInt(n);
      return s.pieces;
    });
    const names = [...new Set(spec.activations.filter((_, i) => st[i]!.kind === 'piecewise'))].join(', ');
    return {
      kind: 'piecewise',
      degree,
      piecewiseUnits: units,
      piecesPerUnit,
      patternBound: bound,
      reason: `${names} ${names.includes(',') ? 'are' : 'is'} polynomial on each side of its breakpoint, so on each activation pattern (at most ${bound} for ${units} piecewise unit${units === 1 ? '' : 's'}) the output is a polynomial of degree ≤ ${degree.inputs} in x`,
    };
  }
  const linear = pieceDegree.every((d) => d === 1);
  return {
    kind: 'polynomial',
    degree,
    linear,
    reason: linear
      ? 'every activation is the identity: the network is an affine map of x, i.e. linear regression'
      : `every activation is a polynomial (degrees ${pieceDegree.join(', ')}), so the output is a polynomial of degree ${degree.inputs} in x and ${degree.params} in the parameters`,
  };
}
