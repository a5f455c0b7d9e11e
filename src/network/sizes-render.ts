/**
 * The model of a network of general sizes as printed equations: text (for the terminal and JSON)
 * or LaTeX (for derivation pages), in the model's notation. Plain data out, so that the CLI, the
 * report layer and a notebook show the same equations.
 */
import { type Notation, printEquation } from './indexed.js';
import { printMatrix, printMatrixEquation } from './matrices.js';
import { formatSizePolynomial, type SymbolicModel } from './sizes.js';

/** The printed model; every list is in reading order. */
export interface RenderedModel {
  readonly widths: string;
  readonly notation: Notation;
  readonly convention: 'layer' | 'rows';
  readonly letters: readonly string[];
  /** the parameter count as a polynomial in the letters (`M*p + 2*M + 1`) */
  readonly parameterCount: string;
  /** one equation per layer, σ of the indexed sum (seed 004's 10.1) */
  readonly neurons: readonly string[];
  /** z and a per layer, the names the backprop uses */
  readonly forward: readonly string[];
  /** one data point, no Σ */
  readonly units: readonly string[];
  /** n data points as the rows of X, no loop */
  readonly data: readonly string[];
  /** δ and ∂L/∂θ per index */
  readonly backprop: readonly string[];
  /** δ, ∂L/∂W, ∂L/∂b as matrices */
  readonly backpropMatrix: readonly string[];
  /** identity networks: the derivation of β and β₀, each line with the identity it uses */
  readonly collapse?: {
    readonly blocks: readonly { readonly lhs: string; readonly rows: readonly { readonly rhs: string; readonly rule: string }[] }[];
    readonly beta: string;
    readonly beta0?: string;
    readonly how: string;
  };
}

/**
 * The equations of a symbolic model as text or LaTeX.
 *
 * @example
 * ```ts
 * const r = renderSymbolicModel(symbolicModel(parseSizedSpec('p-M-1:identity:rows').spec as SymbolicSpec, 'seed004'), 'text');
 * r.neurons[0]; // 'h[m] = beta1[0,m] + sum(j = 1..p, beta1[j,m]*x[j]),  m = 1..M'
 * r.collapse?.beta; // 'W1*W2'
 * ```
 */
export function renderSymbolicModel(model: SymbolicModel, format: 'text' | 'latex'): RenderedModel {
  const latex = format === 'latex';
  const { spec, notation } = model;
  const eq = (e: Parameters<typeof printEquation>[0]): string => printEquation(e, spec, notation, latex);
  const meq = (e: Parameters<typeof printMatrixEquation>[0]): string => printMatrixEquation(e, spec, latex);
  const mat = (e: Parameters<typeof printMatrix>[0]): string => printMatrix(e, spec, latex);
  const c = model.collapse;
  return {
    widths: spec.widths.join('-'),
    notation,
    convention: spec.convention,
    letters: model.letters,
    parameterCount: formatSizePolynomial(model.parameterCount, latex),
    neurons: model.neurons.map(eq),
    forward: model.forward.map(eq),
    units: model.units.map(meq),
    data: model.data.map(meq),
    backprop: model.backprop.map(eq),
    backpropMatrix: model.backpropMatrix.map(meq),
    ...(c === undefined
      ? {}
      : {
          collapse: {
            blocks: c.blocks.map((b) => ({ lhs: mat(b.lhs), rows: b.rows.map((r) => ({ rhs: mat(r.expr), rule: r.rule })) })),
            beta: mat(c.beta),
            ...(c.beta0 !== undefined ? { beta0: mat(c.beta0) } : {}),
            how: c.how,
          },
        }),
  };
}
