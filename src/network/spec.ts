/**
 * A dense network, as plain data. Parsing (compact string, JSON) and validation live beside
 * this type in the network module.
 */
export type Loss = 'squared' | 'half-squared';
export type Convention = 'layer' | 'rows';

export interface NetworkSpec {
  /** [n0, n1, …, nL]: n0 inputs, nL outputs, L ≥ 1 layers of weights. */
  readonly widths: readonly number[];
  /** One registry name per layer ℓ = 1…L (index ℓ−1). */
  readonly activations: readonly string[];
  /** Whether layer ℓ has a bias vector (index ℓ−1). */
  readonly bias: readonly boolean[];
  /** `squared`: Σ(f−y)²; `half-squared`: ½Σ(f−y)². */
  readonly loss: Loss;
  /**
   * `layer` (seed 002): W^ℓ is n_ℓ × n_{ℓ−1}, z = W a + b.
   * `rows` (seed 004): H = σ(X W₁ + b₁), W₁ is n_0 × n_1 (the transpose). The symbols are the
   * same in both conventions (`w{l}_{i}_{j}`: into neuron i of layer l from neuron j of layer
   * l−1); only the matrix layout in the printed equations differs.
   */
  readonly convention: Convention;
}

/**
 * A network whose widths may be letters (`p-M-1`, `n0-n1-n2-1`): a general size, one per layer.
 * It has no concrete DAG; src/network/sizes.ts gives its equations with indexed sums, vectorised
 * forms and its parameter count as a polynomial in the letters. The same letter twice is the same
 * size (`p-M-M-1` has two hidden layers of width M).
 */
export interface SymbolicSpec extends Omit<NetworkSpec, 'widths'> {
  readonly widths: readonly (number | string)[];
}

/** A spec read by `readSizedSpec`: concrete (numbers only) or symbolic (at least one letter width). */
export type SizedSpec = { readonly kind: 'concrete'; readonly spec: NetworkSpec } | { readonly kind: 'symbolic'; readonly spec: SymbolicSpec };
