/**
 * Identity activation, any depth: the network is linear regression.
 *
 * In the `layer` convention zˡ = Wˡ aˡ⁻¹ + bˡ, so by induction
 *   f(x) = W^L ⋯ W^1 x + Σₗ W^L ⋯ W^{l+1} bˡ,   β = W^L⋯W^1 (n_L × n_0),  β₀ = Σₗ W^L⋯W^{l+1} bˡ.
 * In the `rows` convention (seed 004) the matrices are the transposes, 𝐖⁽ˡ⁾ = (Wˡ)ᵀ and
 * 𝐛⁽ˡ⁾ = (bˡ)ᵀ, and the same identity reads
 *   β = 𝐖⁽¹⁾𝐖⁽²⁾⋯𝐖⁽ᴸ⁾ (n_0 × n_L),  β₀ = 𝐛⁽¹⁾𝐖⁽²⁾⋯𝐖⁽ᴸ⁾ + ⋯ + 𝐛⁽ᴸ⁾,
 * which for L = 2 is exactly seed 004's (10.18). The seed prints 𝐛⁽¹⁾ᵀ there; with 𝐛⁽¹⁾ a
 * 1 × M row (its own definition) the transpose does not fit the sizes: β₀ = 𝐛⁽¹⁾𝐖⁽²⁾ + 𝐛⁽²⁾.
 */
import { type Node, ZERO_NODE, add, mul } from '../expr/node.js';
import type { NetworkSpec } from '../network/spec.js';
import { toLatex } from '../print/latex.js';
import { type NodeMatrix, matMulNodes, transpose } from './linalg.js';
import { biasColumn, inputColumn, weightMatrix } from './names.js';

/** The collapse of an identity network: β and β₀ as nodes, and the matrix identity in LaTeX. */
export interface LinearCollapse {
  /** one row per output k: the coefficients of x1…x_{n0} (layer layout, n_L × n_0) */
  readonly beta: readonly (readonly Node[])[];
  /** one intercept per output */
  readonly beta0: readonly Node[];
  /** the affine formula Σⱼ βₖⱼ xⱼ + β₀ₖ per output, built from β and β₀ */
  readonly affine: readonly Node[];
  /** the matrix identities in the spec's convention, LaTeX */
  readonly matrixForm: string;
}

/** True when every activation of the spec is the identity. */
export const isLinearSpec = (spec: NetworkSpec): boolean => spec.activations.every((a) => a === 'identity');

/**
 * β and β₀ of a network whose activations are all the identity.
 *
 * @example
 * ```ts
 * const c = linearCollapse({ widths: [2, 3, 1], activations: ['identity', 'identity'], bias: [true, true], loss: 'squared', convention: 'rows' });
 * c.matrixForm; // '\\boldsymbol{\\beta} = \\mathbf{W}^{(1)}\\mathbf{W}^{(2)}, \\quad \\beta_0 = \\mathbf{b}^{(1)}\\mathbf{W}^{(2)} + \\mathbf{b}^{(2)} …'
 * ```
 */
export function linearCollapse(spec: NetworkSpec): LinearCollapse {
  const w = spec.widths;
  const L = w.length - 1;
  // tail[l] = W^L ⋯ W^{l+1} (tail[L] = I, represented by undefined to avoid building 1·x products)
  const tails: (NodeMatrix | undefined)[] = new Array(L + 1);
  tails[L] = undefined;
  for (let l = L - 1; l >= 0; l--) {
    const Wnext = weightMatrix(w, l + 1);
    tails[l] = tails[l + 1] === undefined ? Wnext : matMulNodes(tails[l + 1]!, Wnext);
  }
  const beta = tails[0]!;
  let beta0: Node[] = Array.from({ length: w[L]! }, () => ZERO_NODE);
  for (let l = 1; l <= L; l++) {
    if (!spec.bias[l - 1]) continue;
    const b = biasColumn(w, l);
    const term = tails[l] === undefined ? b : matMulNodes(tails[l]!, b);
    beta0 = beta0.map((v, k) => add(v, term[k]![0]!));
  }
  const x = inputColumn(w[0]!);
  const affine = beta.map((row, k) => add(...row.map((v, j) => mul(v, x[j]![0]!)), beta0[k]!));
  return { beta, beta0, affine, matrixForm: matrixForm(spec, beta, beta0) };
}

const bmatrix = (m: NodeMatrix): string => `\\begin{bmatrix} ${m.map((r) => r.map(toLatex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;

/** The identity as matrices of the convention, then the entries. */
function matrixForm(spec: NetworkSpec, beta: NodeMatrix, beta0: readonly Node[]): string {
  const L = spec.widths.length - 1;
  const layers = Array.from({ length: L }, (_, i) => i + 1);
  const biased = layers.filter((l) => spec.bias[l - 1]);
  if (spec.convention === 'rows') {
    // β = 𝐖⁽¹⁾⋯𝐖⁽ᴸ⁾, β₀ = Σₗ 𝐛⁽ˡ⁾𝐖⁽ˡ⁺¹⁾⋯𝐖⁽ᴸ⁾ (row vectors on the left)
    const W = (l: number): string => `\\mathbf{W}^{(${l})}`;
    const b0 = biased.map((l) => `\\mathbf{b}^{(${l})}${layers.filter((m) => m > l).map(W).join('')}`);
    return (
      `\\boldsymbol{\\beta} = ${layers.map(W).join('')}, \\quad \\beta_0 = ${b0.length === 0 ? '0' : b0.join(' + ')}` +
      `; \\quad \\boldsymbol{\\beta} = ${bmatrix(transpose(beta))}, \\quad \\beta_0 = ${bmatrix([beta0])}`
    );
  }
  // layer: β = W^L ⋯ W^1, β₀ = Σₗ W^L ⋯ W^{l+1} bˡ (column vectors on the right)
  // matrices in bold capitals, vectors in bold lower case, as in the rows layout and the pages
  const W = (l: number): string => `\\mathbf{W}^{(${l})}`;
  const desc = [...layers].reverse();
  const b0 = biased.map((l) => `${desc.filter((m) => m > l).map(W).join('')}\\mathbf{b}^{(${l})}`);
  return (
    `\\boldsymbol{\\beta} = ${desc.map(W).join('')}, \\quad \\boldsymbol{\\beta}_0 = ${b0.length === 0 ? '0' : b0.join(' + ')}` +
    `; \\quad \\boldsymbol{\\beta} = ${bmatrix(beta)}, \\quad \\boldsymbol{\\beta}_0 = ${bmatrix(beta0.map((v) => [v]))}`
  );
}
